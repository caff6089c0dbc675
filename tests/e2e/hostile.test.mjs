// End-to-end (issue 14): a hostile corpus, built into a site with `parallax site` from invented
// files (script tags, event-handler attributes, `javascript:` URLs, template syntax, unterminated
// bidi overrides, a 200 KB paragraph, a file name that is HTML), must render as inert text on every
// page: nothing executes, no markup from the articles becomes an element, and no article text
// reverses the app's own words beside it.
//
// Needs dist/ and a `parallax` CLI with the app built in (see offline.test.mjs; PARALLAX_BIN=<path>).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, watchErrors, ROOT } from './harness.mjs';

const run = promisify(execFile);
const PARALLAX = process.env.PARALLAX_BIN ?? join(ROOT, 'target', 'cli', 'parallax');

const RLO = '\u202E';
const RLE = '\u202B';
const LRO = '\u202D';
const RLI = '\u2067';

/** A 200 KB paragraph: one line of sentences, with markup and overrides sprinkled in. */
function longParagraph() {
  const sentences = [
    'The harbour council heard from ferry crews, island shopkeepers and commuters about the winter crossings.',
    'Councillor Anton Reyes said the timetable would be revised <b onmouseover="window.__pwned=\'long\'">again</b>.',
    `Gull Island residents asked for a later boat on ${RLO}Fridays and Saturdays.`,
    'The operator said two new crews would be trained before December.',
  ];
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += sentences[i % sentences.length] + ' ';
  return text.trim();
}

const HOSTILE = {
  'harbour-vote.txt':
    `Harbour Council ${RLO}Delays Ferry Vote <script>window.__pwned = 'title'</script>\n\n` +
    `By Mira ${RLO}Castellan <img src=x onerror="window.__pwned='byline'">\n\n` +
    `Portvale: The harbour council delayed a vote on the Gull Island ferry timetable, councillor Anton Reyes said on Tuesday. <img src=x onerror="window.__pwned='img'"> <svg onload="window.__pwned='svg'"></svg>\n\n` +
    `Reyes said the <a href="javascript:window.__pwned='link'">timetable</a> would return to the council in ${RLE}two weeks. <iframe src="javascript:window.__pwned='iframe'"></iframe>\n\n` +
    `"We owe Gull Island commuters an answer," Reyes said. ${RLI}An isolate never closed\n`,
  'harbour-ferry.txt':
    'Gull Island Ferry Timetable Vote Put Off Again\n\nBy Lena Okafor\n\n' +
    'Portvale: Councillor Anton Reyes said the harbour council put off its vote on the Gull Island ferry timetable on Tuesday.\n\n' +
    `The timetable adds two evening crossings, Reyes said. ${LRO}javascript:alert(1)\n\n` +
    '"We owe Gull Island commuters an answer," Reyes said.\n',
  "<img src=x onerror=window.__pwned='filename'>.txt":
    `Library ${RLO}Opens Late on Thursdays\n\n` +
    `Portvale: The central library will stay open until 10 pm on Thursdays, librarian Sofia Marr said. {{constructor.constructor('window.__pwned="template"')()}} \${window.__pwned='tpl'}\n\n` +
    `Marr said evening visits had doubled. "><script>window.__pwned='attr'</script><a href=javascript:window.__pwned='bare'>x</a>\n`,
  'long.txt': `A Long Paragraph About the Harbour Ferry\n\nPortvale: ${longParagraph()}\n`,
};
const CORPUS = Object.entries(HOSTILE).map(([name, text]) => `${name}\n${text}`).join('\n');
/** Routes whose parts the pages quote back ("There is no page at “…”"): untrusted text too. */
const ROUTES = ['#/nowhere\u202Eabc', '#/article/%E2%80%AEevil', '#/entity/%E2%80%AEx', `#/compare/x${RLO}/y`,
  "#/search?q=<img src=x onerror=window.__pwned='q'>"];
const UNTRUSTED = [CORPUS, ...ROUTES.map((r) => decodeURIComponent(r))].join('\n');

let browser;
let server;
let work;

before(async () => {
  await access(PARALLAX).catch(() => {
    throw new Error(`${PARALLAX} is missing: run \`cargo build --profile cli -p parallax-cli\` after \`trunk build --release\``);
  });
  work = await mkdtemp(join(tmpdir(), 'parallax-hostile-'));
  const articles = join(work, 'articles');
  await mkdir(articles);
  for (const [name, text] of Object.entries(HOSTILE)) await writeFile(join(articles, name), text);
  await run(PARALLAX, ['site', articles, '-o', join(work, 'site')], { maxBuffer: 1 << 26 });
  server = await serve(join(work, 'site'), '/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Problems on the page as it is now: a script that ran, markup from the articles that became an
 * element or attribute, untrusted text (the corpus, the route) with a bidi override that is not
 * isolated from the app's words, and app words that read backwards.
 */
function audit(page) {
  return page.evaluate((corpus) => {
    const problems = [];
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const source = norm(corpus);
    if (window.__pwned !== undefined) problems.push(`a script ran: ${window.__pwned}`);
    const main = document.querySelector('main');
    for (const el of main.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      // The app draws its own pictures as SVG (src/pictures/): those sit in a figure.picture and
      // carry the app's classes; any other <svg> came from an article.
      const ownPicture = tag === 'svg' && el.closest('figure.picture') && /^(pic-svg|mm-strip|mm-bar)$/.test(el.getAttribute('class') ?? '');
      if (!ownPicture && ['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'style', 'link', 'meta', 'base', 'b'].includes(tag)) {
        problems.push(`article markup became an element: <${tag}>`);
      }
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) problems.push(`an event-handler attribute: ${attr.name}=${attr.value}`);
        if (/^\s*javascript:/i.test(attr.value) && ['href', 'src', 'action', 'formaction'].includes(attr.name)) {
          problems.push(`a javascript: URL: ${attr.name}=${attr.value}`);
        }
      }
    }
    const openers = /[\u202A\u202B\u202D\u202E\u2066\u2067\u2068]/;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node; (node = walker.nextNode());) texts.push(node);
    for (const node of texts) {
      // The run of text a bidi override in this node can reach: up to the nearest isolate or block.
      if (openers.test(node.data)) {
        let el = node.parentElement;
        while (el !== main) {
          const style = getComputedStyle(el);
          if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) break;
          if (style.display !== 'inline' && style.display !== 'contents') break;
          el = el.parentElement;
        }
        const reach = norm(el.textContent);
        if (!reach.split(' · ').every((part) => source.includes(part))) {
          problems.push(`an override reaches the app's words: <${el.tagName.toLowerCase()} class="${el.className}"> ${JSON.stringify(reach.slice(0, 160))}`);
        }
      }
      // The app's own words (text not from the corpus or the route) read left to right.
      const own = norm(node.data);
      if (!openers.test(node.data) && (own.match(/[A-Za-z]/g) ?? []).length >= 4 && !source.includes(own)) {
        const letters = [...node.data.matchAll(/[A-Za-z]/g)];
        const at = (i) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect();
        };
        const first = at(letters[0].index);
        const last = at(letters[letters.length - 1].index);
        if (first.width > 0 && last.width > 0 && Math.abs(first.top - last.top) < 2 && first.left > last.left) {
          problems.push(`app text reads backwards: ${JSON.stringify(own.slice(0, 80))}`);
        }
      }
    }
    if (!main.innerText.trim()) problems.push('<main> is blank');
    return problems;
  }, UNTRUSTED);
}

test('a hostile corpus renders as inert, bidi-isolated text on every page', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const states = [];
  const check = async (what) => {
    await page.waitForTimeout(50);
    const problems = await audit(page);
    assert.deepEqual(problems, [], `${what}: ${page.url()}`);
    assert.deepEqual(errors, [], what);
    states.push(what);
  };
  const go = async (hash, selector) => {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForSelector(selector);
    await check(hash);
  };

  await page.goto(server.url);
  await page.waitForSelector('#app .article-card');
  await check('home');
  const text = await page.locator('main').innerText();
  assert.ok(text.includes("<script>window.__pwned = 'title'</script>"), 'the markup in a title shows as text');
  assert.ok((await page.locator('.story-card').count()) >= 1, 'the two harbour articles are one story on the home page');

  const articles = await page.locator('.article-card a').evaluateAll((as) => as.map((a) => a.hash));
  assert.equal(articles.length, 4);
  for (const hash of articles) {
    await go(hash, '.article-title');
    await page.locator('#noise-toggle').click();
    await check(`${hash} with noise`);
    await page.locator('#noise-toggle').click();
  }

  for (const q of ['Harbour', 'Reyes', 'script', 'javascript', 'onerror', 'Castellan', '"Gull Island"', 'Fridays', '\u202EDelays', 'constructor']) {
    await go(`#/search?q=${encodeURIComponent(q)}`, '.search-status');
  }
  await go('#/entities', '.entity-list');
  const entities = await page.locator('.entity-list a').evaluateAll((as) => as.map((a) => a.hash));
  for (const hash of entities.slice(0, 20)) await go(hash, '.entity-header');

  await page.goto(server.url + '#/');
  await page.waitForSelector('.story-card');
  const compares = await page.locator('.story-card a.button').evaluateAll((as) => as.map((a) => a.hash));
  for (const hash of compares) await go(hash, '.compare-grid');
  for (const hash of ROUTES) await go(hash, 'main .page');
  console.log(`# ${states.length} states checked, 0 problems`);
  await page.close();
});
