// www/pkg as an npm package (scripts/build-web writes its package.json): another site or a node
// program installs it and imports the core by the package's name, as the README shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PKG = fileURLToPath(new URL("../../www/pkg/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

test("package.json: name, the crate's version, module, types, the files it packs", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const version = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
  assert.equal(pkg.name, "zhibiao");
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.module, "zhibiao.js");
  assert.equal(pkg.types, "zhibiao.d.ts");
  assert.equal(pkg.sideEffects, false);
  for (const f of pkg.files) assert.ok(existsSync(join(PKG, f)), `${f} is built`);
  assert.deepEqual([...pkg.files].sort(), ["snippets/", "zhibiao.d.ts", "zhibiao.js", "zhibiao_bg.wasm", "zhibiao_bg.wasm.d.ts"]);
  assert.match(readFileSync(join(PKG, "zhibiao.d.ts"), "utf8"), /export function extract\(/);
});

test("another program imports it by name and extracts a report", () => {
  const dir = mkdtempSync(join(tmpdir(), "zhibiao-embed-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(PKG, join(dir, "node_modules", "zhibiao"), "dir");
    writeFileSync(
      join(dir, "site.mjs"),
      `import init, { initSync, extract, version } from "zhibiao";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
// In a browser: await init() (the wasm is fetched next to zhibiao.js). In node: initSync.
const wasm = createRequire(import.meta.url).resolve("zhibiao/zhibiao_bg.wasm");
initSync({ module: readFileSync(wasm) });
if (typeof init !== "function") throw new Error("no default export");
const r = extract("一、主要举措和成效\\n公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。");
console.log(JSON.stringify({ version: version(), indicators: r.indicators.map((x) => [x.text, x.value, x.unit]), headings: r.headings.length }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ["site.mjs"], { cwd: dir, encoding: "utf8" }));
    assert.deepEqual(out.indicators, [["238项", 238, "项"], ["4.6万件", 46000, "件"], ["98.7%", 98.7, "%"]]);
    assert.equal(out.headings, 1);
    assert.equal(out.version, JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")).version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The JSON's UTF-16 becomes a string by the snippet src/wasm.rs ships (snippets/*/inline0.js):
// Node's Buffer where there is one, else TextDecoder (browsers; Chromium's e2e tests run that
// path through the page). Both must give the string the module wrote, on a real report's JSON.
test("the JSON's string is the same by Buffer (node) and by TextDecoder (browsers)", async () => {
  const [dir] = readdirSync(join(PKG, "snippets"));
  const snippet = join(PKG, "snippets", dir, "inline0.js");
  const core = await import(join(PKG, "zhibiao.js"));
  core.initSync({ module: readFileSync(join(PKG, "zhibiao_bg.wasm")) });
  const report = readFileSync(new URL("../fixtures/corpus/001_2f779e0289e0123a.txt", import.meta.url), "utf8");
  const json = core.extractJson(report);
  assert.ok(json.length > 10_000 && /[\u4e00-\u9fff]/.test(json), "a long JSON with Chinese names");
  const units = Uint16Array.from(json, (c) => c.charCodeAt(0));
  const viaBuffer = await import(snippet);
  const saved = globalThis.Buffer;
  delete globalThis.Buffer;
  let viaDecoder;
  try {
    viaDecoder = await import(`${snippet}?no-buffer`); // a second instance, loaded without Buffer
  } finally {
    globalThis.Buffer = saved;
  }
  assert.equal(viaBuffer.utf16String(units), json);
  assert.equal(viaDecoder.utf16String(units), json);
  // A view into a larger buffer at an offset, as the module's memory is.
  const memory = new Uint16Array(units.length + 8);
  memory.set(units, 5);
  const view = memory.subarray(5, 5 + units.length);
  assert.equal(viaBuffer.utf16String(view), json);
  assert.equal(viaDecoder.utf16String(view), json);
});
