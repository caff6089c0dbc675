// Warm search on chunked sites, back to back (a benchmark, not a test): the scale benchmark's warm
// column (bench-scale.mjs, `warmChunked`) alone, over sites already built, so two explorers (say
// main's and a branch's, over the same chunks) are timed in one run, alternating site by site for
// PASSES passes, and split into where the time goes. Per query and site: from the query's entry
// (typed into the results page's search box, or with `--by url` a URL change, `#/search?q=`; see
// warm-page.mjs) to the results shown (`.search-status`, a MutationObserver), and the part the
// page itself reports as the search's ("N results in X ms": the reader's search and its hits'
// outlets, from the results component's render with the new query); the rest is routing and
// drawing. p50 is the median of per-query medians, p95 the worst per-query p95, as in bench-scale;
// beside them, the p95 of every round of every query pooled (one slow query no longer decides it).
//
// Usage: node bench/scale/warm-chunked.mjs [--rounds N (20)] [--passes N (2)] [--by typing|url] SITE_DIR...
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launch, serve } from '../../tests/e2e/harness.mjs';
import { warmRounds } from './warm-page.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return Number(value);
};
const BY = (() => {
  const at = args.indexOf('--by');
  return at < 0 ? 'typing' : args.splice(at, 2)[1];
})();
const ROUNDS = option('--rounds', 20);
const PASSES = option('--passes', 2);
const SITES = args.map((dir) => resolve(dir));
const FIRST_QUERY = 'troops';
// The benchmarks' query set (bench/queries.txt), as the scale benchmark's.
const QUERIES = (await readFile(new URL('../queries.txt', import.meta.url), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

/** Per query: every round's total and search milliseconds. */
async function warm(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${url}#/search?q=${encodeURIComponent(FIRST_QUERY)}`, { timeout: 600_000 });
    await page.waitForSelector('.search-status', { timeout: 600_000 });
    return await page.evaluate(warmRounds, { queries: QUERIES, rounds: ROUNDS, by: BY });
  } finally {
    await context.close();
  }
}

const pct = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1];
};
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

const browser = await launch();
const samples = SITES.map(() => Object.fromEntries(QUERIES.map((q) => [q, []])));
const loads = [];
try {
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [s, dir] of SITES.entries()) {
      const server = await serve(`${dir}/`);
      loads.push(loadavg()[0]);
      const got = await warm(browser, server.url);
      for (const q of QUERIES) samples[s][q].push(...got[q]);
      await server.close();
      console.error(`# pass ${pass + 1}, ${dir}: done (load ${loadavg()[0].toFixed(1)})`);
    }
  }
} finally {
  await browser.close();
}
const lines = [
  `Warm chunked search (query entered by ${BY === 'url' ? 'a URL change' : 'typing in the search box'}), ${ROUNDS} rounds × ${PASSES} passes per site, alternating; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
  '',
  `| query | ${SITES.map((d) => `${d.split('/').pop()} p50 / p95 (search p50 / p95)`).join(' | ')} |`,
  `| --- | ${SITES.map(() => '---').join(' | ')} |`,
];
const summary = SITES.map(() => ({ p50s: [], p95: 0, sp50s: [], sp95: 0, all: [] }));
for (const q of QUERIES) {
  const cells = SITES.map((_, s) => {
    const all = samples[s][q];
    const [t50, t95] = [pct(all.map((x) => x.total), 50), pct(all.map((x) => x.total), 95)];
    const [s50, s95] = [pct(all.map((x) => x.search), 50), pct(all.map((x) => x.search), 95)];
    summary[s].p50s.push(t50);
    summary[s].p95 = Math.max(summary[s].p95, t95);
    summary[s].sp50s.push(s50);
    summary[s].sp95 = Math.max(summary[s].sp95, s95);
    summary[s].all.push(...all.map((x) => x.total));
    return `${ms(t50)} / ${ms(t95)} (${ms(s50)} / ${ms(s95)})`;
  });
  lines.push(`| \`${q}\` | ${cells.join(' | ')} |`);
}
lines.push(
  `| **all** | ${summary.map((s) => `**${ms(pct(s.p50s, 50))} / ${ms(s.p95)}** (${ms(pct(s.sp50s, 50))} / ${ms(s.sp95)})`).join(' | ')} |`,
  `| every round pooled, p50 / p95 | ${summary.map((s) => `${ms(pct(s.all, 50))} / ${ms(pct(s.all, 95))}`).join(' | ')} |`,
);
console.log(lines.join('\n'));
