// The legend: one button per kind of highlight, with its count; a click hides or shows that kind
// in the view (a class `off-KEY` on the view: style.css does the rest). The hidden kinds are
// `state.hidden` and survive a reload (storage.js).
import { LEGEND, fmt } from "./report.js";
import { loadHidden, saveHidden } from "./storage.js";

/** Whether a highlight is shown, given the hidden legend keys. */
export function isShown(mark, hidden) {
  const k = mark.dataset.kind;
  return k === "indicator" ? !hidden.has(mark.dataset.sub) : !hidden.has(k);
}

/** The legend in list `ul`, toggling classes of `view`; `state.hidden` is restored from storage. */
export function createLegend(ul, view, state) {
  for (const key of loadHidden(LEGEND.map((l) => l.key))) {
    state.hidden.add(key);
    view.classList.add(`off-${key}`);
  }

  function render(r) {
    const items = LEGEND.map((entry) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "chip";
      b.dataset.key = entry.key;
      b.title = `${entry.title}（点击显示/隐藏）`;
      b.setAttribute("aria-pressed", String(!state.hidden.has(entry.key)));
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.dataset.key = entry.key;
      const label = document.createElement("span");
      label.textContent = entry.label;
      const n = document.createElement("span");
      n.className = "n";
      n.textContent = fmt(entry.count(r));
      b.append(sw, label, n);
      b.addEventListener("click", () => toggle(entry.key));
      li.append(b);
      return li;
    });
    ul.replaceChildren(...items);
  }

  function toggle(key) {
    const { hidden } = state;
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    saveHidden(hidden);
    view.classList.toggle(`off-${key}`, hidden.has(key));
    const b = ul.querySelector(`.chip[data-key="${key}"]`);
    if (b) b.setAttribute("aria-pressed", String(!hidden.has(key)));
  }

  return { render, toggle };
}
