// End-to-end: a chunked site (`parallax site --chunks`, issue 10): the explorer opens from the
// manifest and fetches only what each view shows; the home page lists by outlet or newest first
// (paged), with story cards; search (10 results at a time), an article (with "Also reported by"),
// an entity page (40 articles at a time) and a comparison fetch their chunks; a corrupt chunk is a message in its view; and
// after "Make this corpus available offline" every view works with the network cut.
// Needs dist/ from `trunk build --release` and the `parallax` CLI with the app built in
// (`cargo build --profile cli -p parallax-cli` after the trunk build; or PARALLAX_BIN=<path>).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, controlled, ROOT } from './harness.mjs';

const run = promisify(execFile);
const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');
const N = 120;

let browser;
let work;
let site;

before(async () => {
  await access(PARALLAX).catch(() => {
    throw new Error(`${PARALLAX} is missing: run \`cargo build --profile cli -p parallax-cli\` after \`trunk build --release\``);
  });
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'parallax-chunked-'));
  await run(PARALLAX, ['synth', String(N), '-o', join(work, 'raw')]);
  site = join(work, 'site');
  // No chunk precached: the site behaves as a large corpus's does.
  await run(PARALLAX, ['site', join(work, 'raw'), '-o', site, '--chunks', '--precache-chunks-up-to', '0']);
});

after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The corpus files a page requested (paths after the site's prefix). */
function watchFiles(page, prefix) {
  const files = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(prefix)) files.push(path.slice(prefix.length));
  });
  return files;
}

const chunksOf = (files, kind) => files.filter((f) => f.startsWith(`chunks/${kind}-`));

test('a chunked site opens from its manifest, pages its list, and each view fetches only its chunks', async () => {
  const listed = await readdir(site);
  assert.ok(!listed.includes('corpus.plx'), 'a chunked site has no bundle');
  const index = await readFile(join(site, 'index.html'), 'utf8');
  assert.match(index, /<link rel="preload" href="chunks\/manifest.plx"/);
  assert.ok(!/parallax:first-view|id="first-view"/.test(index), "the seed corpus's pre-rendered list is not this site's");
  // It runs the chunked sites' explorer; the seed explorer, which cannot read chunks, is left out.
  assert.ok(listed.includes('chunked_explorer_bg.wasm') && listed.includes('chunked_explorer.js'), `${listed}`);
  assert.ok(!listed.some((f) => f.startsWith('parallax-app-')) && !index.includes('parallax-app-'), `${listed}`);
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.slice('const PRECACHE = '.length, sw.indexOf(';\n')));
  assert.ok(precache.files.some((f) => f.path === 'chunked_explorer_bg.wasm'), 'its explorer is precached at install');
  const server = await serve(site, '/news/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const files = watchFiles(page, '/news/');
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  assert.ok(files.includes('chunks/manifest.plx'));
  assert.ok(files.includes('chunked_explorer_bg.wasm') && !files.some((f) => f.startsWith('parallax-app-')));
  assert.ok(!files.some((f) => f.endsWith('corpus.plx')), 'the bundle is never asked for');
  assert.equal(chunksOf(files, 'art').length, 0, 'the list needs no article text');
  // By outlet (the default order): each named outlet with its newest articles.
  const groups = page.locator('.outlet-group');
  assert.ok((await groups.count()) > 1, 'several outlets');
  for (const group of await groups.all()) {
    const name = (await group.locator('h2 bdi').textContent()).trim();
    const outlets = await group.locator('.article-card .outlet').allTextContents();
    assert.ok(outlets.length > 0 && outlets.every((o) => o === name), `${name}: ${outlets}`);
  }
  assert.equal(chunksOf(files, 'dir').length, 1, 'each outlet\'s newest articles are on the first list page');

  // By date: newest first, 50 at a time.
  await page.locator('.order-control a', { hasText: 'by date' }).click();
  await page.waitForSelector('.list-status');
  assert.equal(await page.locator('.article-card').count(), 50);
  assert.equal(await page.locator('.list-status').textContent(), `Showing 50 of ${N} articles`);
  const dates = await page.locator('.article-card .card-date').allTextContents();
  const day = (d) => Date.parse(d.replace(/^≈ /, ''));
  assert.ok(dates.length > 0 && dates.every((d, i) => i === 0 || day(dates[i - 1]) >= day(d)), `newest first: ${dates}`);
  await page.locator('button.show-more').click();
  await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 100);
  assert.equal(await page.locator('.list-status').textContent(), `Showing 100 of ${N} articles`);
  assert.equal(await page.locator('button.show-more').textContent(), 'Show 20 more');

  // The largest stories as cards, each listing its articles (from the story chunks of the newest
  // list page's stories: the manifest holds only the story filter's labels).
  await page.waitForSelector('.story-card');
  assert.ok(chunksOf(files, 'story').length > 0, `the cards' stories: ${files}`);
  const card = page.locator('.story-card').first();
  const listIts = await card.locator('button.story-articles-all').textContent();
  const told = Number(listIts.match(/^List its (\d+) articles$/)[1]);
  assert.ok(told >= 2, listIts);
  assert.match(await card.locator('a.button').getAttribute('href'), /^#\/compare\/[^/]+\/[^/]+/);
  await card.locator('button.story-articles-all').click();
  await page.waitForFunction((n) => new RegExp(`^(All ${n} articles|Showing 50 of ${n} articles)$`).test(document.querySelector('.list-status')?.textContent ?? ''), told);
  assert.equal(await page.locator('#story-filter').inputValue() !== '', true, 'the story filter is set');

  // "Also reported by" on an article of that story.
  const storyArticle = await page.locator('.story-card').first().locator('.story-articles a').first().getAttribute('href');
  await page.goto(`${server.url}${storyArticle}`);
  await page.waitForSelector('.story-panel');
  assert.match(await page.locator('.story-panel').textContent(), new RegExp(`Also reported by ${told - 1} other articles? in this corpus`));
  assert.ok((await page.locator('.story-panel li').count()) > 0);
  await page.goto(`${server.url}#/by-date`);
  await page.waitForSelector('#app .article-card');

  // A story picked in the filter (its label and size from the manifest) lists its articles.
  const option = await page.locator('#story-filter option').nth(1).textContent();
  const size = Number(option.match(/\((\d+)\)$/)[1]);
  await page.selectOption('#story-filter', { index: 1 });
  await page.waitForFunction((n) => new RegExp(`^(All ${n} articles|Showing 50 of ${n} articles)$`).test(document.querySelector('.list-status')?.textContent ?? ''), size);
  assert.equal(await page.locator('.article-card').count(), Math.min(size, 50), option);
  await page.selectOption('#story-filter', { index: 0 });
  await page.waitForFunction((n) => document.querySelector('.list-status')?.textContent === `Showing 50 of ${n} articles`, N);

  // One outlet's articles only.
  const outlet = await page.locator('#outlet-filter option').nth(1).textContent();
  await page.selectOption('#outlet-filter', { index: 1 });
  await page.waitForFunction((name) => {
    const cards = [...document.querySelectorAll('.article-card')];
    return cards.length > 0 && cards.every((card) => card.querySelector('.outlet')?.textContent === name);
  }, outlet);
  const status = await page.locator('.list-status').textContent();
  const shown = await page.locator('.article-card').count();
  assert.ok(shown > 0 && shown < N, `${shown} cards for ${outlet}`);
  assert.match(status, new RegExp(`^(All ${shown} articles?|Showing ${shown} of \\d+ articles)$`));
  const [first, second] = await page.locator('.article-card a').evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')));

  // A search: the dictionary, the query's shards and the shown hits' articles, not every chunk.
  const before = files.length;
  await page.fill('#search-input', 'troops');
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('.result');
  const searched = files.slice(before);
  assert.equal(chunksOf(searched, 'terms').length, 1);
  assert.ok(chunksOf(searched, 'idx').length >= 1);
  assert.equal(chunksOf(searched, 'dir').length, 0, 'the hits\' outlets come from their articles, not the list');
  const allChunks = (await readdir(join(site, 'chunks'))).length;
  assert.ok(searched.length < allChunks / 2, `${searched.length} of ${allChunks} files for one search`);
  const statusLine = await page.locator('.search-status').textContent();
  assert.match(statusLine, /^\d+ results? in /);
  const total = Number(statusLine.match(/^(\d+)/)[1]);
  assert.equal(await page.locator('.result').count(), Math.min(total, 10), 'ten results at a time');
  assert.ok(chunksOf(searched, 'art').length <= 10, 'an article chunk per shown hit at most');
  assert.equal(chunksOf(searched, 'artd').length, 0, 'snippets need the articles\' text, not their mentions or provenance');
  if (total > 10) {
    await page.locator('button.show-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, Math.min(total, 20));
  }

  // The same search again, its chunks at hand: the results at once, with no "Loading…" between.
  const shownBefore = await page.locator('.result').count();
  await page.evaluate(() => { location.hash = '#/search?q='; });
  await page.waitForSelector('.search-status', { state: 'detached' });
  const sawLoading = await page.evaluate(() => new Promise((resolve) => {
    let loading = false;
    const observer = new MutationObserver(() => {
      loading ||= /Loading/.test(document.querySelector('#main')?.textContent ?? '');
      if (document.querySelector('.search-status')) {
        observer.disconnect();
        resolve(loading);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    location.hash = '#/search?q=troops';
  }));
  assert.equal(sawLoading, false, 'a warm search draws no "Loading…"');
  assert.equal(await page.locator('.result').count(), shownBefore);
  assert.equal(await page.locator('.search-status').textContent().then((s) => Number(s.match(/^(\d+)/)[1])), total);

  // An article from the results, with its entity marks (from its details chunk).
  const beforeArticle = files.length;
  const title = await page.locator('.result-title').first().textContent();
  const resultHref = await page.locator('.result-title').first().getAttribute('href');
  await page.locator('.result-title').first().click();
  await page.waitForSelector('.article-title');
  assert.equal(await page.locator('.article-title').textContent(), title);
  assert.ok((await page.locator('.article-body p').count()) > 0, 'the article has its text');
  assert.ok((await page.locator('.article-body mark.hit').count()) > 0, 'the search\'s matches are highlighted');
  const opened = files.slice(beforeArticle);
  assert.ok(chunksOf(opened, 'artd').length >= 1, 'the article\'s details');
  // Drawn by the extras module (open since the story's article above), handed the article's
  // ordinal and matches by the results page: it neither looks the id up nor runs the search again.
  for (const kind of ['ids', 'terms', 'idx']) assert.equal(chunksOf(opened, kind).length, 0, `${kind} in ${opened}`);

  // An entity page: its mentions in context.
  const entity = page.locator('.article-body a[href^="#/entity/"]').first();
  await entity.click();
  await page.waitForSelector('.entity-page');
  await page.waitForSelector('.mentions li');
  assert.ok((await page.locator('.mentions li').count()) > 0);

  // The entity named in most articles: its mentions 40 articles at a time.
  await page.goto(`${server.url}#/entities`);
  await page.waitForSelector('.entity-columns a[href^="#/entity/"]');
  const [busiest, named] = await page.locator('.entity-list li').evaluateAll((items) =>
    items
      .map((li) => [li.querySelector('a').getAttribute('href'), Number(li.querySelector('.entity-count').textContent.match(/(\d+) articles?$/)[1])])
      .sort((a, b) => b[1] - a[1])[0]);
  assert.ok(named > 40, `the busiest entity is named in ${named} articles`);
  await page.goto(`${server.url}${busiest}`);
  await page.waitForSelector('.partial-note');
  assert.match(await page.locator('.partial-note').textContent(), new RegExp(`first 40 of the ${named} articles`));
  await page.locator('.entity-more button.show-more').click();
  if (named > 80) {
    await page.waitForFunction(() => /first 80 of/.test(document.querySelector('.partial-note')?.textContent ?? ''));
  } else {
    await page.waitForFunction(() => !document.querySelector('.partial-note') && document.querySelector('.entity-page'));
  }

  // The entity index needs no chunk.
  await page.goto(`${server.url}#/entities`);
  await page.waitForSelector('.entity-columns a[href^="#/entity/"]');

  // A comparison of two listed articles.
  const id = (href) => href.replace('#/article/', '');
  await page.goto(`${server.url}#/compare/${id(first)}/${id(second)}`);
  await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 60_000 });
  assert.equal(await page.locator('.compare-header .compare-head').count(), 2);

  // A link typed by hand (no view has shown the article yet) still finds it.
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.goto(`${server.url}${second}`);
  await page.waitForSelector('.article-title');

  // A results link typed by hand (or shared): its query's matches are highlighted all the same.
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.goto(`${server.url}${resultHref}`);
  await page.waitForSelector('.article-body mark.hit');
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test('a cold search fetches the dictionary with the explorer, and the article page\'s code only once its results are drawn', async () => {
  const index = await readFile(join(site, 'index.html'), 'utf8');
  const terms = (await readdir(join(site, 'chunks'))).find((name) => name.startsWith('terms-'));
  assert.ok(index.includes(`l.href = 'chunks/${terms}'`), 'the page names the dictionary');
  const server = await serve(site, '/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const files = watchFiles(page, '/');
  // When the first result appeared, in the page's clock.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.result')) {
        window.firstResultAt = performance.now();
        observer.disconnect();
      }
    });
    addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  });
  const extras = page.waitForRequest((r) => r.url().endsWith('/extras_bg.wasm'));
  await page.goto(`${server.url}#/search?q=troops`);
  await page.waitForSelector('.result');
  // Once: the app's fetch takes the preloaded response (same URL and mode).
  assert.equal(chunksOf(files, 'terms').length, 1, `the dictionary once: ${files}`);
  // The stories are in their own chunks, which a search (but a `story:` one) never reads.
  assert.equal(chunksOf(files, 'story').length, 0, `a cold search fetches no story chunk: ${files}`);
  // The article page's code is fetched only after the results are drawn, while the reader reads
  // them, so the first article opened from them does not wait for it.
  await extras;
  const [shownAt, extrasAt] = await page.evaluate(() => [
    window.firstResultAt,
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/extras.js'))?.startTime,
  ]);
  assert.ok(extrasAt >= shownAt, `extras.js requested at ${extrasAt} ms, results shown at ${shownAt} ms`);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/extras_bg.wasm') && e.responseEnd > 0));
  const beforeOpen = files.length;
  await page.locator('.result-title').first().click();
  await page.waitForSelector('.article-body p');
  const opened = files.slice(beforeOpen);
  assert.ok(!opened.includes('extras.js') && !opened.includes('extras_bg.wasm'), `${opened}`);
  // The home page does not preload it.
  const home = await browser.newContext({ serviceWorkers: 'block' });
  const homePage = await home.newPage();
  const homeFiles = watchFiles(homePage, '/');
  await homePage.goto(server.url);
  await homePage.waitForSelector('#app .article-card');
  assert.equal(chunksOf(homeFiles, 'terms').length, 0, `${homeFiles}`);
  assert.deepEqual(errors, []);
  await home.close();
  await context.close();
  await server.close();
});

// A copy of the site (in `work/dir`) whose chunks named `prefix…` each have their last byte flipped.
async function corrupted(dir, prefix) {
  const broken = join(work, dir);
  await cp(site, broken, { recursive: true });
  for (const name of await readdir(join(broken, 'chunks'))) {
    if (!name.startsWith(prefix)) continue;
    const path = join(broken, 'chunks', name);
    const bytes = await readFile(path);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(path, bytes);
  }
  return broken;
}

test('a corrupt chunk is a message in the view that needs it, and the rest still works', async () => {
  const server = await serve(await corrupted('broken', 'art-'), '/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await page.locator('.article-card a').first().click();
  await page.waitForSelector('.chunk-error');
  assert.match(await page.locator('.chunk-error .error-message').textContent(), /not the one this corpus lists/);
  assert.equal(await page.locator('.chunk-error button', { hasText: 'Try again' }).count(), 1);
  assert.equal(await page.locator('header').count() > 0, true, 'the page around it is still there');
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('#app .article-card');
  await context.close();
  await server.close();
});

test('a corrupt story chunk is a message where stories are shown, and the list, an article and search still work', async () => {
  const server = await serve(await corrupted('broken-stories', 'story-'), '/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}#/by-date`);
  await page.waitForSelector('#app .article-card');
  await page.waitForSelector('.stories .chunk-error');
  assert.match(await page.locator('.stories .error-message').textContent(), /stories/);
  assert.equal(await page.locator('.article-card').count(), 50, 'the list is still there');
  // An article of a story shows, with the message where "Also reported by" goes.
  const links = await page.locator('.article-card a').evaluateAll((as) => as.slice(0, 8).map((a) => a.getAttribute('href')));
  let panel = false;
  for (const href of links) {
    await page.goto(`${server.url}${href}`);
    await page.waitForSelector('.article-body p');
    panel = await page.locator('.story-panel.chunk-error').waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (panel) break;
  }
  assert.ok(panel, 'an article of a story says its other coverage could not be loaded');
  assert.equal(await page.locator('.story-panel.chunk-error button', { hasText: 'Try again' }).count(), 1);
  assert.ok((await page.locator('.article-body').textContent()).length > 100, 'the article itself is shown');
  await page.goto(`${server.url}#/search?q=troops`);
  await page.waitForSelector('.result');
  await context.close();
  await server.close();
});

test('after "Make this corpus available offline", every view works with the network cut', async () => {
  const server = await serve(site, '/');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await controlled(page);
  const button = page.locator('#make-offline');
  await button.waitFor();
  const offered = (await button.textContent()).match(/^Make this corpus available offline \((\d+\.\d) MB\)$/);
  assert.ok(offered, 'the button names the download size');
  // The size offered is what travels: the gzip files on disk (manifest aside), not what they hold.
  const names = (await readdir(join(site, 'chunks'))).filter((name) => name !== 'manifest.plx');
  const onDisk = (await Promise.all(names.map((name) => stat(join(site, 'chunks', name))))).reduce((sum, s) => sum + s.size, 0);
  assert.ok(Math.abs(Number(offered[1]) - onDisk / 1e6) <= 0.1 + onDisk * 0.02 / 1e6, `offered ${offered[1]} MB, on disk ${(onDisk / 1e6).toFixed(2)} MB`);
  assert.match(await page.locator('.offline-status').textContent(), /cached on this device \(\d+ of \d+ files\)/);
  await button.click();
  await page.waitForFunction(() => /whole corpus is available offline/.test(document.querySelector('.offline-status')?.textContent ?? ''), null, { timeout: 120_000 });
  const [first, second] = await page.locator('.article-card a').evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')));

  await server.cut();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  await page.goto(`${server.url}#/search?q=troops`);
  await page.waitForSelector('.result');
  await page.locator('.result-title').first().click();
  await page.waitForSelector('.article-title');
  await page.locator('.article-body a[href^="#/entity/"]').first().click();
  await page.waitForSelector('.mentions li');
  const id = (href) => href.replace('#/article/', '');
  await page.goto(`${server.url}#/compare/${id(first)}/${id(second)}`);
  await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});
