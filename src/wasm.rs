//! WebAssembly bindings for the page (`www/`): `extract`, `extractJson`, `version`; with the
//! `compare` feature (the page's second module, loaded for 对比 and 批量) also `compareJson`,
//! `tableRowJson` and `metricColumnsJson`.
//!
//! ```js
//! import init, { extract } from "./pkg/zhibiao.js";
//! await init();
//! const r = extract("公布市级行政许可事项238项。");
//! r.indicators[0].text === "238项";       // and text.slice(start, end) gives the same
//! ```
//!
//! The result is exactly the object the CLI prints with `--format json` ([`Output`]): camelCase
//! keys, `null` for absent values (except an indicator's `valueMax`, `approx`, `change` and
//! `metricId`, which most indicators lack and which are left out then), spans in UTF-16 code
//! units.
//!
//! Why one JSON string: it crosses into JavaScript as one string parsed by the engine's
//! `JSON.parse`, which builds the object graph far faster than wasm-bindgen calls can build it
//! one value at a time. Measured in headless Chromium on 1 MiB of real reports (392,597
//! characters, 9,614 items; best of 15): core alone 19.6 ms, core + JSON 34.8 ms, core +
//! serde-wasm-bindgen 44.6 ms; on 3 MiB 57.5 / 104.6 / 138.4 ms. So JSON it is, and
//! serde-wasm-bindgen is not a dependency. The JSON was then made smaller (no section titles
//! repeated on every indicator, four mostly-null fields left out: 1.03 MB -> 0.61 MB for the
//! 1 MB of `bench/node`), which also made `JSON.parse` of it 5.8 -> 3.4 ms in Node.
//!
//! serde_json writes the string from the derived DTOs ([`Output::to_json`]). A hand-written
//! writer did it 1–2 ms per MB faster (in Node, minimum CPU time over 61 runs, DTOs + JSON took
//! 1.1 ms against 3.2 ms with serde_json), but was ~430 lines kept in step with the DTOs by hand;
//! the same bytes now cost a few per cent of a call. What remains after the core is mostly the
//! engine's: making a string of the returned UTF-16 (~0.7–1 ms) and `JSON.parse`. Nothing here can fail
//! except a malformed options object or a text that is not a string, which throw an `Error`
//! saying what is wrong (the snippet's `checkOptions` and `unitsIn`).

use wasm_bindgen::prelude::*;

/// The page's allocator: talc, not the standard library's dlmalloc (Cargo.toml says why: ~2.9 KB
/// smaller gzipped, as fast, same peak memory). Single-threaded WebAssembly only (no atomics).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use crate::output::Output;

#[wasm_bindgen(unchecked_return_type = "Extraction")]
pub fn extract(
    text: js_sys::JsString,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtractOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    parse(&json_string(text, options)?)
        .map_err(|_| JsError::new("zhibiao.extract: internal JSON error").into())
}

/// The JSON of `text` as a JavaScript string, for both bindings (one copy of the pipeline in
/// the module, not one inlined into each): serde_json's output as UTF-16 ([`Output::to_json_utf16`]),
/// which the engine copies into a string ([`utf16_string`]) in half the time it decodes the
/// same JSON from UTF-8. The options and the text are checked by the snippet
/// ([`check_options`], [`units_in`]), which throws an `Error` naming what is wrong.
#[inline(never)]
fn json_string(
    text: js_sys::JsString,
    options: Option<JsValue>,
) -> Result<js_sys::JsString, JsValue> {
    if let Some(options) = options {
        check_options(&options)?;
    }
    let text = text_of(&text)?;
    let x = crate::extract(&text);
    Ok(utf16_string(&Output::new(&text, &x).to_json_utf16()))
}

/// The text as UTF-8, made by the module from the string's UTF-16 units, which the engine
/// copies into its memory ([`copy_units`]). An unpaired surrogate becomes U+FFFD, one unit, so
/// the spans' UTF-16 offsets are the text's (as with `encodeInto`, wasm-bindgen's way in for a
/// `&str`).
///
/// Why: `encodeInto` (V8's `String::WriteUtf8`) took 0.555 ms of a call on bench/node's 1 MB;
/// Node's `Buffer` copies the units in 0.027 ms and [`crate::utf16::to_string`] makes the UTF-8
/// in ~0.25 ms (docs/perf.md, session 15). Browsers have no such copy: a `charCodeAt` loop.
#[inline(never)]
fn text_of(text: &js_sys::JsString) -> Result<String, JsValue> {
    let mut units = vec![0u16; units_in(text)? as usize];
    copy_units(text, &mut units);
    Ok(crate::utf16::to_string(&units))
}

// The engine makes the string from the JSON's UTF-16 in place (a view of the module's memory: a
// returned `String` would be decoded from UTF-8, twice as slow), and its own parser reads it.
//
// Which of the engine's functions makes the string (the snippet below, shipped beside the module
// as `snippets/*/inline0.js`): browsers' `TextDecoder("utf-16le")` copies the units, but Node's
// converts them through ICU, ~11 x86 instructions a unit (5.9 M a call on bench/node's 1 MB);
// Node's `Buffer` copies them (`toString("utf16le")`): 151.7 -> 145.7 M x86 instructions a
// call, 16.25 -> 15.80 ms CPU alternated, +19 B gz (docs/perf.md, session 14). Where there is
// no `Buffer` (browsers, their workers) it is `TextDecoder`, made once, not once a call.
#[wasm_bindgen(inline_js = r#"
const buffer = typeof Buffer === "function" && typeof Buffer.from === "function" ? Buffer : null;
const decoder = buffer ? null : new TextDecoder("utf-16le");
export function checkOptions(options) {
  const keys = typeof options === "object" && !Array.isArray(options) ? Object.keys(options) : null;
  const why = !keys
    ? "expected an object such as {}"
    : keys.length ? `unknown field \`${keys[0]}\`, there are no fields` : "";
  if (why) throw new Error(`zhibiao.extract: invalid options: ${why}`);
}
export function unitsIn(text) {
  if (typeof text !== "string") throw new Error("zhibiao.extract: the text must be a string");
  return text.length;
}
export function copyUnits(text, units) {
  if (buffer) buffer.from(units.buffer, units.byteOffset, units.byteLength).write(text, "utf16le");
  else for (let i = 0; i < units.length; i++) units[i] = text.charCodeAt(i);
}
export function utf16String(units) {
  return buffer
    ? buffer.from(units.buffer, units.byteOffset, units.byteLength).toString("utf16le")
    : decoder.decode(units);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = utf16String)]
    fn utf16_string(units: &[u16]) -> js_sys::JsString;
    #[wasm_bindgen(js_name = checkOptions, catch)]
    fn check_options(options: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = unitsIn, catch)]
    fn units_in(text: &js_sys::JsString) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = copyUnits)]
    fn copy_units(text: &js_sys::JsString, units: &mut [u16]);
}

/// The same result as one JSON string (exactly the CLI's `--format json`). The page's Web Worker
/// posts this string: one string crosses threads much faster than a large object graph.
#[wasm_bindgen(js_name = extractJson)]
pub fn extract_json(
    text: js_sys::JsString,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtractOptions")] options: Option<JsValue>,
) -> Result<js_sys::JsString, JsValue> {
    json_string(text, options)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, catch)]
    fn parse(json: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// The crate's version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Compares two reports: the JSON string of `zhibiao compare --format json` (with `file` null),
/// see [`crate::compare_out`]: `pairs` of figures measuring the same thing with their change,
/// `onlyOld`/`onlyNew`, the `carriedOver` passages (UTF-16 offsets into both texts) and
/// `carriedOverShare`. For the page's 对比 mode.
#[cfg(feature = "compare")]
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(old_text: &str, new_text: &str) -> String {
    crate::compare_out::compare_json(old_text, new_text)
}

/// One report's row of the 批量 table, as JSON ([`crate::table::Row`]: file, title, issuer,
/// reportYear, genre, published, deadline, parts, figures, and `metrics`: per canonical metric
/// the first figure's value, unit and text with the count). The page calls it once per file (in
/// its Worker, with progress between calls) and orders the metric columns by
/// [`metric_columns_json`].
#[cfg(feature = "compare")]
#[wasm_bindgen(js_name = tableRowJson)]
pub fn table_row_json(file: &str, text: &str) -> String {
    let x = crate::extract(text);
    crate::table::row(file, text, &x).to_json()
}

/// The canonical metrics in taxonomy order, as JSON: `[{"metricId": …, "name": …}, …]` (the
/// table's columns are those some row has, in this order).
#[cfg(feature = "compare")]
#[wasm_bindgen(js_name = metricColumnsJson)]
pub fn metric_columns_json() -> String {
    crate::table::Table::all_columns_json()
}

/// The output object's TypeScript types, kept beside its DTOs (`src/output.d.ts`, checked
/// against them by a unit test there); emitted into `zhibiao.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = crate::output::TYPESCRIPT;
