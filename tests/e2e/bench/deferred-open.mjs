// Cold-open benchmark for the pages the extras module draws (src/pages/deferred.rs): from a cold
// navigation (fresh context, empty cache, no service worker) straight to an article page, search
// results, an entity page, a comparison and the entity index, the median milliseconds until the page's content shows and
// the bytes (gzip on the wire, as first-visit.mjs serves them) fetched by then. Several builds
// side by side, visit by visit. A benchmark, not a test: it asserts nothing.
// Usage: node tests/e2e/bench/deferred-open.mjs [--dist DIR]... [--visits N (5)]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, DIST } from '../harness.mjs';

const args = process.argv.slice(2);
const dists = args.flatMap((a, i) => (a === '--dist' ? [resolve(args[i + 1])] : []));
if (dists.length === 0) dists.push(DIST);
const visitsAt = args.indexOf('--visits');
const VISITS = visitsAt >= 0 ? Number(args[visitsAt + 1]) : 5;
const PAGES = [
  ['article page', '#/article/kadhimi-biden-to-meet-soon-discuss', '.article-title'],
  ['search results', '#/search?q=Kadhemi', '.result'],
  ['entity page', '#/entity/mustafa-al-kadhimi', '.entity-page h1'],
  ['comparison', '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', '.compare-row:not(.compare-header)'],
  ['entity index', '#/entities', '.entity-column'],
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

async function serve(dir) {
  const gz = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    try {
      const body = await readFile(join(dir, path));
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      if (!gz.has(path)) gz.set(path, gzipSync(body, { level: 6 }));
      res.writeHead(200, {
        'content-type': type,
        'content-encoding': 'gzip',
        'content-length': gz.get(path).length,
        'cache-control': 'no-store',
      });
      res.end(gz.get(path));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const browser = await launch();
const servers = await Promise.all(dists.map(serve));
const results = dists.map(() => PAGES.map(() => []));
for (let v = 0; v < VISITS; v++) {
  for (const [d, server] of servers.entries()) {
    for (const [p, [, hash, selector]] of PAGES.entries()) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      let bytes = 0;
      page.on('response', (r) => {
        bytes += Number(r.headers()['content-length'] ?? 0);
      });
      const start = Date.now();
      await page.goto(server.url + hash);
      await page.waitForSelector(selector, { timeout: 60_000 });
      const ms = await page.evaluate(() => performance.now());
      results[d][p].push({ ms, outside: Date.now() - start, bytes });
      await context.close();
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| page | ${dists.map((d) => `${d}: ms (median of ${VISITS}) · KB`).join(' | ')} |`);
console.log(`| --- | ${dists.map(() => '---').join(' | ')} |`);
for (const [p, [name]] of PAGES.entries()) {
  const cells = dists.map((_, d) => {
    const rs = results[d][p];
    return `${median(rs.map((r) => r.ms)).toFixed(0)} ms · ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(0)} KB`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
await Promise.all(servers.map((s) => s.close()));
await browser.close();
