// The WebAssembly core as the page gets it (www/pkg, built by scripts/build-web), loaded in node:
// the unit tests apply the page's functions to what the core really returns for report text.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PKG = fileURLToPath(new URL("../../www/pkg/", import.meta.url));
if (!existsSync(`${PKG}zhibiao_bg.wasm`)) throw new Error("www/pkg/ is missing: run scripts/build-web first");
const core = await import(`${PKG}zhibiao.js`);
core.initSync({ module: readFileSync(`${PKG}zhibiao_bg.wasm`) });
// The 对比 and 批量 modes' functions are in the second module (scripts/build-web), as in the worker.
const full = await import(`${PKG}zhibiao_compare.js`);
full.initSync({ module: readFileSync(`${PKG}zhibiao_compare_bg.wasm`) });

/** The page's input for `text`: the result as the worker sends it (`extractJson`), parsed. */
export const extract = (text) => JSON.parse(core.extractJson(text));
/** The 对比 mode's input: `compareJson(old, new)`, parsed. */
export const compare = (oldText, newText) => JSON.parse(full.compareJson(oldText, newText));
/** The 批量 mode's input: a row per file (`tableRowJson`) and the metric columns. */
export const tableRow = (file, text) => JSON.parse(full.tableRowJson(file, text));
export const metricColumns = () => JSON.parse(full.metricColumnsJson());
