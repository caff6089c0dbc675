// End-to-end: the pre-rendered first view (issue 10, "a lighter first visit"; src/prerender.rs).
// The build writes the home page's article list into index.html, so a first visit shows it
// before the wasm has started; the app draws hidden meanwhile and takes its place once drawn.
// Here: the list is there with the wasm held back, it is the app's own list (same links, words,
// outlets), a link followed early opens its page, and the view never stands in for another page
// or a reader's own collection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose explorer wasm is held until `release()` is called. */
async function heldPage() {
  const page = await browser.newPage();
  let release;
  const released = new Promise((ok) => (release = ok));
  await page.route(/parallax-app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return { page, release };
}

/** What a reader reads of the home page's list: outlets, lede, and each card's link and text. */
async function listOf(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    return {
      lede: text(scope.querySelector('.lede')),
      outlets: [...scope.querySelectorAll('.outlet-group > h2')].map(text),
      cards: [...scope.querySelectorAll('.article-card')].map((card) => [card.querySelector('a').getAttribute('href'), text(card)]),
      collections: text(scope.querySelector('.collections .collection.current')),
      order: text(scope.querySelector('.order-control')),
    };
  }, root);
}

const interactive = () => document.querySelector('#app .article-card') && !document.getElementById('first-view');

test('the article list shows before the wasm runs, and it is the list the app then draws', async () => {
  const { page, release } = await heldPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#first-view .article-card');
  assert.equal(await page.locator('#first-view .article-card').count(), 7);
  assert.ok(await page.locator('#first-view .article-card').first().isVisible());
  assert.ok(!(await page.locator('#app').isVisible()), 'the app draws out of sight meanwhile');
  assert.ok(await page.locator('#first-view #search-input').isDisabled(), 'the search box waits for the app');
  const early = await listOf(page, '#first-view');
  for (const [href] of early.cards) assert.match(href, /^#\/article\/[^/]+$/);

  release();
  await page.waitForFunction(interactive);
  assert.equal(await page.locator('#first-view').count(), 0, 'the pre-rendered view is gone');
  assert.equal(await page.locator('.article-card').count(), 7, 'one list, not two');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('first-view')), false);
  assert.deepEqual(await listOf(page, '#app'), early);
  // The app's controls work at once: typing searches.
  await page.fill('#search-input', 'Kadhimi');
  await page.waitForSelector('.result');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link followed before the app starts opens its page once the app runs', async () => {
  const { page, release } = await heldPage();
  await page.goto(server.url);
  const card = page.locator('#first-view .article-card a', { hasText: 'Iraq PM visits White House' });
  await card.click();
  assert.match(await page.evaluate(() => location.hash), /^#\/article\//);
  assert.equal(await page.locator('#first-view').count(), 0, 'the home list does not stand in for an article');
  assert.ok(await page.locator('#app .boot').isVisible(), 'the app says it is loading');
  release();
  await page.waitForSelector('.article-title');
  assert.match(await page.locator('.article-title').textContent(), /Iraq PM visits White House/);
  await page.close();
});

test('a reader who tabbed to a link keeps focus on the same link when the app takes over', async () => {
  const { page, release } = await heldPage();
  await page.goto(server.url);
  await page.waitForSelector('#first-view .article-card a');
  const href = await page.locator('#first-view .article-card a').nth(2).getAttribute('href');
  await page.locator('#first-view .article-card a').nth(2).focus();
  release();
  await page.waitForFunction(interactive);
  const focused = await page.evaluate(() => ({
    inApp: Boolean(document.activeElement.closest('#app')),
    href: document.activeElement.getAttribute('href'),
  }));
  assert.deepEqual(focused, { inApp: true, href });
  await page.close();
});

test('another page, or a reader\'s own collection, never shows the built-in home list', async () => {
  const deep = await heldPage();
  await deep.page.goto(server.url + '#/entities');
  await deep.page.waitForSelector('#app .boot');
  assert.equal(await deep.page.locator('#first-view').count(), 0);
  assert.ok(await deep.page.locator('#app .boot').isVisible());
  deep.release();
  await deep.page.close();

  const own = await heldPage();
  await own.page.addInitScript(() => localStorage.setItem('parallax.collection', 'some-collection'));
  await own.page.goto(server.url);
  await own.page.waitForSelector('#app .boot');
  assert.equal(await own.page.locator('#first-view').count(), 0);
  own.release();
  await own.page.close();
});
