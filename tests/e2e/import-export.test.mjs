// End-to-end: a collection grows and leaves the browser as a site (issue 11). Files are added to a
// collection ("Add articles": only the new files are cleaned, a file already in it is skipped), and
// the collection is downloaded as a zip of a ready-to-host site, which is unzipped, checked against
// what `parallax site` writes for the same files, served from a plain static server and opened.
// Needs dist/ from `trunk build --release`; the comparison with `parallax site` also needs the CLI
// built after it (`cargo build --profile cli -p parallax-cli`, or PARALLAX_BIN) and is skipped without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serve, launch, watchErrors, reportRows, ROOT, chooseFiles } from './harness.mjs';

const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');

let browser;
let server;
let work;

before(async () => {
  browser = await launch();
  server = await serve();
  work = await mkdtemp(join(tmpdir(), 'parallax-import-export-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** An invented news page: menu, article, footer. */
function page(title, paragraphs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Portvale Courier</title>
<meta property="og:site_name" content="Portvale Courier"><meta property="article:published_time" content="2026-11-0${paragraphs.length}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© 2026 Portvale Courier. All rights reserved.</footer></body></html>`;
}

const FIRST = {
  'ferry.html': page('Harbour council approves a winter ferry timetable', [
    'The harbour council on Tuesday approved a winter ferry timetable that adds two evening crossings to Gull Island.',
    'Councillor Anton Reyes said the change answered years of complaints from island commuters.',
  ]),
  'library.html': page('City library to open late on Thursdays', [
    'The central library will stay open until ten at night on Thursdays from next month, the city announced.',
    'Librarian Sofia Marr said students and shift workers had asked for longer hours for years.',
    'The extra hours are paid for by savings on heating.',
  ]),
};
const ADDED = {
  'bridge.html': page('Bridge repairs close the northern road for two weeks', [
    'Crews began replacing the worn deck of the Northern Road bridge on Wednesday, closing the road to traffic.',
    'Drivers are asked to use the coast road, which the city says will get extra buses during the works.',
    'The works are due to finish before the winter storms.',
  ]),
  'masks.html': page('Museum returns carved masks to the island', [
    'The city museum returned four carved masks to Gull Island on Friday, a century after they were taken away.',
    'Island elders received the masks at a ceremony in the old school hall.',
    'The masks will be shown in the island school.',
    'A second return is planned for the spring.',
  ]),
};

const asFiles = (pages) =>
  Object.entries(pages).map(([name, html]) => ({ name, mimeType: 'text/html', buffer: Buffer.from(html) }));

/** Searches from the header box and returns the result titles. */
async function search(p, query) {
  await p.locator('#search-input').fill(query);
  await p.waitForFunction(
    (q) => decodeURIComponent(location.hash).includes(q) && document.querySelector('.search-status')?.textContent,
    query,
  );
  await p.waitForTimeout(200);
  return p.locator('.result .result-title').allInnerTexts();
}

/** Every file under `dir`, relative paths sorted. */
async function listing(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath ?? e.path, e.name)));
  }
  return out.sort();
}

/** `n` invented notices, each a page of its own words (numbered from `from`), named n01.html… */
function notices(from, n) {
  const places = ['Gull Island', 'the north quay', 'Marsh Lane', 'the old mill', 'Cliff Road', 'the river mouth'];
  return Object.fromEntries(
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const place = places[i % places.length];
      return [
        `n${String(i).padStart(2, '0')}.html`,
        page(`Harbour notice ${i}: works at ${place} in week ${i}`, [
          `Harbour notice number ${i} says that the crews will repair the quay wall near ${place} during week ${i} of the winter.`,
          `Boats moored at berth ${i * 3} are asked to move to berth ${i * 3 + 1} until the works at ${place} are done.`,
          `The harbour master thanked the ${i + 20} owners who answered the survey about notice ${i}.`,
        ]),
      ];
    }),
  );
}

test('files are handed to the import in several messages: every file arrives once, in order, and adding keeps the collection', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  // 19 files: more than two of the page's messages to the worker, the last one not full.
  const first = notices(1, 19);
  await chooseFiles(p, asFiles(first));
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.collection.current').innerText(), /19 articles from 19 files/);
  const names = await (await reportRows(p)).locator('td:first-child').allTextContents();
  assert.deepEqual(names, Object.keys(first), 'every file once, in the order given');

  // 11 new files and one already there, in two messages: the collection (sent with the last
  // message) is kept, the file already in it is skipped.
  await p.locator('.collection.current input.add-files').setInputFiles(asFiles({ ...notices(20, 11), 'n05.html': first['n05.html'] }));
  await p.waitForSelector('.import-message', { timeout: 60_000 });
  assert.match(await p.locator('.import-message').innerText(), /Added 11 articles to .*\(1 file was already in it and was skipped\)/);
  assert.match(await p.locator('.collection.current').innerText(), /30 articles from 30 files/);
  assert.ok((await search(p, '"berth 87 are asked"')).some((t) => t.includes('Harbour notice 29')));
  assert.ok((await search(p, '"berth 3 are asked"')).some((t) => t.includes('Harbour notice 1:')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('articles added to a collection join it: only new files are read, searchable, kept after reload', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  await chooseFiles(p, asFiles(FIRST));
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.collection.current').innerText(), /2 articles from 2 files/);
  const before = await p.locator('.article-card .card-title').allInnerTexts();

  // Two new pages and one already there (same name): the two are added, the third skipped.
  await p.locator('.collection.current input.add-files').setInputFiles(asFiles({ ...ADDED, 'ferry.html': FIRST['ferry.html'] }));
  await p.waitForSelector('.import-progress');
  await p.waitForSelector('.import-message', { timeout: 60_000 });
  assert.match(await p.locator('.import-message').innerText(), /Added 2 articles to .*\(1 file was already in it and was skipped\)/);
  assert.match(await p.locator('.collection.current').innerText(), /4 articles from 4 files/);
  await p.waitForFunction(() => document.querySelectorAll('.article-card').length === 4);
  const after = await p.locator('.article-card .card-title').allInnerTexts();
  for (const title of before) assert.ok(after.includes(title), `${title} is still there`);
  assert.equal(await (await reportRows(p)).count(), 4, 'the report lists the four files once each');

  // The new articles are searchable, the old ones still are.
  assert.ok((await search(p, '"extra buses during the works"')).some((t) => t.includes('Bridge repairs')));
  assert.ok((await search(p, '"ceremony in the old school hall"')).some((t) => t.includes('carved masks')));
  assert.ok((await search(p, '"two evening crossings"')).some((t) => t.includes('winter ferry')));

  // Kept after a reload; one collection, not two.
  await p.goto(server.url);
  await p.reload();
  await p.waitForSelector('#app .article-card');
  // The stored collection is listed once the collections module has drawn the panel.
  await p.waitForSelector('.collection.current:not(:first-child)');
  assert.equal(await p.locator('.collection').count(), 2);
  assert.match(await p.locator('.collection.current').innerText(), /4 articles from 4 files/);
  assert.equal(await p.locator('.article-card').count(), 4);

  // Files with nothing new leave the collection as it was, and say so.
  await p.locator('.collection.current input.add-files').setInputFiles(asFiles(ADDED));
  await p.waitForSelector('.import-message', { timeout: 60_000 });
  assert.match(await p.locator('.import-message').innerText(), /No new articles were found .* is unchanged/);
  assert.match(await p.locator('.collection.current').innerText(), /4 articles from 4 files/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a collection downloads as a zip of the site `parallax site` writes, which serves and opens', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  const pages = { ...FIRST, ...ADDED };
  await chooseFiles(p, asFiles(pages));
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  const [download] = await Promise.all([
    p.waitForEvent('download', { timeout: 120_000 }),
    p.locator('.collection.current button', { hasText: 'Download site (.zip)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /-site\.zip$/);
  const zip = join(work, 'site.zip');
  await download.saveAs(zip);
  execFileSync('unzip', ['-tq', zip]); // every entry's CRC checks
  execFileSync('unzip', ['-q', zip, '-d', join(work, 'unzipped')]);
  const [folder] = await readdir(join(work, 'unzipped'));
  const site = join(work, 'unzipped', folder);
  const files = await listing(site);
  for (const want of ['index.html', 'corpus.plx', 'sw.js', 'report.json', 'import_worker_loader.js']) {
    assert.ok(files.includes(want), `${want} is in the site: ${files}`);
  }
  const report = JSON.parse(await readFile(join(site, 'report.json'), 'utf8'));
  assert.equal(report.generator, 'parallax site');
  assert.equal(report.articles, 4);
  assert.deepEqual(report.site_files.map((f) => f.path).sort(), files.filter((f) => f !== 'report.json'));
  // Its home page is the collection's: the built-in articles' pre-rendered list is left out.
  // (the inlined stylesheet names .article-card: the view's marker and element are looked for)
  assert.doesNotMatch(await readFile(join(site, 'index.html'), 'utf8'), /parallax:first-view|id="first-view"|<li class="article-card/);

  // The same files as `parallax site` writes for these pages.
  if (existsSync(PARALLAX)) {
    const input = join(work, 'articles');
    await mkdir(input);
    for (const [name, html] of Object.entries(pages)) await writeFile(join(input, name), html);
    const out = join(work, 'cli-site');
    execFileSync(PARALLAX, ['site', input, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    assert.deepEqual(files, await listing(out), 'the same file list');
    for (const f of files.filter((f) => !['corpus.plx', 'sw.js', 'report.json'].includes(f))) {
      assert.ok((await readFile(join(site, f))).equals(await readFile(join(out, f))), `${f} is the explorer's own file`);
    }
    const cli = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(report.files, cli.files, 'the same per-file report');
    assert.deepEqual(report.formats, cli.formats);
    assert.equal(report.version, cli.version);
    // The browser hands the files over in its own order; the import reads them in the CLI's.
    assert.ok((await readFile(join(site, 'corpus.plx'))).equals(await readFile(join(out, 'corpus.plx'))), 'corpus.plx is the same bytes');
    assert.equal(await readFile(join(site, 'sw.js'), 'utf8'), await readFile(join(out, 'sw.js'), 'utf8'));
    assert.equal(report.build, cli.build);
  } else {
    console.log(`# ${PARALLAX} is not built: the comparison with parallax site is skipped`);
  }

  // Served by a plain static server, the site opens on the collection's articles.
  const hosted = await serve(site, '/');
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const visitorErrors = watchErrors(v);
  await v.goto(hosted.url);
  await v.waitForSelector('#app .article-card');
  assert.equal(await v.locator('.article-card').count(), 4);
  assert.ok((await search(v, '"ceremony in the old school hall"')).some((t) => t.includes('carved masks')));
  assert.deepEqual(visitorErrors, []);
  await visitor.close();
  await hosted.close();
  assert.deepEqual(errors, []);
  await context.close();
});
