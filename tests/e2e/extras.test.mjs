// End-to-end: the extras module (src/extras.rs, src/extras_client.rs), the views a first visit does
// not need. A cold visit of the home page never fetches it; files chosen in the home page's input
// before it has loaded are imported once it has; when it cannot be loaded (offline, never cached)
// the panel says so with "Try again", which then works; its buttons act on the explorer (the two
// modules' yew apps each handle only their own events). Needs dist/ from `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors } from './harness.mjs';

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

const EXTRAS = /\/extras(_bg\.wasm|\.js)$/;

test('a first visit fetches no extras; chosen files wait for them, a failed load offers Try again', async () => {
  const server = await serve();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));

  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(1500);
  assert.deepEqual(fetched.filter((p) => EXTRAS.test(p)), [], 'the home page of a first visit loads no extras');
  // The panel is there, as the pre-rendered view drew it, with its inputs working.
  assert.match(await page.locator('.private-note').innerText(), /Nothing is uploaded/);

  let reachable = false;
  await page.route(EXTRAS, (route) => (reachable ? route.continue() : route.abort()));
  await page.locator('#import-files').setInputFiles([{ name: 'pier.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
  await page.waitForSelector('.collections .error-panel, main .error-panel');
  assert.match(await page.locator('main').innerText(), /could not be loaded/);
  assert.equal(await page.locator('#app .article-card').count() > 0, true, 'the articles stay listed');

  reachable = true;
  await page.getByRole('button', { name: 'Try again' }).click();
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
  // A click in the explorer's own page still works beside the panel (its events stay its own).
  await page.locator('.article-card a').first().click();
  await page.waitForSelector('.article-title');
  // The one failed download is the one held back above.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
  await server.close();
});
