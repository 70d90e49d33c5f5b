// Shared by the end-to-end tests and bench/browser.mjs: a static server for www/ on a free
// loopback port, and Debian's headless Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
export const WWW = join(ROOT, "www");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** Serves www/ on 127.0.0.1 at a free port. Returns { url, close, overrides, hits }: a test may
 * put a path's body in `overrides` (e.g. a new pkg/build.json) to simulate a new build; `hits`
 * lists the path of every request the server answered, in order (what reached the network). */
export async function serve() {
  const overrides = {};
  const hits = [];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      hits.push(path);
      if (path in overrides) {
        res.writeHead(200, { "content-type": TYPES[extname(path)], "cache-control": "no-cache" });
        res.end(overrides[path]);
        return;
      }
      let file = normalize(join(WWW, path));
      if (!file.startsWith(WWW)) throw new Error("outside www");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    overrides,
    hits,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** Debian's Chromium, headless, with its background traffic to the outside switched off. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Sets the textarea's value as a paste would (one input event) and waits until rendered. */
export async function paste(page, text, timeout = 30000) {
  await page.evaluate(() => { document.body.dataset.state = "busy"; });
  await page.fill("#input", text, { timeout });
  await waitDone(page, timeout);
}

export async function waitDone(page, timeout = 30000) {
  await page.waitForFunction(() => document.body.dataset.state === "done", null, { timeout });
}

/** Calls the wasm core in the page itself (main thread): the reference for the DOM. */
export function coreExtract(page, text) {
  return page.evaluate(async (t) => {
    const m = await import("./pkg/zhibiao.js");
    await m.default();
    return m.extract(t);
  }, text);
}

/** A report-like text of at least `bytes` UTF-8 bytes, made of the bundled real reports. */
export async function bigText(bytes) {
  const dir = join(ROOT, "tests/fixtures/corpus");
  const { readdir } = await import("node:fs/promises");
  const names = (await readdir(dir)).filter((n) => n.endsWith(".txt")).sort();
  const parts = await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
  let text = "";
  while (Buffer.byteLength(text) < bytes) text += parts.join("\n");
  return text;
}

/** For a test file: starts the server and Chromium before its tests and closes both after them.
 * The returned object's `server` and `browser` are set once the file's tests run. */
export function useBrowser() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
