// Import benchmark (issue 11): real article pages opened with "Open a folder" in headless Chromium.
// A benchmark, not a test: it asserts nothing; it prints a markdown report and writes it to
// tests/e2e/artifacts/import-bench.md. Goals: 200 pages (about 10 MB of HTML) in ≤ 10 s, and no
// main-thread task over 50 ms during the import (long tasks from a PerformanceObserver).
//
// The pages are not in this repository. mozilla/readability's test pages fit (real pages of many
// sites, 130 of them): `git clone https://github.com/mozilla/readability` (or any copy of it), then
// `git -C readability archive HEAD test/test-pages | tar x -C /tmp/rd`. Files are taken smallest
// first, each at most twice (a page saved twice is ordinary; three copies would make its lines look
// like page furniture), until COUNT files are chosen.
//
// Needs dist/ from `trunk build --release`.
// Usage: node tests/e2e/bench/import-bench.mjs <folder of .html pages> [count (200)]
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, ARTIFACTS } from '../harness.mjs';

const FOLDER = process.argv[2];
const COUNT = Number(process.argv[3] ?? 200);
if (!FOLDER) {
  console.error('usage: node tests/e2e/bench/import-bench.mjs <folder of .html pages> [count]');
  process.exit(2);
}

/** Every .html file under `dir`, with its size. */
async function pages(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.html?$/i.test(entry.name) || /^expected/.test(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    out.push({ path, bytes: (await stat(path)).size });
  }
  return out.sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
}

const found = await pages(FOLDER);
const chosen = [];
for (let copy = 0; copy < 2 && chosen.length < COUNT; copy++) {
  for (const page of found.slice(0, Math.ceil(COUNT / 2))) if (chosen.length < COUNT) chosen.push({ ...page, copy });
}
const work = await mkdtemp(join(tmpdir(), 'parallax-import-bench-'));
const input = join(work, 'pages');
await mkdir(input);
let total = 0;
for (const [i, page] of chosen.entries()) {
  await cp(page.path, join(input, `${String(i).padStart(3, '0')}-${page.copy ? 'b' : 'a'}.html`));
  total += page.bytes;
}

const server = await serve();
const browser = await launch();
try {
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

  /** One import of the folder: wall time, the time to the first progress, and long tasks. */
  async function importOnce() {
    const before = await page.evaluate(() => performance.now());
    await page.locator('#import-folder').setInputFiles(input);
    await page.waitForSelector('.import-progress');
    await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 600_000 });
    await page.waitForSelector('.article-card');
    const after = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300);
    const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= before);
    const articles = Number((await page.locator('.collection.current').innerText()).match(/(\d+) articles?/)?.[1] ?? 0);
    // Delete it again, so the second run starts from the same state (the worker is cached now).
    await page.locator('.collection.current button', { hasText: 'Delete' }).click();
    await page.locator('button', { hasText: 'Yes, delete' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.collection').length === 1);
    await page.waitForSelector('.article-card');
    return {
      seconds: (after - before) / 1000,
      longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      over50: tasks.filter((t) => t.duration > 50).length,
      articles,
    };
  }
  const first = await importOnce();
  const second = await importOnce();
  const row = (name, r) =>
    `| ${name} | ${r.seconds.toFixed(2)} s | ${r.articles} | ${r.longest.toFixed(0)} ms | ${r.over50} |`;
  const report = [
    `## Importing ${chosen.length} real article pages in the browser`,
    '',
    `${chosen.length} files (${new Set(chosen.map((c) => c.path)).size} distinct pages), ${(total / 1e6).toFixed(1)} MB of HTML, from ${FOLDER}.`,
    `Machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    '',
    '| run | time (goal ≤ 10 s) | articles | longest main-thread task (goal ≤ 50 ms) | tasks over 50 ms |',
    '| --- | --- | --- | --- | --- |',
    row('first (downloads the import worker)', first),
    row('second (worker cached)', second),
    '',
    errors.length ? `Page errors: ${errors.join('; ')}` : 'No page errors.',
  ].join('\n');
  console.log(report);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'import-bench.md'), report + '\n');
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
