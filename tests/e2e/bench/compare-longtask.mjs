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
// target/cli/parallax, built by `cargo build --profile cli -p parallax-cli` after the trunk build).
// Usage: node bench/compare-longtask.mjs [size-bytes (500000)] [seed (1)]
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, ROOT, ARTIFACTS } from '../harness.mjs';
import { articles } from './long-articles.mjs';

const SIZE = Number(process.argv[2] ?? 500_000);
const SEED = Number(process.argv[3] ?? 1);
const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');

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
  await page.waitForSelector('#app .article-card');
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.__longTasks.length);
  const opened = await page.evaluate(() => performance.now());
  await page.evaluate((hash) => { location.hash = hash; }, `#/compare/${ids.map(encodeURIComponent).join('/')}`);
  // The first rows, then every row: the page marks a finished comparison with data-state="done"
  // (builds before the comparison worker drew everything at once and had no data-state).
  await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 600_000 });
  const first = await page.evaluate(() => performance.now());
  await page.waitForSelector('.compare:not([data-state=running])', { timeout: 600_000 });
  const shown = await page.evaluate(() => performance.now());
  const engine = (await page.locator('.compare').getAttribute('data-engine')) ?? 'page (no worker in this build)';
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
    `| browser: compared by | ${engine} |`,
    `| browser: open to first rows shown | ${((first - opened) / 1000).toFixed(2)} s |`,
    `| browser: open to every row shown | ${((shown - opened) / 1000).toFixed(2)} s, ${rows} rows |`,
    `| browser: long tasks | ${tasks.length}, longest ${longest.toFixed(0)} ms, ${blocked.toFixed(0)} ms in all (goal: none over 50 ms) |`,
    `| browser: long tasks, ms | ${tasks.map((x) => x.duration.toFixed(0)).join(', ') || 'none'} |`,
    `| page errors | ${errors.length ? errors.join('; ') : 'none'} |`,
    '',
  ].join('\n');
  console.log(report);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'compare-longtask.md'), report);
} finally {
  await rm(work, { recursive: true, force: true });
}
