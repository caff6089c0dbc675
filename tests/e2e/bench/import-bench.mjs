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
// Playwright's setInputFiles itself makes the page's thread build the 200 File objects in one task
// before the input's events fire (0-100 ms on this machine, with no page script at all): the
// benchmark times that on a bare page with a file input (the "control" row) and names the task
// that delivered the files in every run (it holds the input event or ends at most 20 ms before
// it), so the longest task is shown with and without it. A third row reopens the collection (a reload) after the second import.
// Busy is the whole machine's CPU use during the run (/proc/stat), since the machine is shared.
//
// Needs dist/ from `trunk build --release` (or PARALLAX_DIST=<another build>).
// Usage: node tests/e2e/bench/import-bench.mjs <folder of .html pages> [count (200)] [runs (1)]
import { createServer } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, ARTIFACTS, DIST } from '../harness.mjs';

const FOLDER = process.argv[2];
const COUNT = Number(process.argv[3] ?? 200);
const RUNS = Number(process.argv[4] ?? 1);
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

/** The machine's busy and total CPU ticks so far (all cores), from /proc/stat; null elsewhere. */
async function cpuTicks() {
  try {
    const [, ...fields] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/);
    const n = fields.map(Number);
    const idle = n[3] + (n[4] ?? 0);
    const all = n.reduce((a, b) => a + b, 0);
    return { busy: all - idle, all };
  } catch {
    return null;
  }
}
const busySince = (a, b) => (a && b && b.all > a.all ? `${Math.round((100 * (b.busy - a.busy)) / (b.all - a.all))} %` : '?');

/** Long tasks of the page since `since`, and which of them held the file input's events. */
async function longTasks(page, since) {
  const { tasks, inputs } = await page.evaluate(() => ({ tasks: window.__longTasks, inputs: window.__inputEvents }));
  const after = tasks.filter((t) => t.start >= since);
  // The task that built the file list holds the input's events, or ends just before them.
  const delivering = (t) => inputs.some((at) => at >= t.start && at <= t.start + t.duration + 20);
  const ours = after.filter((t) => !delivering(t));
  const longest = (list) => list.reduce((m, t) => Math.max(m, t.duration), 0);
  return {
    longest: longest(after),
    over50: after.filter((t) => t.duration > 50).length,
    start: longest(after.filter(delivering)),
    oursLongest: longest(ours),
    oursOver50: ours.filter((t) => t.duration > 50).length,
  };
}

const observe = () => {
  window.__longTasks = [];
  window.__inputEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Capture phase, before any page listener: when the file input's events fire.
  for (const type of ['input', 'change']) addEventListener(type, () => window.__inputEvents.push(performance.now()), true);
};

/** The control: the same files given to a bare page's file input (no script but this observer). */
async function control(browser) {
  const bare = createServer((q, r) =>
    r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><input id=f type=file webkitdirectory multiple>'),
  );
  await new Promise((ok) => bare.listen(0, '127.0.0.1', ok));
  const page = await browser.newPage();
  await page.addInitScript(observe);
  await page.goto(`http://127.0.0.1:${bare.address().port}/`);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => performance.now());
  const ticks = await cpuTicks();
  await page.locator('#f').setInputFiles(input);
  await page.waitForTimeout(300);
  const tasks = await longTasks(page, before);
  const busy = busySince(ticks, await cpuTicks());
  await page.close();
  await new Promise((ok) => bare.close(ok));
  return { ...tasks, busy };
}

const server = await serve();
const browser = await launch();
const rows = [];
const errors = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors.push(...watchErrors(page));
    await page.addInitScript(observe);
    await page.goto(server.url);
    await page.waitForSelector('#app .article-card');
    await page.waitForTimeout(500);

    /** One import of the folder: wall time, long tasks and CPU. */
    async function importOnce() {
      const before = await page.evaluate(() => performance.now());
      const ticks = await cpuTicks();
      await page.locator('#import-folder').setInputFiles(input);
      await page.waitForSelector('.import-progress');
      await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 600_000 });
      await page.waitForSelector('#app .article-card');
      const after = await page.evaluate(() => performance.now());
      await page.waitForTimeout(300);
      const busy = busySince(ticks, await cpuTicks());
      const articles = Number((await page.locator('.collection.current').innerText()).match(/(\d+) articles?/)?.[1] ?? 0);
      return { seconds: (after - before) / 1000, articles, busy, ...(await longTasks(page, before)) };
    }
    /** Deletes the imported collection, so the next import starts from the same state. */
    async function remove() {
      await page.locator('.collection.current button', { hasText: 'Delete' }).click();
      await page.locator('button', { hasText: 'Yes, delete' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.collection').length === 1);
      await page.waitForSelector('#app .article-card');
    }
    /** A reload that reopens the imported collection: from navigation to its first screen. */
    async function reopen() {
      const ticks = await cpuTicks();
      await page.reload();
      await page.waitForSelector('.collection.current:not(:first-child)');
      await page.waitForSelector('#app .article-card');
      const after = await page.evaluate(() => performance.now());
      await page.waitForTimeout(300);
      const busy = busySince(ticks, await cpuTicks());
      const articles = Number((await page.locator('.collection.current').innerText()).match(/(\d+) articles?/)?.[1] ?? 0);
      return { seconds: after / 1000, articles, busy, ...(await longTasks(page, 0)) };
    }
    const first = await importOnce();
    await remove();
    const second = await importOnce();
    const again = await reopen();
    await remove();
    await page.close();
    const bare = await control(browser);
    rows.push(['first import (downloads the import worker)', run, first]);
    rows.push(['second import (worker cached)', run, second]);
    rows.push(['reopening it (reload)', run, again]);
    rows.push(['control: the files given to a bare page', run, { seconds: NaN, articles: NaN, ...bare }]);
  }
  const ms = (n) => `${n.toFixed(0)} ms`;
  const row = ([name, run, r]) =>
    `| ${name} | ${run} | ${Number.isNaN(r.seconds) ? '' : r.seconds.toFixed(2) + ' s'} | ${Number.isNaN(r.articles) ? '' : r.articles} | ${ms(r.longest)} | ${r.over50} | ${r.start ? ms(r.start) : '-'} | ${ms(r.oursLongest)} | ${r.oursOver50} | ${r.busy} |`;
  const report = [
    `## Importing ${chosen.length} real article pages in the browser`,
    '',
    `${chosen.length} files (${new Set(chosen.map((c) => c.path)).size} distinct pages), ${(total / 1e6).toFixed(1)} MB of HTML, from ${FOLDER}; build ${DIST}.`,
    `Machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
    '',
    '| run | # | time (goal ≤ 10 s) | articles | longest task (goal ≤ 50 ms) | tasks > 50 ms | the task delivering the files | longest other task | other tasks > 50 ms | machine busy |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(row),
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
