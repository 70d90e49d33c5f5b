// The indicator table: one row per indicator (text, metric, value, unit, approx, change,
// section), sortable by any column, filtered by a search box, the first 200 rows until asked for
// all; a row (or its text button) jumps to the indicator in the view. What it shows comes from
// report.js's `tableRows` and `tableCells`, so exports see the same rows in the same order.
import { afterNextFrame, button, oneTabStop, roving } from "./dom.js";
import { tableCells, tableRows } from "./report.js";

const ROWS_PER_FRAME = 50;
const FIRST_ROWS = 200;

/**
 * The table in elements `els`: { table, count, more, filter }. `state.table` is its view:
 * { col, dir, filter, limit }; `state.current` the result it shows. `jumpToIndicator(i)` is
 * called for a click on row i.
 */
export function createTable(els, state, { jumpToIndicator }) {
  const tbody = els.table.tBodies[0];
  const view = state.table;
  let fill = 0;

  /** The rows as currently filtered and sorted: [{ x, i }]. */
  const rows = () => tableRows(state.current && state.current.result, view);

  function row({ x, i }) {
    const tr = document.createElement("tr");
    tr.dataset.i = i;
    const cells = tableCells(x, state.current.result);
    cells[0] = button(x.text, () => jumpToIndicator(i));
    cells.forEach((c, k) => {
      const td = document.createElement("td");
      if (k === 2) td.className = "num";
      td.append(c);
      tr.appendChild(td);
    });
    return tr;
  }

  /** Fills the table. `progressive` (after a paste) puts ROWS_PER_FRAME rows in per frame: 200
   * rows at once make a frame of tens of ms. Resolves once every row is in, or a newer fill took
   * over. */
  async function render(progressive = false) {
    const mine = ++fill;
    const all = rows();
    const shown = all.slice(0, view.limit);
    const step = progressive ? ROWS_PER_FRAME : Infinity;
    tbody.replaceChildren(...shown.slice(0, step).map(row));
    oneTabStop(tbody, "button");
    const total = state.current ? state.current.result.indicators.length : 0;
    els.count.textContent = total ? (all.length === total ? `（${total} 个）` : `（筛选出 ${all.length} / ${total} 个）`) : "";
    if (all.length > shown.length) {
      els.more.hidden = false;
      els.more.replaceChildren(
        `仅显示前 ${shown.length} 行；复制与下载包含全部 ${all.length} 行。`,
        button("显示全部", () => {
          view.limit = Infinity;
          render();
        }),
      );
    } else els.more.hidden = true;
    for (const th of els.table.querySelectorAll("th")) {
      th.setAttribute("aria-sort", th.dataset.col === view.col ? (view.dir > 0 ? "ascending" : "descending") : "none");
    }
    for (let k = step; k < shown.length; k += step) {
      await afterNextFrame();
      if (mine !== fill) return;
      tbody.append(...shown.slice(k, k + step).map(row));
      oneTabStop(tbody, "button");
    }
  }

  /** A new text: back to the first rows. */
  function reset() {
    view.limit = FIRST_ROWS;
  }

  roving(tbody, "button");
  tbody.addEventListener("click", (e) => {
    const tr = e.target.closest("tr");
    if (tr && !e.target.closest("button")) jumpToIndicator(Number(tr.dataset.i));
  });
  for (const th of els.table.querySelectorAll("th")) {
    th.querySelector("button").addEventListener("click", () => {
      if (view.col === th.dataset.col) view.dir = -view.dir;
      else {
        view.col = th.dataset.col;
        view.dir = 1;
      }
      render();
    });
  }
  let filterTimer = 0;
  els.filter.addEventListener("input", (e) => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      view.filter = e.target.value;
      render();
    }, 120);
  });

  return { render, rows, reset };
}
