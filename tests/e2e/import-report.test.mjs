// End-to-end: a collection's import report lives in its own IndexedDB store (issue 11), so listing
// and opening collections never reads it. A collection saved by the previous version of Parallax
// (database version 1: the report inside the collection's record) opens after an update with its
// report, and is rewritten once: the record at version 2 without the report, the report in the
// `reports` store. Needs dist/ from `trunk build --release`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, reportRows, chooseFiles } from './harness.mjs';

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** An invented news page. */
function newsPage(title, sentences) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${sentences.map((s) => `<p>${s}</p>`).join('\n')}</article>
<footer>© 2026 Portvale Courier</footer></body></html>`;
}

/** Every record of the collections database, by store: keys and, for `meta`, the record text. */
async function database(p) {
  return p.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('parallax-collections');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store) =>
      new Promise((ok, fail) => {
        if (!db.objectStoreNames.contains(store)) return ok(null);
        const tx = db.transaction(store);
        const keys = tx.objectStore(store).getAllKeys();
        const values = tx.objectStore(store).getAll();
        tx.oncomplete = () => ok(keys.result.map((k, i) => [k, values.result[i]]));
        tx.onerror = () => fail(tx.error);
      });
    const out = { version: db.version, meta: await all('meta'), reports: await all('reports') };
    out.reports = out.reports && out.reports.map(([k, v]) => [k, new TextDecoder().decode(v.slice(0, 4))]);
    db.close();
    return out;
  });
}

test('a collection saved by the previous version opens with its report, which moves to its own store', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');

  // A collection made now, for its bundle.
  const files = [
    ['ferry.html', newsPage('Harbour council approves a winter ferry timetable', ['The council voted for two evening crossings to Gull Island from December.', 'Commuters had asked for a later boat since the spring.'])],
    ['pears.html', newsPage('Growers report a record pear harvest in the valley', ['Growers in Tamsin Valley picked more pears than in any year on record.', 'Café owners who bought the smaller fruit made jam with it.'])],
  ];
  await chooseFiles(p, files.map(([name, html]) => ({ name, mimeType: 'text/html', buffer: Buffer.from(html) })));
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  const now = await database(p);
  assert.equal(now.version, 2);
  assert.equal(now.reports.length, 1, 'a new collection keeps its report in the reports store');
  assert.equal(now.reports[0][1], 'PXRP');
  assert.match(now.meta[0][1], /^\{"version":2,/);
  assert.doesNotMatch(now.meta[0][1], /"report"/, 'the record holds no report');

  // The same bundle as the previous version stored it: database version 1 (no reports store), the
  // record at version 1 with the report inside it, one file of which was refused.
  await p.evaluate(async () => {
    const open = (version, upgrade) =>
      new Promise((ok, fail) => {
        const r = version ? indexedDB.open('parallax-collections', version) : indexedDB.open('parallax-collections');
        r.onupgradeneeded = () => upgrade?.(r.result);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const db = await open();
    const bundle = await new Promise((ok) => {
      const r = db.transaction('bundles').objectStore('bundles').getAll();
      r.onsuccess = () => ok(r.result[0]);
    });
    db.close();
    await new Promise((ok, fail) => {
      const r = indexedDB.deleteDatabase('parallax-collections');
      r.onsuccess = ok;
      r.onerror = () => fail(r.error);
    });
    const old = await open(1, (db) => {
      db.createObjectStore('meta');
      db.createObjectStore('bundles');
    });
    const entry = (file, status, articles, diagnostics) => ({ file, format: 'html', status, articles, removed: { menu: 1 }, diagnostics });
    const report = {
      files: [
        entry('old/ferry.html', 'ok', [{ id: 'harbour-council', title: 'Harbour council approves a winter ferry timetable' }], []),
        entry('old/pears.html', 'ok', [{ id: 'growers-report', title: 'Growers report a record pear harvest in the valley' }], []),
        entry('old/photo.png', 'rejected', [], [{ severity: 'error', message: 'is not a format Parallax reads (a PNG picture)' }]),
      ],
      other: [],
    };
    const record = { version: 1, id: 'c-old-1', name: 'Old clippings', created: '2026-11-01T10:00:00.000Z', files: 3, articles: 2, bytes: bundle.size ?? bundle.length, report };
    const tx = old.transaction(['meta', 'bundles'], 'readwrite');
    tx.objectStore('bundles').put(bundle, 'c-old-1');
    tx.objectStore('meta').put(JSON.stringify(record), 'c-old-1');
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    old.close();
    localStorage.setItem('parallax.collection', 'c-old-1');
  });

  // After the update: listed, opened, its report shown (the refused file with its reason).
  await p.reload();
  await p.waitForSelector('#app .article-card');
  const row = await p.locator('.collection.current').innerText();
  assert.match(row, /Old clippings/);
  assert.match(row, /2 articles from 3 files/);
  await p.waitForSelector('.import-report');
  assert.match(await p.locator('.import-report h3').innerText(), /2 files with articles, 1 without/);
  assert.match(await p.locator('.import-refused').innerText(), /old\/photo\.png: is not a format Parallax reads/);

  // Rewritten once: the record at version 2 without its report, the report in its own store.
  await p.waitForFunction(async () => {
    const db = await new Promise((ok) => {
      const r = indexedDB.open('parallax-collections');
      r.onsuccess = () => ok(r.result);
    });
    const ok = db.objectStoreNames.contains('reports');
    db.close();
    return ok;
  });
  const migrated = await database(p);
  assert.equal(migrated.version, 2);
  assert.deepEqual(migrated.reports, [['c-old-1', 'PXRP']]);
  assert.equal(migrated.meta.length, 1);
  assert.match(migrated.meta[0][1], /^\{"version":2,/);
  assert.doesNotMatch(migrated.meta[0][1], /"report"/);

  // And read from there at the next visit: the same report, every file in its table.
  await p.reload();
  await p.waitForSelector('.import-report');
  assert.match(await p.locator('.import-report h3').innerText(), /2 files with articles, 1 without/);
  const rows = await reportRows(p);
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['old/ferry.html', 'old/pears.html', 'old/photo.png']);
  // Searching the collection still works (its bundle was untouched).
  await p.goto(server.url + '#/search?q=' + encodeURIComponent('"two evening crossings"'));
  await p.waitForSelector('.result a');
  assert.match(await p.locator('.result a').first().innerText(), /winter ferry/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a newer version upgrading the database in another tab is not kept waiting, and this tab says to reload', async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(server.url);
  await p.waitForSelector('#app .article-card');
  await chooseFiles(p, [
    { name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(newsPage('Ferry timetable changes for the winter', ['The council said the ferry will run two evening crossings instead of three from November onwards.', 'Island residents asked for a later crossing on Fridays during the winter months.'])) },
  ]);
  await p.waitForSelector('.collection.current:not(:first-child)', { timeout: 60_000 });
  // This tab now holds the database open. Another tab, running a later Parallax, upgrades it.
  const other = await context.newPage();
  await other.goto(server.url + 'manifest.webmanifest');
  const upgrade = await other.evaluate(
    () =>
      new Promise((ok) => {
        let blocked = false;
        const r = indexedDB.open('parallax-collections', 3);
        r.onblocked = () => { blocked = true; };
        r.onupgradeneeded = () => r.result.createObjectStore('later');
        r.onsuccess = () => { r.result.close(); ok({ blocked, version: 3 }); };
        r.onerror = () => ok({ error: String(r.error) });
        setTimeout(() => ok({ blocked, timedOut: true }), 10_000);
      }),
  );
  assert.deepEqual(upgrade, { blocked: false, version: 3 }, 'the upgrade is not held up by the open tab');
  // This tab's version cannot read a newer database: it says why and what to do, not a blank page.
  await p.reload();
  await p.waitForSelector('#app .article-card');
  await p.waitForSelector('.collections-error');
  assert.match(await p.locator('.collections-error').innerText(), /newer Parallax .* reload this page/);
  assert.deepEqual(errors, []);
  await context.close();
});
