// Every request of a cold visit to chunked sites, side by side (a benchmark, not a test): for each
// site (say main's and a branch's, `parallax site --chunks` over the same corpus), VISITS cold
// visits (fresh context, no cache, no service worker) alternating site by site, each from navigation
// to the first search results for `troops` (`.result`, the scale benchmark's cold search; or the
// first article list with --list); it prints the median time (when the first one entered the page,
// by the page's clock, and when the harness noticed it) and bytes, and the last visit's every
// request with its bytes on the wire (html/js/wasm gzipped by the server, as bench-scale.mjs's
// server does; chunks are gzip files already) and when its response ended (ms after navigation).
//
// Usage: node bench/scale/cold-requests.mjs [--visits N (5)] [--list] SITE_DIR...
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launch } from '../../tests/e2e/harness.mjs';
import { firstShown, watchFirstShown } from './first-shown.mjs';
import { serveGzip } from './serve-gzip.mjs';

const args = process.argv.slice(2);
const take = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? null : args.splice(at, 2)[1];
};
const VISITS = Number(take('--visits') ?? 5);
const listAt = args.indexOf('--list');
const LIST = listAt >= 0 && args.splice(listAt, 1).length > 0;
const SITES = args.map((dir) => resolve(dir));
const ROUTE = LIST ? '' : '#/search?q=troops';
const SELECTOR = LIST ? '.article-card' : '.result';

/** One cold visit: its time, bytes and requests (name, bytes on the wire, end in ms). */
async function visit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  const pending = [];
  const t0 = Date.now();
  context.on('requestfinished', (request) => {
    const end = Date.now() - t0;
    pending.push(
      request.sizes().then(
        (sizes) => requests.push({
          name: request.url().replace(/^https?:\/\/[^/]+\//, '') || 'index.html',
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          end,
        }),
        () => {},
      ),
    );
  });
  await watchFirstShown(page, SELECTOR);
  try {
    await page.goto(url + ROUTE, { timeout: 120_000 });
    await page.waitForSelector(SELECTOR, { timeout: 120_000 });
    const noticed = Date.now() - t0;
    const ms = Math.round((await firstShown(page)).ms);
    await Promise.all(pending);
    requests.sort((a, b) => a.end - b.end);
    return { ms, noticed, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);
const browser = await launch();
const runs = SITES.map(() => []);
const loads = [];
try {
  const servers = await Promise.all(SITES.map((dir) => serveGzip(dir)));
  for (let i = 0; i < VISITS; i++) {
    for (const [s, server] of servers.entries()) {
      loads.push(loadavg()[0]);
      runs[s].push(await visit(browser, server.url));
    }
  }
  await Promise.all(servers.map((s) => s.close()));
} finally {
  await browser.close();
}
console.log(`Cold → ${LIST ? 'first article list' : 'first results for `troops`'}, ${VISITS} visits per site, load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`);
for (const [s, dir] of SITES.entries()) {
  const last = runs[s][runs[s].length - 1];
  const noticed = runs[s].map((r) => r.noticed);
  console.log(`\n${dir}: median ${median(runs[s].map((r) => r.ms))} ms (${runs[s].map((r) => r.ms).join(', ')}) to the results in the page, ${median(noticed)} ms (${noticed.join(', ')}) to the harness noticing them, ${kb(median(runs[s].map((r) => r.bytes)))} KB`);
  console.log('| request | KB on the wire | ended at (ms) |');
  console.log('| --- | ---: | ---: |');
  for (const r of last.requests) console.log(`| ${r.name} | ${kb(r.bytes)} | ${r.end} |`);
  const kinds = {};
  for (const r of last.requests) {
    const kind = r.name.startsWith('chunks/') ? r.name.replace(/-[0-9a-f]{16}\.plx$/, '') : r.name;
    kinds[kind] = (kinds[kind] ?? { bytes: 0, files: 0 });
    kinds[kind].bytes += r.bytes;
    kinds[kind].files += 1;
  }
  console.log(`by kind: ${Object.entries(kinds).sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${kb(v.bytes)} (${v.files})`).join(', ')}; total ${kb(last.bytes)} KB`);
}
