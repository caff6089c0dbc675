// Scale benchmark (issue 10): Parallax beside Pagefind on the same synthetic text, in one run.
// A benchmark, not a test: it asserts nothing; it prints a markdown table and writes it to
// target/bench-scale/report-<N>.md. Run it through scripts/bench-scale.sh, which builds the CLI
// (release, with the explorer app embedded) and installs Pagefind into bench/scale/node_modules.
//
// For N articles (`parallax synth N`, seed 1), it measures:
// - build: `parallax site` and `pagefind --site` under /usr/bin/time -v (wall time, CPU, peak RSS).
//   Pagefind indexes static HTML pages made from the same raw files (one <h1> and <p>s per file,
//   written before its timer starts, as a static site generator would);
// - cold visits (fresh browser context, empty cache, no service worker), median of COLD runs:
//   milliseconds from navigation to the first article list (`.article-card`) and to the first search
//   results (`.result`), by the page's own clock (when the first one entered the document), and the
//   bytes on the wire that arrived before then (body and headers of every request of the context,
//   workers included; html/js/css/wasm/json gzipped by the server as any static host does,
//   everything else as is); what arrived after (the chunked explorer's extras module, prefetched
//   once the results are drawn) is printed beside them;
// - warm search: every query of QUERIES timed ROUNDS times in the page, after one warm-up run.
//   Parallax: the engine's search (20 hits with snippets) in the explorer's wasm; Pagefind:
//   `search()` plus `data()` of the first SHOWN results (its snippets), as many as the chunked
//   explorer's first page of results shows. p50 is the median of the
//   per-query medians, p95 the worst per-query p95.
//
// With `seed` instead of N it measures the seed explorer's first visit instead: dist/ as built (or
// the folder given by --dist), five cold visits, the bytes of every file fetched (gzip) and the
// median time from navigation to the article list.
//
// The chunked site (`parallax site --chunks`) gets cold visits too: the same navigation → list and
// → results, fetching the manifest and then only the chunks each view names, and one more cold
// search whose bytes are printed per file, chunks summed per kind (where a cold search's bytes
// go). Its warm search is what a reader sees (it has no bundle for the engine-only benchmark):
// each query once to fetch its chunks, then ROUNDS times from the query typed into the results
// page's search box to its results shown (`.search-status` rendered; a MutationObserver, no
// polling), via the empty search page between rounds; the reader's search, its hits' outlets and
// the page's rendering of its first SHOWN hits with snippets (`chunked::RESULTS_PAGE`). p50/p95
// as above, and the p95 of every round of every query pooled; then the same with the query
// entered by a URL change (`#/search?q=`, as a link or Back does), which adds a same-document
// navigation to each round (warm-page.mjs).
// Then every view of the chunked site, as the end-to-end test walks them (views.mjs), each timed
// and asserted: the "every view works" of the 100,000-article goal.
//
// Usage: node bench/scale/bench-scale.mjs <parallax binary> [N (10000) | seed] [--build-timeout SECONDS] [--dist DIR] [--tag NAME] [--only chunked,bundle,pagefind]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/harness.mjs';
import { firstShown, watchFirstShown } from './first-shown.mjs';
import { GZIPPED, serveGzip } from './serve-gzip.mjs';
import { timedViews, viewsTable } from './views.mjs';
import { warmRounds } from './warm-page.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const CLI = resolve(args[0] ?? join(ROOT, 'target', 'cli', 'parallax'));
const SEED_VISIT = args[1] === 'seed';
const N = SEED_VISIT ? 0 : Number(args[1] ?? 10000);
const distAt = args.indexOf('--dist');
const DIST = resolve(distAt >= 0 ? args[distAt + 1] : join(ROOT, 'dist'));
const timeoutAt = args.indexOf('--build-timeout');
const BUILD_TIMEOUT_S = timeoutAt >= 0 ? Number(args[timeoutAt + 1]) : 3600;
const PAGEFIND = join(HERE, 'node_modules', '@pagefind', 'linux-x64', 'bin', 'pagefind_extended');
// Sites of runs with different --tag values (e.g. two builds of the CLI) do not overwrite each other.
const tagAt = args.indexOf('--tag');
const TAG = tagAt >= 0 ? `-${args[tagAt + 1]}` : '';
const WORK = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'bench-scale', `synth-${N}`);
const COLD = 5;
// `--only chunked` (or `bundle`, `pagefind`; comma-separated): build and visit only those sites.
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : null;
const wanted = (site) => !ONLY || ONLY.has(site);
const skipped = { ok: false, why: 'not asked for (--only)', seconds: 0, cpu: 0, rssMb: 0, stages: [] };
const ROUNDS = 20;
/** Results a first page shows: the chunked explorer's (`chunked::RESULTS_PAGE`), and Pagefind's here. */
const SHOWN = 10;
const FIRST_QUERY = 'troops';
// The benchmarks' query set (bench/queries.txt, as the search benchmark's): words, a name in another
// spelling, typos, prefixes, phrases, an exclusion, a filter. Pagefind gets the same strings.
const QUERIES = (await readFile(new URL('../queries.txt', import.meta.url), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

const log = (...m) => console.error('#', ...m);

/** Runs `cmd` under `/usr/bin/time -v`; returns wall seconds, CPU seconds, peak RSS (MB), status. */
function timed(cmd, cmdArgs, timeoutS) {
  // `timeout` (inside `time`, so its peak memory still counts) ends the build itself when it runs
  // too long, and `time` still reports.
  const run = spawnSync('/usr/bin/time', ['-v', 'timeout', '-s', 'KILL', String(timeoutS), cmd, ...cmdArgs], {
    encoding: 'utf8',
    maxBuffer: 2 ** 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const field = (name) => {
    const m = run.stderr?.match(new RegExp(`${name}: (.*)`));
    return m ? m[1].trim() : null;
  };
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const seconds = wall ? wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) : null;
  const cpu = Number(field('User time \\(seconds\\)') ?? NaN) + Number(field('System time \\(seconds\\)') ?? NaN);
  const rssKb = Number(field('Maximum resident set size \\(kbytes\\)') ?? NaN);
  const ok = run.status === 0;
  const why = /Command terminated by signal 9|Exit status: 137/.test(run.stderr ?? '')
    ? `killed after ${timeoutS} s`
    : ok ? '' : `exit ${run.status}: ${(run.stderr ?? '').split('\n').filter((l) => /parallax|error|Error/.test(l)).slice(-2).join(' ')}`;
  // Parallax's own stage lines ("parallax: entities: 4.1 s"): how far a killed build got.
  const stages = (run.stderr ?? '').split('\n').filter((l) => /^parallax: (cleaned|entities|search index|stories|report|chunks|compressing chunks|bundle|writing files|built)/.test(l));
  // time's "kbytes" are KiB; MB here are millions of bytes, as the goals' and every other column's.
  return { ok, why, seconds: seconds ?? timeoutS, cpu, rssMb: (rssKb * 1024) / 1e6, stages };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The Pagefind site: one page per raw file, a static home page, a search page. */
async function writePagefindSite(rawDir, names, out) {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'a'), { recursive: true });
  const listed = [];
  for (const [i, name] of names.entries()) {
    const text = await readFile(join(rawDir, name), 'utf8');
    const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const title = paras.shift() ?? name;
    const page = `a/${i}.html`;
    if (listed.length < 50) listed.push(`<li class="article-card"><a href="${page}">${escapeHtml(title)}</a></li>`);
    await writeFile(
      join(out, page),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
        `<body><main data-pagefind-body><h1>${escapeHtml(title)}</h1>\n` +
        paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') +
        '</main></body></html>\n',
    );
  }
  // The home page a static site generator would write: the first page of articles.
  await writeFile(
    join(out, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Articles</title></head><body>` +
      `<h1>Articles</h1><ol>${listed.join('')}</ol><p>${names.length} articles</p></body></html>\n`,
  );
  // The search page: Pagefind's JS API, the first SHOWN results with their excerpts.
  await writeFile(
    join(out, 'search.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body><ol id="results"></ol>
<script type="module">
const pagefind = await import('./pagefind/pagefind.js');
window.pagefind = pagefind;
const q = new URLSearchParams(location.search).get('q');
if (q) {
  const found = await pagefind.search(q);
  const data = await Promise.all(found.results.slice(0, ${SHOWN}).map((r) => r.data()));
  document.getElementById('results').innerHTML = data
    .map((d) => '<li class="result"><a href="' + d.url + '">' + d.meta.title + '</a><p>' + d.excerpt + '</p></li>')
    .join('');
}
</script></body></html>\n`,
  );
}

/**
 * One cold visit: milliseconds and bytes from navigation until `selector` shows, or why not;
 * `files` gets each fetched file's bytes on the wire.
 */
async function coldVisit(browser, url, selector, timeoutMs, files = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Counted per context, not per page: Pagefind fetches its index from a web worker, which a
  // page's own DevTools session does not see. Each response's end (epoch ms) is kept, to count
  // only what arrived before the results were shown (the chunked explorer prefetches its extras
  // module once they are drawn: not the reader's wait).
  const responses = [];
  const pending = [];
  context.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(
        (sizes) => {
          const timing = request.timing();
          const name = request.url().replace(/^https?:\/\/[^/]+\//, '').replace(/-[0-9a-f]{16}(_bg)?\./, '$1.') || 'index.html';
          responses.push({ name, bytes: sizes.responseBodySize + sizes.responseHeadersSize, end: timing.startTime + timing.responseEnd });
        },
        () => {},
      ),
    );
  });
  await watchFirstShown(page, selector);
  let crashed = false;
  page.on('crash', () => {
    crashed = true;
  });
  const t0 = Date.now();
  try {
    await page.goto(url, { timeout: timeoutMs });
    await page.waitForSelector(selector, { timeout: timeoutMs });
    const { ms, epoch: shownAt } = await firstShown(page);
    await Promise.all(pending);
    let bytes = 0;
    let after = 0;
    for (const r of responses) {
      // Chunks of one kind share a name once their hash is cut: summed per name.
      const name = r.end <= shownAt ? r.name : `${r.name} (after it was shown)`;
      files[name] = (files[name] ?? 0) + r.bytes;
      files[`${name} (files)`] = (files[`${name} (files)`] ?? 0) + 1;
      if (r.end <= shownAt) bytes += r.bytes;
      else after += r.bytes;
    }
    return { ms: Math.round(ms), bytes, after };
  } catch (e) {
    return { failed: crashed ? 'the page crashed' : `${selector} not shown after ${Math.round((Date.now() - t0) / 1000)} s (${e.message.split('\n')[0]})` };
  } finally {
    await context.close();
  }
}

async function coldVisits(browser, url, selector, timeoutMs) {
  const runs = [];
  for (let i = 0; i < COLD; i++) {
    const run = await coldVisit(browser, url, selector, timeoutMs);
    runs.push(run);
    if (run.failed) break;
  }
  const ok = runs.filter((r) => !r.failed);
  if (ok.length < runs.length) return { failed: runs.find((r) => r.failed).failed };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(ok.map((r) => r.ms)), bytes: median(ok.map((r) => r.bytes)), after: median(ok.map((r) => r.after)), all: ok.map((r) => r.ms) };
}

const percentile = (sorted, pct) => sorted[Math.max(1, Math.ceil((pct * sorted.length) / 100)) - 1];

/** Warm search: p50 (median of per-query medians) and p95 (worst per-query p95), in ms. */
function summarise(perQuery) {
  const p50s = perQuery.map((q) => q.p50_ms).sort((a, b) => a - b);
  return { p50: percentile(p50s, 50), p95: Math.max(...perQuery.map((q) => q.p95_ms)) };
}

async function warmParallax(browser, url, timeoutMs) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(url, { timeout: timeoutMs });
    await page.waitForFunction(() => typeof window.wasmBindings?.parallax_bench_search === 'function', null, { timeout: timeoutMs });
    const report = await page.evaluate(async ({ queries, rounds }) => {
      const bytes = new Uint8Array(await (await fetch('corpus.plx')).arrayBuffer());
      window.wasmBindings.parallax_bench_search(bytes, queries, 1);
      return window.wasmBindings.parallax_bench_search(bytes, queries, rounds);
    }, { queries: QUERIES, rounds: ROUNDS });
    return summarise(report.queries);
  } catch (e) {
    return { failed: e.message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

async function warmChunked(browser, url, timeoutMs, by) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${url}#/search?q=${encodeURIComponent(FIRST_QUERY)}`, { timeout: timeoutMs });
    await page.waitForSelector('.search-status', { timeout: timeoutMs });
    const rounds = await page.evaluate(warmRounds, { queries: QUERIES, rounds: ROUNDS, by });
    const perQuery = QUERIES.map((query) => {
      const samples = rounds[query].map((r) => r.total).sort((a, b) => a - b);
      return { query, p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95) };
    });
    const pooled = QUERIES.flatMap((query) => rounds[query].map((r) => r.total)).sort((a, b) => a - b);
    return { ...summarise(perQuery), pooledP95: percentile(pooled, 95), perQuery };
  } catch (e) {
    return { failed: e.message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

async function warmPagefind(browser, url, timeoutMs) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${url}search.html`, { timeout: timeoutMs });
    await page.waitForFunction(() => window.pagefind !== undefined, null, { timeout: timeoutMs });
    const perQuery = await page.evaluate(async ({ queries, rounds, shown }) => {
      const percentile = (sorted, pct) => sorted[Math.max(1, Math.ceil((pct * sorted.length) / 100)) - 1];
      const once = async (q) => {
        const found = await window.pagefind.search(q);
        await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
      };
      const out = [];
      for (const q of queries) {
        await once(q);
        const samples = [];
        for (let i = 0; i < rounds; i++) {
          const t = performance.now();
          await once(q);
          samples.push(performance.now() - t);
        }
        samples.sort((a, b) => a - b);
        out.push({ query: q, p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95) });
      }
      return out;
    }, { queries: QUERIES, rounds: ROUNDS, shown: SHOWN });
    return summarise(perQuery);
  } catch (e) {
    return { failed: e.message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

async function dirBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}

if (SEED_VISIT) {
  // The issue's first-visit anchor (433 KB) counts every file gzipped, the bundle too.
  const server = await serveGzip(DIST, { gzipped: new Set([...GZIPPED, '.plx']) });
  const browser = await launch();
  const files = {};
  const first = await coldVisit(browser, server.url, '.article-card', 60_000, files);
  const visits = await coldVisits(browser, server.url, '.article-card', 60_000);
  await browser.close();
  await server.close();
  const rows = Object.entries(files).filter(([name]) => !name.endsWith(' (files)')).sort((a, b) => b[1] - a[1]).map(([name, b]) => `| ${name} | ${(b / 1e3).toFixed(1)} KB |`);
  const markdown = [
    `## First visit, seed explorer (${DIST})`,
    '',
    first.failed || visits.failed
      ? `failed: ${first.failed ?? visits.failed}`
      : `${((first.bytes + first.after) / 1e3).toFixed(0)} KB on the wire (gzip) in the visit (the list is pre-rendered in index.html, so the explorer and the prefetched extras module arrive after it is shown; tests/e2e/bench/first-visit.mjs says what arrives when); navigation → article list: median ${visits.ms} ms over ${COLD} cold visits (${visits.all.join(', ')} ms); load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.`,
    '',
    '| file | on the wire |',
    '| --- | ---: |',
    ...rows,
    '',
  ].join('\n');
  console.log(markdown);
  process.exit(0);
}

// ---- build both ----
const rawDir = join(WORK, 'raw');
const haveRaw = await readdir(rawDir).then((names) => names.length === N, () => false);
if (!haveRaw) {
  log(`writing ${N} synthetic articles to ${rawDir}`);
  await rm(rawDir, { recursive: true, force: true });
  execFileSync(CLI, ['synth', String(N), '-o', rawDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const names = (await readdir(rawDir)).sort();
const rawBytes = await dirBytes(rawDir);

const parallaxDir = join(WORK, `parallax-site${TAG}`);
await rm(parallaxDir, { recursive: true, force: true });
log(`parallax site (timeout ${BUILD_TIMEOUT_S} s)`);
const pBuild = wanted('bundle') ? timed(CLI, ['site', rawDir, '-o', parallaxDir], BUILD_TIMEOUT_S) : skipped;
log('parallax build', JSON.stringify(pBuild));

const chunkedDir = join(WORK, `parallax-chunked-site${TAG}`);
await rm(chunkedDir, { recursive: true, force: true });
log(`parallax site --chunks (timeout ${BUILD_TIMEOUT_S} s)`);
const cBuild = wanted('chunked') ? timed(CLI, ['site', rawDir, '-o', chunkedDir, '--chunks'], BUILD_TIMEOUT_S) : skipped;
log('parallax chunked build', JSON.stringify(cBuild));

const pagefindDir = join(WORK, `pagefind-site${TAG}`);
let fBuild = skipped;
if (wanted('pagefind')) {
  log('writing the Pagefind site pages');
  await writePagefindSite(rawDir, names, pagefindDir);
  log('pagefind --site');
  fBuild = timed(PAGEFIND, ['--site', pagefindDir, '--output-subdir', 'pagefind'], BUILD_TIMEOUT_S);
}
log('pagefind build', JSON.stringify(fBuild));

// ---- browse both ----
const timeoutMs = 600_000;
const browser = await launch();
const chromium = browser.version();
const rows = { parallax: {}, chunked: {}, pagefind: {} };
try {
  if (pBuild.ok) {
    const server = await serveGzip(parallaxDir);
    log('parallax: cold visits');
    rows.parallax.list = await coldVisits(browser, server.url, '.article-card', timeoutMs);
    rows.parallax.search = await coldVisits(browser, `${server.url}#/search?q=${FIRST_QUERY}`, '.result', timeoutMs);
    log('parallax: warm search');
    rows.parallax.warm = await warmParallax(browser, server.url, timeoutMs);
    rows.parallax.siteBytes = await dirBytes(parallaxDir);
    await server.close();
  }
  if (cBuild.ok) {
    const server = await serveGzip(chunkedDir);
    log('parallax chunked: cold visits');
    rows.chunked.list = await coldVisits(browser, server.url, '.article-card', timeoutMs);
    rows.chunked.search = await coldVisits(browser, `${server.url}#/search?q=${FIRST_QUERY}`, '.result', timeoutMs);
    rows.chunked.siteBytes = await dirBytes(chunkedDir);
    log('parallax chunked: warm search');
    rows.chunked.warm = await warmChunked(browser, server.url, timeoutMs, 'typing');
    log('parallax chunked: warm search, by URL change');
    rows.chunked.warmUrl = await warmChunked(browser, server.url, timeoutMs, 'url');
    // Where a cold search's bytes go: one more cold visit, its files summed per kind.
    const files = {};
    await coldVisit(browser, `${server.url}#/search?q=${FIRST_QUERY}`, '.result', timeoutMs, files);
    rows.chunked.searchFiles = files;
    await server.close();
    log('parallax chunked: every view');
    rows.chunked.views = await timedViews(browser, chunkedDir, N);
  }
  if (fBuild.ok) {
    const server = await serveGzip(pagefindDir);
    log('pagefind: cold visits');
    rows.pagefind.list = await coldVisits(browser, server.url, '.article-card', timeoutMs);
    rows.pagefind.search = await coldVisits(browser, `${server.url}search.html?q=${FIRST_QUERY}`, '.result', timeoutMs);
    log('pagefind: warm search');
    rows.pagefind.warm = await warmPagefind(browser, server.url, timeoutMs);
    rows.pagefind.siteBytes = await dirBytes(join(pagefindDir, 'pagefind'));
    await server.close();
  }
} finally {
  await browser.close();
}

// ---- report ----
// Decimal units throughout (1 KB = 1,000 bytes), as the issue's goals ("≤ 0.5 MB") and Pagefind's own
// figures are: the per-file tables sum to the columns above them.
const mb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(0)} KB`);
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const build = (b) =>
  b.ok
    ? `${b.seconds.toFixed(1)} s (${b.cpu.toFixed(1)} s CPU), ${b.rssMb.toFixed(0)} MB peak`
    : `failed: ${b.why} (after ${b.seconds.toFixed(0)} s, ${b.rssMb.toFixed(0)} MB peak)`;
const visit = (v) =>
  !v ? 'not run (no build)' : v.failed ? `failed: ${v.failed}` : `${v.ms} ms, ${mb(v.bytes)}${v.after > 1024 ? ` (${mb(v.after)} more after)` : ''}`;
const pooled = (w) => (w?.pooledP95 === undefined ? '—' : `${fmtMs(w.pooledP95)} ms`);
const warm = (w) => (!w ? 'not run (no build)' : w.failed ? `failed: ${w.failed}` : `${fmtMs(w.p50)} / ${fmtMs(w.p95)} ms`);
const views = (v) =>
  !v
    ? 'not run (no build)'
    : v.failed
      ? `**failed** ${v.failed}`
      : `all ${v.steps.length} shown, slowest ${fmtMs(Math.max(...v.steps.map((s) => s.ms)))} ms (table below)`;
const p = rows.parallax;
const c = rows.chunked;
const f = rows.pagefind;
const markdown = [
  `## Scale benchmark: ${N.toLocaleString('en')} synthetic articles (${mb(rawBytes)} raw text)`,
  '',
  `Headless Chromium ${chromium}; ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.`,
  `Cold: median of ${COLD} visits, fresh context, no cache, no service worker; html/js/css/wasm/json gzipped by the server. Warm: ${QUERIES.length} queries × ${ROUNDS} rounds.`,
  '',
  '| | Parallax (bundle) | Parallax chunked (`--chunks`) | Pagefind 1.6 |',
  '| --- | --- | --- | --- |',
  `| build (wall, CPU, peak RSS) | ${build(pBuild)} | ${build(cBuild)} | ${build(fBuild)} |`,
  `| output | ${p.siteBytes ? mb(p.siteBytes) : '—'} (site) | ${c.siteBytes ? mb(c.siteBytes) : '—'} (site) | ${f.siteBytes ? mb(f.siteBytes) : '—'} (pagefind/ index) |`,
  `| cold → first article list | ${visit(p.list)} | ${visit(c.list)} | ${visit(f.list)} (static home page) |`,
  `| cold → first search results (\`${FIRST_QUERY}\`) | ${visit(p.search)} | ${visit(c.search)} | ${visit(f.search)} |`,
  `| warm search p50 / p95 | ${warm(p.warm)} (engine search, 20 hits + snippets) | ${warm(c.warm)} (typed → ${SHOWN} hits shown; every round pooled, p95 ${pooled(c.warm)}) | ${warm(f.warm)} (search + data() of ${SHOWN}) |`,
  `| warm search by URL change, p50 / p95 | — | ${warm(c.warmUrl)} (every round pooled, p95 ${pooled(c.warmUrl)}) | — |`,
  `| every view (the end-to-end walk) | — | ${views(c.views)} | — |`,
  '',
  ...(c.searchFiles
    ? [
        `Chunked, one cold visit → first search results (\`${FIRST_QUERY}\`), bytes on the wire by file (chunks summed per kind; what arrived after they were shown is marked so):`,
        '',
        '| file | files | on the wire |',
        '| --- | ---: | ---: |',
        ...Object.entries(c.searchFiles)
          .filter(([name]) => !name.endsWith(' (files)'))
          .sort((a, b) => b[1] - a[1])
          .map(([name, b]) => `| ${name} | ${c.searchFiles[`${name} (files)`]} | ${(b / 1e3).toFixed(1)} KB |`),
        '',
      ]
    : []),
  ...(c.views
    ? ['Chunked, every view as the end-to-end walk opens it (`bench/scale/views.mjs`; ms from the view before shown):', '', ...viewsTable(c.views), '']
    : []),
  ...(cBuild.stages?.length
    ? ['Chunked build, `parallax site`\'s own stage lines (where the wall clock goes):', '', '```', ...cBuild.stages, '```', '']
    : []),
  ...(c.warm?.perQuery
    ? [
        'Chunked, warm search per query (typed → results shown, ms):',
        '',
        '| query | p50 | p95 |',
        '| --- | ---: | ---: |',
        ...c.warm.perQuery.map((q) => `| \`${q.query}\` | ${fmtMs(q.p50_ms)} | ${fmtMs(q.p95_ms)} |`),
        '',
      ]
    : []),
].join('\n');
console.log(markdown);
await mkdir(WORK, { recursive: true });
await writeFile(join(WORK, '..', `report-${N}${TAG}.md`), markdown);
log(`written to ${join(WORK, '..', `report-${N}${TAG}.md`)}`);
if (!existsSync(CLI)) process.exitCode = 1;
