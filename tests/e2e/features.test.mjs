// End-to-end: search (issue 3), entities (issue 4) and side-by-side comparison (issue 5), in the
// built dist/ driven by headless Chromium as a reader would use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, launch, watchErrors, ARTIFACTS } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url + hash);
  await page.waitForSelector('main .page');
  return { page, errors };
}

test('typing in the search box shows ranked results as you type; "/" focuses it', async () => {
  const { page, errors } = await open();
  await page.waitForSelector('#app .article-card');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.type('Kadhemi', { delay: 20 });
  await page.waitForSelector('.result');
  // The address bar follows the results (a task after them).
  await page.waitForFunction(() => /#\/search\?q=Kadhemi$/.test(location.href), null, { timeout: 5000 });
  const status = await page.locator('.search-status').textContent();
  assert.match(status, /^5 results in (< 0\.1|[\d.]+) ms/);
  console.log(`# search status: ${status}`);
  const titles = await page.locator('.result-title').allTextContents();
  assert.ok(titles.some((t) => t.includes('Kadhimi, Biden')), 'the Kadhimi spelling is found from Kadhemi');
  assert.ok((await page.locator('.result .snippet mark.hit').count()) >= 5, 'snippets highlight the match');
  const facets = await page.locator('.facets li').allTextContents();
  assert.ok(facets.some((f) => f.startsWith('Asharq Al-Awsat')), `facets: ${facets}`);
  // Articles whose outlet is not stated: the facet says so in the words their result cards use,
  // and lists just them.
  const outletsShown = async () =>
    (await page.locator('.result .result-meta').allTextContents()).map((t) => t.split(' · ')[0]);
  const cards = await outletsShown();
  const unstated = cards.filter((o) => o === 'Outlet not stated').length;
  assert.ok(unstated > 0, `result outlets: ${cards}`);
  const facet = page.locator('.facets li', { hasText: 'Outlet not stated' });
  assert.match(await facet.textContent(), new RegExp(`^Outlet not stated\\s*${unstated}$`));
  await facet.locator('a').click();
  await page.waitForFunction(() => /outlet(%3A|:)unknown/.test(location.hash), null, { timeout: 5000 });
  await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, unstated, { timeout: 5000 });
  assert.deepEqual(new Set(await outletsShown()), new Set(['Outlet not stated']));
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing on the search page changes its address, not the history: Back leaves the search', async () => {
  const { page, errors } = await open('#/');
  await page.waitForSelector('#app .article-card');
  await page.locator('#search-input').focus();
  await page.keyboard.type('Kadh', { delay: 20 });
  await page.waitForSelector('.result');
  await page.keyboard.type('emi', { delay: 20 });
  await page.waitForFunction(() => location.hash === '#/search?q=Kadhemi', null, { timeout: 5000 });
  assert.equal(await page.locator('#search-input').inputValue(), 'Kadhemi');
  await page.locator('.result-title').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/article/'), null, { timeout: 5000 });
  await page.goBack();
  await page.waitForFunction(() => location.hash.startsWith('#/search?q=Kadhemi'), null, { timeout: 5000 });
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/', null, { timeout: 5000 });
  await page.waitForSelector('#app .article-card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared search link, a typo, a phrase, a filter and "did you mean"', async () => {
  const { page } = await open('#/search?q=' + encodeURIComponent('Fouad Hussein'));
  await page.waitForSelector('.result');
  assert.equal(await page.locator('.result').count(), 2, 'Fouad finds Fuad and Fouad');
  await page.goto(server.url + '#/search?q=Soleimanni');
  await page.waitForSelector('.result');
  assert.ok((await page.locator('.result').count()) >= 2);
  await page.goto(server.url + '#/search?q=' + encodeURIComponent('"rocket attacks" outlet:"Global Village Space"'));
  await page.waitForSelector('.result');
  assert.equal(await page.locator('.result').count(), 1);
  await page.goto(server.url + '#/search?q=' + encodeURIComponent('Kadimy parmiltry'));
  await page.waitForSelector('.did-you-mean');
  assert.match(await page.locator('.did-you-mean').textContent(), /Did you mean kadhimi paramilitary/i);
  await page.goto(server.url + '#/search?q=' + encodeURIComponent('"unbalanced -'));
  await page.waitForSelector('.search-status');
  await page.close();
});

test('opening a result highlights the matched words in the article and scrolls to them', async () => {
  const { page } = await open('#/search?q=Pompeo');
  await page.waitForSelector('.result');
  await page.locator('.result-title').first().click();
  await page.waitForSelector('.article-body mark.hit');
  const marked = await page.locator('.article-body mark.hit').allTextContents();
  assert.ok(marked.length >= 2 && marked.every((m) => m === 'Pompeo'), `marked: ${marked}`);
  const inView = await page.locator('.article-body mark.hit').first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the first match is scrolled into view');
  await page.close();
});

test('entities are highlighted by type, with a card on focus, a legend toggle, and a page per entity', async () => {
  const { page, errors } = await open('#/article/kadhimi-biden-to-meet-soon-discuss');
  await page.waitForSelector('.article-body .ent');
  for (const kind of ['person', 'org', 'place', 'date']) {
    assert.ok((await page.locator(`.article-body .ent-${kind}`).count()) > 0, `some ${kind} is highlighted`);
  }
  const pmf = page.locator('.article-body a.ent-org', { hasText: 'Popular Mobilization Forces' }).first();
  const card = await pmf.getAttribute('data-card');
  assert.match(card, /Popular Mobilization Forces\nOrganisation/);
  assert.match(card, /mentions? in \d+ articles? from \d+ outlets?/);
  await pmf.focus();
  const shown = await pmf.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(shown, /Popular Mobilization Forces/, 'the card shows on keyboard focus');

  const before = await page.locator('.article-body .ent-date').count();
  await page.getByLabel(/^Date \(\d+\)/).uncheck();
  assert.equal(await page.locator('.article-body .ent-date').count(), 0, `had ${before} dates; the legend hides them`);

  await pmf.click();
  await page.waitForSelector('.entity-page h1');
  assert.equal(await page.locator('.entity-page h1').textContent(), 'Popular Mobilization Forces');
  const spellings = await page.locator('.spellings').textContent();
  assert.match(spellings, /Hashed al-Shaabi/, 'the Hashed al-Shaabi spelling is the same entity');
  assert.match(spellings, /PMF/);
  assert.ok((await page.locator('.mention-group').count()) >= 2, 'mentions grouped by outlet');
  await page.locator('a.button', { hasText: 'Articles mentioning' }).click();
  await page.waitForSelector('.result');
  assert.match(page.url(), /entity%3Apopular-mobilization-forces|entity:popular-mobilization-forces/);
  const hits = await page.locator('.result-title').allTextContents();
  assert.ok(hits.some((t) => t.includes('Iraq PM visits White House')), 'the Hashed al-Shaabi spelling is found too');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(ARTIFACTS, 'entity-1280x800.png'), fullPage: true });
  await page.close();
});

test('a time told from the article\'s own date ("Thursday") shows the day it means and what it was counted from', async () => {
  const { page, errors } = await open('#/article/iraq-pm-visits-white-house-us');
  await page.waitForSelector('.article-body .ent-date');
  const cards = await page.locator('.article-body .ent-date').evaluateAll((els) => els.map((e) => e.getAttribute('data-card') ?? ''));
  const thursday = cards.find((c) => c.includes('“Thursday”'));
  assert.ok(thursday, `a card for "Thursday" among ${JSON.stringify(cards)}`);
  assert.match(thursday, /^\d{1,2} Aug 2020\nDate\n“Thursday”, counted from the article's date\nArticle's date: ≈ 19 Aug 2020/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every spelling of Kadhimi is one entity; the entity index lists people, organisations and places', async () => {
  const { page } = await open('#/entity/mustafa-al-kadhimi');
  await page.waitForSelector('.spellings');
  const spellings = await page.locator('.spellings').textContent();
  for (const s of ['Kadhimi', 'Kadhemi', 'al-Kadhemi']) assert.ok(spellings.includes(s), `${s} in ${spellings}`);
  await page.goto(server.url + '#/entities');
  await page.waitForSelector('.entity-column');
  assert.equal(await page.locator('.entity-column').count(), 3);
  assert.ok((await page.locator('.entity-list li').count()) > 30);
  await page.close();
});

test('comparing two reports aligns them, marks changed wording and explains conflicting figures', async () => {
  const ids = ['iraq-pm-visits-white-house-us', 'iraqi-pm-al-kadhimi-to-meet'];
  const { page, errors } = await open('#/compare/' + ids.join('/'));
  const started = Date.now();
  await page.waitForSelector('.compare-row:not(.compare-header)');
  // 14 vs 13 attacks over August 4–18 and August 4–16: explained as two counting windows.
  const badges = await page.locator('.change-badge').allTextContents();
  assert.ok(badges.some((b) => /14/.test(b) && /13/.test(b) && /18/.test(b) && /16/.test(b) && /counting windows/.test(b)), `badges: ${badges}`);
  assert.ok((await page.locator('.row-strength').count()) > 0, 'each aligned row shows its strength');
  const agree = await page.locator('.agree-badge').allTextContents();
  assert.ok(agree.some((a) => /39/.test(a)), `39 rocket attacks and 39 missiles agree: ${agree}`);
  assert.ok((await page.locator('mark.diff').count()) > 0, 'changed wording is marked');
  assert.ok((await page.locator('.compare-row.unique').count()) > 0, 'sentences only one source has are shown in place');
  assert.match(await page.locator('.compare-summary').textContent(), /\d+ aligned sentence pairs · \d+ conflicts/);
  assert.deepEqual(errors, []);
  console.log(`# two-way comparison rendered in ${Date.now() - started} ms after navigation`);
  await page.close();
});

test('a three-way comparison renders from a story on the home page', async () => {
  const { page } = await open();
  await page.waitForSelector('.story-card');
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('.story-card a.button').first().click();
  await page.waitForSelector('.compare-row:not(.compare-header)');
  const t1 = await page.evaluate(() => performance.now());
  console.log(`# three-way comparison render: ${(t1 - t0).toFixed(0)} ms`);
  assert.equal(await page.locator('.compare-header .compare-head').count(), 3);
  await page.screenshot({ path: join(ARTIFACTS, 'compare-3way-1280x800.png'), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
  await page.screenshot({ path: join(ARTIFACTS, 'compare-3way-390x844.png'), fullPage: false });
  await page.close();
});

test('no serious accessibility violations (axe-core) on search, entity and comparison pages', async () => {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const page = await browser.newPage();
  for (const [hash, ready] of [
    ['#/search?q=Kadhemi', '.result'],
    ['#/entities', '.entity-column'],
    ['#/entity/popular-mobilization-forces', '.spellings'],
    ['#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', '.change-badge'],
  ]) {
    await page.goto(server.url + hash);
    await page.waitForSelector(ready);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `on ${hash}`);
  }
  await page.close();
});
