// Builds elements for the modes' modules (compare.js, batch.js): `el("button", { type: "button",
// onclick }, "文字")`. Children are text (never markup) or elements; props starting with "on" are
// listeners, "dataset" and "aria" objects set data-* and aria-*, anything else is a property or,
// when the element has no such property, an attribute.
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k === "aria") for (const [a, x] of Object.entries(v)) e.setAttribute(`aria-${a}`, String(x));
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
