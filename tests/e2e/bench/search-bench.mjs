// Search benchmark (issue 3): query latency of Parallax's wasm search in headless Chromium, on the
// seed corpus (7 articles) and on a 10,000-article synthetic corpus, next to MiniSearch (npm) timed
// in the same page on the same cleaned articles. A benchmark, not a test: it asserts nothing, it
// prints a markdown report and writes it to tests/e2e/artifacts/search-bench.md.
//
// Needs a release build in dist/ (`trunk build --release`); builds the CLI natively itself.
// Usage: node bench/search-bench.mjs [n-articles (10000)] [seed (1)]
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, watchErrors, ROOT, DIST, ARTIFACTS } from '../harness.mjs';

const N = Number(process.argv[2] ?? 10000);
const SEED = Number(process.argv[3] ?? 1);
const MINISEARCH = join(ROOT, 'tests', 'e2e', 'node_modules', 'minisearch', 'dist', 'umd', 'index.js');

// The benchmarks' query set (bench/queries.txt): single words, a name in another spelling, typos,
// prefixes (search as you type), phrases, an exclusion, a filter. Phrases and filters have no MiniSearch equivalent: there the quotes are
// dropped and the outlet becomes a `filter` callback (see `toMiniSearch`).
const QUERIES = (await readFile(new URL('../../../bench/queries.txt', import.meta.url), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const CLI = join(TARGET, 'cli', 'parallax');

/** Builds the native CLI (profile `cli`): build-std from target/parallax-env.sh only applies to wasm. */
function buildCli() {
  const env = { ...process.env };
  delete env.CARGO_UNSTABLE_BUILD_STD;
  execFileSync('cargo', ['build', '-q', '--profile', 'cli', '-p', 'parallax-cli'], { cwd: ROOT, env, stdio: 'inherit' });
}

/** Runs the CLI and returns its stdout. */
function parallax(...args) {
  return execFileSync(CLI, args, { maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * The bundle and the MiniSearch documents (from `parallax export --json`) for one folder of raw
 * articles. Building 10,000 articles takes minutes, so both are kept in `cache` and reused while
 * the CLI binary is the same one (its size and mtime are the stamp).
 */
async function prepare(name, dir, kbArgs, cache) {
  await mkdir(cache, { recursive: true });
  const plx = join(cache, 'corpus.plx');
  const exportJson = join(cache, 'export.json');
  const stampFile = join(cache, 'stamp');
  const cli = await stat(CLI);
  const stamp = `${dir} ${kbArgs.join(' ')} ${cli.size} ${cli.mtimeMs}`;
  const cached = await readFile(stampFile, 'utf8').catch(() => '');
  let seconds = null;
  if (cached !== stamp) {
    const t0 = Date.now();
    parallax('build', dir, ...kbArgs, '-o', plx);
    seconds = (Date.now() - t0) / 1000;
    await writeFile(exportJson, parallax('export', dir, ...kbArgs, '--json'));
    await writeFile(stampFile, stamp);
  }
  const exported = JSON.parse(await readFile(exportJson, 'utf8'));
  const docs = exported.articles.map((a) => ({
    id: a.id,
    title: a.title,
    outlet: a.outlet ?? '',
    text: a.blocks.map((b) => b.text).join('\n'),
  }));
  const bundle = await readFile(plx);
  const docsJson = Buffer.from(JSON.stringify(docs));
  return { name, bundle, docsJson, articles: docs.length, buildSeconds: seconds, stories: !kbArgs.includes('--no-stories') };
}

/**
 * Serves a copy of dist/ with this corpus as `corpus.plx` (and the MiniSearch documents beside it),
 * cross-origin isolated so `performance.now()` has 5 µs steps instead of 100 µs. A copy, not a
 * Playwright route: fulfilling a 90 MB body through the DevTools protocol crashes the page.
 */
async function serveCorpus(corpus) {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-bench-dist-'));
  await cp(DIST, dir, { recursive: true });
  await writeFile(join(dir, 'corpus.plx'), corpus.bundle);
  await writeFile(join(dir, 'bench-docs.json'), corpus.docsJson);
  const server = await serve(dir, '/', {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the explorer on this corpus and times both engines in the page. */
async function measure(browser, corpus, rounds) {
  const server = await serveCorpus(corpus);
  try {
    return await measureAt(browser, server.url, rounds);
  } finally {
    await server.close();
  }
}

async function measureAt(browser, url, rounds) {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  page.on('crash', () => errors.push('the page crashed'));

  // Page load as a reader sees it: from navigation to the home page listing articles (the app
  // downloads and decodes the whole bundle first).
  const t0 = Date.now();
  await page.goto(url, { timeout: 600_000 });
  await page.waitForSelector('#app .article-card', { timeout: 600_000 });
  const pageLoadMs = Date.now() - t0;
  await page.waitForFunction(() => typeof window.wasmBindings?.parallax_bench_search === 'function');

  const isolated = await page.evaluate(() => window.crossOriginIsolated);
  const parallaxReport = await page.evaluate(
    async ({ queries, rounds }) => {
      const bytes = new Uint8Array(await (await fetch('corpus.plx')).arrayBuffer());
      // Warm-up: lets the wasm tier up from the baseline compiler before the timed rounds.
      window.wasmBindings.parallax_bench_search(bytes, queries, 3);
      return window.wasmBindings.parallax_bench_search(bytes, queries, rounds);
    },
    { queries: QUERIES, rounds },
  );

  await page.addScriptTag({ path: MINISEARCH });
  const miniReport = await page.evaluate(
    async ({ queries, rounds }) => {
      const docs = await (await fetch('bench-docs.json')).json();
      const options = {
        fields: ['title', 'text'],
        storeFields: ['outlet'],
        searchOptions: { fuzzy: 0.2, prefix: true },
      };
      let t = performance.now();
      const index = new MiniSearch(options);
      index.addAll(docs);
      const buildMs = performance.now() - t;
      const json = JSON.stringify(index);
      t = performance.now();
      MiniSearch.loadJSON(json, options);
      const loadMs = performance.now() - t;

      // The closest MiniSearch can come to each query: no phrases, exclusions or outlet syntax.
      const toMiniSearch = (query) => {
        let filter;
        const text = query
          .replace(/outlet:"([^"]+)"/, (_, outlet) => {
            const wanted = outlet.toLowerCase();
            filter = (r) => r.outlet.toLowerCase() === wanted;
            return '';
          })
          .replace(/(^|\s)-\S+/g, ' ')
          .replace(/"/g, '')
          .trim();
        return { text, options: filter ? { filter } : {} };
      };
      const percentile = (sorted, pct) => sorted[Math.max(1, Math.ceil((pct * sorted.length) / 100)) - 1];
      const timings = [];
      for (const query of queries) {
        const { text, options: searchOptions } = toMiniSearch(query);
        for (let i = 0; i < 3; i++) index.search(text, searchOptions);
        const samples = [];
        let total = 0;
        const loopStart = performance.now();
        for (let i = 0; i < rounds; i++) {
          const s = performance.now();
          total = index.search(text, searchOptions).length;
          samples.push(performance.now() - s);
        }
        const meanMs = (performance.now() - loopStart) / rounds;
        samples.sort((a, b) => a - b);
        timings.push({
          query,
          total,
          p50_ms: percentile(samples, 50),
          p95_ms: percentile(samples, 95),
          max_ms: samples[samples.length - 1],
          mean_ms: meanMs,
        });
      }
      // Sizes are measured here: handing a string of tens of MB back to node is slow.
      const blob = new Blob([json]);
      const gzip = await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
      return { buildMs, loadMs, jsonBytes: blob.size, jsonGzipBytes: gzip.byteLength, queries: timings };
    },
    { queries: QUERIES, rounds },
  );
  await page.close();
  return { pageLoadMs, isolated, parallax: parallaxReport, minisearch: miniReport, errors };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const size = (bytes) => (bytes >= 1024 * 1024 ? mb(bytes) : kb(bytes));
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function report(corpus, result, rounds) {
  const p = result.parallax;
  const m = result.minisearch;
  const worst = (qs) => Math.max(...qs.map((q) => q.p95_ms));
  const lines = [
    `## ${corpus.name}: ${corpus.articles.toLocaleString('en')} articles, ${rounds} timed rounds per query`,
    '',
    `Timer: ${result.isolated ? 'cross-origin isolated (5 µs steps)' : 'not isolated (100 µs steps)'}.`,
    '',
    '| | Parallax (wasm) | MiniSearch 7 (JS) |',
    '| --- | --- | --- |',
    `| index on disk | bundle ${size(corpus.bundle.length)} raw, ${size(gzipSync(corpus.bundle).length)} gzip (whole corpus, index, entities${corpus.stories ? ', stories' : ''}) | index JSON ${size(m.jsonBytes)} raw, ${size(m.jsonGzipBytes)} gzip (plus the documents, ${size(corpus.docsJson.length)} JSON) |`,
    `| bundle build (native CLI, release) | ${corpus.buildSeconds === null ? 'cached from an earlier run' : `${corpus.buildSeconds.toFixed(1)} s`} | — |`,
    `| index ready | decode ${ms(p.decode_ms)} ms | build ${ms(m.buildMs)} ms, or loadJSON ${ms(m.loadMs)} ms |`,
    `| page load to first render | ${ms(result.pageLoadMs)} ms (fetch + decode + home page) | — |`,
    `| worst per-query p95 | ${ms(worst(p.queries))} ms | ${ms(worst(m.queries))} ms |`,
    '',
    '| query | Parallax hits | p50 ms | p95 ms | max ms | MiniSearch hits | p50 ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  p.queries.forEach((q, i) => {
    const mq = m.queries[i];
    lines.push(
      `| \`${q.query.replace(/\|/g, '\\|')}\` | ${q.total} | ${ms(q.p50_ms)} | ${ms(q.p95_ms)} | ${ms(q.max_ms)} | ${mq.total} | ${ms(mq.p50_ms)} | ${ms(mq.p95_ms)} | ${ms(mq.max_ms)} |`,
    );
  });
  if (result.errors.length) lines.push('', `Page errors: ${result.errors.join('; ')}`);
  return lines.join('\n');
}

const cacheRoot = join(TARGET, 'bench');
const synthCache = join(cacheRoot, `synth-${N}-seed${SEED}`);
const synthDir = join(synthCache, 'raw');
console.error(`# building the CLI; corpora and bundles are cached in ${cacheRoot}`);
buildCli();
const haveRaw = await readdir(synthDir).then((names) => names.length === N, () => false);
if (!haveRaw) parallax('synth', String(N), '-o', synthDir, '--seed', String(SEED));
const corpora = [
  await prepare('Seed corpus', join(ROOT, 'corpus', 'raw'), ['--entities', join(ROOT, 'corpus', 'entities.toml')], join(cacheRoot, 'seed')),
];
console.error(`# building the ${N}-article synthetic corpus (seed ${SEED}) unless cached: this takes minutes`);
// Story clustering compares every pair and merges one pair at a time: at 10,000 articles it runs
// for hours, so the synthetic bundle is built without stories (search does not use them).
corpora.push(await prepare(`Synthetic corpus (seed ${SEED}, built --no-stories)`, synthDir, ['--no-stories'], synthCache));

const browser = await launch();
const chromium = browser.version();
const sections = [];
try {
  for (const corpus of corpora) {
    const rounds = corpus.articles > 1000 ? 100 : 500;
    console.error(`# ${corpus.name}: ${corpus.articles} articles, bundle ${size(corpus.bundle.length)}`);
    const result = await measure(browser, corpus, rounds);
    sections.push(report(corpus, result, rounds));
  }
} finally {
  await browser.close();
}

const markdown = [
  '# Search benchmark',
  '',
  `Headless Chromium ${chromium}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, load average at the end`,
  `${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min; other jobs share the machine). Times are \`performance.now()\` around one`,
  'search (20 hits, last word as a prefix for Parallax; `fuzzy: 0.2, prefix: true` over title and text',
  'for MiniSearch, which has no phrases, exclusions or outlet syntax: quotes and `-words` are dropped',
  'and the outlet becomes a `filter`; it ORs the words where Parallax ANDs them). The page is served',
  'cross-origin isolated so the timer has 5 µs steps. Hits: how many articles matched.',
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
console.log(markdown);
await mkdir(ARTIFACTS, { recursive: true });
await writeFile(join(ARTIFACTS, 'search-bench.md'), markdown);
console.error(`# written to ${join(ARTIFACTS, 'search-bench.md')}`);
