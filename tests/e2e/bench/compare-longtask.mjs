// Comparison benchmark (issue 14): how long the browser's main thread is blocked when a reader opens
// the comparison of two long articles. A benchmark, not a test: it asserts nothing; it prints a
// markdown report and writes it to tests/e2e/artifacts/compare-longtask.md.
//
// Two invented articles of about SIZE bytes each (default 500 KB: many ordinary paragraphs, half of
// the sentences shared with edits and changed figures, the rest distinct) are built into a site with
// `parallax site`; the comparison page is opened in headless Chromium with a PerformanceObserver on
// long tasks (the goal: none over 50 ms). The native `parallax compare` time is printed beside it.
//
// Needs dist/ and a `parallax` CLI with the app built in (PARALLAX_BIN=<path>, default
// target/release/parallax, built by `cargo build --release -p parallax-cli` after the trunk build).
// Usage: node bench/compare-longtask.mjs [size-bytes (500000)] [seed (1)]
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, ROOT, ARTIFACTS } from '../harness.mjs';

const SIZE = Number(process.argv[2] ?? 500_000);
const SEED = Number(process.argv[3] ?? 1);
const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'release', 'parallax');

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('council harbour ferry island timetable vote crossing evening winter commuters operator crew ' +
  'budget report minister talks agreement border river valley growers harvest library readers school ' +
  'hospital nurses strike wages railway station bridge repairs storm flood warning police court judge ' +
  'election candidate mayor district museum exhibition festival market prices fuel shortage').split(' ');
const NAMES = ['Mira Castellan', 'Anton Reyes', 'Lena Okafor', 'Sofia Marr', 'Tamsin Vale', 'Gull Island', 'Portvale',
  'the Harbour Authority', 'the Growers Association', 'Judge Ilse Brandt'];

/** One invented sentence: a name, a verb of saying, words, a figure. */
function sentence(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  const figure = `${1 + Math.floor(rand() * 900)} ${pick(['people', 'tonnes', 'crossings', 'jobs', 'days'])}`;
  return `${pick(NAMES)} said the ${words.join(' ')} involved ${figure}.`;
}

/** Two articles of about `size` bytes; about half of the sentences shared (some with a changed figure). */
function articles(size, seed) {
  const rand = random(seed);
  const a = [];
  const b = [];
  let bytes = 0;
  while (bytes < size) {
    const paragraphA = [];
    const paragraphB = [];
    for (let i = 0; i < 4; i++) {
      const s = sentence(rand);
      const r = rand();
      if (r < 0.35) {
        paragraphA.push(s);
        paragraphB.push(s);
      } else if (r < 0.5) {
        paragraphA.push(s);
        paragraphB.push(s.replace(/\d+/, (d) => String(Number(d) + 1)));
      } else {
        paragraphA.push(s);
        paragraphB.push(sentence(rand));
      }
    }
    a.push(paragraphA.join(' '));
    b.push(paragraphB.join(' '));
    bytes += a[a.length - 1].length;
  }
  return {
    'harbour-a.txt': `Harbour Council Weighs Winter Ferry Plan\n\nBy Mira Castellan\n\nPortvale: ${a.join('\n\n')}\n`,
    'harbour-b.txt': `Council Debates Gull Island Ferry Plan\n\nBy Lena Okafor\n\nPortvale: ${b.join('\n\n')}\n`,
  };
}

const work = await mkdtemp(join(tmpdir(), 'parallax-compare-bench-'));
try {
  const dir = join(work, 'articles');
  await mkdir(dir);
  const files = articles(SIZE, SEED);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const sizes = Object.values(files).map((t) => Buffer.byteLength(t));

  let t = performance.now();
  execFileSync(PARALLAX, ['site', dir, '-o', join(work, 'site')], { stdio: ['ignore', 'ignore', 'ignore'] });
  const siteSeconds = (performance.now() - t) / 1000;
  const ids = JSON.parse(execFileSync(PARALLAX, ['export', dir], { maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'ignore'] }))
    .articles.map((x) => x.id);
  t = performance.now();
  const native = execFileSync(PARALLAX, ['compare', dir, ...ids], { maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'ignore'] });
  const nativeSeconds = (performance.now() - t) / 1000;
  const pairs = JSON.parse(native).pairs.length;

  const server = await serve(join(work, 'site'), '/');
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('.article-card');
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.__longTasks.length);
  const opened = await page.evaluate(() => performance.now());
  await page.evaluate((hash) => { location.hash = hash; }, `#/compare/${ids.map(encodeURIComponent).join('/')}`);
  await page.waitForSelector('.compare-grid', { timeout: 600_000 });
  const shown = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const tasks = (await page.evaluate(() => window.__longTasks)).slice(before);
  const rows = await page.locator('.compare-row').count();
  await browser.close();
  await server.close();

  const longest = tasks.reduce((m, x) => Math.max(m, x.duration), 0);
  const blocked = tasks.reduce((n, x) => n + x.duration, 0);
  const report = [
    `## Comparing two long articles (seed ${SEED})`,
    '',
    `Machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| article sizes | ${sizes.map((s) => `${(s / 1000).toFixed(0)} KB`).join(', ')} |`,
    `| \`parallax site\` (build) | ${siteSeconds.toFixed(1)} s |`,
    `| \`parallax compare\` (native, whole command) | ${nativeSeconds.toFixed(2)} s, ${pairs} aligned pairs |`,
    `| browser: open to comparison shown | ${((shown - opened) / 1000).toFixed(2)} s, ${rows} rows |`,
    `| browser: long tasks | ${tasks.length}, longest ${longest.toFixed(0)} ms, ${blocked.toFixed(0)} ms in all (goal: none over 50 ms) |`,
    `| page errors | ${errors.length ? errors.join('; ') : 'none'} |`,
    '',
  ].join('\n');
  console.log(report);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'compare-longtask.md'), report);
} finally {
  await rm(work, { recursive: true, force: true });
}
