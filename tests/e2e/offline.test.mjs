// End-to-end: offline use, installability, sub-path hosting, new deployments, and `parallax site`
// (issue 6). Needs dist/ from `trunk build --release` and the `parallax` CLI with the app built in
// (`cargo build --profile cli -p parallax-cli` after the trunk build; or PARALLAX_BIN=<path>).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, controlled, inFlight, DIST, ROOT } from './harness.mjs';

const run = promisify(execFile);
const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');

let browser;
let work;

before(async () => {
  await access(PARALLAX).catch(() => {
    throw new Error(`${PARALLAX} is missing: run \`cargo build --profile cli -p parallax-cli\` after \`trunk build --release\``);
  });
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'parallax-offline-'));
});

after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Three short invented articles (plus one empty file, which must be reported as rejected). */
async function writeArticles(dir, articles) {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(articles)) await writeFile(join(dir, name), text);
}

const INVENTED = {
  'harbour.txt':
    'Harbour Council Approves New Ferry Timetable\n\nBy Mira Castellan\n\nPortvale: The harbour council on Tuesday approved a winter ferry timetable that adds two evening crossings to Gull Island.\n\nCouncillor Anton Reyes said the change answered years of complaints from island commuters.\n\nRead more: Gull Island bakery reopens\n',
  'orchard.txt':
    'Orchard Growers Report Record Pear Harvest\n\nBy Lena Okafor\n\nPortvale: Growers in the Tamsin valley picked a record 4,200 tonnes of pears this season, the growers association said.\n\nThe association credited a mild spring and new frost netting.\n',
  'library.txt':
    'City Library Opens Late on Thursdays\n\nPortvale: The central library will stay open until 10 pm on Thursdays from next month, the city announced.\n\nLibrarian Sofia Marr said evening visits had doubled since the reading room was renovated.\n',
  'empty.txt': '   \n\n',
};

test('after one online visit, the explorer works with the network cut', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = inFlight(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await controlled(page);
  const names = await page.evaluate(async () => caches.keys());
  assert.equal(names.length, 1, `one cache: ${names}`);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), names[0]);
  const sw = await (await fetch(server.url + 'sw.js')).text();
  const precache = JSON.parse(sw.slice('const PRECACHE = '.length, sw.indexOf(';\n')));
  const bytes = precache.files.reduce((n, f) => n + f.bytes, 0);
  console.log(`# precache: ${precache.files.length} files, ${(bytes / 1024).toFixed(0)} KiB, build ${precache.build}`);
  for (const want of ['index.html', 'corpus.plx', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon.svg']) {
    assert.ok(cached.some((u) => u.endsWith('/' + want)), `${want} is cached`);
  }
  assert.ok(cached.some((u) => u.endsWith('.wasm')) && cached.some((u) => u.endsWith('.js')), 'the wasm and JS are cached');
  // The comparison worker's and the extras module's fixed-name files are part of the build: listed
  // with their hashes and cached.
  for (const want of ['compare_worker_loader.js', 'compare_worker.js', 'compare_worker_bg.wasm', 'extras.js', 'extras_bg.wasm']) {
    assert.ok(precache.files.some((f) => f.path === want), `${want} is in the precache list`);
    assert.ok(cached.some((u) => u.endsWith('/' + want)), `${want} is cached`);
  }
  // The collections panel's module, like the import worker's, is listed but cached only when a
  // reader opens files (import.test.mjs goes offline after an import); the chunked sites' explorer
  // is never used here.
  for (const want of ['collections_panel.js', 'collections_panel_bg.wasm', 'chunked_explorer.js', 'chunked_explorer_bg.wasm']) {
    assert.ok(precache.later.some((f) => f.path === want), `${want} is cached at first use`);
    assert.ok(!cached.some((u) => u.endsWith('/' + want)), `${want} is not downloaded at install`);
  }

  await requests.settled();
  await server.cut();
  await context.setOffline(true);
  const start = Date.now();
  await page.reload();
  await page.waitForSelector('#app .article-card');
  console.log(`# offline reload to the article list: ${Date.now() - start} ms`);
  assert.equal(await page.locator('.article-card').count(), 7);
  await page.locator('.article-card a').first().click();
  await page.waitForSelector('.article-title');
  // Search, entities and comparisons run in the browser from the cached bundle.
  for (const [hash, selector] of [
    ['#/search?q=Kadhemi', '.result'],
    ['#/entities', 'main h1'],
    ['#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', '.compare-row:not(.compare-header)'],
  ]) {
    await page.goto(new URL(hash, server.url).href);
    await page.waitForSelector(selector);
    assert.equal(await page.getByRole('alert').count(), 0, `${hash} works offline`);
  }
  // Offline, a comparison still runs in its worker (from the cache), not in the page.
  await page.waitForSelector('.compare[data-state=done]');
  assert.equal(await page.locator('.compare').getAttribute('data-engine'), 'worker', 'the worker loads offline');
  assert.equal(await page.locator('.compare-in-page').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served from a sub-path, it loads and its worker is scoped there', async () => {
  const server = await serve(DIST, '/news/parallax/');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    return { href: link.href, body: await (await fetch(link.href)).json() };
  });
  assert.equal(manifest.href, server.url + 'manifest.webmanifest');
  assert.equal(manifest.body.start_url, './');
  assert.deepEqual(manifest.body.icons.map((i) => i.sizes), ['any', '192x192', '512x512']);
  const names = await page.evaluate(async () => caches.keys());
  assert.ok(names.every((n) => n.startsWith('parallax:/news/parallax/:')), `${names}`);
  await server.cut();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  await context.close();
});

test('a new deployment is offered with a Reload button, and never mixed with the old one', async () => {
  const site = join(work, 'deploy');
  await cp(DIST, site, { recursive: true });
  const server = await serve(site, '/');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await controlled(page);
  const oldBundle = await page.evaluate(async () => (await (await fetch('corpus.plx')).arrayBuffer()).byteLength);

  // Deploy: a bundle of other articles, and the worker regenerated for it (what the hook does).
  const articles = join(work, 'second-corpus');
  await writeArticles(articles, { 'harbour.txt': INVENTED['harbour.txt'], 'orchard.txt': INVENTED['orchard.txt'] });
  await run(PARALLAX, ['build', articles, '-o', join(site, 'corpus.plx')]);
  await run(PARALLAX, ['precache', site]);

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.locator('#update-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /new version/i);
  // Until the reader reloads, the page and its bundle stay the old build's.
  const stillOld = await page.evaluate(async () => (await (await fetch('corpus.plx')).arrayBuffer()).byteLength);
  assert.equal(stillOld, oldBundle, 'the old worker keeps serving the old bundle');
  const other = await context.newPage();
  await other.goto(server.url);
  await other.waitForSelector('#app .article-card');
  assert.equal(await other.locator('.article-card').count(), 7, 'a new tab still gets the old build, whole');
  await other.close();

  // Keyboard: focus the button and press Enter.
  await page.getByRole('button', { name: 'Reload' }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await page.waitForSelector('#app .article-card');
  const titles = await page.locator('.card-title').allTextContents();
  assert.deepEqual(titles.sort(), ['Harbour Council Approves New Ferry Timetable', 'Orchard Growers Report Record Pear Harvest']);
  const names = await page.evaluate(async () => caches.keys());
  assert.equal(names.length, 1, `the old cache is gone: ${names}`);
  await context.close();
  await server.close();
});

test('a development build at the same origin removes the offline worker and its cache', async () => {
  // `trunk serve` (a debug build) writes the development worker; simulate it over a release build.
  const site = join(work, 'dev');
  await cp(DIST, site, { recursive: true });
  const server = await serve(site, '/');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await controlled(page);
  assert.equal((await page.evaluate(async () => caches.keys())).length, 1);
  await run(PARALLAX, ['precache', site, '--dev']);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const deadline = Date.now() + 20000;
  while ((await page.evaluate(async () => caches.keys())).length > 0) {
    assert.ok(Date.now() < deadline, 'the development worker removed the offline cache');
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(async () => caches.keys()), [], 'and nothing is cached again');
  await context.close();
  await server.close();
});

test('`parallax site` writes a complete explorer for a folder of articles', async () => {
  const articles = join(work, 'my-articles');
  await writeArticles(articles, INVENTED);
  const out = join(work, 'my-site');
  const { stderr } = await run(PARALLAX, ['site', articles, '-o', out]);
  assert.match(stderr, /empty\.txt\s+text\s+rejected/);
  assert.match(stderr, /harbour\.txt\s+text\s+ok\s+1\s+2\s+.*related-link 1/);
  assert.match(stderr, /text: 4 file\(s\), 3 article\(s\), 1 rejected \(1× the file holds only whitespace\)/);
  const files = await readdir(out);
  for (const want of ['index.html', 'corpus.plx', 'sw.js', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'report.json']) {
    assert.ok(files.includes(want), `${want} in ${files}`);
  }
  // The seed corpus's pre-rendered list (dist/index.html) is not this site's: it is left out.
  const index = await readFile(join(out, 'index.html'), 'utf8');
  // (the inlined stylesheet names its class, so the view's marker and element are looked for)
  assert.ok(!/parallax:first-view|id="first-view"/.test(index), 'no pre-rendered seed list in a site of other articles');
  assert.match(index, /<div id="app">/);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
  assert.equal(report.version, 3);
  assert.equal(report.articles, 3);
  assert.deepEqual(report.files.map((f) => f.format), ['text', 'text', 'text', 'text']);
  assert.deepEqual([report.formats.text.files, report.formats.text.articles, report.formats.text.rejected], [4, 3, 1]);
  assert.deepEqual(report.files.map((f) => f.status), ['rejected', 'ok', 'ok', 'ok']);

  // Running it again replaces the site; a folder that is not a site is refused.
  await run(PARALLAX, ['site', articles, '-o', out]);
  await assert.rejects(run(PARALLAX, ['site', articles, '-o', articles]), /holds the articles folder/);
  await assert.rejects(run(PARALLAX, ['site', articles, '-o', work]), /holds the articles folder/);

  const server = await serve(out, '/my/news/');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = inFlight(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), 3);
  await controlled(page);
  await requests.settled();
  await server.cut();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  await page.locator('.article-card a', { hasText: 'Harbour Council' }).click();
  await page.waitForSelector('.article-title');
  assert.deepEqual(errors, []);
  await context.close();
  assert.ok((await stat(join(out, 'corpus.plx'))).size > 0);
});

test('recent searches and pinned comparisons survive reloads; a corrupt value is cleared with a notice', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.remembered').count(), 0, 'nothing remembered yet, nothing shown');
  const ids = await page.locator('.article-card a').evaluateAll((as) => as.slice(0, 2).map((a) => decodeURIComponent(a.hash.split('/').pop())));
  await page.evaluate((ids) => {
    localStorage.setItem('parallax.remembered', JSON.stringify({ version: 1, searches: ['Kadhemi', 'troops'], pinned: [ids] }));
  }, ids);
  await page.reload();
  await page.waitForSelector('.remembered');
  assert.deepEqual(await page.locator('.recent-searches a').allTextContents(), ['Kadhemi', 'troops']);
  assert.equal(await page.locator('.recent-searches a').first().getAttribute('href'), '#/search?q=Kadhemi');
  assert.equal(await page.locator('.pinned-comparisons li').count(), 1);
  await page.getByRole('button', { name: /Forget the search “troops”/ }).click();
  await page.reload();
  await page.waitForSelector('.remembered');
  assert.deepEqual(await page.locator('.recent-searches a').allTextContents(), ['Kadhemi']);

  // The search page remembers a search once it has settled; the comparison page pins.
  await page.goto(server.url + '#/search?q=Biden');
  await page.waitForSelector('.result');
  await page.waitForTimeout(2000);
  await page.goto(server.url + '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet');
  const pin = page.getByRole('button', { name: 'Pin this comparison' });
  await pin.click();
  await page.waitForSelector('.pin-button[aria-pressed="true"]');
  await page.goto(server.url + '#/');
  await page.waitForSelector('.remembered');
  assert.deepEqual(await page.locator('.recent-searches a').allTextContents(), ['Biden', 'Kadhemi']);
  assert.ok((await page.locator('.pinned-comparisons li').count()) >= 1);
  assert.equal(
    await page.locator('.pinned-comparisons a').first().getAttribute('href'),
    '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet',
  );

  for (const bad of ['{not json', '{"version":7,"searches":[]}']) {
    await page.evaluate((bad) => localStorage.setItem('parallax.remembered', bad), bad);
    await page.reload();
    const notice = page.locator('.storage-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /cleared/);
    await page.waitForSelector('#app .article-card');
    assert.equal(await page.evaluate(() => localStorage.getItem('parallax.remembered')), null);
  }
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
