// Render time of each picture (issue 12), in headless Chromium, on any built explorer and bundle:
// every picture's first render and its redraw after each of its own controls, for one or more
// builds side by side (before and after a change, in one run) and one or more corpora.
//
// Two numbers per step:
// - "render": the picture's own stamp, `data-render-ms`, from the start of its component function
//   (aggregation included) to the DOM being updated. A first render also counts whatever else the
//   page renders in the same pass (the home page's article list, the page it replaces).
// - "to paint" (redraws only): from the control's event, dispatched in the page, to the frame after
//   the DOM update has been painted (style, layout and paint included): what a reader waits.
// - "CPU" (with `--cpu`): the page's main-thread CPU time over the step (Chrome's trace, thread
//   time of its tasks): on a machine shared with other jobs the two above count the time the page
//   waited for a core, this does not. Tracing slows the page a little.
// Each number is the median of `--runs` fresh page loads (default 3).
//
// Usage: node bench/pictures-bench.mjs [--runs N] [--cpu] [dist[,dist2…] (../../dist)] [corpus[,corpus2…]]
// A corpus is `seed` (the dist's own corpus.plx), a .plx file, or `synth:N`: N synthetic
// articles built with the `parallax` CLI (`parallax synth`, then `parallax build`; PARALLAX_BIN or
// target/cli/parallax), kept in $TMPDIR/parallax-pictures-synth-N/ for the next run. Build dist
// with `trunk build --release` (debug builds are several times slower).
// Writes artifacts/pictures-bench.md.
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, ARTIFACTS, DIST, ROOT } from '../harness.mjs';

const exists = (path) => access(path).then(() => true, () => false);

/** The bundle of N synthetic articles, built once and kept. */
async function synth(n) {
  const parallax = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');
  const dir = join(tmpdir(), `parallax-pictures-synth-${n}`);
  const plx = join(dir, 'corpus.plx');
  if (await exists(plx)) return plx;
  const run = promisify(execFile);
  await run(parallax, ['synth', String(n), '-o', join(dir, 'raw')], { maxBuffer: 1 << 26 });
  await run(parallax, ['build', join(dir, 'raw'), '-o', plx], { maxBuffer: 1 << 26 });
  return plx;
}

const args = process.argv.slice(2);
let runs = 3;
const at = args.indexOf('--runs');
if (at >= 0) {
  runs = Number(args[at + 1]);
  args.splice(at, 2);
}
const cpuAt = args.indexOf('--cpu');
const cpu = cpuAt >= 0;
if (cpu) args.splice(cpuAt, 1);
const dists = (args[0] ?? DIST).split(',').map((d) => resolve(d));
const corpora = (args[1] ?? 'seed').split(',');
const LONG = { timeout: 900_000 };

/** Stamps of the figure matching `selector`: render and build ms. */
async function stamps(page, selector) {
  return page.locator(selector).first().evaluate((el) => ({
    render: Number(el.getAttribute('data-render-ms')),
    build: el.hasAttribute('data-build-ms') ? Number(el.getAttribute('data-build-ms')) : null,
  }));
}

/**
 * Runs one control in the page: `how` is { click: selector } (the first match, or the element
 * `pick` in the page chooses) or { select: selector, nth, value }. Waits for the figure's new
 * stamp, then for the next frame to be painted.
 */
async function redraw(page, figure, how) {
  return page.evaluate(async ({ figure, how }) => {
    const fig = document.querySelector(figure);
    fig.setAttribute('data-render-ms', 'pending');
    const stamped = new Promise((ok) => {
      const seen = new MutationObserver(() => {
        if (fig.getAttribute('data-render-ms') !== 'pending') {
          seen.disconnect();
          ok();
        }
      });
      seen.observe(fig, { attributes: true, attributeFilter: ['data-render-ms'] });
    });
    const t0 = performance.now();
    if (how.click) {
      const el = document.querySelectorAll(how.click)[how.nth ?? 0];
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    } else {
      const el = document.querySelectorAll(how.select)[how.nth ?? 0];
      el.value = how.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await stamped;
    // The frame after the update: rAF runs before its paint, a message after it.
    await new Promise((ok) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ok();
      channel.port2.postMessage(null);
    }));
    const painted = performance.now() - t0;
    return {
      render: Number(fig.getAttribute('data-render-ms')),
      build: fig.hasAttribute('data-build-ms') ? Number(fig.getAttribute('data-build-ms')) : null,
      paint: painted,
    };
  }, { figure, how });
}

/**
 * Runs `step` (returning { render, build, paint }) and, with `--cpu`, adds the main thread's CPU
 * time over it: the thread time of the tasks of the thread that ran the most.
 */
async function timed(browser, page, step) {
  if (!cpu) return step();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const result = await step();
  // Let the frame after the update finish.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  const tasks = JSON.parse((await browser.stopTracing()).toString()).traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const byThread = {};
  for (const e of tasks) byThread[e.tid] = (byThread[e.tid] ?? 0) + (e.tdur ?? 0);
  const [, us] = Object.entries(byThread).sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return { ...result, cpu: us / 1000 };
}

/** The index among `.pic-axis-button`s of the period holding the timeline's largest mark. */
async function busiestPeriod(page) {
  return page.locator('figure.timeline').first().evaluate((fig) => {
    let best = null;
    for (const cell of fig.querySelectorAll('.pic-row .pic-cell')) {
      const n = Number(cell.dataset.articles);
      if (!best || n > best.n) best = { n, x: Number(cell.querySelector('circle').getAttribute('cx')) };
    }
    const buttons = [...fig.querySelectorAll('.pic-axis-button')];
    const at = buttons.findIndex((b) => {
      const r = b.querySelector('rect');
      const x = Number(r.getAttribute('x'));
      return best && best.x >= x && best.x < x + Number(r.getAttribute('width'));
    });
    return Math.max(at, 0);
  });
}

/** One run over every picture: [{ picture, step, render, build, paint }]. */
async function measure(url) {
  const browser = await launch();
  const out = [];
  const add = (picture, step, m) => out.push({ picture, step, ...m });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(url, LONG);
    await page.waitForSelector('.story-matrix .pic-row', LONG);
    await page.waitForSelector('figure.timeline .pic-cell', LONG);
    const articles = await page.evaluate(() => document.querySelector('.lede')?.textContent.match(/^[\d,]+/)?.[0]);

    const story = '.story-matrix';
    add('stories × outlets', 'first', await stamps(page, story));
    for (const [value, step] of [['fewest', 'fewest outlets first'], ['newest', 'newest first'], ['most', 'most outlets first']]) {
      add('stories × outlets', step, await timed(browser, page, () => redraw(page, story, { select: `${story} select`, value })));
    }
    const compareHref = await page.locator(`${story} .pic-row-link[href^="#/compare/"]`).first().getAttribute('href').catch(() => null);

    const timeline = 'figure.timeline';
    add('timeline', 'first (years)', await stamps(page, timeline));
    let nth = await busiestPeriod(page);
    add('timeline', 'zoom to a year (months)', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-axis-button`, nth })));
    nth = await busiestPeriod(page);
    add('timeline', 'zoom to a month (days)', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-axis-button`, nth })));
    add('timeline', 'back to years', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-zoom button` })));

    const matrix = '.entity-matrix';
    add('entities × outlets', 'first', await timed(browser, page, async () => {
      await page.goto(url + '#/entities');
      await page.waitForSelector('.entity-matrix .pic-row', LONG);
      return stamps(page, matrix);
    }));
    for (const [value, step] of [['person', 'people'], ['org', 'organisations'], ['place', 'places'], ['all', 'everyone']]) {
      add('entities × outlets', `show ${step}`, await timed(browser, page, () => redraw(page, matrix, { select: `${matrix} select`, nth: 0, value })));
    }
    for (const [value, step] of [['outlets', 'named by most outlets'], ['name', 'name'], ['mentions', 'most mentioned']]) {
      add('entities × outlets', `sort by ${step}`, await timed(browser, page, () => redraw(page, matrix, { select: `${matrix} select`, nth: 1, value })));
    }
    add('entities × outlets', 'sort by an outlet (column head)', await timed(browser, page, () => redraw(page, matrix, { click: `${matrix} .pic-head-button` })));
    const entity = await page.locator(`${matrix} .pic-row`).first().getAttribute('data-entity');

    await page.goto(url + `#/entity/${encodeURIComponent(entity)}`);
    await page.waitForSelector('figure.timeline .pic-cell', LONG);
    add('entity: mentions over time', 'first (years)', await stamps(page, timeline));
    nth = await busiestPeriod(page);
    add('entity: mentions over time', 'zoom to a year (months)', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-axis-button`, nth })));
    nth = await busiestPeriod(page);
    add('entity: mentions over time', 'zoom to a month (days)', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-axis-button`, nth })));
    add('entity: mentions over time', 'back to years', await timed(browser, page, () => redraw(page, timeline, { click: `${timeline} .pic-zoom button` })));
    await page.waitForSelector('.co-occurring-bars .pic-bar-link', LONG);
    add('entity: co-occurring bars', 'first', await stamps(page, '.co-occurring-bars'));

    if (compareHref) {
      await page.goto(url + compareHref);
      await page.waitForSelector('.compare[data-state="done"] .mm-rail .mm-tick', LONG);
      add('comparison overview', 'first (every row arrived)', await stamps(page, '.pic-minimap'));
      await page.locator('.mm-rail .mm-strip').first().locator('.mm-tick[tabindex="0"]').focus();
      const minimap = await page.evaluate(async () => {
        const fig = document.querySelector('.pic-minimap');
        fig.setAttribute('data-render-ms', 'pending');
        const t0 = performance.now();
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        while (fig.getAttribute('data-render-ms') === 'pending') await new Promise((ok) => setTimeout(ok, 0));
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        return { render: Number(fig.getAttribute('data-render-ms')), build: null, paint: performance.now() - t0 };
      });
      add('comparison overview', 'arrow key (roving focus)', minimap);
    }
    return { articles, rows: out, errors };
  } finally {
    await browser.close();
  }
}

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));

const sections = [];
for (const corpus of corpora) {
  const bundle = corpus === 'seed' ? null : corpus.startsWith('synth:') ? await synth(Number(corpus.slice(6))) : corpus;
  const results = dists.map(() => []);
  let articles = '?';
  const errors = new Set();
  const servers = [];
  try {
    for (const dist of dists) {
      const dir = await mkdtemp(join(tmpdir(), 'parallax-pictures-bench-'));
      await cp(dist, dir, { recursive: true });
      if (bundle) await cp(bundle, join(dir, 'corpus.plx'));
      servers.push({ dir, server: await serve(dir) });
    }
    // Runs alternate between builds, so a busy spell of the machine falls on both.
    for (let run = 0; run < runs; run += 1) {
      for (const [d, { server }] of servers.entries()) {
        const one = await measure(server.url);
        articles = one.articles ?? articles;
        one.errors.forEach((e) => errors.add(`${basename(dists[d])}: ${e}`));
        results[d].push(one.rows);
        console.error(`# ${corpus}, ${basename(dists[d])}, run ${run + 1}: ${one.rows.map((r) => `${r.picture} ${r.step} ${fmt(r.render)}`).join('; ')}`);
      }
    }
  } finally {
    for (const { dir, server } of servers) {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const head = dists.map((d) => basename(d));
  const cols = cpu ? ['render', 'build', 'to paint', 'CPU'] : ['render', 'build', 'to paint'];
  const lines = [
    `## ${articles} articles (${corpus})`,
    '',
    '| picture | step | ' + head.map((h) => cols.map((c) => `${c} ms (${h})`).join(' | ')).join(' | ') + ' |',
    '| --- | --- | ' + head.map(() => cols.map(() => '---:').join(' | ')).join(' | ') + ' |',
  ];
  for (const [i, row] of results[0][0].entries()) {
    const cells = results.map((perRun) => {
      const same = perRun.map((rows) => rows[i]).filter((r) => r && r.step === row.step && r.picture === row.picture);
      const keys = cpu ? ['render', 'build', 'paint', 'cpu'] : ['render', 'build', 'paint'];
      return keys.map((k) => fmt(median(same.map((r) => r[k])))).join(' | ');
    });
    lines.push(`| ${row.picture} | ${row.step} | ${cells.join(' | ')} |`);
  }
  lines.push('', errors.size ? `Page errors: ${[...errors].join('; ')}` : 'No page errors.');
  sections.push(lines.join('\n'));
}

const markdown = [
  '# Picture render times',
  '',
  `Headless Chromium, 1280×800, ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} CPUs shared with other jobs (load at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}); median of ${runs} page loads per build, builds alternating.`,
  '"render": the picture\'s data-render-ms (component start to DOM updated; a first render counts the whole page pass). "build": aggregation and elements alone. "to paint": the control\'s event to the next painted frame.' + (cpu ? ' "CPU": the main thread\'s CPU time over the step.' : ''),
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
console.log(markdown);
await mkdir(ARTIFACTS, { recursive: true });
await writeFile(join(ARTIFACTS, 'pictures-bench.md'), markdown);
