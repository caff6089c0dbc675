// First-visit benchmark (issue 10, "a lighter first visit"; issue 11's "first visit unchanged within
// 5 KB"): what a reader's browser downloads, and how long it waits, from a cold navigation to the
// seed explorer's article list. A benchmark, not a test: it asserts nothing; it prints a markdown
// report and writes it to tests/e2e/artifacts/first-visit.md.
//
// Two moments: the article list visible (the first `.article-card`, which a build with the
// pre-rendered first view, src/prerender.rs, shows from index.html) and the explorer interactive
// (the app's own list drawn in `#app` and the pre-rendered view gone; the same moment for a build
// without one).
//
// For each built explorer given (default dist/; several --dist DIRs are visited in turn, visit by
// visit, so a before/after comparison sees the same machine load):
// - bytes: every response of a cold visit (fresh browser context, empty cache, service worker
//   blocked) that had arrived when the explorer was interactive, per file (those that arrived after,
//   such as a module fetched once the page is idle, listed apart), body and headers on the wire, and those
//   that had arrived when the list was visible, with
//   html/js/css/wasm/json/plx gzipped by the server (level 6, as common static hosts do). The
//   brotli column is what the same files weigh with brotli (quality 11, for hosts that serve it);
// - time: median over COLD cold visits of navigation → list visible and → explorer interactive,
//   measured in the page at the animation frame before the paint that shows each
//   (a MutationObserver reading `performance.now()`, whose origin is the navigation) and, as the
//   issue's anchor did, from outside (`page.goto` to the selector showing); and the main thread's
//   busy time (CDP Performance.getMetrics TaskDuration, so machine load counts less);
// - the service worker: one more cold visit with it allowed: whether the list comes later, and what
//   its install (precache) downloads after the list, which a first visit also pays.
//
// Needs a release build (`trunk build --release`) and tests/e2e/node_modules.
// Usage: node tests/e2e/bench/first-visit.mjs [--dist DIR]... [--visits N (5)]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { GZIPPED, serveGzip } from '../../../bench/scale/serve-gzip.mjs';
import { launch, ROOT, DIST, ARTIFACTS } from '../harness.mjs';

const args = process.argv.slice(2);
const dists = args.flatMap((a, i) => (a === '--dist' ? [resolve(args[i + 1])] : []));
if (dists.length === 0) dists.push(DIST);
const visitsAt = args.indexOf('--visits');
const COLD = visitsAt >= 0 ? Number(args[visitsAt + 1]) : 5;
const SELECTOR = '.article-card';
// The app's own list, drawn and shown (the pre-rendered view, if any, removed).
const INTERACTIVE = () => document.querySelector('#app .article-card') && !document.getElementById('first-view');
const TIMEOUT_MS = 60_000;

// What static hosts gzip, and the bundle.
const COMPRESSED = new Set([...GZIPPED, '.plx']);

/** A file's name without trunk's content hash, so builds compare row by row. */
const stableName = (url) =>
  url.replace(/^https?:\/\/[^/]+\//, '').replace(/-[0-9a-f]{16}(_bg)?\./, '$1.') || 'index.html';

/**
 * One cold visit. Returns the times, the bytes of every response before the list (`before`) and,
 * with the service worker allowed, of those after it until the worker is installed (`after`).
 */
async function coldVisit(browser, url, { serviceWorker = false } = {}) {
  const context = await browser.newContext({ serviceWorkers: serviceWorker ? 'allow' : 'block' });
  await context.addInitScript(
    ([selector, interactive]) => {
      const isInteractive = new Function(`return (${interactive})()`);
      // A list in the DOM is not yet on screen (a pre-rendered one is parsed before the
      // stylesheets that block rendering have arrived): the time is taken in the next animation
      // frame, which runs just before the paint that shows it.
      const atPaint = (name) => requestAnimationFrame(() => (window[name] = performance.now()));
      let listSeen = false;
      new MutationObserver((_, observer) => {
        if (!listSeen && document.querySelector(selector)) {
          listSeen = true;
          atPaint('__firstListMs');
        }
        if (isInteractive()) {
          atPaint('__interactiveMs');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    },
    [SELECTOR, INTERACTIVE.toString()],
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = {};
  const after = {};
  // Bytes of the responses that had ended when the list was visible (epoch ms, bytes).
  const ended = [];
  // Stable name → the file's path in the build (with trunk's hash), for the brotli column.
  const paths = {};
  let listShown = false;
  const pending = [];
  context.on('requestfinished', (request) => {
    const bucket = listShown ? after : before;
    pending.push(
      request.sizes().then(
        (sizes) => {
          const name = stableName(request.url());
          const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
          bucket[name] = (bucket[name] ?? 0) + bytes;
          const timing = request.timing();
          if (!listShown) ended.push([timing.startTime + timing.responseEnd, bytes, name]);
          paths[name] = request.url().replace(/^https?:\/\/[^/]+\//, '') || 'index.html';
        },
        () => {},
      ),
    );
  });
  const t0 = Date.now();
  try {
    await page.goto(url, { timeout: TIMEOUT_MS });
    await page.waitForSelector(SELECTOR, { timeout: TIMEOUT_MS });
    const outsideMs = Date.now() - t0;
    await page.waitForFunction(
      () => window.__firstListMs !== undefined && window.__interactiveMs !== undefined,
      null,
      { timeout: TIMEOUT_MS },
    );
    const { inPageMs, interactiveMs, listAt, interactiveAt } = await page.evaluate(() => ({
      inPageMs: window.__firstListMs,
      interactiveMs: window.__interactiveMs,
      listAt: performance.timeOrigin + window.__firstListMs,
      interactiveAt: performance.timeOrigin + window.__interactiveMs,
    }));
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await Promise.all(pending.splice(0));
    listShown = true;
    if (serviceWorker) {
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.waitForTimeout(200);
      await Promise.all(pending);
    }
    const listBytes = ended.filter(([at]) => at <= listAt).reduce((total, [, bytes]) => total + bytes, 0);
    // What arrived after the explorer was interactive, while Playwright caught up (a module the
    // page fetches once it is idle, such as the extras), is not part of the wait: kept apart.
    const lazy = {};
    if (!serviceWorker) {
      for (const [at, bytes, name] of ended) {
        if (at > interactiveAt) {
          lazy[name] = (lazy[name] ?? 0) + bytes;
          before[name] -= bytes;
          if (before[name] <= 0) delete before[name];
        }
      }
    }
    return { inPageMs, interactiveMs, outsideMs, busyMs: metrics.TaskDuration * 1000, before, after, lazy, paths, listBytes };
  } catch (e) {
    return { failed: `the article list or the explorer not shown (${e.message.split('\n')[0]})` };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => (b / 1024).toFixed(1);
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

async function brotliSize(dir, path) {
  try {
    const body = await readFile(join(dir, path));
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  } catch {
    return null;
  }
}

const servers = await Promise.all(dists.map((d) => serveGzip(d, { gzipped: COMPRESSED, isolated: false })));
const browser = await launch();
// A warm-up visit per build (Chromium's own first start is not the explorer's cost).
for (const s of servers) await coldVisit(browser, s.url);
const runs = dists.map(() => []);
for (let i = 0; i < COLD; i++) {
  for (const [d, s] of servers.entries()) runs[d].push(await coldVisit(browser, s.url));
}
const withWorker = [];
for (const s of servers) withWorker.push(await coldVisit(browser, s.url, { serviceWorker: true }));
await browser.close();
await Promise.all(servers.map((s) => s.close()));

const lines = [`# First visit, seed explorer`, '', `Load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; ${COLD} cold visits per build, interleaved.`, ''];
for (const [d, dir] of dists.entries()) {
  const ok = runs[d].filter((r) => !r.failed);
  lines.push(`## ${dir.replace(ROOT + '/', '')}`, '');
  if (ok.length < runs[d].length) {
    lines.push(`failed: ${runs[d].find((r) => r.failed).failed}`, '');
    continue;
  }
  const files = ok[0].before;
  const rows = [];
  for (const [name, bytes] of Object.entries(files).sort((a, b) => b[1] - a[1])) {
    const br = await brotliSize(dir, ok[0].paths[name] ?? name);
    rows.push(`| ${name} | ${kb(bytes)} KB | ${br === null ? '–' : kb(br) + ' KB'} |`);
  }
  const sw = withWorker[d];
  lines.push(
    `**${kb(sum(files))} KB** gzip on the wire before the explorer is interactive (${Object.keys(files).length} files); ` +
      `**${kb(median(ok.map((r) => r.listBytes)))} KB** had arrived when the article list was visible (median).`,
    `Navigation → article list visible, median of ${COLD}: **${median(ok.map((r) => r.inPageMs)).toFixed(0)} ms** in the page ` +
      `(${ok.map((r) => r.inPageMs.toFixed(0)).join(', ')}), ${median(ok.map((r) => r.outsideMs))} ms from outside (\`page.goto\` waits for the load event).`,
    `Navigation → explorer interactive (its own list drawn): **${median(ok.map((r) => r.interactiveMs)).toFixed(0)} ms** ` +
      `(${ok.map((r) => r.interactiveMs.toFixed(0)).join(', ')}); main thread busy ${median(ok.map((r) => r.busyMs)).toFixed(0)} ms.`,
    `Arrived after it was interactive (fetched once the page was idle; median visit): ${kb(median(ok.map((r) => sum(r.lazy))))} KB` +
      ` (${Object.entries(ok[0].lazy).sort((a, b) => b[1] - a[1]).map(([n, b]) => `${n} ${kb(b)}`).join(', ') || 'nothing'}).`,
    sw.failed
      ? `With the service worker: failed (${sw.failed}).`
      : `With the service worker allowed: list at ${sw.inPageMs.toFixed(0)} ms; ${kb(sum(sw.before))} KB before it, then its install fetched ${kb(sum(sw.after))} KB more (${Object.entries(sw.after).sort((a, b) => b[1] - a[1]).map(([n, b]) => `${n} ${kb(b)}`).join(', ') || 'nothing'}).`,
    '',
    '| file | gzip, on the wire | brotli 11 |',
    '| --- | ---: | ---: |',
    ...rows,
    '',
  );
}
const report = lines.join('\n');
console.log(report);
await mkdir(ARTIFACTS, { recursive: true });
await writeFile(join(ARTIFACTS, 'first-visit.md'), report);
