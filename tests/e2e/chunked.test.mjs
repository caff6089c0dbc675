// End-to-end: a chunked site (`parallax site --chunks`, issue 10): the explorer opens from the
// manifest and fetches only what each view shows; the home page lists by outlet or newest first
// (paged), with story cards; search (10 results at a time), an article (with "Also reported by"),
// an entity page (40 articles at a time) and a comparison fetch their chunks; a corrupt chunk is a message in its view; and
// after "Make this corpus available offline" every view works with the network cut (at 120 articles and
// at 10,000).
// Needs dist/ from `trunk build --release` and the `parallax` CLI with the app built in
// (`cargo build --profile cli -p parallax-cli` after the trunk build; or PARALLAX_BIN=<path>).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, controlled, chooseFiles, ROOT } from './harness.mjs';
import { chunksOf, walkEveryView, watchFiles } from './chunked-walk.mjs';

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

test('a chunked site opens from its manifest, pages its list, and each view fetches only its chunks', async () => {
  await walkEveryView(browser, site, N);
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

test('a reader\'s own collection opens on a chunked site: its home page, search and an article, then the site\'s corpus again', async () => {
  // The chunked sites' explorer holds no bundle decoder: a collection's pages are all the extras module's.
  const server = await serve(site, '/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  const text = 'Bridge Repairs Close Northern Road for Two Weeks\n\nBy Karim Douglas\n\nPortvale: Crews began replacing the worn deck of the Northern Road bridge on Wednesday, closing the road to traffic for two weeks.\n\nDrivers are asked to use the coast road, which the city says will get extra buses during the works.\n';
  const record = JSON.stringify({
    title: 'Museum returns carved masks to the island',
    text: 'The city museum returned four carved masks to Gull Island on Friday, a century after they were taken to the mainland by a collector.\n\nIsland elders received the masks at a ceremony in the old school hall.',
    date: '2026-08-02',
    source: 'Island Gazette',
  });
  await chooseFiles(page, [
    { name: 'bridge.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    { name: 'export.jsonl', mimeType: 'application/json', buffer: Buffer.from(record + '\n') },
  ]);
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 60000 });
  await page.waitForFunction(() => document.querySelectorAll('#app .article-card').length === 2);
  const titles = await page.locator('.article-card .card-title').allInnerTexts();
  for (const want of ['Bridge Repairs Close Northern Road', 'Museum returns carved masks']) {
    assert.ok(titles.some((t) => t.includes(want)), `${want} is listed: ${titles}`);
  }
  assert.match(await page.locator('.home .lede').innerText(), /2 articles/);
  assert.equal(await page.locator('.collections').count(), 1, 'one collections panel');
  // Newest first, then search and an article of the collection.
  await page.goto(`${server.url}#/by-date`);
  await page.waitForSelector('.home [aria-current="page"] >> text=by date');
  assert.match(await page.locator('.article-card').first().innerText(), /Museum returns carved masks/);
  await page.goto(`${server.url}#/search?q=${encodeURIComponent('"extra buses"')}`);
  await page.waitForSelector('.result a');
  assert.deepEqual(await page.locator('.result .result-title').allInnerTexts(), ['Bridge Repairs Close Northern Road for Two Weeks']);
  await page.locator('.result a').first().click();
  await page.waitForSelector('.article-title');
  assert.match(await page.locator('.article-title').innerText(), /Bridge Repairs/);
  // Back to the site's own chunked corpus.
  await page.goto(server.url);
  // The collection is still the one open after the reload, listed by the collections module.
  await page.waitForSelector('.collection.current:not(:first-child)');
  await page.waitForFunction(() => document.querySelectorAll('#app .article-card').length === 2);
  await page.locator('.collection:first-child button', { hasText: 'Open' }).click();
  await page.waitForSelector('.collection.current:first-child');
  await page.waitForFunction((n) => document.querySelectorAll('#app .article-card').length > 2 && document.querySelector('.home .lede')?.textContent.includes(String(n)), N);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

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

/**
 * "Make this corpus available offline" on the chunked site in `dir`, then, with the network cut,
 * the list by outlet and by date, a search, an article from its results, an entity page, the
 * entity index and a comparison.
 */
async function offlineAfterDownload(dir, downloadMs) {
  const server = await serve(dir, '/');
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
  const names = (await readdir(join(dir, 'chunks'))).filter((name) => name !== 'manifest.plx');
  const onDisk = (await Promise.all(names.map((name) => stat(join(dir, 'chunks', name))))).reduce((sum, s) => sum + s.size, 0);
  assert.ok(Math.abs(Number(offered[1]) - onDisk / 1e6) <= 0.1 + onDisk * 0.02 / 1e6, `offered ${offered[1]} MB, on disk ${(onDisk / 1e6).toFixed(2)} MB`);
  assert.match(await page.locator('.offline-status').textContent(), /cached on this device \(\d+ of \d+ files\)/);
  await button.click();
  await page.waitForFunction(() => /whole corpus is available offline/.test(document.querySelector('.offline-status')?.textContent ?? ''), null, { timeout: downloadMs });
  const [first, second] = await page.locator('.article-card a').evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')));

  await server.cut();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  await page.goto(`${server.url}#/by-date`);
  await page.waitForSelector('.story-card');
  await page.goto(`${server.url}#/search?q=troops`);
  await page.waitForSelector('.result');
  await page.locator('.result-title').first().click();
  await page.waitForSelector('.article-title');
  await page.locator('.article-body a[href^="#/entity/"]').first().click();
  await page.waitForSelector('.mentions li');
  await page.goto(`${server.url}#/entities`);
  await page.waitForSelector('.entity-columns a[href^="#/entity/"]');
  const id = (href) => href.replace('#/article/', '');
  await page.goto(`${server.url}#/compare/${id(first)}/${id(second)}`);
  await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
}

test('after "Make this corpus available offline", every view works with the network cut', async () => {
  await offlineAfterDownload(site, 120_000);
});

// The issue's own size: 10,000 articles (about 20,000 chunk files, 70 MB) downloaded for offline use.
test('a 10,000-article corpus made available offline: every view works with the network cut', async () => {
  const raw = join(work, 'raw-10k');
  const big = join(work, 'site-10k');
  await run(PARALLAX, ['synth', '10000', '-o', raw], { maxBuffer: 1 << 24 });
  await run(PARALLAX, ['site', raw, '-o', big, '--chunks'], { maxBuffer: 1 << 24 });
  await rm(raw, { recursive: true, force: true });
  await offlineAfterDownload(big, 600_000);
});
