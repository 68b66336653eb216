// Tonearm's service worker: repeat visits start from its cache, and the app starts offline.
// It only ever keeps the app's own files (an allowlist below): never a service's answers, which
// belong to a session. Runtime folders are versioned, so they are served from the cache first;
// everything else goes to the network first, so a deploy shows on the next load, and the cache
// answers when the network cannot.

// The vendored runtime folders this build uses (tests/unit/test_service_worker.py checks them
// against the lock): on activation, cached files of any other folder are dropped.
const RUNTIME = ["micropython-1.28.0-6", "pyodide-314.0.2", "pyscript-0.7.31"];
const CACHE = "tonearm";
const SCOPE = new URL(self.registration.scope);
const APP_FILES = /^(?:|index\.html|embed\.html|pyscript\.toml|app\.zip|app\.snapshot|widget\.romfs|static\/.+)$/;
const VENDOR = /^static\/vendor\/([^/]+)\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) {
      const folder = VENDOR.exec(appPath(request.url) ?? "")?.[1];
      if (folder && !RUNTIME.includes(folder)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});

// The page lists the files its start used (from its resource timings), so the first visit is
// enough to start offline: those fetched before this worker took control are kept too; and, on
// a start without it, the startup snapshot, for the next. It hears back, on the port it sends,
// which of them are kept.
self.addEventListener("message", (event) => {
  if (!Array.isArray(event.data?.keep)) return;
  event.waitUntil(keep(event.data.keep).then((kept) => event.ports[0]?.postMessage({ kept })));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  const kept = [];
  for (const url of urls) {
    const path = appPath(url);
    if (path === null || !APP_FILES.test(path)) continue;
    if (!(await cache.match(url, { ignoreSearch: true }))) {
      const response = await fetch(url).catch(() => null);
      if (response?.status !== 200) continue;
      await cache.put(withoutSearch(url), response);
    }
    kept.push(url);
  }
  return kept;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const path = appPath(request.url);
  if (request.method !== "GET" || path === null || !APP_FILES.test(path)) return;
  event.respondWith(VENDOR.test(path) ? cacheFirst(request) : networkFirst(request));
});

/** The URL's path below the app's scope, or null for anything outside it. */
function appPath(url) {
  const parsed = new URL(url);
  if (parsed.origin !== SCOPE.origin || !parsed.pathname.startsWith(SCOPE.pathname)) return null;
  return parsed.pathname.slice(SCOPE.pathname.length);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  // Pages differ only by their query (embed.html?u=…): one copy each serves them all offline.
  const options = { ignoreSearch: request.mode === "navigate" };
  try {
    const response = await fetch(request);
    if (response.status === 200 && !sameVersion(await cache.match(request, options), response)) {
      await cache.put(pageKey(request), response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(request, options);
    if (cached) return cached;
    throw offline;
  }
}

/** Storing an unchanged 31 MB snapshot again on every load would cost more than the check. */
function sameVersion(cached, response) {
  const tag = response.headers.get("ETag");
  return Boolean(cached && tag && cached.headers.get("ETag") === tag);
}

function pageKey(request) {
  return request.mode === "navigate" ? withoutSearch(request.url) : request;
}

function withoutSearch(url) {
  const parsed = new URL(url);
  parsed.search = parsed.hash = "";
  return parsed.href;
}
