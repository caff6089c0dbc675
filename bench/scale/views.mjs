// Every view of a chunked site, timed (issue 10: "at 100,000 articles every view works"): the
// end-to-end test's walk (`tests/e2e/chunked-walk.mjs`: home by outlet and by date, story cards
// and a story's articles, an article with "Also reported by", the filters, a cold and a warm
// search, an article from the results, entity pages, the entity index, a comparison, links opened
// on a fresh page), each view asserted as the test asserts it, over a site of any size. Prints how
// long each view took to show (from the previous view shown; the first from a cold navigation).
// A benchmark, not a test: `bench-scale.mjs` runs it on its chunked site; alone:
//
//   node bench/scale/views.mjs <chunked site dir> <articles in it>
//
// The site must be built with `parallax site --chunks` (any precache setting: the walk blocks the
// service worker).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launch } from '../../tests/e2e/harness.mjs';
import { walkEveryView } from '../../tests/e2e/chunked-walk.mjs';

/** Walks every view of `site` (`n` articles): `{ steps: [{ view, ms }], failed }`. */
export async function timedViews(browser, site, n) {
  const steps = [];
  let last = performance.now();
  try {
    await walkEveryView(browser, site, n, (view) => {
      const now = performance.now();
      steps.push({ view, ms: now - last });
      last = now;
    });
    return { steps };
  } catch (error) {
    return { steps, failed: `after "${steps.at(-1)?.view ?? 'the start'}": ${String(error.message ?? error).replace(/\s+/g, ' ').slice(0, 300)}` };
  }
}

/** The walk as markdown lines. */
export function viewsTable(walk) {
  return [
    '| view | ms to show |',
    '| --- | ---: |',
    ...walk.steps.map((s) => `| ${s.view} | ${s.ms.toFixed(0)} |`),
    ...(walk.failed ? [`| **failed** ${walk.failed} | |`] : []),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [site, n] = process.argv.slice(2);
  if (!site || !n) {
    console.error('usage: node bench/scale/views.mjs <chunked site dir> <articles in it>');
    process.exit(2);
  }
  const browser = await launch();
  try {
    const walk = await timedViews(browser, resolve(site), Number(n));
    console.log(viewsTable(walk).join('\n'));
    if (walk.failed) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
