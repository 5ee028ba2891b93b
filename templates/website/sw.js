/* Little Voices' service worker (served at /sw.js by website/offline.py; see
   docs/offline-and-print.md). It keeps the help pages, the offline page and the files every page
   needs, and the last pages a parent has read, so that they open with no signal. Pages come from
   the network first; the saved copy only when the network fails or is very slow. It never
   touches the staff pages, and never keeps a page marked private or no-store. */
"use strict";

const VERSION = "{{ version }}";
const CONFIG = {{ config|safe }};
const PRECACHE = "lv-precache-" + VERSION;
const HASHED = /\.[0-9a-f]{12}(\.\w+)$/;

function isNever(path) {
  return CONFIG.never.some(function (start) { return path.startsWith(start); });
}

function isPrecached(url) {
  return CONFIG.precache.indexOf(url.pathname + url.search) !== -1;
}

/* May this answer to a navigation be kept on the phone? */
function isKeepable(response) {
  if (response.status !== 200 || response.type !== "basic") return false;
  const url = new URL(response.url);
  if (url.origin !== self.location.origin || isNever(url.pathname)) return false;
  for (const name of url.searchParams.keys()) {
    if (CONFIG.parameters.indexOf(name) === -1) return false;
  }
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  const type = response.headers.get("Content-Type") || "";
  return !/private|no-store/.test(control) && type.startsWith("text/html");
}

/* Keep a page read online: a help or offline page in the precache (refreshed), any other in the
   read pages, newest last, at most CONFIG.keep of them. */
async function keep(response) {
  if (!isKeepable(response)) return;
  const url = new URL(response.url);
  // A plain copy: a response that followed a redirect may not answer another navigation.
  const copy = new Response(await response.blob(), {status: 200, headers: response.headers});
  if (isPrecached(url)) {
    await (await caches.open(PRECACHE)).put(url.href, copy);
    return;
  }
  const cache = await caches.open(CONFIG.pages);
  await cache.delete(url.href);
  await cache.put(url.href, copy);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - CONFIG.keep))) {
    await cache.delete(old);
  }
}

async function saved(url) {
  if (isPrecached(url)) {
    const found = await (await caches.open(PRECACHE)).match(url.href);
    if (found) return found;
  }
  return (await caches.open(CONFIG.pages)).match(url.href);
}

async function offlinePage() {
  return (await caches.open(PRECACHE)).match(CONFIG.offline) || Response.error();
}

async function navigate(event, url) {
  const network = fetch(event.request).then(function (response) {
    event.waitUntil(keep(response.clone()).catch(function () {}));
    return response;
  });
  const copy = await saved(url);
  if (!copy) {
    return network.catch(offlinePage);
  }
  const slow = new Promise(function (resolve) { setTimeout(resolve, CONFIG.wait, null); });
  const first = await Promise.race([network.catch(function () { return null; }), slow]);
  // The server answered (a 404 too), unless it is down (5xx): then the copy is better.
  return first && first.status < 500 ? first : copy;
}

/* A static file's name holds a hash of its content, so a kept copy never goes stale. Offline,
   a page saved before a deploy asks for the old name: the same file's current copy will do. */
async function staticFile(request, url) {
  const precache = await caches.open(PRECACHE);
  const found = await precache.match(request);
  if (found) return found;
  try {
    return await fetch(request);
  } catch (error) {
    const plain = url.pathname.replace(HASHED, "$1");
    for (const key of await precache.keys()) {
      if (new URL(key.url).pathname.replace(HASHED, "$1") === plain) return precache.match(key);
    }
    throw error;
  }
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(PRECACHE).then(function (cache) {
      // Without cookies: the copies kept are the ones every reader gets, never a staff one.
      // Pages are checked with the server; a static file's name changes with its content, so
      // the copy the page itself just downloaded will do.
      return cache.addAll(CONFIG.precache.map(function (address) {
        const fixed = address.startsWith(CONFIG.static);
        return new Request(address, {cache: fixed ? "default" : "no-cache", credentials: "omit"});
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  // Each version has its own precache: the older ones go. The read pages stay.
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name !== PRECACHE && name !== CONFIG.pages;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || isNever(url.pathname)) {
    return;  // the browser's own way: the staff pages never come from, nor go into, a cache here
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(staticFile(request, url));
  }
});
