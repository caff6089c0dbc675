// End-to-end: bad input given to "Open your own articles" (issue 11). A folder of 5,000 files, a
// 50 MB file, binary files, an import cancelled half-way, the tab reloaded mid-import and a full
// storage quota, for a new collection and for files added to one: each ends with a sentence on the
// page, never a blank page, and a reload finds no half-built collection and no half-grown one
// (IndexedDB is read directly to be sure). Files and folders dropped on the page are imported too.
// Needs dist/ from `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, reportRows, chooseFiles } from './harness.mjs';

let browser;
let server;
let work;

before(async () => {
  browser = await launch();
  server = await serve();
  work = await mkdtemp(join(tmpdir(), 'parallax-import-bad-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A small seeded random number generator, so every run writes the same files. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = ('harbour council ferry island winter timetable growers valley pear harvest library city ' +
  'reading room bridge road crews deck traffic museum masks elders ceremony school hall river dam ' +
  'reservoir water homes region officials statement budget vote mayor market farmers prices tonnes ' +
  'season weather storm coast buses commuters evening crossing spring dispute complaints workers ' +
  'hospital nurses clinic patients teachers pupils exams railway station platform tickets fares').split(' ');

/** A sentence of invented news prose, different for every seed. */
function sentence(next) {
  const n = 12 + Math.floor(next() * 10);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')} on day ${Math.floor(next() * 900) + 1}.`;
}

/** A news page (menu, article, footer) whose title and paragraphs are unique to `i`. */
function page(i, paragraphs = 3) {
  const next = random(i * 7919 + 13);
  const body = Array.from({ length: paragraphs }, () => `<p>${sentence(next)} ${sentence(next)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notice ${i}</title>
<meta property="og:site_name" content="Portvale Courier"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Council notice number ${i} on the ${WORDS[i % WORDS.length]}</h1>
${body}
</article><footer>© 2026 Portvale Courier. All rights reserved.</footer></body></html>`;
}

/** What IndexedDB holds: the number of records in each store (none when the database is absent). */
async function stored(p) {
  return p.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('parallax-collections')) return { meta: 0, bundles: 0, reports: 0 };
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('parallax-collections');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const count = (store) =>
      new Promise((ok, fail) => {
        if (!db.objectStoreNames.contains(store)) return ok(0);
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const out = { meta: await count('meta'), bundles: await count('bundles'), reports: await count('reports') };
    db.close();
    return out;
  });
}

/** A fresh tab on the explorer, its built-in articles shown. */
async function home(context) {
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  return { p, errors };
}

/** After a reload: the page is not blank, only the built-in articles are listed, nothing stored. */
async function nothingLeft(p, why) {
  await p.reload();
  await p.waitForSelector('#app .article-card');
  assert.equal(await p.locator('.collection').count(), 1, `${why}: only the built-in articles are listed`);
  assert.deepEqual(await stored(p), { meta: 0, bundles: 0, reports: 0 }, `${why}: nothing half-built in IndexedDB`);
}

/** Waits until the progress bar says at least `n` files are clean. */
async function cleaned(p, n) {
  await p.waitForFunction(
    (n) => Number(document.querySelector('.import-progress progress')?.getAttribute('value') ?? 0) >= n,
    n,
    { timeout: 120_000 },
  );
}

/** 400 long pages, slow enough to stop half-way. */
function manyPages() {
  return Array.from({ length: 400 }, (_, i) => ({
    name: `notice-${i}.html`,
    mimeType: 'text/html',
    buffer: Buffer.from(page(i, 60)),
  }));
}

test('a folder of 5,000 files becomes one collection, with progress and every file in the report', async () => {
  const folder = join(work, 'five-thousand');
  for (let d = 0; d < 10; d++) {
    await mkdir(join(folder, `box-${d}`), { recursive: true });
    for (let i = 0; i < 500; i++) await writeFile(join(folder, `box-${d}`, `page-${i}.html`), page(d * 500 + i, 2));
  }
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  const started = Date.now();
  await chooseFiles(p, folder, '#import-folder');
  await p.waitForSelector('.import-progress');
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 600_000 });
  console.log(`# 5,000 files imported in ${Date.now() - started} ms`);
  const row = await p.locator('.collection.current').innerText();
  assert.match(row, /five-thousand/);
  assert.match(row, /5000 articles from 5000 files/);
  assert.match(await p.locator('.import-report h3').innerText(), /5000 files with articles/);
  await p.reload();
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.collection.current').innerText(), /5000 articles/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 50 MB file is read: its article is found and the rest is reported as removed', async () => {
  // A page saved "complete" in one file: the article, then 50 MB of an embedded picture.
  const path = join(work, 'saved-complete.html');
  const file = await open(path, 'w');
  await file.write(page(1, 8).replace('</article>', '</article><img alt="" src="data:image/png;base64,'));
  const chunk = Buffer.alloc(1 << 20, 'iVBORw0KGgoAAAANSUhEUgAA');
  for (let i = 0; i < 50; i++) await file.write(chunk);
  await file.write('"></body></html>');
  await file.close();
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  const started = Date.now();
  await chooseFiles(p, path);
  await p.waitForSelector('.collection.current:not(:first-child), .import-message', { timeout: 600_000 });
  console.log(`# a 50 MB file imported in ${Date.now() - started} ms`);
  assert.equal(await p.locator('.import-message').count(), 0, 'no failure message');
  assert.match(await p.locator('.collection.current').innerText(), /1 article from 1 file/);
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.article-card .card-title').first().innerText(), /Council notice number 1 /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('binary files are refused one by one with a reason, and only the article is kept', async () => {
  const next = random(99);
  const noise = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
  const files = [
    { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(page(7)) },
    { name: 'random.bin', mimeType: 'application/octet-stream', buffer: noise(20000) },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), noise(30000)]) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise(30000)]) },
    { name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.concat([Buffer.from('504b0304', 'hex'), noise(10000)]) },
    // Binary behind names Parallax reads: it must not become articles of garbage.
    { name: 'renamed.html', mimeType: 'text/html', buffer: noise(20000) },
    { name: 'renamed.txt', mimeType: 'text/plain', buffer: noise(20000) },
    { name: 'broken.gz', mimeType: 'application/gzip', buffer: Buffer.concat([Buffer.from('1f8b0800', 'hex'), noise(5000)]) },
  ];
  const context = await browser.newContext();
  const { p, errors } = await home(context);

  // Only binary files: nothing is saved, and the reader is told so.
  await chooseFiles(p, files.slice(1));
  await p.waitForSelector('.import-message');
  assert.match(await p.locator('.import-message').innerText(), /No articles were found/);
  assert.equal(await (await reportRows(p)).count(), files.length - 1, 'every file is in the report');
  assert.equal(await p.locator('.collection').count(), 1);

  // With one real page among them: one article, every binary file named with a reason.
  await chooseFiles(p, files);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  assert.match(await p.locator('.collection.current').innerText(), /1 article from 8 files/);
  const refused = await p.locator('.import-refused li').allInnerTexts();
  for (const { name } of files.slice(1)) {
    assert.ok(refused.some((line) => line.startsWith(`${name}: `) && line.length > name.length + 10), `${name} has a reason: ${refused}`);
  }
  await p.waitForSelector('#app .article-card');
  assert.equal(await p.locator('.article-card').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an import cancelled half-way leaves nothing, and the next import works', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  await chooseFiles(p, manyPages());
  await cleaned(p, 100);
  await p.locator('.import-progress button', { hasText: 'Cancel' }).click();
  assert.match(await p.locator('.import-message').innerText(), /cancelled: nothing was saved/);
  assert.equal(await p.locator('.import-progress').count(), 0, 'the progress bar is gone');
  assert.deepEqual(await stored(p), { meta: 0, bundles: 0, reports: 0 });
  await nothingLeft(p, 'after Cancel');
  await chooseFiles(p, [{ name: 'one.html', mimeType: 'text/html', buffer: Buffer.from(page(3)) }]);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('reloading the tab mid-import leaves nothing and says the import was interrupted', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  await chooseFiles(p, manyPages());
  await cleaned(p, 100);
  await p.reload();
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.import-message').innerText(), /interrupted.*nothing was saved/s);
  assert.equal(await p.locator('.collection').count(), 1);
  assert.deepEqual(await stored(p), { meta: 0, bundles: 0, reports: 0 });
  // Said once: the next reload is quiet.
  await nothingLeft(p, 'after the reload mid-import');
  assert.equal(await p.locator('.import-message').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full storage quota is said in a sentence and keeps nothing half-saved', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  const origin = new URL(server.url).origin;
  // Chromium's real quota machinery, lowered for this origin: what is stored now plus 64 KB.
  const cdp = await context.newCDPSession(p);
  const usage = await p.evaluate(async () => (await navigator.storage.estimate()).usage);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 64 * 1024 });
  const files = Array.from({ length: 60 }, (_, i) => ({
    name: `notice-${i}.html`,
    mimeType: 'text/html',
    buffer: Buffer.from(page(1000 + i, 12)),
  }));
  await chooseFiles(p, files);
  await p.waitForSelector('.import-message', { timeout: 120_000 });
  assert.match(await p.locator('.import-message').innerText(), /storage for this site is full.*nothing was saved/s);
  assert.equal(await p.locator('.collection').count(), 1);
  assert.deepEqual(await stored(p), { meta: 0, bundles: 0, reports: 0 });
  await nothingLeft(p, 'after the quota error');
  // With room again, the same files are saved.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await chooseFiles(p, files);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 120_000 });
  assert.deepEqual(await stored(p), { meta: 1, bundles: 1, reports: 1 });
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded|quota/i.test(e)), []);
  await context.close();
});

/** The open collection's row, once it says how many articles it has. */
async function currentRow(p) {
  await p.waitForSelector('.collection.current:not(:first-child)');
  return p.locator('.collection.current').innerText();
}

test('files added to a collection and then cancelled, reloaded away or out of storage leave it as it was', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  const three = [0, 1, 2].map((i) => ({ name: `first-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(page(2000 + i, 4)) }));
  await chooseFiles(p, three);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  assert.match(await currentRow(p), /3 articles from 3 files/);
  const before = await stored(p);
  assert.deepEqual(before, { meta: 1, bundles: 1, reports: 1 });
  /** The collection after a reload: still three articles, its report of three files, nothing more stored. */
  async function unchanged(why) {
    await p.reload();
    await p.waitForSelector('#app .article-card');
    assert.match(await currentRow(p), /3 articles from 3 files/, why);
    await p.waitForFunction(() => document.querySelectorAll('.article-card').length === 3);
    assert.match(await p.locator('.import-report h3').innerText(), /3 files with articles, 0 without/, why);
    assert.deepEqual(await stored(p), before, why);
  }
  const add = () => p.locator('.collection.current input.add-files').setInputFiles(manyPages());

  // Cancel half-way through adding.
  await add();
  await cleaned(p, 100);
  await p.locator('.import-progress button', { hasText: 'Cancel' }).click();
  assert.match(await p.locator('.import-message').innerText(), /cancelled: nothing was saved/);
  await unchanged('after Cancel');

  // The tab reloaded half-way through adding.
  await add();
  await cleaned(p, 100);
  await p.reload();
  await p.waitForSelector('#app .article-card');
  assert.match(await p.locator('.import-message').innerText(), /interrupted.*nothing was saved/s);
  await unchanged('after a reload mid-import');

  // Storage full when the grown collection is saved: said, and the collection is as it was. The
  // browser's own quota error, raised where the bundle is written: Chromium's lowered quota
  // (Storage.overrideQuotaForOrigin, used above for a new collection) was not applied to a bundle
  // `Blob` put into a database that already exists, in several tries (usage + 16 KB, 1 KB).
  await p.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'bundles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const more = Array.from({ length: 60 }, (_, i) => ({ name: `more-${i}.html`, mimeType: 'text/html', buffer: Buffer.from(page(3000 + i, 12)) }));
  await p.locator('.collection.current input.add-files').setInputFiles(more);
  await p.waitForSelector('.import-message', { timeout: 120_000 });
  assert.match(await p.locator('.import-message').innerText(), /storage for this site is full.*is as it was before/s);
  await unchanged('after the quota error');
  assert.deepEqual(errors.filter((e) => !/QuotaExceeded|quota/i.test(e)), []);
  await context.close();
});

test('files dropped on the page become a collection', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  const pages = [5, 6].map((i) => [`dropped-${i}.html`, page(4000 + i, 4)]);
  // What a drop from the desktop gives the page: a DataTransfer holding the files.
  const transfer = await p.evaluateHandle((pages) => {
    const dt = new DataTransfer();
    for (const [name, html] of pages) dt.items.add(new File([html], name, { type: 'text/html' }));
    return dt;
  }, pages);
  await p.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await p.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  assert.match(await currentRow(p), /2 articles from 2 files/);
  await p.waitForFunction(() => document.querySelectorAll('.article-card').length === 2);
  const titles = await p.locator('.article-card .card-title').allInnerTexts();
  for (const i of [5, 6]) assert.ok(titles.some((t) => t.includes(`Council notice number ${4000 + i} `)), `${i}: ${titles}`);
  assert.deepEqual(await stored(p), { meta: 1, bundles: 1, reports: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a folder dropped on the page is walked: its sub-folders, past 100 entries, same names apart, hidden files skipped', async () => {
  const context = await browser.newContext();
  const { p, errors } = await home(context);
  // A headless browser cannot drag a folder from the desktop, so the page's own folder entries are
  // stood in for, shaped as Chrome gives them (webkitGetAsEntry on the drop's item, a reader
  // handing out at most 100 entries per readEntries call, asynchronously). Like Chrome, the stand-in
  // gives no entry once the drop event is over: the page must take the items in its listener.
  const tree = {
    a: { 'index.html': page(5001, 3) },
    b: { 'index.html': page(5002, 3), '.DS_Store': '\u0000\u0001binary' },
    '.git': { 'HEAD': 'ref: refs/heads/main' },
    many: Object.fromEntries(Array.from({ length: 104 }, (_, i) => [`note-${i}.txt`, `Notice ${6000 + i}\n\n${page(6000 + i, 1).replace(/<[^>]+>/g, ' ')}`])),
  };
  await p.evaluate((tree) => {
    let over = false;
    const entry = (name, node) => {
      if (typeof node === 'string') {
        return { name, isFile: true, isDirectory: false, file: (ok) => setTimeout(() => ok(new File([node], name, { type: name.endsWith('.html') ? 'text/html' : '' }))) };
      }
      const children = Object.entries(node).map(([n, v]) => entry(n, v));
      return {
        name, isFile: false, isDirectory: true,
        createReader() {
          let at = 0;
          return { readEntries: (ok) => setTimeout(() => { const got = children.slice(at, at + 100); at += got.length; ok(got); }) };
        },
      };
    };
    const folder = entry('clips', tree);
    DataTransferItem.prototype.webkitGetAsEntry = function () {
      return over ? null : this.getAsFile()?.name === 'clips' ? folder : null;
    };
    const dt = new DataTransfer();
    dt.items.add(new File([''], 'clips'));
    const main = document.querySelector('main');
    main.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    main.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    over = true;
  }, tree);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 120_000 });
  assert.match(await currentRow(p), /106 articles from 106 files/);
  const rows = await (await reportRows(p)).allInnerTexts();
  assert.equal(rows.length, 106, 'hidden files and folders are not read');
  for (const path of ['clips/a/index.html', 'clips/b/index.html', 'clips/many/note-0.txt', 'clips/many/note-103.txt']) {
    assert.ok(rows.some((r) => r.startsWith(path)), `${path} is in the report`);
  }
  assert.ok(!rows.some((r) => /DS_Store|\.git/.test(r)), 'hidden entries are skipped');
  // Both index.html pages are articles of their own, found by search.
  for (const i of [5001, 5002]) {
    await p.goto(`${server.url}#/search?q=${encodeURIComponent(`"Council notice number ${i}"`)}`);
    await p.waitForSelector('.result a', { timeout: 30_000 });
    assert.match(await p.locator('.result a').first().innerText(), new RegExp(`${i}`));
  }
  // A folder holding only hidden files gives a sentence, not silence.
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  await p.evaluate(() => {
    const hidden = { name: '.DS_Store', isFile: true, isDirectory: false, file: (ok) => ok(new File(['x'], '.DS_Store')) };
    const folder = { name: 'empty', isFile: false, isDirectory: true, createReader() { let done = false; return { readEntries: (ok) => { ok(done ? [] : [hidden]); done = true; } }; } };
    DataTransferItem.prototype.webkitGetAsEntry = function () { return folder; };
    const dt = new DataTransfer();
    dt.items.add(new File([''], 'empty'));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await p.waitForSelector('.import-message');
  assert.match(await p.locator('.import-message').innerText(), /Nothing that was dropped could be read/);
  assert.deepEqual(errors, []);
  await context.close();
});
