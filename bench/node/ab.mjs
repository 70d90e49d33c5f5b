// Two or more builds of the page's module, alternated in one process on bench.mjs's 1 MB text:
// the CPU ms of `extract` (incl. the JS objects), medians over the rounds. For A/B of a change,
// where two runs of bench.mjs minutes apart differ by more than the change.
//   node ab.mjs PKG_A PKG_B [rounds=31] [--same]
// PKG: a directory holding zhibiao.js and zhibiao_bg.wasm (scripts/build-web's www/pkg, copied).
// --same: also assert that the builds return equal objects (a pure speed change).
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert";

const args = process.argv.slice(2);
const same = args.includes("--same");
const pkgs = args.filter((a) => !/^\d+$/.test(a) && a !== "--same");
const rounds = Number(args.find((a) => /^\d+$/.test(a)) || 31);
const load = async (p) => {
  const m = await import(path.join(path.resolve(p), "zhibiao.js") + "?" + p);
  m.initSync({ module: fs.readFileSync(path.join(p, "zhibiao_bg.wasm")) });
  return m;
};
const shared = process.env.ZHIBIAO_SHARED || path.resolve(import.meta.dirname, "../../../shared");
const dir = path.join(shared, "corpus/public");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
let text = "";
while (Buffer.byteLength(text) < 1 << 20) {
  for (const f of files) {
    text += fs.readFileSync(path.join(dir, f), "utf8") + "\n\n";
    if (Buffer.byteLength(text) >= 1 << 20) break;
  }
}
const mods = [];
for (const p of pkgs) mods.push(await load(p));
if (same) {
  const first = mods[0].extract(text);
  for (const m of mods.slice(1)) assert.deepStrictEqual(m.extract(text), first);
}
const cpu = (f) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
for (let i = 0; i < 15; i++) for (const m of mods) m.extract(text);
const times = mods.map(() => []);
for (let r = 0; r < rounds; r++) {
  // Each round in the other order, so that neither build always runs first.
  for (let j = 0; j < mods.length; j++) {
    const k = r % 2 ? mods.length - 1 - j : j;
    times[k].push(cpu(() => mods[k].extract(text)));
  }
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
pkgs.forEach((p, j) => {
  const t = sorted(times[j]);
  console.log(
    p.padEnd(28),
    "median",
    t[t.length >> 1].toFixed(2),
    "p25",
    t[Math.floor(t.length * 0.25)].toFixed(2),
    "min",
    t[0].toFixed(2),
    "ms CPU",
  );
});
