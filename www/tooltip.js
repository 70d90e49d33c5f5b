// The details of a highlight (what the core found: value, unit, metric, section…), shown next
// to it on hover, on keyboard focus and after a jump; hidden when the view scrolls it away.
import { isShown } from "./legend.js";
import { describe } from "./report.js";

/** The tooltip element `tooltip` for the highlights of `view`; `state.current` gives the result
 * the highlights belong to, `state.hidden` the kinds that have no details to show. */
export function createTooltip(tooltip, view, state) {
  function show(mark) {
    const r = state.current && state.current.result;
    const rows = r && describe(r, mark.dataset.kind, Number(mark.dataset.i));
    if (!rows || !rows.length || !isShown(mark, state.hidden)) return hide();
    const dl = document.createElement("dl");
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    const head = document.createElement("div");
    head.className = "tt-text";
    head.textContent = mark.textContent.length > 60 ? mark.textContent.slice(0, 60) + "…" : mark.textContent;
    tooltip.replaceChildren(head, dl);
    tooltip.hidden = false;
    const rect = mark.getBoundingClientRect();
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    let left = Math.min(Math.max(8, rect.left), window.innerWidth - tw - 8);
    let top = rect.bottom + 6;
    if (top + th > window.innerHeight - 8) top = Math.max(8, rect.top - th - 6);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
    mark.setAttribute("aria-describedby", "tooltip");
  }

  function hide() {
    tooltip.hidden = true;
  }

  view.addEventListener("mouseover", (e) => {
    const m = e.target.closest("mark");
    if (m && view.contains(m)) show(m);
  });
  view.addEventListener("mouseout", (e) => {
    if (e.target.closest("mark") && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest("mark"))) {
      if (document.activeElement && document.activeElement.tagName === "MARK") show(document.activeElement);
      else hide();
    }
  });
  view.addEventListener("focusin", (e) => {
    if (e.target.tagName === "MARK") show(e.target);
  });
  view.addEventListener("focusout", () => hide());
  // Scrolling hides the details, except those of the focused highlight while it stays in view:
  // walking the highlights by keyboard scrolls the view to each (`focusMark`).
  view.addEventListener(
    "scroll",
    () => {
      const m = document.activeElement;
      if (m && m.tagName === "MARK" && view.contains(m)) {
        const r = m.getBoundingClientRect();
        const v = view.getBoundingClientRect();
        if (r.bottom > v.top && r.top < v.bottom) return show(m);
      }
      hide();
    },
    { passive: true },
  );

  return { show, hide };
}
