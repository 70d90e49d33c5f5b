// The page's files, checked without a browser: what index.html preloads is exactly what main.js
// imports, and the module of pure helpers touches no DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

const WWW = new URL("../../www/", import.meta.url);
const read = (name) => readFileSync(new URL(name, WWW), "utf8");
const importsOf = (name) => [...read(name).matchAll(/^import\s[^"]*"\.\/([^"]+)"/gm)].map((m) => m[1]);

/** Every module main.js loads, directly or not (the worker's own imports are not the page's). */
function graph(entry) {
  const seen = new Set();
  const visit = (name) => {
    for (const dep of importsOf(name)) if (!seen.has(dep)) seen.add(dep) && visit(dep);
  };
  visit(entry);
  return seen;
}

test("index.html preloads every module main.js imports, and nothing else", () => {
  const preloaded = [...read("index.html").matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual([...preloaded].sort(), [...graph("main.js")].sort());
  assert.equal(new Set(preloaded).size, preloaded.length);
});

test("every page module is used: by main.js, or it is the worker or the service worker", () => {
  const modules = readdirSync(WWW).filter((n) => n.endsWith(".js"));
  const used = new Set([...graph("main.js"), "main.js", "worker.js", "sw.js"]);
  assert.deepEqual(modules.filter((m) => !used.has(m)), []);
  assert.ok(modules.length >= 8, `the page is in modules: ${modules}`);
  assert.ok(read("main.js").split("\n").length <= 300, "main.js only wires the modules");
});

test("report.js has no DOM access and imports nothing", () => {
  const src = read("report.js").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
  assert.deepEqual(importsOf("report.js"), []);
  assert.doesNotMatch(src, /\b(document|window|localStorage|navigator|HTMLElement)\b/);
});
