// Registers Parallax's service worker (sw.js, beside index.html, so it works at the site root and
// under any sub-path) and offers "A new version is ready: Reload" when a new deployment has been
// downloaded. Plain JS outside the wasm app on purpose: the banner must work even when the app
// itself cannot start (say, a bundle the old app cannot read), because reloading may be the fix.
//
// The new worker waits until the reader presses Reload; only then is it told to take over
// (SKIP_WAITING), and the page reloads once it has. Until then the old worker keeps serving the old
// build's files, so the app never runs one build's wasm against another build's bundle.
//
// Registration waits for the app's first view (see the end of this file).
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  // Checking for a new deployment while the page stays open: every half hour, and when back online.
  var CHECK_EVERY_MS = 30 * 60 * 1000;
  var reloading = false;

  function showBanner(registration) {
    if (document.getElementById('update-banner')) return;
    var banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    var text = document.createElement('p');
    text.textContent = 'A new version of Parallax is ready.';
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', function () {
      var waiting = registration.waiting;
      if (!waiting) {
        location.reload();
        return;
      }
      reloading = true;
      reload.disabled = true;
      reload.textContent = 'Reloading…';
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
    var later = document.createElement('button');
    later.type = 'button';
    later.className = 'secondary';
    later.textContent = 'Later';
    later.addEventListener('click', function () {
      banner.remove();
    });
    banner.append(text, reload, later);
    document.body.append(banner);
  }

  function watch(registration) {
    // A worker is "installed" and waiting only when another one controls the page: that is an update.
    if (registration.waiting && navigator.serviceWorker.controller) showBanner(registration);
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) showBanner(registration);
      });
    });
    setInterval(function () {
      registration.update().catch(function () {});
    }, CHECK_EVERY_MS);
    window.addEventListener('online', function () {
      registration.update().catch(function () {});
    });
  }

  // The chunk cache of a chunked corpus (the worker's `parallax:<scope>:chunks`, see sw.js), for
  // the app's "Make this corpus available offline" (src/components/offline.rs). Filled from the
  // page, so it works before the worker controls the page too; each chunk is checked against the
  // hash in its name before it is kept.
  var chunkCache = 'parallax:' + new URL('./', location.href).pathname + ':chunks';
  function chunkHash(url) {
    var m = /-([0-9a-f]{16})\.plx$/.exec(url);
    return m ? m[1] : '';
  }
  // A chunk's bytes as its name hashes them (`parallax site --chunks` gzips its files; see sw.js).
  async function chunkBytes(buffer) {
    var head = new Uint8Array(buffer, 0, Math.min(2, buffer.byteLength));
    if (head[0] !== 0x1f || head[1] !== 0x8b || typeof DecompressionStream === 'undefined') return buffer;
    try {
      var stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'));
      return await new Response(stream).arrayBuffer();
    } catch (e) {
      return buffer;
    }
  }
  async function sha256Hex(buffer) {
    var digest = await crypto.subtle.digest('SHA-256', buffer);
    return Array.from(new Uint8Array(digest), function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }
  window.parallaxChunkCache = {
    // [[url, bytes], …] -> {files, bytes} already cached (in any of this site's caches).
    status: async function (chunks) {
      var files = 0;
      var bytes = 0;
      for (var i = 0; i < chunks.length; i++) {
        if (await caches.match(new URL(chunks[i][0], location.href).href)) {
          files += 1;
          bytes += chunks[i][1];
        }
      }
      return { files: files, bytes: bytes };
    },
    // Downloads every chunk not yet cached, six at a time; progress(doneFiles, doneBytes) after each.
    fill: async function (chunks, progress) {
      var cache = await caches.open(chunkCache);
      var next = 0;
      var files = 0;
      var bytes = 0;
      async function one() {
        while (next < chunks.length) {
          var chunk = chunks[next++];
          var url = new URL(chunk[0], location.href).href;
          if (!(await caches.match(url))) {
            var response = await fetch(url);
            if (!response.ok) throw new Error(chunk[0] + ': the server answered ' + response.status);
            var body = await response.clone().arrayBuffer();
            if (!(await sha256Hex(await chunkBytes(body))).startsWith(chunkHash(url))) {
              throw new Error(chunk[0] + ' is not the file this corpus lists');
            }
            await cache.put(url, response);
          }
          files += 1;
          bytes += chunk[1];
          progress(files, bytes);
        }
      }
      var workers = [];
      for (var i = 0; i < 6; i++) workers.push(one());
      await Promise.all(workers);
      return { files: files, bytes: bytes };
    },
  };

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // Only a reload the reader asked for; the first worker claiming the page must not reload it.
    if (reloading) location.reload();
  });

  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    navigator.serviceWorker
      .register('sw.js', { scope: './' })
      .then(watch)
      .catch(function (e) {
        console.warn('Parallax works online only: the service worker was not registered (' + e + ')');
      });
  }

  // The worker's install downloads every file of the build (precache): on a first visit it would
  // compete with the wasm and the corpus for the network and the main thread. So it registers once
  // the first view is shown (the app dispatches `parallax-first-view`, src/first_view.rs), or 10 s
  // after load if the app never says so (it could not start: the banner must still work). A page
  // the worker already controls registers on load, as it serves the files from its cache anyway.
  var FALLBACK_MS = 10 * 1000;
  if (navigator.serviceWorker.controller) {
    window.addEventListener('load', register);
  } else {
    window.addEventListener('parallax-first-view', register, { once: true });
    window.addEventListener('load', function () {
      setTimeout(register, FALLBACK_MS);
    });
  }
})();
