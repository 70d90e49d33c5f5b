// Offline support: caches every shipped file under a cache named after the build.
//
// main.js registers this file as `sw.js?build=<id>`. pkg/build.json, written by scripts/build-web,
// holds that id (a hash of every shipped file) and the list of those files: this worker caches
// exactly that list, so no hand-kept list can forget a module. A new build has a new id, so the
// browser installs a new worker, which fills a new cache and deletes the old ones when it activates.
const BUILD = new URL(self.location).searchParams.get("build") || "dev";
const CACHE = `zhibiao-${BUILD}`;

/** "./" (the page itself) and every file pkg/build.json lists. */
async function shell() {
  const response = await fetch("pkg/build.json", { cache: "reload" });
  const { files } = await response.json();
  if (!Array.isArray(files) || !files.length) throw new Error("pkg/build.json lists no files: rebuild with scripts/build-web");
  return ["./", ...files];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    shell()
      .then((files) => caches.open(CACHE).then((cache) => cache.addAll(files.map((p) => new Request(p, { cache: "reload" })))))
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
