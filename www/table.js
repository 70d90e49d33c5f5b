// The indicator table: one row per indicator (text, metric, value, unit, approx, change,
// section), sortable by any column, filtered by a search box; a row (or its text button) jumps to
// the indicator in the view. What it shows comes from report.js's `tableRows` and `tableCells`,
// so exports see the same rows in the same order.
//
// Virtualised: every row has the same height (one line a cell, or one card on a phone; see
// style.css), and only the rows in and near the table's scrolled box are in the DOM, between two
// spacer rows as tall as the rows they stand for. So sorting or filtering 10,000 rows rebuilds a
// few dozen rows, not 10,000 (`node bench/table.mjs`). For printing, every row is put in.
import { button } from "./dom.js";
import { tableCells, tableRows } from "./report.js";

const COLS = ["text", "metric", "value", "unit", "approx", "change", "section"];
const OVERSCAN = 12; // rows built above and below the visible ones

/**
 * The table in elements `els`: { table, count, filter }. `state.table` is its view:
 * { col, dir, filter }; `state.current` the result it shows. `jumpToIndicator(i)` is called for a
 * click on row i.
 */
export function createTable(els, state, { jumpToIndicator }) {
  const table = els.table;
  const tbody = table.tBodies[0];
  const wrap = table.parentElement; // the scrolled box
  const view = state.table;
  /** The rows as currently filtered and sorted: [{ x, i }]. */
  const rows = () => tableRows(state.current && state.current.result, view);
  let all = [];
  let rowHeight = 0;
  let printing = false;
  let current = 0; // the position of the row whose button is the table's one tab stop
  const built = new Map(); // position → <tr>, for the rows in the DOM
  const spacer = () => {
    const tr = document.createElement("tr");
    tr.className = "spacer";
    tr.setAttribute("aria-hidden", "true");
    const td = document.createElement("td");
    td.colSpan = COLS.length;
    tr.append(td);
    return tr;
  };
  const above = spacer();
  const below = spacer();

  function row(pos) {
    const { x, i } = all[pos];
    const tr = document.createElement("tr");
    tr.dataset.i = i;
    tr.setAttribute("aria-rowindex", pos + 2);
    const cells = tableCells(x, state.current.result);
    cells.forEach((c, k) => {
      const td = document.createElement("td");
      td.className = `c-${COLS[k]}`;
      if (k === 0) {
        const b = button(x.text, () => jumpToIndicator(i));
        b.tabIndex = pos === current ? 0 : -1;
        td.append(b);
      } else td.textContent = c;
      if (c) td.title = c; // a cell is one line: the whole of it on hover
      tr.append(td);
    });
    return tr;
  }

  /** Puts the rows in and near the visible part of the box in the DOM (all of them to print). */
  function paint() {
    const n = all.length;
    if (!n) return tbody.replaceChildren();
    if (!rowHeight) {
      const probe = row(0);
      tbody.replaceChildren(probe);
      rowHeight = probe.getBoundingClientRect().height || 30;
      built.set(0, probe);
    }
    let start = 0;
    let end = n;
    if (!printing) {
      const top = tbody.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
      start = Math.min(n, Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN));
      end = Math.min(n, Math.max(start, Math.ceil((wrap.clientHeight - top) / rowHeight)) + OVERSCAN);
    }
    const focused = tbody.contains(document.activeElement) ? document.activeElement : null;
    for (const [pos, tr] of built) if (pos < start || pos >= end) built.delete(pos);
    const trs = [];
    for (let pos = start; pos < end; pos++) {
      if (!built.has(pos)) built.set(pos, row(pos));
      trs.push(built.get(pos));
    }
    above.firstChild.style.height = `${start * rowHeight}px`;
    below.firstChild.style.height = `${(n - end) * rowHeight}px`;
    tbody.replaceChildren(...(start ? [above] : []), ...trs, ...(end < n ? [below] : []));
    if (focused && tbody.contains(focused)) focused.focus({ preventScroll: true });
  }

  /** Shows the current rows (after a new result, a sort or a filter), from the top. */
  function render() {
    performance.mark("zhibiao:table");
    all = rows();
    built.clear();
    current = 0;
    if (wrap.scrollTop) wrap.scrollTop = 0;
    const total = state.current ? state.current.result.indicators.length : 0;
    els.count.textContent = total ? (all.length === total ? `（${total} 个）` : `（筛选出 ${all.length} / ${total} 个）`) : "";
    table.setAttribute("aria-rowcount", all.length + 1);
    for (const th of table.querySelectorAll("th")) {
      th.setAttribute("aria-sort", th.dataset.col === view.col ? (view.dir > 0 ? "ascending" : "descending") : "none");
    }
    paint();
  }

  /** A new text: the table starts again at its top. */
  function reset() {
    wrap.scrollTop = 0;
  }

  /** Moves the tab stop to row `pos`, scrolled into the box, and focuses its button. */
  function focusRow(pos) {
    pos = Math.max(0, Math.min(all.length - 1, pos));
    const old = built.get(current);
    if (old) old.querySelector("button").tabIndex = -1;
    current = pos;
    // The row's top in the box's scrolled content, and the sticky header that covers the box's top.
    const top = wrap.scrollTop + tbody.getBoundingClientRect().top - wrap.getBoundingClientRect().top - wrap.clientTop + pos * rowHeight;
    const head = getComputedStyle(table.tHead.rows[0].cells[0]).position === "sticky" ? table.tHead.getBoundingClientRect().height : 0;
    if (top - head < wrap.scrollTop) wrap.scrollTop = top - head;
    else if (top + rowHeight > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = top + rowHeight - wrap.clientHeight;
    paint();
    const b = built.get(pos).querySelector("button");
    b.tabIndex = 0;
    b.focus();
  }

  tbody.addEventListener("keydown", (e) => {
    const keys = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity };
    const tr = e.target.closest("tr");
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey || !tr) return;
    e.preventDefault();
    const pos = Number(tr.getAttribute("aria-rowindex")) - 2;
    focusRow(Number.isFinite(keys[e.key]) ? pos + keys[e.key] : keys[e.key] < 0 ? 0 : all.length - 1);
  });
  tbody.addEventListener("click", (e) => {
    const tr = e.target.closest("tr");
    if (tr && tr.dataset.i && !e.target.closest("button")) jumpToIndicator(Number(tr.dataset.i));
  });
  let frame = 0;
  const repaint = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), paint()));
  };
  wrap.addEventListener("scroll", repaint, { passive: true });
  // Another layout (a phone turned, the cards' breakpoint crossed): rows have another height.
  addEventListener("resize", () => {
    rowHeight = 0;
    built.clear();
    repaint();
  });
  addEventListener("beforeprint", () => {
    printing = true;
    paint();
  });
  addEventListener("afterprint", () => {
    printing = false;
    paint();
  });
  for (const th of table.querySelectorAll("th")) {
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
    }, 60);
  });

  return { render, rows, reset };
}
