// The details of a highlight (what the core found: value, unit, metric, section…), shown next
// to it on hover, on a tap, on keyboard focus and after a jump; hidden when the view or the page
// scrolls it away and by a tap or click elsewhere.
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
  // A tap shows the details too (a touch screen has no hover), and a tap or click anywhere else
  // hides them: on a phone nothing else would (no mouseout after a tap).
  view.addEventListener("click", (e) => {
    const m = e.target.closest("mark");
    if (m && view.contains(m)) show(m);
  });
  document.addEventListener("pointerdown", (e) => {
    if (!tooltip.hidden && !(e.target.closest && e.target.closest("mark")) && !tooltip.contains(e.target)) hide();
  });
  // Scrolling the view or the page hides the details (the tooltip is fixed to the window; it would
  // stay behind), except those of the focused highlight while it stays in view: walking the
  // highlights by keyboard scrolls the view to each (`focusMark`).
  const follow = () => {
    if (tooltip.hidden) return;
    const m = document.activeElement;
    if (m && m.tagName === "MARK" && view.contains(m)) {
      const r = m.getBoundingClientRect();
      const v = view.getBoundingClientRect();
      if (r.bottom > Math.max(v.top, 0) && r.top < Math.min(v.bottom, window.innerHeight)) return show(m);
    }
    hide();
  };
  view.addEventListener("scroll", follow, { passive: true });
  addEventListener("scroll", follow, { passive: true });

  return { show, hide };
}
