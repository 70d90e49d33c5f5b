// Offline support: caches every shipped file under a cache named after the build.
//
// main.js registers this file as `sw.js?build=<id>`. pkg/build.json, written by scripts/build-web,
// holds that id (a hash of every shipped file) and the list of those files: this worker caches
// exactly that list, so no hand-kept list can forget a module. A new build has a new id, so the
// browser installs a new worker, which fills a new cache and deletes the old ones when it activates.
const BUILD = new URL(self.location).searchParams.get("build") || "dev";
const CACHE = `zhibiao-${BUILD}`;

const LIST = "pkg/build.json";

/** pkg/build.json's response and content: { build, files, sha256: { file: hex digest } }. */
async function buildList() {
  const response = await fetch(LIST, { cache: "reload" });
  const list = await response.clone().json();
  if (!Array.isArray(list.files) || !list.files.length) throw new Error("pkg/build.json lists no files: rebuild with scripts/build-web");
  return { response, list };
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** `path`'s response for the cache. The page registers this worker once it has loaded the core,
 * so every file it is made of is in the browser's HTTP cache by then: taken from there
 * (`force-cache`), the 350 KB wasm is not downloaded a second time on the first visit. Files are
 * not named after their build, so what the HTTP cache holds may be an older build's: its SHA-256
 * must be the one pkg/build.json lists, else the file is fetched from the network. */
async function fetchChecked(path, want) {
  const cached = want && (await fetch(new Request(path, { cache: "force-cache" })));
  if (cached && cached.ok) {
    const body = await cached.clone().arrayBuffer();
    if (hex(await crypto.subtle.digest("SHA-256", body)) === want) return cached;
  }
  const fresh = await fetch(new Request(path, { cache: "reload" }));
  if (!fresh.ok) throw new Error(`${path}: ${fresh.status}`);
  return fresh;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const { response, list } = await buildList();
      const { files, sha256 = {} } = list;
      // "./" is index.html; build.json is the list just fetched.
      const entries = [["./", sha256["index.html"]], ...files.filter((f) => f !== LIST).map((f) => [f, sha256[f]])];
      const responses = await Promise.all(entries.map(([path, want]) => fetchChecked(path, want)));
      const cache = await caches.open(CACHE);
      await Promise.all([...entries.map(([path], k) => cache.put(path, responses[k])), cache.put(LIST, response)]);
      await self.skipWaiting();
    })(),
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
  if (url.pathname.endsWith(`/${LIST}`)) {
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
