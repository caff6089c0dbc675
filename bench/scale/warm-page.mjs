// Warm search in a chunked site's page, shared by the scale benchmark (bench-scale.mjs) and the
// side-by-side one (warm-chunked.mjs). Passed to `page.evaluate`, so it uses nothing from outside:
// each query once to fetch its chunks, then `rounds` times from the URL change (`#/search?q=`) to
// its results on screen. Per query, every round's total milliseconds and the page's own
// "in X ms" search time (NaN when the page does not say it).
export async function warmRounds({ queries, rounds }) {
  // Resolves once `ready()` holds, checked after every DOM change.
  const until = (ready) =>
    new Promise((resolve) => {
      if (ready()) return resolve();
      const observer = new MutationObserver(() => {
        if (ready()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  const status = () => document.querySelector('.search-status');
  const once = async (q) => {
    location.hash = '#/search?q=';
    await until(() => !status());
    const t = performance.now();
    location.hash = `#/search?q=${encodeURIComponent(q)}`;
    await until(() => status() !== null);
    const total = performance.now() - t;
    const said = status().textContent.match(/in (< )?([\d.]+) ms/);
    return { total, search: said ? Number(said[2]) : NaN };
  };
  const out = {};
  for (const q of queries) {
    await once(q);
    out[q] = [];
    for (let i = 0; i < rounds; i++) out[q].push(await once(q));
  }
  return out;
}
