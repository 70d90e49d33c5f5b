// Offline support: caches the app shell and the wasm under a cache named after the build.
//
// main.js registers this file as `sw.js?build=<id>`, where <id> (pkg/build.json, written by
// scripts/build-web) hashes every shipped file. A new build has a new id, so the browser installs
// a new worker, which fills a new cache and deletes the old ones when it activates.
const BUILD = new URL(self.location).searchParams.get("build") || "dev";
const CACHE = `zhibiao-${BUILD}`;
const SHELL = [
  "./",
  "index.html",
  "main.js",
  "worker.js",
  "style.css",
  "sample.txt",
  "pkg/zhibiao.js",
  "pkg/zhibiao_bg.wasm",
  "pkg/build.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((p) => new Request(p, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("zhibiao-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith("/pkg/build.json")) {
    // Network first: this is how the page learns that a new build exists.
    event.respondWith(fetch(event.request).catch(() => caches.match(event.request, { ignoreSearch: true })));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request)),
    ),
  );
});
