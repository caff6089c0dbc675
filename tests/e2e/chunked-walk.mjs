// The walk through every view of a chunked site (`parallax site --chunks`, issue 10), shared by
// the end-to-end test (`chunked.test.mjs`, 120 articles) and the scale benchmark
// (`bench/scale/views.mjs`, any size, e.g. 100,000): the home page by outlet and by date, story
// cards and a story's articles, an article with "Also reported by", the story and outlet filters,
// a search (cold, "Show more", warm), an article from the results, an entity page, the entity
// index, the busiest entity page by page, a comparison, and links opened on a fresh page. Each
// view asserts what it shows and which chunks it fetched; `step(label)` is called as each view is
// shown (the benchmark times them).
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, watchErrors } from './harness.mjs';

/** A count as the explorer writes it ("10,000"). */
const count = (n) => n.toLocaleString('en-US');
/** A count read back from the page. */
const number = (text) => Number(text.replace(/,/g, ''));

/** The corpus files a page requested (paths after the site's prefix). */
export function watchFiles(page, prefix) {
  const files = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(prefix)) files.push(path.slice(prefix.length));
  });
  return files;
}

export const chunksOf = (files, kind) => files.filter((f) => f.startsWith(`chunks/${kind}-`));

/**
 * Walks every view of the chunked site in `site` (`n` articles, no chunk precached) in a fresh
 * context of `browser`, served under `/news/`; throws at the first view that is wrong.
 */
export async function walkEveryView(browser, site, n, step = () => {}) {
  const listed = await readdir(site);
  assert.ok(!listed.includes('corpus.plx'), 'a chunked site has no bundle');
  const index = await readFile(join(site, 'index.html'), 'utf8');
  assert.match(index, /<link rel="preload" href="chunks\/manifest.plx"/);
  assert.ok(!/parallax:first-view|id="first-view"/.test(index), "the seed corpus's pre-rendered list is not this site's");
  // It runs the chunked sites' explorer; the seed explorer, which cannot read chunks, is left out.
  assert.ok(listed.includes('chunked_explorer_bg.wasm') && listed.includes('chunked_explorer.js'), `${listed}`);
  assert.ok(!listed.some((f) => f.startsWith('parallax-app-')) && !index.includes('parallax-app-'), `${listed}`);
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.slice('const PRECACHE = '.length, sw.indexOf(';\n')));
  assert.ok(precache.files.some((f) => f.path === 'chunked_explorer_bg.wasm'), 'its explorer is precached at install');
  const server = await serve(site, '/news/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const files = watchFiles(page, '/news/');
    await page.goto(server.url);
    await page.waitForSelector('#app .article-card');
    step('home by outlet (cold navigation)');
    assert.ok(files.includes('chunks/manifest.plx'));
    assert.ok(files.includes('chunked_explorer_bg.wasm') && !files.some((f) => f.startsWith('parallax-app-')));
    assert.ok(!files.some((f) => f.endsWith('corpus.plx')), 'the bundle is never asked for');
    // The list needs no article text; the story cards (6 at most) may name up to two more articles
    // each for "Compare coverage" from their article chunks, where the list page holds fewer than three.
    assert.ok(chunksOf(files, 'art').length <= 12, `article chunks for the home page: ${chunksOf(files, 'art')}`);
    assert.equal(chunksOf(files, 'artd').length, 0, 'no article details for the home page');
    // By outlet (the default order): each named outlet with its newest articles.
    const groups = page.locator('.outlet-group');
    assert.ok((await groups.count()) > 1, 'several outlets');
    for (const group of await groups.all()) {
      const name = (await group.locator('h2 bdi').textContent()).trim();
      const outlets = await group.locator('.article-card .outlet').allTextContents();
      assert.ok(outlets.length > 0 && outlets.every((o) => o === name), `${name}: ${outlets}`);
    }
    assert.equal(chunksOf(files, 'dir').length, 1, 'each outlet\'s newest articles are on the first list page');

    // By date: newest first, 50 at a time.
    await page.locator('.order-control a', { hasText: 'by date' }).click();
    await page.waitForSelector('.list-status');
    assert.equal(await page.locator('.article-card').count(), 50);
    assert.equal(await page.locator('.list-status').textContent(), `Showing 50 of ${count(n)} articles`);
    const dates = await page.locator('.article-card .card-date').allTextContents();
    const day = (d) => Date.parse(d.replace(/^≈ /, ''));
    assert.ok(dates.length > 0 && dates.every((d, i) => i === 0 || day(dates[i - 1]) >= day(d)), `newest first: ${dates}`);
    await page.locator('button.show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 100);
    assert.equal(await page.locator('.list-status').textContent(), `Showing 100 of ${count(n)} articles`);
    assert.equal(await page.locator('button.show-more').textContent(), `Show ${count(Math.min(50, n - 100))} more`);
    step('by date: 50, then 50 more');

    // The largest stories as cards, each listing its articles (from the story chunks of the newest
    // list page's stories: the manifest holds only the story filter's labels).
    await page.waitForSelector('.story-card');
    step('story cards');
    assert.ok(chunksOf(files, 'story').length > 0, `the cards' stories: ${files}`);
    const card = page.locator('.story-card').first();
    const listIts = await card.locator('button.story-articles-all').textContent();
    const told = number(listIts.match(/^List its ([\d,]+) articles$/)[1]);
    assert.ok(told >= 2, listIts);
    assert.match(await card.locator('a.button').getAttribute('href'), /^#\/compare\/[^/]+\/[^/]+/);
    await card.locator('button.story-articles-all').click();
    await page.waitForFunction((n) => new RegExp(`^(All ${n} articles|Showing 50 of ${n} articles)$`).test(document.querySelector('.list-status')?.textContent ?? ''), count(told));
    assert.equal(await page.locator('#story-filter').inputValue() !== '', true, 'the story filter is set');
    step("a story's articles listed");

    // "Also reported by" on an article of that story.
    const storyArticle = await page.locator('.story-card').first().locator('.story-articles a').first().getAttribute('href');
    await page.goto(`${server.url}${storyArticle}`);
    await page.waitForSelector('.story-panel');
    assert.match(await page.locator('.story-panel').textContent(), new RegExp(`Also reported by ${count(told - 1)} other articles? in this corpus`));
    assert.ok((await page.locator('.story-panel li').count()) > 0);
    step('an article with "Also reported by" (fresh page)');
    await page.goto(`${server.url}#/by-date`);
    await page.waitForSelector('#app .article-card');

    // A story picked in the filter (its label and size from the manifest) lists its articles.
    const option = await page.locator('#story-filter option').nth(1).textContent();
    const size = number(option.match(/\(([\d,]+)\)$/)[1]);
    await page.selectOption('#story-filter', { index: 1 });
    await page.waitForFunction((n) => new RegExp(`^(All ${n} articles|Showing 50 of ${n} articles)$`).test(document.querySelector('.list-status')?.textContent ?? ''), count(size));
    assert.equal(await page.locator('.article-card').count(), Math.min(size, 50), option);
    step('a story picked in the filter');
    await page.selectOption('#story-filter', { index: 0 });
    await page.waitForFunction((n) => document.querySelector('.list-status')?.textContent === `Showing 50 of ${n} articles`, count(n));

    // One outlet's articles only.
    const outlet = await page.locator('#outlet-filter option').nth(1).textContent();
    await page.selectOption('#outlet-filter', { index: 1 });
    await page.waitForFunction((name) => {
      const cards = [...document.querySelectorAll('.article-card')];
      return cards.length > 0 && cards.every((card) => card.querySelector('.outlet')?.textContent === name);
    }, outlet);
    const status = await page.locator('.list-status').textContent();
    const shown = await page.locator('.article-card').count();
    assert.ok(shown > 0 && shown < n, `${shown} cards for ${outlet}`);
    assert.match(status, new RegExp(`^(All ${count(shown)} articles?|Showing ${count(shown)} of [\\d,]+ articles)$`));
    step("one outlet's articles");
    const [first, second] = await page.locator('.article-card a').evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')));

    // A search: the dictionary, the query's shards and the shown hits' articles, not every chunk.
    const before = files.length;
    await page.fill('#search-input', 'troops');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('.result');
    const searched = files.slice(before);
    step('search `troops` (its chunks fetched)');
    assert.equal(chunksOf(searched, 'terms').length, 1);
    assert.ok(chunksOf(searched, 'idx').length >= 1);
    assert.equal(chunksOf(searched, 'dir').length, 0, 'the hits\' outlets come from their articles, not the list');
    const allChunks = (await readdir(join(site, 'chunks'))).length;
    assert.ok(searched.length < allChunks / 2, `${searched.length} of ${allChunks} files for one search`);
    const statusLine = await page.locator('.search-status').textContent();
    assert.match(statusLine, /^\d+ results? in /);
    const total = number(statusLine.match(/^([\d,]+)/)[1]);
    assert.equal(await page.locator('.result').count(), Math.min(total, 10), 'ten results at a time');
    assert.ok(chunksOf(searched, 'art').length <= 10, 'an article chunk per shown hit at most');
    assert.equal(chunksOf(searched, 'artd').length, 0, 'snippets need the articles\' text, not their mentions or provenance');
    if (total > 10) {
      await page.locator('button.show-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, Math.min(total, 20));
    }
    step('10 more results');

    // The same search again, its chunks at hand: the results at once, with no "Loading…" between.
    const shownBefore = await page.locator('.result').count();
    await page.evaluate(() => { location.hash = '#/search?q='; });
    await page.waitForSelector('.search-status', { state: 'detached' });
    const sawLoading = await page.evaluate(() => new Promise((resolve) => {
      let loading = false;
      const observer = new MutationObserver(() => {
        loading ||= /Loading/.test(document.querySelector('#main')?.textContent ?? '');
        if (document.querySelector('.search-status')) {
          observer.disconnect();
          resolve(loading);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      location.hash = '#/search?q=troops';
    }));
    assert.equal(sawLoading, false, 'a warm search draws no "Loading…"');
    step('the same search again (warm)');
    assert.equal(await page.locator('.result').count(), shownBefore);
    assert.equal(await page.locator('.search-status').textContent().then((s) => number(s.match(/^([\d,]+)/)[1])), total);

    // An article from the results, with its entity marks (from its details chunk).
    const beforeArticle = files.length;
    const title = await page.locator('.result-title').first().textContent();
    const resultHref = await page.locator('.result-title').first().getAttribute('href');
    await page.locator('.result-title').first().click();
    await page.waitForSelector('.article-title');
    assert.equal(await page.locator('.article-title').textContent(), title);
    assert.ok((await page.locator('.article-body p').count()) > 0, 'the article has its text');
    assert.ok((await page.locator('.article-body mark.hit').count()) > 0, 'the search\'s matches are highlighted');
    step('an article from the results');
    const opened = files.slice(beforeArticle);
    assert.ok(chunksOf(opened, 'artd').length >= 1, 'the article\'s details');
    // Drawn by the extras module (open since the story's article above), handed the article's
    // ordinal and matches by the results page: it neither looks the id up nor runs the search again.
    for (const kind of ['ids', 'terms', 'idx']) assert.equal(chunksOf(opened, kind).length, 0, `${kind} in ${opened}`);

    // An entity page: its mentions in context.
    const entity = page.locator('.article-body a[href^="#/entity/"]').first();
    await entity.click();
    await page.waitForSelector('.entity-page');
    await page.waitForSelector('.mentions li');
    assert.ok((await page.locator('.mentions li').count()) > 0);
    step('an entity page');

    // The entity named in most articles: its mentions 40 articles at a time.
    await page.goto(`${server.url}#/entities`);
    await page.waitForSelector('.entity-columns a[href^="#/entity/"]');
    step('the entity index');
    const [busiest, named] = await page.locator('.entity-list li').evaluateAll((items) =>
      items
        .map((li) => [li.querySelector('a').getAttribute('href'), li.querySelector('.entity-count').textContent.match(/([\d,]+) articles?$/)[1]])
        .map(([href, named]) => [href, Number(named.replace(/,/g, ''))])
        .sort((a, b) => b[1] - a[1])[0]);
    assert.ok(named > 40, `the busiest entity is named in ${named} articles`);
    await page.goto(`${server.url}${busiest}`);
    await page.waitForSelector('.partial-note');
    assert.match(await page.locator('.partial-note').textContent(), new RegExp(`first 40 of the ${count(named)} articles`));
    step("the busiest entity's first 40 articles");
    await page.locator('.entity-more button.show-more').click();
    if (named > 80) {
      await page.waitForFunction(() => /first 80 of/.test(document.querySelector('.partial-note')?.textContent ?? ''));
    } else {
      await page.waitForFunction(() => !document.querySelector('.partial-note') && document.querySelector('.entity-page'));
    }
    step('its next 40');

    // The entity index needs no chunk.
    await page.goto(`${server.url}#/entities`);
    await page.waitForSelector('.entity-columns a[href^="#/entity/"]');
    step('the entity index again');

    // A comparison of two listed articles.
    const id = (href) => href.replace('#/article/', '');
    await page.goto(`${server.url}#/compare/${id(first)}/${id(second)}`);
    await page.waitForSelector('.compare-row:not(.compare-header)', { timeout: 60_000 });
    assert.equal(await page.locator('.compare-header .compare-head').count(), 2);
    step('a comparison of two listed articles');

    // A link typed by hand (no view has shown the article yet) still finds it.
    await page.goto(`${server.url}#/`);
    await page.reload();
    await page.goto(`${server.url}${second}`);
    await page.waitForSelector('.article-title');
    step('an article link opened on a fresh page');

    // A results link typed by hand (or shared): its query's matches are highlighted all the same.
    await page.goto(`${server.url}#/`);
    await page.reload();
    await page.goto(`${server.url}${resultHref}`);
    await page.waitForSelector('.article-body mark.hit');
    step('a results link opened on a fresh page');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
}
