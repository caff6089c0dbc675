// Warm search in a chunked site's page, shared by the scale benchmark (bench-scale.mjs) and the
// side-by-side one (warm-chunked.mjs). Passed to `page.evaluate`, so it uses nothing from outside:
// each query once to fetch its chunks, then `rounds` times from the query's entry to its results
// on screen. Two ways in: `by: 'typing'` (the default) as a reader searches, typing in the search
// box of the results page (its `input` event; the page replaces the URL itself), and `by: 'url'`,
// a change of the URL (`#/search?q=`, a same-document navigation: `popstate`, then `hashchange`), as a link
// or the Back button does. Either way the results are cleared first (an empty query), so each
// round draws its results anew. Per query, every round's total milliseconds and the page's own
// "in X ms" search time (NaN when the page does not say it).
export async function warmRounds({ queries, rounds, by = 'typing' }) {
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
  const enter = (q) => {
    if (by === 'url') {
      location.hash = `#/search?q=${encodeURIComponent(q)}`;
      return;
    }
    const input = document.querySelector('#search-input');
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  };
  const once = async (q) => {
    enter('');
    await until(() => !status());
    const t = performance.now();
    enter(q);
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
