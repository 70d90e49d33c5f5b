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
// A string's UTF-16 code units (by index: iterating a string goes by code points).
const unitsOf = (s) => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
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
  const units = unitsOf(json);
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

// The text crosses into the module as its UTF-16 units (the snippet's copyUnits: Node's Buffer,
// else a charCodeAt loop), and the module makes the UTF-8 itself (src/utf16.rs: sixteen units at
// a time with simd128, which `cargo test` does not build). What the module read must be the
// text: every span's text is the text's own slice, on real reports and on citations made of
// random runs across the encoder's edges (ASCII, two bytes, three, pairs, unpaired surrogates).
test("the text the module reads is the text: real reports, random units, unpaired surrogates", async () => {
  const core = await import(join(PKG, "zhibiao.js"));
  core.initSync({ module: readFileSync(join(PKG, "zhibiao_bg.wasm")) });
  const dir = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
  const reports = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(dir, f), "utf8"));
  assert.ok(reports.length >= 5);
  let seed = 0x5eed0016;
  const next = (n) => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) % n);
  const kinds = [
    [0x41, 0x2c, 0x30, 0x7f], // (no line break: a citation is on one line)
    [0x80, 0xe9, 0x7ff],
    [0x800, 0x4e00, 0x6cd5, 0x9fff, 0xd7ff, 0xe000, 0xff0c, 0xfffd, 0xffff],
    [0xd800, 0xdbff, 0xdc00, 0xdfff],
  ];
  const segment = () => {
    let s = "";
    for (let r = next(4); r >= 0; r--) {
      const kind = kinds[next(kinds.length)];
      for (let k = next(24); k > 0; k--) s += next(5) ? String.fromCharCode(kind[next(kind.length)]) : "😀";
    }
    return s;
  };
  const segments = Array.from({ length: 300 }, segment);
  const cited = segments.map((s) => `根据《${s}条例》规定。\n`).join("");
  for (const text of [...reports, cited, reports[0].replaceAll("\n", "\r\n") + cited]) {
    const r = core.extract(text);
    const whole = text.toWellFormed(); // the module reads an unpaired surrogate as U+FFFD
    for (const x of [...r.indicators, ...r.citations, ...r.dates]) assert.equal(x.text, whole.slice(x.start, x.end));
    assert.ok(r.indicators.length + r.citations.length > 20);
  }
  const r = core.extract(cited);
  assert.deepEqual(r.citations.map((c) => c.text), segments.map((s) => `《${s}条例》`.toWellFormed()));
  assert.throws(() => core.extract(12345), /zhibiao\.extract: the text must be a string/);
});

// There are no options yet: undefined, null and {} are accepted, anything else throws an Error
// saying what is wrong (the snippet's checkOptions), so that an option a later version will
// have is not silently ignored now.
test("options: none, null and {} are accepted; anything else throws naming what is wrong", async () => {
  const core = await import(join(PKG, "zhibiao.js"));
  core.initSync({ module: readFileSync(join(PKG, "zhibiao_bg.wasm")) });
  const text = "公布市级行政许可事项238项。";
  for (const options of [undefined, null, {}]) {
    assert.equal(core.extract(text, options).indicators[0].text, "238项");
    assert.equal(JSON.parse(core.extractJson(text, options)).indicators[0].text, "238项");
  }
  for (const [options, why] of [
    [{ metrics: false }, "unknown field `metrics`, there are no fields"],
    [[], "expected an object such as {}"],
    ["x", "expected an object such as {}"],
    [1, "expected an object such as {}"],
  ]) {
    for (const f of [core.extract, core.extractJson]) {
      assert.throws(() => f(text, options), (e) => e instanceof Error && e.message === `zhibiao.extract: invalid options: ${why}`);
    }
  }
});

test("the text's units are the same by Buffer (node) and by charCodeAt (browsers)", async () => {
  const [dir] = readdirSync(join(PKG, "snippets"));
  const snippet = join(PKG, "snippets", dir, "inline0.js");
  const viaBuffer = await import(snippet);
  const saved = globalThis.Buffer;
  delete globalThis.Buffer;
  let viaLoop;
  try {
    viaLoop = await import(`${snippet}?no-buffer-units`);
  } finally {
    globalThis.Buffer = saved;
  }
  const text = "一、主要举措\r\n公布事项238项,合格率达98.7%。😀\ud800x";
  const want = unitsOf(text);
  for (const copy of [viaBuffer.copyUnits, viaLoop.copyUnits]) {
    const memory = new Uint16Array(text.length + 8); // a view at an offset, as into the module's memory
    const units = memory.subarray(3, 3 + text.length);
    copy(text, units);
    assert.deepEqual(units, want);
    assert.deepEqual([memory[2], memory[3 + text.length]], [0, 0]);
  }
});
