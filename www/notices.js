// Warnings that stay: each is shown until the user dismisses it (×) or the page replaces it
// with a newer warning of the same key (a file refused twice shows one warning). The status line
// (main.js) is for what is transient: an analysis' summary, a copy done.
import { button } from "./dom.js";

/** Warnings in `container` (an element with role="alert"). Returns { warn, dismiss, has }. */
export function createNotices(container) {
  const shown = new Map();

  /** Shows `message` under `key` (replacing a warning of that key). */
  function warn(key, message) {
    dismiss(key);
    const p = document.createElement("p");
    p.className = "notice";
    p.dataset.key = key;
    const text = document.createElement("span");
    text.textContent = message;
    const close = button("×", () => dismiss(key, true));
    close.className = "dismiss";
    close.title = "关闭此提示";
    close.setAttribute("aria-label", "关闭此提示");
    p.append(text, close);
    container.append(p);
    container.hidden = false;
    shown.set(key, p);
  }

  /** Removes the warning `key`, if shown; `byUser`: the focus goes back to the text area's bar. */
  function dismiss(key, byUser = false) {
    const p = shown.get(key);
    if (!p) return;
    const next = byUser && (p.nextElementSibling || p.previousElementSibling);
    p.remove();
    shown.delete(key);
    container.hidden = shown.size === 0;
    if (next) next.querySelector("button").focus();
  }

  return { warn, dismiss, has: (key) => shown.has(key) };
}
