// The side panel: the document's facts (title, year, signature, metadata), its outline (the
// headings as a tree of buttons that jump to them), the five statutory parts (for the genre they
// apply to), the deadline check (with the source web page's date when there is one) and the
// core's warnings. Each part is a function of the result, rendered into its own element.
import { button, oneTabStop, roving } from "./dom.js";
import { DEADLINE_NA, PARTS_NA, PART_STATUS, deadlineText, deadlineWith, docInfo, isolated, outlineGroups, partsMode } from "./report.js";

/**
 * The panel in elements `els`: { info, outline, partsHeading, parts, deadline, warnings }.
 * `state.current` gives the marks to jump to, `state.source` the web page the text came from;
 * `focusMark(mark, flash)` and `jumpToRange(start, end)` are the view's.
 */
export function createOutline(els, state, { focusMark, jumpToRange }) {
  roving(els.outline, "button");
  const hasText = () => Boolean(state.current && state.current.text);

  function renderInfo(r) {
    els.info.replaceChildren(
      ...docInfo(r).map(([k, v]) => {
        const p = document.createElement("p");
        const b = document.createElement("b");
        b.textContent = `${k}：`;
        p.append(b, v);
        return p;
      }),
    );
  }

  function renderHeadings(r) {
    const nav = els.outline;
    if (!r.headings.length) {
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = hasText() ? "未识别到标题层级。" : "尚无标题层级。";
      nav.replaceChildren(p);
      return;
    }
    const jump = (i) => () => state.current.marks.heading[i] && focusMark(state.current.marks.heading[i], true);
    const build = (indices) => {
      const ol = document.createElement("ol");
      for (const i of indices) {
        const h = r.headings[i];
        const li = document.createElement("li");
        li.append(button(`${h.marker}${h.title}`, jump(i)));
        const kids = (h.children || []).filter((c) => c > i && c < r.headings.length);
        if (kids.length) li.append(build(kids));
        ol.append(li);
      }
      return ol;
    };
    // Top-level entries in groups of 50, each group one `content-visibility: auto` block: groups
    // off-screen skip layout, and there are few enough of them to be replaced quickly.
    const groups = outlineGroups(r.headings).map(build);
    groups[0].className = "near"; // on screen: rendered at once (see `newChunk` in view.js)
    nav.replaceChildren(...groups);
    oneTabStop(nav, "button");
  }

  function renderParts(r) {
    // Only for the genre the 2019 督察工作规定 applies to (report.js `partsMode`): a 统计公报 or a
    // 政府工作报告 says in one line that the check does not apply; an empty page shows nothing.
    const mode = partsMode(r, hasText());
    els.partsHeading.hidden = mode === "none";
    els.parts.hidden = mode === "none";
    els.parts.dataset.mode = mode;
    if (mode !== "parts") {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = PARTS_NA;
      els.parts.replaceChildren(...(mode === "na" ? [li] : []));
      return;
    }
    els.parts.replaceChildren(
      ...r.parts.map((p) => {
        const li = document.createElement("li");
        li.dataset.status = p.status;
        const [icon, label] = PART_STATUS[p.status] || ["?", p.status];
        const ic = document.createElement("span");
        ic.className = "icon";
        ic.setAttribute("aria-hidden", "true");
        ic.textContent = icon;
        const name = p.start !== null && p.end !== null ? button(p.name, () => jumpToRange(p.start, p.end)) : document.createTextNode(p.name);
        const st = document.createElement("span");
        st.className = "st";
        st.textContent = label;
        li.append(ic, name, st);
        return li;
      }),
    );
  }

  function renderDeadline(r) {
    const dl = els.deadline;
    dl.replaceChildren();
    const d = deadlineWith(r, state.source && state.source.date);
    // Another genre: one line says that the rule is not its own (as for the five parts).
    const na = !d && partsMode(r, hasText()) === "na";
    delete dl.dataset.source;
    dl.dataset.status = d ? d.status : na ? "na" : "";
    if (d) dl.dataset.source = d.source;
    if (d || na) {
      const p = document.createElement("p");
      p.textContent = d ? deadlineText(d) : DEADLINE_NA;
      dl.append(p);
    }
  }

  function renderWarnings(r) {
    els.warnings.replaceChildren(
      ...r.warnings.map((x) => {
        const p = document.createElement("p");
        p.append(button(`第 ${x.line} 行：${isolated(x.message)}`, () => jumpToRange(x.start, x.end)));
        return p;
      }),
    );
  }

  /** Shows everything the panel says about result `r`. */
  function render(r) {
    renderInfo(r);
    renderHeadings(r);
    renderParts(r);
    renderDeadline(r);
    renderWarnings(r);
  }

  return { render };
}
