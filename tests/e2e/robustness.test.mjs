// End-to-end robustness (issue 14): seeded random reader journeys that must never produce a page
// error, a console error or a blank page; a storage that refuses to save; the skip link at 390 px.
//
// The journeys are bounded in the normal suite (JOURNEYS=12 by default and at most JOURNEY_SECONDS=40
// of journeys); a longer run: `JOURNEYS=2000 JOURNEY_SECONDS=0 node --test robustness.test.mjs`
// (0 s means no time limit). SEED=<n> replays a run; a failure prints its seed, journey and steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors } from './harness.mjs';

const JOURNEYS = Number(process.env.JOURNEYS ?? 12);
const STEPS = Number(process.env.JOURNEY_STEPS ?? 15);
const SECONDS = Number(process.env.JOURNEY_SECONDS ?? 40);
const SEED = Number(process.env.SEED ?? 14);

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

/** mulberry32: a small seeded generator, so a failing journey can be replayed exactly. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** Text a reader (or a fuzzer) might type: words, query syntax, scripts, controls, very long. */
function randomText(rand) {
  const pieces = [
    'Kadhimi', 'Kadhemi', 'troops', '"rocket attacks"', '-Biden', 'outlet:asharq', 'entity:pmf', 'story:',
    '"', '-', ':', '""', '(', '*', '\\', '%', '%E0%A4%A', '<script>alert(1)</script>', 'javascript:alert(1)',
    'مصطفى الكاظمي', '\u202Eabc', '\u2066x', '𝔘𝔫𝔦', 'é', 'e\u0301', '\u0000', '\uFFFF', ' ', '  ',
  ];
  if (rand() < 0.05) return 'x'.repeat(2000 + Math.floor(rand() * 8000));
  let out = '';
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) out += pick(rand, pieces) + (rand() < 0.7 ? ' ' : '');
  return out;
}

/** Hash routes, valid and malformed. `ids` are real article ids, `entities` real entity ids. */
function randomRoute(rand, ids, entities) {
  const id = () => (rand() < 0.8 ? pick(rand, ids) : randomText(rand).slice(0, 40));
  const routes = [
    () => '#/',
    () => `#/article/${encodeURIComponent(id())}`,
    () => `#/article/${encodeURIComponent(id())}?q=${encodeURIComponent(randomText(rand))}`,
    () => `#/article/${encodeURIComponent(id())}?at=${Math.floor(rand() * 1e9) - 5}`,
    () => `#/search?q=${encodeURIComponent(randomText(rand))}`,
    () => `#/search?q=${randomText(rand)}`,
    () => '#/entities',
    () => `#/entity/${encodeURIComponent(rand() < 0.8 ? pick(rand, entities) : randomText(rand))}`,
    () => `#/compare/${encodeURIComponent(id())}/${encodeURIComponent(id())}`,
    () => `#/compare/${[id(), id(), id()].map(encodeURIComponent).join('/')}`,
    () => `#/compare/${encodeURIComponent(id())}`,
    () => `#/compare/${'a/'.repeat(Math.floor(rand() * 8))}`,
    () => pick(rand, ['#', '#/', '#//', '#/article/', '#/entity/', '#/search', '#/search?', '#/search?q', '#/nowhere',
      '#/../../etc/passwd', '#/article/%', '#/article/%E0%A4%A', '#/compare/%FF/%FE', '#%', '#/search?q=%']),
    () => '#/' + randomText(rand),
  ];
  return pick(rand, routes)();
}

/** One step of a journey; returns its description (for the failure message). */
async function step(page, rand, ids, entities) {
  const r = rand();
  if (r < 0.22) {
    const hash = randomRoute(rand, ids, entities);
    await page.evaluate((h) => { location.hash = h; }, hash);
    return `go ${JSON.stringify(hash.slice(0, 120))}`;
  }
  if (r < 0.55) {
    const selector = 'main a[href^="#"], header a[href^="#"], main button, main input[type=checkbox], main select, .skip-link';
    const targets = await page.$$(selector);
    const visible = await page.$$eval(selector, (els) => els.map((el, i) => (el.checkVisibility() ? i : -1)).filter((i) => i >= 0));
    if (visible.length === 0 || targets.length === 0) return 'click (nothing to click)';
    const target = targets[pick(rand, visible)] ?? targets[0];
    const what = await target.evaluate((el) => `${el.tagName.toLowerCase()} ${JSON.stringify((el.textContent ?? '').trim().slice(0, 40))}`);
    if (await target.evaluate((el) => el.tagName === 'SELECT')) {
      const values = await target.evaluate((el) => [...el.options].map((o) => o.value));
      const value = pick(rand, values);
      await target.selectOption(value).catch(() => {});
      return `select ${what} = ${JSON.stringify(value)}`;
    }
    // A reader clicks what they see; hidden or covered targets are skipped quickly, not waited for.
    await target.click({ timeout: 300 }).catch(() => {});
    return `click ${what}`;
  }
  if (r < 0.72) {
    const text = randomText(rand);
    const box = page.locator('#search-input');
    if (rand() < 0.5) await box.fill('');
    await box.focus();
    await page.keyboard.type(text.slice(0, 60), { delay: 0 });
    if (text.length > 60) await box.fill(text);
    return `type ${JSON.stringify(text.slice(0, 60))}${text.length > 60 ? `… (${text.length} chars)` : ''}`;
  }
  if (r < 0.8) {
    await page.goBack({ timeout: 2000 }).catch(() => {});
    // Back from the journey's first page would leave the app (about:blank): come straight back.
    if (!page.url().startsWith(server.url)) await page.goForward({ timeout: 2000 }).catch(() => {});
    return 'back';
  }
  if (r < 0.86) {
    await page.goForward({ timeout: 2000 }).catch(() => {});
    return 'forward';
  }
  if (r < 0.94) {
    const width = 390 + Math.floor(rand() * (1440 - 390));
    const height = 640 + Math.floor(rand() * 400);
    await page.setViewportSize({ width, height });
    return `resize ${width}x${height}`;
  }
  const key = pick(rand, ['/', 'Tab', 'Enter', 'Escape', 'ArrowDown', 'Space', 'Shift+Tab']);
  await page.keyboard.press(key);
  return `press ${key}`;
}

/** Whatever the route, <main> says something once the corpus is loaded. */
async function mainText(page) {
  return page.evaluate(() => document.querySelector('main')?.innerText.trim() ?? '');
}

test('random reader journeys never produce a page error, a console error or a blank page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  const ids = await page.locator('.article-card a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.hash.split('/').pop())));
  await page.goto(server.url + '#/entities');
  await page.waitForSelector('.entity-list a');
  const entities = await page.locator('.entity-list a').evaluateAll((as) => as.map((a) => decodeURIComponent(a.hash.split('/').pop())));

  const started = Date.now();
  let journeys = 0;
  let steps = 0;
  for (let j = 0; j < JOURNEYS; j++) {
    if (SECONDS > 0 && Date.now() - started > SECONDS * 1000) break;
    const rand = random(SEED * 1_000_003 + j);
    const log = [];
    await page.goto(server.url + randomRoute(rand, ids, entities));
    for (let s = 0; s < STEPS; s++) {
      log.push(await step(page, rand, ids, entities));
      await page.waitForTimeout(30);
      const text = await mainText(page).catch((e) => `(navigating: ${e.message})`);
      const where = `seed ${SEED}, journey ${j}, after:\n  ${log.join('\n  ')}\n  at ${page.url().slice(0, 200)}`;
      assert.deepEqual(errors, [], where);
      assert.ok(text.length > 0, `<main> is blank; ${where}`);
      steps++;
    }
    journeys++;
  }
  console.log(`# ${journeys} journeys, ${steps} steps (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(journeys >= Math.min(JOURNEYS, 3), 'at least a few journeys ran');
  await context.close();
});

test('when the browser refuses to save, pinning says so and does not claim success', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A full (or blocked) storage: every write throws, as a quota error does.
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  const ids = await page.locator('.article-card a').evaluateAll((as) => as.slice(0, 2).map((a) => decodeURIComponent(a.hash.split('/').pop())));
  await page.goto(server.url + `#/compare/${ids.map(encodeURIComponent).join('/')}`);
  const pin = page.locator('.pin-button');
  await pin.waitFor();
  await pin.click();
  const notice = page.locator('.pin-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not save/i);
  assert.equal(await pin.textContent(), 'Pin this comparison', 'not “Pinned · unpin”');
  assert.equal(await pin.getAttribute('aria-pressed'), 'false');

  // A search that could not be remembered is reported on the home page.
  await page.goto(server.url + '#/search?q=Kadhemi');
  await page.waitForSelector('.result');
  await page.waitForTimeout(2000);
  await page.goto(server.url + '#/');
  await page.waitForSelector('#app .article-card');
  const home = page.locator('.storage-notice');
  await home.waitFor();
  assert.match(await home.textContent(), /could not save/i);
  assert.equal(await page.locator('.recent-searches').count(), 0, 'and no search is listed as remembered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 390 px the focused skip link does not cover the logo, and a click on the logo goes home', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + '#/entities');
  await page.waitForSelector('.entity-list');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  const skip = await page.locator('.skip-link').boundingBox();
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(skip.height > 10 && skip.width > 50, `the focused skip link is visible: ${JSON.stringify(skip)}`);
  const overlap = !(skip.x + skip.width <= brand.x || brand.x + brand.width <= skip.x || skip.y + skip.height <= brand.y || brand.y + brand.height <= skip.y);
  assert.ok(!overlap, `skip link ${JSON.stringify(skip)} overlaps the logo ${JSON.stringify(brand)}`);
  const atLogo = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.className, { x: brand.x + brand.width / 2, y: brand.y + brand.height / 2 });
  assert.equal(atLogo, 'brand');

  await page.locator('.brand').click();
  await page.waitForSelector('#app .article-card');
  assert.match(page.url(), /#\/$/, 'the logo click went home');

  // The skip link still works from the keyboard (on a fresh load, so Tab starts at the top).
  await page.goto('about:blank');
  await page.goto(server.url + '#/entities');
  await page.waitForSelector('.entity-list');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.deepEqual(errors, []);
  await context.close();
});
