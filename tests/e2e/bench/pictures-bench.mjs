// Render time of each picture (issue 12), in headless Chromium, on any built explorer and bundle.
// Each picture stamps `data-render-ms` after every render: from the start of its component
// function (aggregation included) to the DOM being updated. "first" is the page's first render
// (it also counts whatever else the page renders in the same pass, e.g. the home page's article
// list); "re-render" is the picture alone redrawing after its own control (sort, zoom), which
// recomputes its aggregation.
//
// Usage: node bench/pictures-bench.mjs [dist (../../dist)] [corpus.plx | synth:N]
// `synth:10000` builds 10,000 synthetic articles with the `parallax` CLI (`parallax synth`, then
// `parallax build`; PARALLAX_BIN or target/release/parallax), kept in
// $TMPDIR/parallax-pictures-synth-N/ for the next run. Build dist with `trunk build --release`
// (debug builds are several times slower).
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, ARTIFACTS, DIST, ROOT } from '../harness.mjs';

const exists = (path) => access(path).then(() => true, () => false);

/** The bundle of N synthetic articles, built once and kept. */
async function synth(n) {
  const parallax = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'release', 'parallax');
  const dir = join(tmpdir(), `parallax-pictures-synth-${n}`);
  const plx = join(dir, 'corpus.plx');
  if (await exists(plx)) return plx;
  const run = promisify(execFile);
  await run(parallax, ['synth', String(n), '-o', join(dir, 'raw')], { maxBuffer: 1 << 26 });
  await run(parallax, ['build', join(dir, 'raw'), '-o', plx], { maxBuffer: 1 << 26 });
  return plx;
}

const dist = resolve(process.argv[2] ?? DIST);
const asked = process.argv[3];
const bundle = asked?.startsWith('synth:') ? await synth(Number(asked.slice(6))) : asked;
const dir = await mkdtemp(join(tmpdir(), 'parallax-pictures-bench-'));
await cp(dist, dir, { recursive: true });
if (bundle) await cp(bundle, join(dir, 'corpus.plx'));
const server = await serve(dir);
const browser = await launch();
const rows = [];

async function stamp(page, selector) {
  return Number(await page.locator(selector).first().getAttribute('data-render-ms'));
}

/** The first render's aggregation and element building alone (`data-build-ms`), where stamped. */
async function built(page, selector) {
  const ms = await page.locator(selector).first().getAttribute('data-build-ms');
  return ms === null ? '—' : Number(ms);
}

/** Runs `act`, waits for the picture to stamp a new render, returns the new time. */
async function rerender(page, selector, act) {
  const before = await page.locator(selector).first().getAttribute('data-render-ms');
  await page.evaluate((s) => document.querySelector(s).setAttribute('data-render-ms', 'pending'), selector);
  await act();
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-render-ms') !== 'pending', selector, { timeout: 120_000 });
  return { before, after: await stamp(page, selector), build: await built(page, selector) };
}

function record(picture, first, again, build = '—', againBuild = '—') {
  rows.push({ picture, first, build, again, againBuild });
  console.error(`# ${picture}: first ${first} ms (build ${build} ms), re-render ${again} ms (build ${againBuild} ms)`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url, { timeout: 600_000 });
  await page.waitForSelector('.story-matrix .pic-row', { timeout: 600_000 });
  const articles = await page.locator('.article-card').count();
  let first = await stamp(page, '.story-matrix');
  let build = await built(page, '.story-matrix');
  let again = await rerender(page, '.story-matrix', () => page.locator('.story-matrix select').selectOption('fewest'));
  record('home: stories × outlets', first, again.after, build, again.build);
  const compareHref = await page.locator('.story-matrix .pic-row-link[href^="#/compare/"]').first().getAttribute('href').catch(() => null);

  first = await stamp(page, 'figure.timeline');
  build = await built(page, 'figure.timeline');
  const months = await rerender(page, 'figure.timeline', () => page.locator('figure.timeline .pic-axis-button').last().click({ timeout: 300_000 }));
  record('home: timeline zoomed to one year', '—', months.after, '—', months.build);
  again = await rerender(page, 'figure.timeline', () => page.locator('figure.timeline .pic-zoom button').first().click({ timeout: 300_000 }));
  record('home: timeline (years)', first, again.after, build, again.build);

  await page.goto(server.url + '#/entities');
  await page.waitForSelector('.entity-matrix .pic-row', { timeout: 120_000 });
  first = await stamp(page, '.entity-matrix');
  build = await built(page, '.entity-matrix');
  again = await rerender(page, '.entity-matrix', () => page.locator('.entity-matrix select').nth(1).selectOption('outlets'));
  record('entity index: entities × outlets', first, again.after, build, again.build);
  const entity = await page.locator('.entity-matrix .pic-row').first().getAttribute('data-entity');

  await page.goto(server.url + `#/entity/${encodeURIComponent(entity)}`);
  await page.waitForSelector('figure.timeline .pic-cell', { timeout: 600_000 });
  first = await stamp(page, 'figure.timeline');
  build = await built(page, 'figure.timeline');
  await rerender(page, 'figure.timeline', () => page.locator('figure.timeline .pic-axis-button').last().click({ timeout: 300_000 }));
  again = await rerender(page, 'figure.timeline', () => page.locator('figure.timeline .pic-zoom button').first().click({ timeout: 300_000 }));
  record(`entity page (${entity}): mentions over time`, first, again.after, build, again.build);
  record(`entity page (${entity}): co-occurring bars`, await stamp(page, '.co-occurring-bars'), '—');

  if (compareHref) {
    await page.goto(server.url + compareHref);
    await page.waitForSelector('.compare[data-state="done"] .mm-rail .mm-tick', { timeout: 120_000 });
    record('comparison overview', await stamp(page, '.pic-minimap'), '—');
  }
  const markdown = [
    `# Picture render times: ${articles} articles (${bundle ?? 'the seed bundle'})`,
    '',
    `Headless Chromium, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs shared with other jobs (load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}).`,
    '',
    '| picture | first render ms (whole page pass) | first build ms (aggregate + elements) | re-render ms (own control) | re-render build ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.picture} | ${r.first} | ${r.build} | ${r.again} | ${r.againBuild} |`),
    '',
    errors.length ? `Page errors: ${errors.join('; ')}` : 'No page errors.',
  ].join('\n');
  console.log(markdown);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, `pictures-bench-${articles}.md`), markdown);
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
