// Shared pieces of the end-to-end tests: a static file server over dist/ (at the root or under a
// sub-path, with no special configuration, like any static host) and a headless Chromium launcher.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = process.env.PARALLAX_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

/** Content types by extension, for every local server of the tests and benchmarks. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` under `prefix` (e.g. "/" or "/news/parallax/") on a free loopback port, adding
 * `headers` to every successful response (the benchmarks use them for cross-origin isolation).
 */
export async function serve(dir = DIST, prefix = '/', headers = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
    // Cuts the network for real: no new connections, and the browser's kept-alive ones are dropped.
    cut: () => {
      const closed = new Promise((ok) => server.close(ok));
      server.closeAllConnections();
      return closed;
    },
  };
}

/** Debian's Chromium, headless, with the flags this sandbox needs (no background networking). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and uncaught exceptions of a page, to assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failed load's message does not name what failed: its location does.
    if (m.type() === 'error') errors.push(`console: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  return errors;
}

/**
 * Counts `page`'s requests in flight from now on; `settled(quietMs)` resolves once none has been in
 * flight for `quietMs`. A test that cuts the network "after one online visit" waits for the visit
 * to finish first: a request still on its way when the server goes away fails, and says so in the
 * console (the idle-time prefetch of the extras module starts up to 1.5 s after the first view).
 */
export function inFlight(page) {
  let open = 0;
  let last = Date.now();
  const started = () => {
    open += 1;
    last = Date.now();
  };
  const ended = () => {
    open -= 1;
    last = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    settled: async (quietMs = 2000) => {
      while (open > 0 || Date.now() - last < quietMs) await new Promise((ok) => setTimeout(ok, 50));
    },
  };
}

/** Waits until a service worker controls the page (the first one claims the page that installed it). */
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/**
 * Hands files to one of the home page's file inputs (`#import-files`, `#import-folder`) as a reader
 * can: once the explorer has made it work. The pre-rendered page shows the inputs disabled until
 * the explorer runs; Playwright sets files on a disabled input all the same, and nothing listens
 * there yet, so files given right after a reload (the article cards are pre-rendered too) were lost.
 */
export async function chooseFiles(page, files, input = '#import-files') {
  await page.waitForSelector(`${input}:not([disabled])`, { state: 'attached' });
  await page.locator(input).setInputFiles(files);
}

/**
 * The rows of the import report's table of every file, opened first: the table is made only once
 * the reader opens it (thousands of rows would otherwise cost the page a long task).
 */
export async function reportRows(page) {
  const details = page.locator('.import-report details');
  if (!(await details.evaluate((d) => d.open))) await page.locator('.import-report summary').click();
  await page.waitForSelector('.report-table');
  return page.locator('.report-table tbody tr');
}
