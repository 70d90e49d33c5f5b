// Small DOM helpers shared by the page's modules: buttons, keyboard roving, waiting for a frame.

export const $ = (id) => document.getElementById(id);

/** A `<button type=button>` with text (never markup) and a click handler. */
export function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

/** One tab stop for a long list of buttons: ↑/↓ (and Home/End) move between them. */
export function roving(container, selector) {
  container.addEventListener("keydown", (e) => {
    const keys = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...container.querySelectorAll(selector)];
    const at = items.indexOf(document.activeElement);
    if (at < 0) return;
    e.preventDefault();
    const step = keys[e.key];
    const next = Number.isFinite(step) ? Math.min(Math.max(at + step, 0), items.length - 1) : step < 0 ? 0 : items.length - 1;
    items[at].tabIndex = -1;
    items[next].tabIndex = 0;
    items[next].focus();
  });
}

/** Leaves only the first of the buttons in the tab order (see `roving`). */
export function oneTabStop(container, selector) {
  container.querySelectorAll(selector).forEach((b, k) => (b.tabIndex = k === 0 ? 0 : -1));
}

/** Resolves once the browser has rendered a frame of the current document: in the task that
 * follows the next frame's paint. A hidden tab renders no frames: then after 100 ms. */
export function afterNextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark("zhibiao:painted");
        clearTimeout(timer);
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}
