// valuecalc's service worker: go-app's Handler.ServiceWorkerTemplate,
// filled in with the build's version and the resources to cache.
//
// It differs from go-app's default worker where that one fails users
// (see GOAPP-NOTES.md):
// - a first visit downloads app.wasm once: the page downloads it, and the
//   worker takes the page's copy from the browser's HTTP cache when the
//   page says it has it (the "valuecalc:keep-wasm" message, sent by
//   app/browser once app.wasm runs) rather than downloading it a second
//   time while the page's download is under way. An update, whose pages
//   run the build before, downloads its app.wasm itself. app.wasm's URL names its
//   content (app.wasm?v=HASH, cmd/valuecalc/site.go), so no copy of it
//   can be another build's; the worker checks the HASH all the same, for
//   hosts and caches that ignore the query;
// - the other resources, whose URLs do not change with a build, are asked
//   of the server whenever a version installs (cache mode "no-cache": a
//   304 when the page has just loaded the same file), so a host that sends
//   Cache-Control: max-age cannot hand the new worker the old build;
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
// wasmURL is app.wasm's versioned URL; wasmHash the start of the SHA-256
// of its content, in hex.
const wasmURL = resourcesToCache.find((url) => new URL(url).pathname.endsWith("/web/app.wasm"));
const wasmHash = new URL(wasmURL).searchParams.get("v");
const installed = resourcesToCache.filter((url) => url !== wasmURL);

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
      await cache.addAll([...installed, embedURL].map((url) => new Request(url, { cache: "no-cache" })));
      // An update: the open pages run the build before, and none of them
      // will download this app.wasm. On a first visit the page does, and
      // says when it has it.
      if (self.registration.active) {
        await keepWasm(cache);
      }
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

// A page whose app.wasm runs asks the worker to keep it: every page, so a
// first visit that ended before asking is made good by the next.
self.addEventListener("message", (event) => {
  if (event.data === "valuecalc:keep-wasm") {
    event.waitUntil(caches.open(cacheName).then(keepWasm));
  }
});

// keepWasm puts this version's app.wasm in cache, unless it is there: the
// browser's HTTP cache's copy if it has one, whatever its age ("force-cache":
// the URL names the content), else the server's.
async function keepWasm(cache) {
  if (await cache.match(wasmURL)) {
    return;
  }
  let response = await fetch(wasmURL, { cache: "force-cache" });
  if (!(await isThisWasm(response))) {
    response = await fetch(wasmURL, { cache: "reload" });
    if (!(await isThisWasm(response))) {
      throw new Error(`valuecalc: ${wasmURL} is not this version's app.wasm (status ${response.status})`);
    }
  }
  await cache.put(wasmURL, response);
}

// isThisWasm reports whether response holds this version's app.wasm: a
// host or a cache that ignores the query could send another build's.
async function isThisWasm(response) {
  if (!response.ok) {
    return false;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.startsWith(wasmHash);
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(respond(event.request));
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
