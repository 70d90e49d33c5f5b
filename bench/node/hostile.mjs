// The hostile inputs of issue 6 through the built WebAssembly module (www/pkg), each at n and
// 4n: no trap or exception, and the time per byte stays flat (linear cost). Prints a table.
//
//   scripts/build-web && (cd bench/node && node hostile.mjs)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = process.env.ZHIBIAO_PKG
  ? path.resolve(process.env.ZHIBIAO_PKG)
  : path.resolve(here, "../../www/pkg");
const { default: init, extract } = await import(path.join(pkg, "zhibiao.js"));
await init({ module_or_path: fs.readFileSync(path.join(pkg, "zhibiao_bg.wasm")) });

const SENTENCE = "公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。";
const cases = {
  "ASCII digits": (n) => "7".repeat(n),
  "full-width digits": (n) => "７".repeat(n),
  "digits + 万元": (n) => "1" + "0".repeat(n) + "万元",
  "heading lines": (n) =>
    Array.from({ length: n / 10 }, (_, i) => ["一、", "（一）", "1.", "(1)"][i % 4] + "深化改革\n").join(""),
  "Chinese numerals": (n) => "一二三四五六七八九十百千万亿零两".repeat(n / 16),
  "unclosed 《": (n) => "《".repeat(n),
  "nested parentheses": (n) => "(".repeat(n / 2) + "一" + ")".repeat(n / 2),
  "NUL": (n) => "\0".repeat(n),
  "emoji + Ext-B": (n) => "😀𠀀".repeat(n / 4),
  "lone surrogates": (n) => "\uD800a\uDC00".repeat(n / 3),
  "CR only": (n) => (SENTENCE + "\r").repeat(n / 30),
};
const n = 250_000;
let failed = 0;
console.log("input".padEnd(20), "n ms".padStart(8), "4n ms".padStart(8), "ratio".padStart(6), " sentence after it");
for (const [name, make] of Object.entries(cases)) {
  const ms = [];
  let ok = true;
  for (const size of [n, 4 * n]) {
    const text = make(size) + "\n" + SENTENCE;
    const t0 = performance.now();
    let r;
    try {
      r = extract(text);
    } catch (e) {
      ok = false;
      console.log(`${name}: threw ${e}`);
      break;
    }
    ms.push(performance.now() - t0);
    const tail = r.indicators.filter((i) => i.start >= text.length - SENTENCE.length).map((i) => i.text);
    ok &&= tail.join(" ") === "238项 4.6万件 98.7%";
    ok &&= r.indicators.every((i) => text.slice(i.start, i.end) === i.text);
  }
  if (!ok) failed++;
  const ratio = ms.length === 2 ? (ms[1] / ms[0]).toFixed(1) : "-";
  console.log(name.padEnd(20), (ms[0] ?? 0).toFixed(1).padStart(8), (ms[1] ?? 0).toFixed(1).padStart(8), ratio.padStart(6), ok ? " ok" : " FAILED");
}
console.log(failed ? `${failed} failed` : "all ok (a ratio near 4 is linear)");
process.exit(failed ? 1 : 0);
