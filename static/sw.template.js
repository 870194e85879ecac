// mbc-guide's service worker, for the standalone page and the iframe (not the
// script embed). Written by mbc-postbuild from static/sw.template.js: every
// file of this build with the sha256 of its bytes. Any changed byte changes the list, so the cache name
// and this file change too, and browsers install the new version.
//
// A new version waits: it takes over only when the person presses "Update
// now" (boot.js sends 'skip-waiting'), so nothing reloads in the middle of an
// edit.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'mbc-guide-';
// Two copies of the widget under different paths of one site keep their own caches.
const CACHE = `${PREFIX}${VERSION}@${self.registration.scope}`;
const INDEX = new URL('./index.html', self.location).href;
// The deployment's settings: edited by the hospital, so fetched like a pack
// (network first, last copy kept) and not checked against this build's hash.
const SETTINGS = new URL('./mbc-settings.json', self.location).href;
/** A hex sha256 as a Subresource Integrity value. */
const integrity = (hex) => `sha256-${btoa(String.fromCharCode(...hex.match(/../g).map((h) => parseInt(h, 16))))}`;
/** The folders of the other languages' own pages (`es/`). */
const PAGES = __PAGES__;
/** The widget's own pages, the only navigations this worker answers. */
const OWN = [INDEX, self.registration.scope, ...PAGES.flatMap((f) => [
  new URL(f, self.location).href, new URL(`${f}index.html`, self.location).href])];
/** On a weak signal, the cached page after this long. */
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  // 'reload': past the HTTP cache, so a file never comes from an older build.
  // Each file must have the bytes this build lists, or nothing is installed.
  const requests = PRECACHE.map(({ url, sha256 }) => new Request(url, new URL(url, self.location).href === SETTINGS
    ? { cache: 'reload' } : { cache: 'reload', integrity: integrity(sha256) }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name.endsWith(`@${self.registration.scope}`) && name !== CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  // Only from the widget's own pages, not from another app on the origin.
  const from = event.source?.url ?? '';
  if (event.data?.type === 'skip-waiting' && from.startsWith(self.registration.scope)) self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Only the widget's own page: any other page of the origin is not ours to answer.
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    if (OWN.includes(url.href)) event.respondWith(page(request));
    return;
  }
  event.respondWith(file(request));
});

/** The page: the network first (a new build shows at once), else this build's copy. */
async function page(request) {
  const cache = await caches.open(CACHE);
  const copy = copyOf(request);
  const network = fetch(request);
  network.catch(() => {});
  const wait = new Promise((done) => setTimeout(done, NETWORK_WAIT_MS));
  try {
    return await Promise.race([network, wait.then(async () => (await cache.match(copy)) ?? network)]);
  } catch {
    return (await cache.match(copy)) ?? Response.error();
  }
}

/** This build's copy of the page asked for: a language's own page, else the English page. */
function copyOf(request) {
  const path = new URL(request.url).pathname;
  const folder = PAGES.find((f) => path.startsWith(new URL(f, self.location).pathname));
  return folder ? new URL(`${folder}index.html`, self.location).href : INDEX;
}

/**
 * Everything else: this build's copy first, else the network. A content pack
 * the host named (a `.pack` on this origin, not part of the build) and the
 * settings file come from the network when they can, so a hospital's update
 * shows, and their last copy is kept for offline use.
 */
async function file(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const ours = PRECACHE.some((f) => new URL(f.url, self.location).href === url.href);
  const networkFirst = url.href === SETTINGS || (!ours && url.pathname.endsWith('.pack'));
  if (!networkFirst) return (await cache.match(request)) ?? fetch(request);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}
