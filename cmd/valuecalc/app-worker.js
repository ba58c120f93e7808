// valuecalc's service worker: go-app's Handler.ServiceWorkerTemplate,
// filled in with the build's version and the resources to cache.
//
// It differs from go-app's default worker where that one fails users
// (see GOAPP-NOTES.md):
// - resources are fetched past the browser's HTTP cache when a new version
//   installs, so a host that sends Cache-Control: max-age cannot hand the new
//   worker the old build;
// - a navigation is answered from the cached page whatever its query
//   (?template=, ?embed=1), so the app opens offline from any link; the
//   embed's from a copy of its own, with its own headers (embedURL);
// - the root of a site under a sub-path ("/tools/valuecalc") is cached as
//   the directory ("/tools/valuecalc/"), which is what browsers navigate to.
const cacheName = "app-" + "{{.Version}}";
const scope = new URL(self.registration.scope);
const resourcesToCache = {{.ResourcesToCache}}.map(asDirectory);
const indexURL = scope.href;
// The embed's page, kept apart from the app's: `valuecalc serve` lets any
// site frame only the embed (frame-ancestors), and a cached response keeps
// its headers, so an embed answered with the app's page would be refused
// to the sites it is embedded in.
const embedURL = indexURL + "?embed=1";

// asDirectory turns the scope's path without its final slash into the
// scope itself.
function asDirectory(resource) {
  const url = new URL(resource, scope);
  if (url.origin === scope.origin && url.pathname + "/" === scope.pathname) {
    return scope.href;
  }
  return url.href;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll([...resourcesToCache, embedURL].map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(cacheName);
  if (request.mode === "navigate") {
    const url = new URL(request.url);
    if (url.origin === scope.origin && (url.pathname === scope.pathname || url.pathname + "/" === scope.pathname ||
        url.pathname === scope.pathname + "index.html")) {
      const page = (url.searchParams.get("embed") === "1" && await cache.match(embedURL)) || await cache.match(indexURL);
      if (page) {
        return page;
      }
    }
  }
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  return fetch(request);
}
