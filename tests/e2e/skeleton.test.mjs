// End-to-end: the built dist/ in headless Chromium, as a reader uses it (issue 2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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

test('home lists the seven seed articles, grouped by outlet', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), 7);
  const outlets = await page.locator('.outlet-group h2').allTextContents();
  assert.ok(outlets.some((o) => o.includes('Asharq Al-Awsat')), `outlets: ${outlets}`);
  assert.ok(outlets.some((o) => o.includes('Global Village Space')), `outlets: ${outlets}`);
  const timeToList = await page.evaluate(() => performance.now());
  console.log(`# navigation to first article list: ${timeToList.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article opens by deep link, and the noise toggle shows removed spans with reasons', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  const href = await page.locator('.article-card a', { hasText: 'Iraq PM visits White House' }).getAttribute('href');
  assert.match(href, /^#\/article\//);

  const deep = await browser.newPage();
  await deep.goto(server.url + href);
  await deep.waitForSelector('.article-title');
  assert.match(await deep.locator('.article-title').textContent(), /Iraq PM visits White House/);
  assert.equal(await deep.locator('.noise').count(), 0);
  const body = await deep.locator('.article-body').textContent();
  assert.ok(!body.includes('Read more:'), 'related links are gone from the clean text');

  await deep.getByLabel(/Show removed noise/).check();
  await deep.waitForSelector('.noise');
  const reasons = await deep.locator('.noise .noise-reason').allTextContents();
  assert.ok(reasons.includes('related-link'), `reasons: ${reasons}`);
  const struck = await deep.locator('.noise del').allTextContents();
  assert.ok(struck.some((t) => t.startsWith('Read more:')), 'the removed link is shown struck through');
  await page.close();
  await deep.close();
});

test('a corrupt bundle shows a clear error message', async () => {
  const page = await browser.newPage();
  await page.route('**/corpus.plx', async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    bytes[bytes.length - 1] ^= 0xff;
    await route.fulfill({ response, body: bytes });
  });
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /corrupt/);
  await page.close();
});

test('a bundle from another version says to rebuild', async () => {
  const page = await browser.newPage();
  await page.route('**/corpus.plx', async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    bytes.writeUInt32LE(999, 8);
    await route.fulfill({ response, body: bytes });
  });
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /version 999/);
  await page.close();
});

test('no serious accessibility violations (axe-core) on home and an article', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const page = await browser.newPage();
  for (const hash of ['', '#/article/iraq-pm-visits-white-house-us-troops']) {
    await page.goto(server.url + hash);
    await page.waitForSelector(hash ? '.article-title, .page h1' : '.article-card');
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`), [], `on ${hash || 'home'}`);
  }
  await page.close();
});

test('screenshots of home and an article at desktop and phone sizes', async () => {
  for (const [name, viewport] of [['1280x800', { width: 1280, height: 800 }], ['390x844', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('#app .article-card');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${name} (overflow ${overflow}px)`);
      await page.screenshot({ path: join(ARTIFACTS, `home-${name}-${scheme}.png`), fullPage: true });
      await page.locator('.article-card a').first().click();
      await page.waitForSelector('.article-title');
      await page.getByLabel(/Show removed noise/).check();
      await page.screenshot({ path: join(ARTIFACTS, `article-${name}-${scheme}.png`), fullPage: true });
      await context.close();
    }
  }
});
