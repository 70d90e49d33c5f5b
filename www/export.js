// The table's exports: TSV to the clipboard (for Excel/WPS), CSV (the same Chinese columns) and
// the core's JSON as downloads. All rows, in the table's order and with its filter; the text of
// each format is written by report.js (`exportIndicators`, one writer for CSV and TSV, every field
// safe for spreadsheets), this module only hands it to the user. Nothing leaves the browser: a
// download is a blob URL. (The CLI's `--format csv` keeps its machine headers: file,start,end,…)
import { exportIndicators, fileName } from "./report.js";

/** Offers `content` as a download named `name`. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Puts `text` on the clipboard (through a selected textarea where the Clipboard API is refused). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
}

/**
 * Wires the export buttons `els`: { copyTsv, csv, json }. `state.current` is the text and result;
 * `rows()` the table's rows ({ x, i }, filtered and sorted); `setStatus(message)` reports a copy.
 */
export function createExport(els, state, { rows, setStatus }) {
  const title = () => state.current && state.current.result.title;
  const write = (format) => {
    const c = state.current;
    if (!c) return exportIndicators(format, { headings: [] }, [], () => 1);
    return exportIndicators(format, c.result, rows(), c.lineOf);
  };

  els.copyTsv.addEventListener("click", async () => {
    const text = write("tsv");
    await copyText(text);
    setStatus(`已复制 ${text.split("\r\n").length - 2} 行，可直接粘贴到 Excel 或 WPS。`);
  });
  els.csv.addEventListener("click", () => download(fileName(title(), "csv"), "text/csv;charset=utf-8", write("csv")));
  els.json.addEventListener("click", () =>
    download(fileName(title(), "json"), "application/json", JSON.stringify(state.current ? state.current.result : {}, null, 2)),
  );
}
