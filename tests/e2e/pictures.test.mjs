// End-to-end: the pictures of coverage (issue 12) on the seed corpus. Each test reads an answer a
// reader should get from the picture alone, then clicks through to the articles it summarises.
// Also: axe-core on every page with a picture, screenshots at 1280×800 and 390×844 in light and
// dark (tests/e2e/artifacts/pictures-*.png), and each picture's render time (data-render-ms).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch, watchErrors, ARTIFACTS } from './harness.mjs';

let server;
let browser;
const times = [];

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  if (times.length) {
    await writeFile(join(ARTIFACTS, 'pictures-render-times.json'), JSON.stringify(times, null, 2));
  }
  await browser?.close();
  await server?.close();
});

async function open(hash = '', viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(server.url + hash);
  await page.waitForSelector('main .page');
  return { page, errors };
}

async function renderTime(page, selector, name) {
  const ms = Number(await page.locator(selector).first().getAttribute('data-render-ms'));
  times.push({ picture: name, corpus: 'seed', ms });
  console.log(`# render ${name}: ${ms} ms`);
  assert.ok(Number.isFinite(ms), `${name} is stamped with its render time`);
}

/** The outlets with a mark in a story row, and the row itself, for a story label containing `text`. */
async function storyRow(page, text) {
  const rows = page.locator('.story-matrix .pic-row');
  const n = await rows.count();
  for (let i = 0; i < n; i += 1) {
    const row = rows.nth(i);
    if ((await row.locator('.pic-row-link').getAttribute('aria-label')).includes(text)) {
      return { row, outlets: await row.locator('.pic-cell').evaluateAll((cs) => cs.map((c) => c.dataset.outlet)) };
    }
  }
  throw new Error(`no story row for ${text}`);
}

test('the story matrix answers who covered the 2020 White House visit, and which stories one outlet alone covered', async () => {
  const { page, errors } = await open();
  await page.waitForSelector('.story-matrix .pic-row');
  await renderTime(page, '.story-matrix', 'home: stories × outlets');
  const visit = await storyRow(page, 'Trump');
  assert.deepEqual(visit.outlets, ['Asharq Al-Awsat', 'Global Village Space', 'Outlet not stated']);
  assert.match(await visit.row.locator('.pic-count').textContent(), /3 outlets/);

  // Fewest outlets first: the single-outlet stories lead, marked "1 outlet only".
  await page.locator('.story-matrix select').selectOption('fewest');
  const singles = await page.locator('.story-matrix .pic-row[data-outlets="1"] .pic-row-link').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  assert.equal(singles.length, 2, `single-outlet stories: ${singles}`);
  assert.ok(singles.some((s) => s.includes('Qaani')) && singles.some((s) => s.includes('French FM')), `${singles}`);
  const first = await page.locator('.story-matrix .pic-row').first().getAttribute('data-outlets');
  assert.equal(first, '1');
  for (const single of ['Qaani', 'French FM']) {
    const { outlets } = await storyRow(page, single);
    assert.deepEqual(outlets, ['Asharq Al-Awsat']);
  }

  // Hover and keyboard focus both show the tooltip.
  await page.locator('.story-matrix select').selectOption('most');
  const cell = (await storyRow(page, 'Trump')).row.locator('.pic-cell[data-outlet="Global Village Space"]');
  await cell.hover();
  assert.match(await page.locator('.story-matrix .pic-tip').textContent(), /Global Village Space.*1 article/);
  await page.mouse.move(0, 0);
  await cell.focus();
  assert.match(await page.locator('.story-matrix .pic-tip').textContent(), /words/);

  // A cell opens its article (Enter on the focused mark); a row opens "Compare coverage".
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /#\/article\/iraq-pm-visits-white-house-us$/);
  await page.goBack();
  await page.waitForSelector('.story-matrix .pic-row');
  await (await storyRow(page, 'Trump')).row.locator('.pic-row-link').click();
  await page.waitForSelector('.compare-row:not(.compare-header)');
  assert.match(page.url(), /#\/compare\/.+\/.+\/.+/);

  // The table says the same.
  await page.goBack();
  await page.waitForSelector('.story-matrix .pic-row');
  await page.locator('.story-matrix .pic-table summary').click();
  const table = await page.locator('.story-matrix .pic-table tbody tr').first().textContent();
  assert.match(table, /Trump.*Global Village Space|Trump/);
  assert.equal(await page.locator('.story-matrix .pic-table tbody tr').count(), 4);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline zooms from years to days, draws estimated dates hollow, and opens articles and mentioned dates', async () => {
  const { page, errors } = await open();
  await page.waitForSelector('.timeline .pic-cell');
  await renderTime(page, 'figure.timeline', 'home: timeline');
  const years = await page.locator('.timeline .pic-axis-button').evaluateAll((gs) => gs.map((g) => g.textContent));
  assert.deepEqual(years, ['2020', '2021', '2022', '2023', '2024', '2025']);
  // Every seed date is estimated from the text: every mark is hollow.
  assert.equal(await page.locator('.timeline circle.pic-dot:not(.hollow)').count(), 0);
  assert.ok((await page.locator('.timeline circle.pic-dot.hollow').count()) >= 4);
  assert.match(await page.locator('.timeline figcaption').textContent(), /1 article has no date/);

  await page.locator('.timeline .pic-axis-button', { hasText: '2020' }).click();
  await page.waitForSelector('.timeline .pic-axis-button >> text=Aug');
  const aug = page.locator('.timeline .pic-row[data-outlet="Global Village Space"] .pic-cell');
  assert.match(await aug.getAttribute('aria-label'), /Global Village Space, Aug 2020: 1 article, date estimated/);
  // The dates the articles mention, e.g. "Between August 4 and 18".
  const event = page.locator('.timeline .pic-event[aria-label*="Aug 2020"]');
  await event.click();
  const sentence = page.locator('.timeline .pic-panel a', { hasText: 'Between August 4 and 18' });
  assert.equal(await sentence.count(), 1);
  await sentence.click();
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /#\/article\/iraq-pm-visits-white-house-us\?at=\d+$/);
  await page.goBack();
  await page.waitForSelector('.timeline .pic-cell');

  // Days of August 2020: Global Village Space on the 19th; the month-only dates apart.
  await page.locator('.timeline .pic-axis-button', { hasText: '2020' }).click();
  await page.locator('.timeline .pic-axis-button', { hasText: 'Aug' }).click();
  await page.waitForSelector('.timeline >> text=day unknown');
  const day = page.locator('.timeline .pic-row[data-outlet="Global Village Space"] .pic-cell');
  assert.match(await day.getAttribute('aria-label'), /19 Aug 2020/);
  await day.click();
  await page.locator('.timeline .pic-panel a').first().click();
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /iraq-pm-visits-white-house-us/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the entity matrix shows which outlets use which spelling of the PMF, sorts by an outlet, and opens the mentions', async () => {
  const { page, errors } = await open('#/entities');
  await page.waitForSelector('.entity-matrix .pic-row');
  await renderTime(page, '.entity-matrix', 'entity index: entities × outlets');
  const pmf = page.locator('.entity-matrix .pic-row[data-entity="popular-mobilization-forces"]');
  const spellings = await pmf.locator('.pic-cell').evaluateAll((cs) => Object.fromEntries(cs.map((c) => [c.dataset.outlet, c.dataset.spellings])));
  assert.deepEqual(spellings, {
    'Asharq Al-Awsat': 'PMF (1), Popular Mobilization Forces (1)',
    'Global Village Space': 'Hashed al-Shaabi (5), Hashed (1)',
    'Outlet not stated': 'popular mobilization (1)',
  });
  assert.match(await pmf.locator('.pic-spelling').allTextContents().then((t) => t.join(' | ')), /Hashed al-Shaabi/);

  // Sort by Global Village Space's column: its most-named entities first.
  await page.locator('.entity-matrix .pic-head-button[aria-label="Sort by mentions in Global Village Space"]').click();
  const counts = await page.locator('.entity-matrix .pic-row').evaluateAll((rows) =>
    rows.map((r) => {
      const c = r.querySelector('.pic-cell[data-outlet="Global Village Space"] .pic-dot-n');
      return c ? Number(c.textContent) : 0;
    }),
  );
  assert.ok(counts[0] > 0 && counts.every((c, i) => i === 0 || counts[i - 1] >= c), `sorted: ${counts}`);

  // A cell lists the articles, each opening at the first mention.
  await page.locator('.entity-matrix select').first().selectOption('org');
  await pmf.locator('.pic-cell[data-outlet="Global Village Space"]').focus();
  assert.match(await page.locator('.entity-matrix .pic-tip').textContent(), /Hashed al-Shaabi \(5\)/);
  await page.keyboard.press('Enter');
  await page.locator('.entity-matrix .pic-panel a').first().click();
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /#\/article\/iraq-pm-visits-white-house-us\?at=\d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the comparison overview shows each source\'s shares and jumps to where the figures differ', async () => {
  const { page, errors } = await open('#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet');
  await page.waitForSelector('.compare[data-state="done"] .mm-rail .mm-tick');
  await renderTime(page, '.pic-minimap', 'comparison overview');
  assert.equal(await page.locator('.pic-minimap .mm-source').count(), 2);
  const rows = await page.locator('.compare-row:not(.compare-header)').count();
  assert.equal(await page.locator('.pic-minimap').getAttribute('data-rows'), String(rows), 'every row that arrived is in the overview');
  assert.equal(await page.locator('.mm-rail .mm-strip').count(), 2, 'one strip per source');
  const ticks = await page.locator('.mm-rail .mm-strip').first().locator('.mm-tick').count();
  assert.ok(ticks > 0 && ticks <= rows);
  assert.match(await page.locator('.pic-minimap .mm-conflicts').textContent(), /No conflicting figures or dates/);
  const shares = await page.locator('.pic-minimap .mm-share-text').allTextContents();
  assert.ok(shares.every((s) => /\d+% shared .* \d+% only here/.test(s)), `${shares}`);

  // Beside the rows at 1280 px: a tall strip per source to the right of the rows, still in view
  // after scrolling down the rows.
  const rail = await page.locator('.mm-rail').boundingBox();
  const grid = await page.locator('.compare-grid').boundingBox();
  assert.ok(rail.x >= grid.x + grid.width, `the rail (x ${rail.x}) is right of the rows (${grid.x}+${grid.width})`);
  assert.ok(rail.height > 300, `the strips run down the page (${rail.height}px)`);
  await page.locator('.compare-row:not(.compare-header)').nth(Math.floor(rows * 0.8)).scrollIntoViewIfNeeded();
  const after = await page.locator('.mm-rail').boundingBox();
  assert.ok(after.y >= 0 && after.y < 200, `the rail stays in view while the rows scroll (top ${after.y})`);

  // The one difference the dates explain (14 attacks for August 4–18, 13 for August 4–16).
  const jump = page.locator('.pic-minimap .mm-changes .mm-jump');
  assert.equal(await jump.count(), 1);
  const row = Number(await jump.getAttribute('data-row'));
  await jump.click();
  const target = page.locator('.compare-row:not(.compare-header)').nth(row);
  const inView = (i) => {
    const r = document.querySelectorAll('.compare-grid .compare-row:not(.compare-header)')[i].getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  };
  await page.waitForFunction(inView, row);
  assert.match(await target.textContent(), /counting windows/);
  // The same row from its tick in the rail: a click scrolls to it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const tick = page.locator(`.mm-rail .mm-strip >> nth=0 >> .mm-tick[aria-label*="Row ${row + 1}:"]`);
  await tick.click();
  await page.waitForFunction(inView, row);
  // Keyboard: one tab stop per strip; arrows move; Enter scrolls.
  const firstTick = page.locator('.mm-rail .mm-strip').first().locator('.mm-tick[tabindex="0"]');
  await firstTick.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mm-0-1');
  assert.equal(await page.locator('.mm-rail .mm-strip').first().locator('.mm-tick[tabindex="0"]').count(), 1, 'one tab stop per strip');
  assert.ok(await page.locator('.mm-rail .pic-tip').isVisible());
  await page.keyboard.press('End');
  const last = Number((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).match(/Row (\d+):/)[1]) - 1;
  await page.keyboard.press('Enter');
  await page.waitForFunction(inView, last);
  // The sentences it summarises are one click away: a column title opens its article.
  await page.locator('.compare-title').first().click();
  await page.waitForSelector('.article-title');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone the overview strips sit above the rows, across the screen', async () => {
  const { page, errors } = await open('#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', { width: 390, height: 844 });
  await page.waitForSelector('.compare[data-state="done"] .mm-rail .mm-tick');
  const rail = await page.locator('.mm-rail').boundingBox();
  const grid = await page.locator('.compare-grid').boundingBox();
  assert.ok(rail.y + rail.height <= grid.y, 'above the rows');
  assert.ok(rail.width > 300 && rail.height < 120, `across the screen (${rail.width}×${rail.height})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity page draws its mentions over time by outlet and the entities it appears with', async () => {
  const { page, errors } = await open('#/entity/popular-mobilization-forces');
  await page.waitForSelector('.co-occurring-bars .pic-bar-link');
  await renderTime(page, '.co-occurring-bars', 'entity: co-occurring bars');
  await renderTime(page, '#entity-timeline-h >> xpath=../..', 'entity: mentions over time');
  const lanes = await page.locator('figure.timeline .pic-row').evaluateAll((rs) => rs.map((r) => r.dataset.outlet));
  assert.ok(lanes.includes('Global Village Space'));
  const gvs = page.locator('figure.timeline .pic-row[data-outlet="Global Village Space"] .pic-cell');
  assert.match(await gvs.getAttribute('aria-label'), /2020: 6 mentions in 1 article/);
  const bars = await page.locator('.co-occurring-bars .pic-bar-link').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  assert.ok(bars.length >= 3, `${bars}`);
  const shared = bars.map((b) => Number(b.match(/(\d+) shared/)[1]));
  assert.ok(shared.every((n, i) => i === 0 || shared[i - 1] >= n), 'ranked');
  await page.locator('.co-occurring-bars .pic-bar-link').first().click();
  await page.waitForSelector('.entity-header h1');
  assert.match(page.url(), /#\/entity\//);
  await page.goBack();
  await page.waitForSelector('figure.timeline .pic-cell');
  await page.locator('figure.timeline .pic-row[data-outlet="Global Village Space"] .pic-cell').click();
  await page.locator('figure.timeline .pic-panel a').first().click();
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /\?at=\d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity page lists its mentions a page at a time, with the rest a click away', async () => {
  const { page, errors } = await open('#/entity/mustafa-al-kadhimi');
  await page.waitForSelector('.mention-group');
  const total = Number((await page.locator('#mentions').textContent()).match(/\((\d+)\)/)[1]);
  const groups = page.locator('.mention-group');
  let big = -1;
  for (let i = 0; i < (await groups.count()); i += 1) {
    const n = Number((await groups.nth(i).locator('h3').textContent()).match(/· (\d+)$/)[1]);
    const shown = await groups.nth(i).locator('li').count();
    assert.equal(shown, Math.min(n, 10), 'at most 10 mentions per outlet at first');
    if (n > 10 && big < 0) big = i;
  }
  assert.ok(big >= 0, `some outlet names Kadhimi more than 10 times (${total} mentions)`);
  const group = groups.nth(big);
  const n = Number((await group.locator('h3').textContent()).match(/· (\d+)$/)[1]);
  await group.locator('button.more-mentions').click();
  await group.locator('li').nth(Math.min(n, 60) - 1).waitFor();
  assert.equal(await group.locator('li').count(), Math.min(n, 60));
  await group.locator('li a.source').last().click();
  await page.waitForSelector('.article-title');
  assert.match(page.url(), /\?at=\d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

const PAGES = [
  ['home', '', '.story-matrix .pic-row'],
  ['entities', '#/entities', '.entity-matrix .pic-row'],
  ['entity', '#/entity/popular-mobilization-forces', '.co-occurring-bars .pic-bar-link'],
  ['compare', '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', '.compare[data-state="done"] .mm-rail .mm-tick'],
];

test('every picture shows its tooltip on hover and on keyboard focus, and its table says what the marks say', async () => {
  const { page, errors } = await open();
  await page.waitForSelector('figure.timeline .pic-cell');
  // Timeline: hover, then Tab-style focus, of the Global Village Space mark for 2020.
  const mark = page.locator('figure.timeline .pic-row[data-outlet="Global Village Space"] .pic-cell').first();
  await mark.hover();
  assert.match(await page.locator('figure.timeline .pic-tip').textContent(), /Global Village Space.*2020.*1 article/);
  await page.mouse.move(0, 0);
  // The tooltip goes with the pointer.
  await page.locator('figure.timeline .pic-tip').waitFor({ state: 'detached' });
  await mark.focus();
  assert.match(await page.locator('figure.timeline .pic-tip').textContent(), /date estimated/);
  // Enter on the focused mark lists its article.
  await page.keyboard.press('Enter');
  await page.waitForSelector('figure.timeline .pic-panel a');
  assert.equal(await page.locator('figure.timeline .pic-panel a').count(), 1);
  // The timeline's table: one row per outlet, a column per year.
  await page.locator('figure.timeline .pic-table summary').click();
  const gvs = page.locator('figure.timeline .pic-table tbody tr', { hasText: 'Global Village Space' });
  // The table is built when it opens: wait for its row before reading every cell at once.
  await gvs.locator('td').first().waitFor();
  const cells = await gvs.locator('td').allTextContents();
  assert.equal(cells[0], '1 (1 estimated)', `2020 for Global Village Space: ${cells}`);
  await page.close();

  // The entity matrix's table gives each outlet's spellings of the PMF.
  const entities = await open('#/entities');
  await entities.page.waitForSelector('.entity-matrix .pic-row');
  await entities.page.locator('.entity-matrix .pic-table summary').click();
  const pmf = entities.page.locator('.entity-matrix .pic-table tbody tr', { has: entities.page.locator('a[href$="popular-mobilization-forces"]') });
  assert.match(await pmf.textContent(), /6: Hashed al-Shaabi \(5\), Hashed \(1\)/);
  assert.deepEqual(entities.errors, []);
  await entities.page.close();

  // Co-occurring bars: hover and focus.
  const entity = await open('#/entity/popular-mobilization-forces');
  await entity.page.waitForSelector('.co-occurring-bars .pic-bar-link');
  const bar = entity.page.locator('.co-occurring-bars .pic-bar-link').first();
  await bar.hover();
  assert.match(await entity.page.locator('.co-occurring-bars .pic-tip').textContent(), /shared article/);
  await entity.page.mouse.move(0, 0);
  await entity.page.locator('.co-occurring-bars .pic-tip').waitFor({ state: 'detached' });
  await bar.focus();
  assert.match(await entity.page.locator('.co-occurring-bars .pic-tip').textContent(), /shared article/);
  assert.deepEqual(entity.errors, []);
  assert.deepEqual(errors, []);
  await entity.page.close();
});

test('every picture fits any width from 390 to 1440 px: the page never scrolls sideways, wide pictures scroll in their frame', async () => {
  for (const width of [390, 600, 900, 1440]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const [name, hash, ready] of PAGES) {
      await page.goto(server.url + hash);
      await page.waitForSelector(ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} at ${width}px: the page is ${overflow}px wider than the screen`);
      // Each picture's frame is no wider than the page's content.
      const frames = await page.locator('.picture').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().right));
      assert.ok(frames.every((right) => right <= width + 1), `${name} at ${width}px: ${frames}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});


test('no serious accessibility violations (axe-core) on any page with a picture, tables open', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const [name, hash, ready] of PAGES) {
      await page.goto(server.url + hash);
      await page.waitForSelector(ready);
      await page.locator('.pic-table').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      // A picture's table is put in the page when opened.
      await page.waitForFunction(() => [...document.querySelectorAll('details.pic-table')].every((d) => d.querySelector('table')));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
      assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} nodes (${v.nodes[0]?.target})`), [], `${name}, ${scheme}`);
    }
    await context.close();
  }
});

test('screenshots of every picture at desktop and phone sizes, light and dark', async () => {
  for (const [size, viewport] of [['1280x800', { width: 1280, height: 800 }], ['390x844', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      const errors = watchErrors(page);
      for (const [name, hash, ready, figure] of [
        ['story-matrix', '', '.story-matrix .pic-row', '.story-matrix'],
        ['timeline', '', 'figure.timeline .pic-cell', 'figure.timeline'],
        ['entity-matrix', '#/entities', '.entity-matrix .pic-row', '.entity-matrix'],
        ['entity', '#/entity/popular-mobilization-forces', '.co-occurring-bars .pic-bar-link', '.entity-grid'],
        ['compare', '#/compare/iraq-pm-visits-white-house-us/iraqi-pm-al-kadhimi-to-meet', '.compare[data-state="done"] .mm-rail .mm-tick', '.compare-summary'],
      ]) {
        await page.goto(server.url + hash);
        await page.waitForSelector(ready);
        await page.locator(figure).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.evaluate(() => window.scrollBy(0, -70));
        // The page never scrolls sideways: wide pictures scroll inside their own frame.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${name} at ${size}: the page is ${overflow}px wider than the screen`);
        await page.screenshot({ path: join(ARTIFACTS, `pictures-${name}-${size}-${scheme}.png`) });
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
