// The page's three modes, chosen by links in the header (so the URL says which: #compare,
// #batch; anything else is the 标注 mode) and kept in `document.body.dataset.mode`, which
// modes.css uses to show one mode's sections:
//   标注 (annotate)  one report highlighted: the page's original sections (main.js)
//   对比 (compare)   two reports side by side (compare.js)
//   批量 (batch)     many reports in one table (batch.js)
// A file dropped anywhere on the page goes to the mode shown: `drop(event)` says whether a mode
// other than 标注 took it.
import { $ } from "./dom.js";
import { createBatch } from "./batch.js";
import { createCompare } from "./compare.js";

const HASH = { "#compare": "compare", "#batch": "batch", "#annotate": "annotate", "": "annotate" };

/** `core`: worker-client.js's `extract`; `openReport(file)`: opens a file in the 标注 mode
 * (main.js). */
export function createModes({ core, openReport }) {
  const compare = createCompare($("compare-area"), { core });
  const batch = createBatch($("batch-area"), {
    core,
    openReport(file) {
      location.hash = "#annotate";
      openReport(file);
    },
  });
  const links = [...document.querySelectorAll("#modes a")];

  function show(mode, focus = false) {
    document.body.dataset.mode = mode;
    for (const a of links) {
      if (a.hash === `#${mode}` || (mode === "annotate" && a.hash === "#annotate")) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    $("compare-area").hidden = mode !== "compare";
    $("batch-area").hidden = mode !== "batch";
    if (focus) (mode === "compare" ? compare : mode === "batch" ? batch : { focus: () => $("input").focus() }).focus();
  }
  // Other in-page links (#view, the skip link) leave the mode as it is.
  addEventListener("hashchange", () => location.hash in HASH && show(HASH[location.hash], true));
  show(HASH[location.hash] || "annotate");

  return {
    compare,
    batch,
    /** A drop on the page: handled here in the 对比 and 批量 modes (returns true). */
    drop(e) {
      const mode = document.body.dataset.mode;
      const files = e.dataTransfer && e.dataTransfer.files;
      if (mode === "annotate" || !files || !files.length) return false;
      e.preventDefault();
      (mode === "compare" ? compare : batch).drop([...files], e.target);
      return true;
    },
  };
}
