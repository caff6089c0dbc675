// The benchmarks' static server (bench-scale.mjs, cold-requests.mjs, tests/e2e/bench/first-visit.mjs):
// a folder served as a static host serves it, text and wasm gzipped (each file once), no caching.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TYPES } from '../../tests/e2e/harness.mjs';

/** What the server gzips by default: what static hosts gzip. */
export const GZIPPED = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

/**
 * Serves `dir` on a free local port: the files whose extension is in `gzipped` gzipped when the
 * browser accepts it; cross-origin isolated (COOP/COEP, as the explorer's benchmarks want for
 * fine timers) unless `isolated` is false. Returns its URL and `close`.
 */
export async function serveGzip(dir, { gzipped = GZIPPED, isolated = true } = {}) {
  const gz = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1) || 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (isolated) {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
      }
      let body;
      if (gzipped.has(ext) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gz.has(file)) gz.set(file, gzipSync(await readFile(file)));
        body = gz.get(file);
        headers['content-encoding'] = 'gzip';
      } else {
        body = await readFile(file);
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}
