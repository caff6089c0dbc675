// End-to-end: a reader opens their own articles in the page (issue 11). Invented news pages (with
// menus, share prompts, footers, og:site_name, article:published_time, several charsets), a .txt, a
// .jsonl and a picture go through the home page's file input; the articles become searchable from
// the header search box, survive a reload and going offline, can be renamed, downloaded and
// deleted, and no request ever leaves Parallax's own origin. Needs dist/ from `trunk build --release`
// (the offline step needs the release service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, reportRows, chooseFiles } from './harness.mjs';

let browser;
let work;

before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), 'parallax-import-'));
});

after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A news-like page: site menu, share prompt, related links and footer around the article. */
function newsPage({ site, title, date, author, paragraphs, charset = 'utf-8', metaCharset = true }) {
  return `<!doctype html>
<html lang="en"><head>${metaCharset ? `<meta charset="${charset}">` : ''}
<title>${title} | ${site}</title>
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="${date}">
<meta name="author" content="${author}">
</head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="share-bar">Share this article on Facebook · Share on Twitter · Email this story</div>
<main><article class="article-body">
<h1>${title}</h1><p class="byline">By ${author}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Ten things to do this weekend</a></li><li><a href="/b">Your horoscope for today</a></li></ul></aside>
<div class="newsletter">Sign up for our newsletter to get the day's top stories in your inbox.</div>
</main>
<footer class="site-footer"><p>© 2026 ${site}. All rights reserved.</p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/cookies">Cookie settings</a></footer>
</body></html>`;
}

const PAGES = {
  'ferry.html': {
    site: 'Portvale Courier',
    title: 'Harbour council approves a winter ferry timetable',
    date: '2026-11-03T08:00:00Z',
    author: 'Mira Castellan',
    paragraphs: [
      'The harbour council on Tuesday approved a winter ferry timetable that adds two evening crossings to Gull Island, ending a dispute that had run since the spring.',
      'Councillor Anton Reyes said the change answered years of complaints from island commuters who had no way home after the last boat left at six.',
      'The new crossings start in December and will be reviewed after three months, the council said in a statement.',
    ],
  },
  // windows-1252, declared in the page: the é and the curly quotes must come through.
  'orchard.html': {
    site: 'Tamsin Valley Herald',
    title: 'Growers report a record pear harvest in the valley',
    date: '2026-10-21T06:30:00Z',
    author: 'Lena Okafor',
    charset: 'windows-1252',
    paragraphs: [
      'Growers in the Tamsin valley picked a record 4,200 tonnes of pears this season, the growers’ association said on Monday.',
      'The association credited a mild spring, new frost netting and the café owners who bought the smaller fruit for juice.',
      'Prices at the cooperative fell slightly as the harvest came in, but most farms expect a better year than the last.',
    ],
  },
  // ISO-8859-1 with no charset declared at all: the encoding has to be guessed.
  'library.html': {
    site: 'Portvale Courier',
    title: 'City library to open late on Thursdays',
    date: '2026-09-14T10:00:00Z',
    author: 'Sofia Marr',
    charset: 'latin1',
    metaCharset: false,
    paragraphs: [
      'The central library will stay open until ten at night on Thursdays from next month, the city announced, after evening visits doubled since the reading room was renovated.',
      'Librarian Sofia Marr said students and shift workers had asked for longer hours for years, and that the façade repairs would not close the building.',
      'The extra hours cost the city about thirty thousand a year and are paid for by savings on heating.',
    ],
  },
};

const TEXT = 'Bridge Repairs Close Northern Road for Two Weeks\n\nBy Karim Douglas\n\nPortvale: Crews began replacing the worn deck of the Northern Road bridge on Wednesday, closing the road to traffic for two weeks.\n\nDrivers are asked to use the coast road, which the city says will get extra buses during the works.\n';
const JSONL =
  JSON.stringify({
    title: 'Museum returns carved masks to the island',
    text: 'The city museum returned four carved masks to Gull Island on Friday, a century after they were taken to the mainland by a collector.\n\nIsland elders received the masks at a ceremony in the old school hall.',
    url: 'https://example.org/masks',
    date: '2026-08-02',
    source: 'Island Gazette',
  }) + '\n';

/** The page's bytes in its charset: windows-1252 puts ’ at 0x92; Latin-1 has é, ç as one byte each. */
function encode(html, charset) {
  if (charset === 'windows-1252') return Buffer.from(html.replace(/’/g, '\x92'), 'latin1');
  if (charset === 'latin1') return Buffer.from(html, 'latin1');
  return Buffer.from(html, 'utf8');
}

/** The files a reader picks: the pages, a text file, a JSON Lines export and a picture. */
function files() {
  const out = [];
  for (const [name, spec] of Object.entries(PAGES)) {
    out.push({ name, mimeType: 'text/html', buffer: encode(newsPage(spec), spec.charset) });
  }
  out.push({ name: 'bridge.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
  out.push({ name: 'export.jsonl', mimeType: 'application/json', buffer: Buffer.from(JSONL) });
  out.push({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') });
  return out;
}

/** Searches from the header box and returns the result titles. */
async function search(page, query) {
  await page.locator('#search-input').fill(query);
  await page.waitForFunction(
    (q) => decodeURIComponent(location.hash).includes(q) && document.querySelector('.search-status')?.textContent,
    query,
  );
  await page.waitForTimeout(200);
  return page.locator('.result .result-title').allInnerTexts();
}

/** Whether a service worker controls the page within 20 s (debug builds' worker removes itself). */
async function controlled(page) {
  return page.evaluate(async () => {
    const ready = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
      return true;
    })();
    return Promise.race([ready, new Promise((ok) => setTimeout(() => ok(false), 20000))]);
  });
}

test('opened pages become a collection: searchable, kept after reload and offline, renamed, deleted, never uploaded', async () => {
  const server = await serve();
  const origin = new URL(server.url).origin;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  context.on('request', (r) => requests.push(r.url())); // the workers' requests too
  const errors = watchErrors(page);

  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  const offline = await controlled(page);
  const builtIn = await page.locator('.article-card').count();
  assert.match(await page.locator('.private-note').innerText(), /Nothing is uploaded/);

  const started = Date.now();
  await chooseFiles(page, files());
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 60000 });
  await page.waitForSelector('#app .article-card');
  console.log(`# import of ${files().length} files: ${Date.now() - started} ms`);
  const titles = await page.locator('.article-card .card-title').allInnerTexts();
  for (const want of ['Harbour council approves a winter ferry timetable', 'Growers report a record pear harvest in the valley', 'City library to open late on Thursdays', 'Bridge Repairs Close Northern Road for Two Weeks', 'Museum returns carved masks to the island']) {
    assert.ok(titles.some((t) => t.includes(want)), `${want} is listed: ${titles}`);
  }
  assert.equal(titles.length, 5, `five articles, not the built-in ${builtIn}: ${titles}`);
  // The picture is refused with a message of its own; the report lists every file.
  assert.match(await page.locator('.import-refused').innerText(), /photo\.png: is not a format Parallax reads/);
  // The table of every file is made only when the reader opens it.
  assert.equal(await page.locator('.report-table').count(), 0, 'the table waits until it is opened');
  assert.equal(await (await reportRows(page)).count(), 6);

  // Phrases from the article text (not the titles) are found; menus and footers were removed.
  const phrases = {
    '"two evening crossings to Gull Island"': 'Harbour council',
    '"café owners who bought the smaller fruit"': 'pear harvest',
    '"façade repairs"': 'library',
    '"extra buses during the works"': 'Bridge Repairs',
    '"ceremony in the old school hall"': 'carved masks',
  };
  for (const [query, title] of Object.entries(phrases)) {
    const got = await search(page, query);
    assert.ok(got.some((t) => t.includes(title)), `${query} finds ${title}: ${got}`);
  }
  assert.equal((await search(page, '"Sign up for our newsletter"')).length, 0, 'the newsletter prompt is noise');

  // An article page of the collection opens, with its outlet from og:site_name.
  await page.goto(server.url + '#/search?q=' + encodeURIComponent('"evening crossings"'));
  await page.waitForSelector('.result a');
  await page.locator('.result a').first().click();
  await page.waitForSelector('.article-title');
  assert.match(await page.locator('main').innerText(), /Portvale Courier/);

  // Still there after a reload, and offline.
  await page.goto(server.url);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), 5);
  if (offline) {
    await server.cut();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#app .article-card');
    assert.equal(await page.locator('.article-card').count(), 5, 'the collection opens offline');
    assert.ok((await search(page, '"extra buses during the works"')).some((t) => t.includes('Bridge Repairs')));
    await page.goto(new URL('#/', server.url).href);
    await page.waitForSelector('.collection.current');
  } else {
    console.log('# a debug build: no offline worker, the offline step is skipped (run against `trunk build --release`)');
  }

  // Rename, kept across a reload.
  await page.locator('.collection.current button', { hasText: 'Rename' }).click();
  await page.locator('.rename-form input').fill('Portvale clippings');
  await page.locator('.rename-form button').click();
  await page.waitForSelector('.collection.current .collection-name >> text=Portvale clippings');
  await page.reload();
  await page.waitForSelector('.collection.current .collection-name >> text=Portvale clippings');

  // Download as a bundle file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.collection.current button', { hasText: 'Download .plx' }).click(),
  ]);
  const saved = join(work, 'export.plx');
  await download.saveAs(saved);
  const bytes = await readFile(saved);
  assert.ok(bytes.length > 1000 && bytes.subarray(0, 8).toString() === 'PARALLAX', `a bundle file (${bytes.length} bytes)`);

  // Delete: back to the built-in articles, and the collection is gone after a reload.
  await page.locator('.collection.current button', { hasText: 'Delete' }).click();
  await page.locator('button', { hasText: 'Yes, delete' }).click();
  await page.waitForFunction(() => !document.querySelector('.collection-name')?.parentElement?.parentElement?.textContent?.includes('Portvale clippings'));
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), builtIn);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.collection').count(), 1, 'only the built-in articles are listed');

  // The exported bundle opens as a collection again.
  await chooseFiles(page, saved);
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 30000 });
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), 5);

  const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves Parallax');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e)), []);
  await context.close();
});

test('a folder, a cancelled import and a file with no articles leave nothing half-built', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');

  // Only a picture: nothing saved, and the reader is told why.
  await chooseFiles(page, [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000', 'hex') }]);
  await page.waitForSelector('.import-message');
  assert.match(await page.locator('.import-message').innerText(), /No articles were found/);
  assert.equal(await page.locator('.collection').count(), 1);

  // Cancel half-way through a large import.
  const many = [];
  for (let i = 0; i < 400; i++) {
    const spec = { ...PAGES['ferry.html'], title: `Ferry notice number ${i}`, paragraphs: [...PAGES['ferry.html'].paragraphs, `Notice ${i} about the winter timetable. `.repeat(200)] };
    many.push({ name: `notice-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(newsPage(spec)) });
  }
  await chooseFiles(page, many);
  await page.waitForSelector('.import-progress button');
  await page.locator('.import-progress button', { hasText: 'Cancel' }).click();
  assert.match(await page.locator('.import-message').innerText(), /cancelled: nothing was saved/);
  await page.reload();
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.collection').count(), 1, 'no collection left by the cancelled import');

  // A folder: two files of the same name in different folders stay two articles, named by the folder.
  const folder = join(work, 'clippings');
  await mkdir(join(folder, 'october'), { recursive: true });
  await mkdir(join(folder, 'november'), { recursive: true });
  await writeFile(join(folder, 'october', 'story.html'), newsPage(PAGES['ferry.html']));
  await writeFile(join(folder, 'november', 'story.html'), newsPage({ ...PAGES['library.html'], charset: 'utf-8' }));
  await chooseFiles(page, folder, '#import-folder');
  await page.waitForSelector('.collection.current:not(:first-child)', { timeout: 60000 });
  await page.waitForSelector('#app .article-card');
  assert.equal(await page.locator('.article-card').count(), 2);
  assert.match(await page.locator('.collection.current .collection-name').innerText(), /clippings/);
  await context.close();
  await server.close();
});
