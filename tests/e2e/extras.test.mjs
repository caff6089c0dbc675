// End-to-end: the deferred modules (src/extras.rs, src/extras_client.rs), the views the first view
// does not need: the extras (article pages, search results, recent searches and pinned
// comparisons, pictures, entity and comparison pages) and the collections panel. The
// home page lists its articles without them; files chosen in the home page's input before the
// panel's module has loaded are imported once it has; when one cannot be loaded (offline, never
// cached) each of its places says so with "Try again", which then works; their buttons and links act
// on the explorer (each module's yew app handles only its own events); a cold deep link to an
// article, then search results, entity, comparison and picture views load the extras once, and the explorer hands them its corpus bundle (no second
// download); a visit that opens no files never fetches the collections panel. Needs dist/ from
// `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, chooseFiles } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const TEXT =
  'Ferry Crews Finish Repairs on the Gull Island Pier\n\nBy Lena Varga\n\nPortvale: Crews finished rebuilding the ' +
  'storm-damaged pier on Gull Island on Monday, two weeks ahead of the winter timetable.\n\nThe harbour office said ' +
  'the evening crossings would now stop at the new landing stage.\n';

const EXTRAS = /\/(extras|collections_panel)(_bg\.wasm|\.js)$/;

test('the first view needs no extras; chosen files wait for them; a failed load offers Try again', async () => {
  const server = await serve();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  let reachable = false;
  await page.route(EXTRAS, (route) => (reachable ? route.continue() : route.abort()));

  // With the module held back the explorer still lists its articles.
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  assert.match(await page.locator('.private-note').innerText(), /Nothing is uploaded/);
  // The pictures, which it draws, say they could not be loaded.
  await page.waitForSelector('main .error-panel');
  assert.match(await page.locator('main .error-panel').first().innerText(), /could not be loaded/);

  // Files chosen now wait for the module: its place says it could not be loaded either.
  await chooseFiles(page, [{ name: 'pier.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
  await page.waitForFunction(() => document.querySelectorAll('main .error-panel').length === 2);
  assert.equal(await page.locator('#app .article-card').count() > 0, true, 'the articles stay listed');

  reachable = true;
  // Each place that said so is retried.
  for (let i = 0; i < 2; i++) {
    const retry = page.getByRole('button', { name: 'Try again' });
    if (await retry.count()) await retry.first().click({ timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(300);
  }
  // The file chosen before is imported now, and its collection opens.
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 60000 });
  await page.waitForSelector('#app .article-card');
  const titles = await page.locator('.article-card .card-title').allInnerTexts();
  assert.deepEqual(titles.length, 1, `the one imported article: ${titles}`);
  assert.match(titles[0], /Ferry Crews Finish Repairs/);

  // The panel's own buttons act on the explorer: back to the built-in articles.
  await page.locator('.collection:first-child button', { hasText: 'Open' }).click();
  await page.waitForSelector('.collection.current:first-child');
  await page.waitForFunction(() => document.querySelectorAll('#app .article-card').length > 1);
  await page.waitForSelector('.story-matrix .pic-row', { timeout: 60000 });
  // A click in the explorer's own page still works beside the panel (its events stay its own).
  await page.locator('.article-card a').first().click();
  await page.waitForSelector('.article-title');
  // The failed downloads are the ones held back above.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
  await server.close();
});

test('article, search, entity, comparison and picture views come from the extras module, fetched once, and link back to the explorer', async () => {
  const server = await serve();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));

  // A cold deep link to an article: the explorer starts, then the extras draw the page.
  await page.goto(server.url + '#/article/kadhimi-biden-to-meet-soon-discuss');
  await page.waitForSelector('.article-title', { timeout: 60000 });
  // Its switches act on the page the extras drew (by keyboard: a pointer left over the home
  // page's import buttons would fetch the collections module).
  await page.locator('#noise-toggle').focus();
  await page.keyboard.press('Space');
  await page.waitForSelector('.article.showing-noise');
  // Typing in the explorer's search box shows the extras' results, and the box keeps the focus.
  await page.locator('#search-input').fill('Kadhemi');
  await page.waitForSelector('.result');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.evaluate(() => (location.hash = '#/entity/mustafa-al-kadhimi'));
  await page.waitForSelector('.entity-page h1', { timeout: 60000 });
  assert.match(await page.locator('.entity-page h1').innerText(), /Kadhimi/);
  await page.evaluate(() => (location.hash = '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet'));
  await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 60000 });
  await page.evaluate(() => (location.hash = '#/entities'));
  await page.waitForSelector('.entity-column');
  await page.evaluate(() => (location.hash = '#/'));
  await page.waitForSelector('.story-matrix .pic-row', { timeout: 60000 });
  assert.equal(fetched.filter((p) => p.endsWith('/extras_bg.wasm')).length, 1, 'the module is fetched once');
  assert.equal(fetched.filter((p) => p.endsWith('/corpus.plx')).length, 1, 'the extras open the bundle the explorer fetched');
  assert.deepEqual(fetched.filter((p) => /\/collections_panel/.test(p)), [], 'no files opened: no collections panel');
  // A mark drawn by the extras module opens the explorer's own article page.
  await page.locator('.story-matrix .pic-cell').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article-title');
  // The article page's switches last for the page's life: the article opened first, again,
  // still shows its removed noise.
  await page.evaluate(() => (location.hash = '#/article/kadhimi-biden-to-meet-soon-discuss'));
  await page.waitForSelector('.article.showing-noise', { timeout: 60000 });
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
