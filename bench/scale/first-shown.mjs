// When a selector's first match entered a page's document, by the page's own clock (from its
// navigation's start), for the cold-visit benchmarks (bench-scale.mjs, cold-requests.mjs): the
// harness notices later when the page's thread is busy with what follows (the chunked explorer's
// extras module, prefetched once the results are drawn), which is not the reader's wait.

/** Before `page` navigates: watch for `selector`'s first match. */
export async function watchFirstShown(page, selector) {
  await page.addInitScript((selector) => {
    const seen = () => {
      if (window.__firstShown === undefined && document.querySelector(selector)) {
        window.__firstShown = performance.now();
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  }, selector);
}

/** Once it is shown: `{ ms }` after the navigation's start, and `epoch`, the same moment in epoch ms. */
export async function firstShown(page) {
  const [ms, epoch] = await page.evaluate(() => [window.__firstShown, performance.timeOrigin + window.__firstShown]);
  return { ms, epoch };
}
