// Parallax's service worker: the explorer keeps working offline, and never mixes two deployments.
//
// `parallax precache <dir>` (run by trunk's post_build hook and by `parallax site`) writes the real
// `sw.js` as one line `const PRECACHE = {...};` (the build id and every file of the build with its
// SHA-256) followed by this file. Nothing here names a hashed file: the list comes from the build.
//
// How it stays consistent:
// - Each build gets its own cache, `parallax:<scope>:<build id>`. Install downloads every file of the
//   build (taking the HTTP cache's copy when it is this build's, so a first visit does not download
//   the wasm twice), checks each one's SHA-256 against the list, and fails (to be retried later) on
//   any mismatch, so a cache never holds a half-deployed mix.
// - Files of the build are served cache-first from this worker's own cache: the wasm, the JS and the
//   corpus bundle always come from the same generation.
// - A navigation to the app is network-first, but the network's index.html is used only when it is
//   byte-for-byte this build's; a different one means a new deployment, so the cached page is served
//   (and an update check started) until the reader chooses to reload into the new version.
// - Files in `PRECACHE.later` (the import worker's and the collections panel's modules, which only
//   readers who open their own articles need) are not downloaded at install: the first request fetches one, checks its SHA-256
//   and caches it in this build's cache, so it works offline from then on.
// - Chunks of a chunked corpus (`chunks/<kind>-<16 hex digits>.plx`) that are not in the list (a
//   large corpus's) are named by their content hash, so they live in one cache per scope for every
//   build, `parallax:<scope>:chunks`: each is cached at its first use once its SHA-256 matches its
//   name, and served from there forever (the page's "Make this corpus available offline" fills the
//   same cache).
// - A new worker waits (no automatic skipWaiting) until the page asks for it with
//   `{type: "SKIP_WAITING"}`, sent when the reader presses "Reload" on the update banner. On
//   activation it deletes the older caches of this scope, and only of this scope.
/* global PRECACHE */

const SCOPE = self.registration.scope;
const PREFIX = `parallax:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + PRECACHE.build;
const INDEX = new URL('index.html', SCOPE).href;
// Absolute URL of each file of the build -> its SHA-256 (hex).
const FILES = new Map(PRECACHE.files.map((f) => [new URL(f.path, SCOPE).href, f.sha256]));
// Files cached at their first use (absolute URL -> SHA-256).
const LATER = new Map((PRECACHE.later || []).map((f) => [new URL(f.path, SCOPE).href, f.sha256]));

// The chunk cache (see the top), and what a chunk's file name looks like (its hash captured).
const CHUNKS = PREFIX + 'chunks';
const CHUNK_NAME = /\/chunks\/[a-z]+-([0-9a-f]{16})\.plx$/;

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches one file of the build past the HTTP cache and checks its content hash. */
async function fetchVerified(url, sha256) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const body = await response.clone().arrayBuffer();
  const got = await sha256Hex(body);
  if (got !== sha256) throw new Error(`${url} is not this build's file (sha256 ${got}, want ${sha256})`);
  return response;
}

/**
 * Like `fetchVerified`, but first takes the copy in the browser's HTTP cache when it is this
 * build's file: on a first visit the page has just downloaded the wasm, its JS and the bundle, and
 * installing must not download them a second time. Any other copy is fetched afresh.
 */
async function fetchVerifiedReusing(url, sha256) {
  try {
    const response = await fetch(url, { cache: 'force-cache' });
    if (response.ok && (await sha256Hex(await response.clone().arrayBuffer())) === sha256) return response;
  } catch {
    // Not in the HTTP cache and no network: fetchVerified says so.
  }
  return fetchVerified(url, sha256);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fetch everything first, then store: a failed file leaves no partial cache behind.
      let responses;
      try {
        responses = await Promise.all([...FILES].map(([url, sha]) => fetchVerifiedReusing(url, sha)));
      } catch (e) {
        await caches.delete(CACHE);
        throw e;
      }
      await Promise.all([...FILES.keys()].map((url, i) => cache.put(url, responses[i])));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE && name !== CHUNKS) await caches.delete(name);
      }
      // The first worker takes over the page that installed it, so that page already works offline.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'BUILD' && event.ports[0]) event.ports[0].postMessage(PRECACHE.build);
});

function isAppPage(url) {
  const bare = url.origin + url.pathname;
  return bare === SCOPE || bare === INDEX;
}

/** A file cached at first use: from this build's cache, or fetched, checked and cached. */
async function later(url) {
  const hit = await fromCache(url);
  if (hit) return hit;
  let response;
  try {
    response = await fetchVerified(url, LATER.get(url));
  } catch {
    // Offline, or another deployment's file: never hand this build's page a mismatched module.
    return Response.error();
  }
  try {
    await (await caches.open(CACHE)).put(url, response.clone());
  } catch {
    // The site's storage is full: the checked file still serves this time, it is just not kept.
  }
  return response;
}

/**
 * A chunk's bytes as its name hashes them: `parallax site --chunks` writes chunks gzip-compressed,
 * and names them by the bytes inside.
 */
async function chunkBytes(buffer) {
  const head = new Uint8Array(buffer, 0, Math.min(2, buffer.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b || typeof DecompressionStream === 'undefined') return buffer;
  try {
    return await new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  } catch {
    return buffer;
  }
}

/** A chunk: from the chunk cache, or fetched and, when its bytes match its name, kept forever. */
async function chunk(url, hash) {
  const cache = await caches.open(CHUNKS);
  const hit = await cache.match(url);
  if (hit) return hit;
  let response;
  try {
    response = await fetch(url);
  } catch {
    return Response.error();
  }
  if (!response.ok) return response;
  // A stale or altered copy is passed on (the app says what is wrong) but never kept.
  if ((await sha256Hex(await chunkBytes(await response.clone().arrayBuffer()))).startsWith(hash)) {
    try {
      await cache.put(url, response.clone());
    } catch {
      // Storage is full: the chunk still serves this time.
    }
  }
  return response;
}

async function fromCache(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url);
}

/** Network-first for the page itself, but only this build's page: see the comment at the top. */
async function appPage(request) {
  let network;
  try {
    // A navigate-mode request cannot take options, so fetch its URL afresh past the HTTP cache.
    network = await fetch(request.url, { cache: 'no-store', credentials: 'same-origin' });
  } catch {
    network = null;
  }
  if (network && network.ok) {
    const sha = await sha256Hex(await network.clone().arrayBuffer());
    if (sha === FILES.get(INDEX)) return network;
    // Another deployment's page: keep this generation until the reader reloads into the new one.
    self.registration.update().catch(() => {});
  }
  const cached = await fromCache(INDEX);
  if (cached) return cached;
  if (network) return network;
  return new Response('Parallax is offline and this page was never saved.', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && isAppPage(url)) {
    event.respondWith(appPage(request));
    return;
  }
  const key = url.origin + url.pathname;
  if (FILES.has(key) && key !== INDEX) {
    event.respondWith(fromCache(key).then((hit) => hit || fetch(request)));
  } else if (LATER.has(key)) {
    event.respondWith(later(key));
  } else if (CHUNK_NAME.test(url.pathname)) {
    event.respondWith(chunk(key, CHUNK_NAME.exec(url.pathname)[1]));
  }
  // Anything else is not part of the build: straight to the network, never cached.
});
