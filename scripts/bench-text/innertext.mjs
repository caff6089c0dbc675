// Makes the copied-page-text development set: for each test page, what a reader gets from
// select-all and copy (headless Chromium's document.body.innerText, JavaScript off, no network),
// and the expected article text (innerText of expected.html, or expected.txt as it is). Nothing here is committed data:
// the pages stay wherever the caller fetched them (see scripts/bench-text.sh).
//
// Usage: node scripts/bench-text/innertext.mjs <test-pages dir> <out dir> [min source bytes]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [src, out, minBytes = '10000'] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: innertext.mjs <test-pages dir> <out dir> [min source bytes]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
// Only the page file itself may load: no images, styles or scripts from the network or disk.
let allowed = '';
await context.route('**/*', (route) => (route.request().url() === allowed ? route.continue() : route.abort()));
const page = await context.newPage();
async function innerText(file) {
  allowed = pathToFileURL(file).href;
  await page.goto(allowed, { waitUntil: 'domcontentloaded', timeout: 30000 });
  return page.evaluate(() => (document.body ? document.body.innerText : ''));
}
let made = 0;
for (const name of fs.readdirSync(src).sort()) {
  const dir = path.join(src, name);
  const source = path.join(dir, 'source.html');
  const expected = path.join(dir, 'expected.html');
  // News sets (scripts/bench-extract/make-news-sets.py) state the article as plain text already.
  const expectedTxt = path.join(dir, 'expected.txt');
  if (!fs.existsSync(source) || !(fs.existsSync(expected) || fs.existsSync(expectedTxt))) continue;
  if (fs.statSync(source).size < Number(minBytes)) continue; // readability's tiny unit-test pages
  const target = path.join(out, name);
  fs.mkdirSync(target, { recursive: true });
  try {
    fs.writeFileSync(path.join(target, 'page.txt'), (await innerText(source)) + '\n');
    if (fs.existsSync(expectedTxt)) fs.copyFileSync(expectedTxt, path.join(target, 'expected.txt'));
    else fs.writeFileSync(path.join(target, 'expected.txt'), (await innerText(expected)) + '\n');
  } catch (e) {
    console.error(`${name}: ${e.message}`);
    fs.rmSync(target, { recursive: true, force: true });
    continue;
  }
  const meta = path.join(dir, 'expected-metadata.json');
  if (fs.existsSync(meta)) fs.copyFileSync(meta, path.join(target, 'metadata.json'));
  made += 1;
}
await browser.close();
console.log(`${made} pages in ${out}`);
