// End-to-end: a large import is shown without holding the page (issue 11's "no main-thread task
// over 50 ms"). A folder of invented news pages, large enough that showing the collection costs the
// page's thread well over a long task's worth of work (reading the stored bundle, its checksum,
// decoding and checking it, the first screen), is imported through the home page's folder input,
// then reopened by a reload; both run under Chrome's tracing and every main-thread task's own CPU
// time (trace `tdur`) must stay under the bound. CPU time, not wall time: on a busy machine a task
// that uses 8 ms of CPU can take 80 ms of wall time waiting for a core, and this is a test, not a
// benchmark (bench/import-bench.mjs and bench/import-trace.mjs time it). The test checks its own
// power: the page's thread must have done several bounds' worth of work in all, so delivering the
// collection in one synchronous step (as a whole-bundle decode would) could not pass.
// Needs dist/ from `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, chooseFiles } from './harness.mjs';

/** Most CPU one main-thread task may use, in ms. The import's own slices are about 8 ms. */
const BOUND_MS = 50;
/** Pages in the folder: about 6 MB of HTML. */
const PAGES = 100;

let browser;
let work;

before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'parallax-import-delivery-'));
});

after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A small deterministic generator, so every run imports the same pages. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PEOPLE = ['Mira Castellan', 'Anton Reyes', 'Lena Okafor', 'Sofia Marr', 'Karim Douglas', 'Ines Vale', 'Tomas Kerrigan', 'Hana Sorel'];
const PLACES = ['Portvale', 'Gull Island', 'Tamsin Valley', 'Northbridge', 'Easthaven', 'Coldwater', 'Marrow Point', 'Selby Cross'];
const BODIES = ['the harbour council', 'the growers’ association', 'the city library', 'the regional court', 'the transport board', 'the water authority'];
const WORDS = ('ferry timetable harvest pears library bridge repairs budget council vote tunnel flood barrier school ' +
  'hospital nurses strike wages rail freight port cranes museum masks festival drought reservoir turbines wind ' +
  'farm fishing quota licence airport runway noise housing rents tenants market stalls bakery bread prices')
  .split(' ');

/** One invented news page of about 40 KB: menus, share prompts and a footer around the article. */
function newsPage(n) {
  const next = random(n + 1);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = () => {
    const words = Array.from({ length: 14 + Math.floor(next() * 10) }, () => pick(WORDS)).join(' ');
    return `${pick(PEOPLE)} of ${pick(BODIES)} said in ${pick(PLACES)} on ${1 + Math.floor(next() * 28)} March that ${words}.`;
  };
  const paragraphs = Array.from({ length: 150 }, () => `<p>${sentence()} ${sentence()}</p>`).join('\n');
  const title = `${pick(PLACES)} ${pick(WORDS)} ${pick(WORDS)} report number ${n}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | ${pick(PLACES)} Courier</title>
<meta property="og:site_name" content="${pick(PLACES)} Courier">
<meta property="article:published_time" content="2026-03-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="share-bar">Share this article on Facebook · Share on Twitter · Email this story</div>
<main><article><h1>${title}</h1><p class="byline">By ${pick(PEOPLE)}</p>
${paragraphs}
</article>
<div class="newsletter">Sign up for our newsletter to get the day's top stories in your inbox.</div></main>
<footer><p>© 2026 Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;
}

/** Every main-thread task of the page's renderer in a trace: wall and CPU time in ms. */
function mainTasks(trace) {
  const events = JSON.parse(trace).traceEvents;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

/** Runs `step` under tracing and returns the page's main-thread tasks meanwhile. */
async function traced(page, step) {
  const file = join(work, `trace-${Date.now()}.json`);
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  await step();
  await browser.stopTracing();
  const tasks = mainTasks(await readFile(file, 'utf8'));
  await rm(file, { force: true });
  return tasks;
}

/** Says what the page's thread did and checks that no task of it went over the bound. */
function check(what, tasks) {
  const total = tasks.reduce((s, t) => s + t.cpu, 0);
  const heaviest = tasks.reduce((m, t) => (t.cpu > m.cpu ? t : m), { cpu: 0, wall: 0 });
  const longest = tasks.reduce((m, t) => Math.max(m, t.wall), 0);
  console.log(
    `# ${what}: ${tasks.length} main-thread tasks, ${total.toFixed(0)} ms CPU in all; heaviest ${heaviest.cpu.toFixed(1)} ms CPU ` +
      `(${heaviest.wall.toFixed(0)} ms wall); longest ${longest.toFixed(0)} ms wall`,
  );
  assert.ok(total > 3 * BOUND_MS, `${what}: the page's thread did ${total.toFixed(0)} ms of work, too little to test the bound`);
  assert.ok(heaviest.cpu < BOUND_MS, `${what}: one main-thread task used ${heaviest.cpu.toFixed(1)} ms of CPU`);
}

test('a large import and its reopening never hold the page’s thread for a long task', async () => {
  const folder = join(work, 'saved');
  await mkdir(folder);
  let bytes = 0;
  for (let n = 0; n < PAGES; n++) {
    const html = newsPage(n);
    bytes += Buffer.byteLength(html);
    await writeFile(join(folder, `page-${String(n).padStart(3, '0')}.html`), html);
  }
  console.log(`# ${PAGES} pages, ${(bytes / 1e6).toFixed(1)} MB of HTML`);

  const server = await serve();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await importAndReopen(page, server, folder);
  } finally {
    await page.close();
    await server.close();
  }
});

/** Imports the folder, then reloads the page that shows it; checks the page's thread in both. */
async function importAndReopen(page, server, folder) {
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');

  // Playwright builds the input's file list in the page's thread; tracing starts once the import
  // runs, so what is measured is the page's own work: progress, then storing and showing the
  // collection (the later parts of the home page included).
  await chooseFiles(page, folder, '#import-folder');
  await page.waitForSelector('.import-progress');
  const importing = await traced(page, async () => {
    await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 300_000 });
    await page.waitForSelector('#app .article-card');
    await page.waitForTimeout(2000);
  });
  const articles = Number((await page.locator('.collection.current').innerText()).match(/(\d+) articles?/)?.[1] ?? 0);
  assert.equal(articles, PAGES, 'every page is an article');
  check('import', importing);

  const reopening = await traced(page, async () => {
    await page.reload();
    await page.waitForSelector('.collection.current:not(:first-child)');
    await page.waitForSelector('#app .article-card');
    await page.waitForTimeout(2000);
  });
  check('reopening (reload)', reopening);
  assert.deepEqual(errors, []);
}
