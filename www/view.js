// The highlighted view: the report's text with a <mark> per item the core found (indicators,
// headings, lists, citations, dates), built in blocks so that a 1 MB report shows its first
// screen at once and never freezes the page; focusing and jumping to highlights; the keyboard
// walk (↓/J, ↑/K, Esc). User text only ever enters the view as text nodes, never as markup.
import { afterNextFrame } from "./dom.js";
import { isShown } from "./legend.js";
import { BIDI_CONTROL, lineIndex, spansOf, splitBidi } from "./report.js";

function makeMark(span, r) {
  const m = document.createElement("mark");
  m.dataset.kind = span.kind;
  m.dataset.i = span.i;
  if (span.kind === "indicator") {
    const x = r.indicators[span.i];
    m.dataset.sub = x.kind;
    if (x.change) m.dataset.change = x.change.direction;
  } else if (span.kind === "heading") {
    m.dataset.level = r.headings[span.i].level;
  }
  return m;
}

const CHUNK = 1000; // characters per content-visibility block: about half a screen of the view
const FIRST_SCREEN = 2000; // the blocks that start before this offset fill the view's first screen
const SLICE_MS = 12; // work per slice before yielding to the browser

/**
 * The view in element `view`. `ctx`: { state, tooltip, onShow }. `state.current` is set here to
 * the text shown: { text, result, marks: { kind: Element[] by index }, all: Element[] in text
 * order, lineOf(offset) }; `state.generation` tells a stale render to stop; `state.hidden` (the
 * legend) which highlights the keyboard walk skips.
 */
export function createView(view, ctx) {
  const { onShow } = ctx;
  /**
   * Shows `text` with its highlights. The blocks of the first screen go into the view at once,
   * with the legend, and the browser shows them (one frame: `afterNextFrame`) before the rest of
   * the view is built, in slices appended as they are done. Returns false when a newer render
   * (a higher `state.generation`) took over. `onShow(previous)` runs when the first screen is in
   * the view and `state.current` is the new text (`previous`: the one it replaced).
   *
   * The first screen's blocks are plain blocks; the others have `content-visibility: auto`. Had
   * they all been in the first frame, Chromium would have laid out every `auto` block up to about
   * one and a half screens away (twice the text shown), and the first screen's `auto` blocks twice:
   * skipped in a first layout pass, found visible, laid out again.
   */
  async function render(text, r, generation) {
    const { state } = ctx;
    const spans = spansOf(r, text.length);
    // Only when the view shows its top: scrolled further (editing a long text, say), everything is
    // built first, so that the view keeps its place.
    const firstScreenFirst = view.scrollTop === 0;
    const marks = { indicator: [], heading: [], list: [], citation: [], date: [] };
    const all = [];
    const head = document.createDocumentFragment(); // the first screen's blocks
    const tail = document.createDocumentFragment(); // the next blocks, until they join the view
    let target = head;
    let chunk = null;
    let chunkStart = 0;
    const newChunk = (at) => {
      if (target === head && at >= FIRST_SCREEN && firstScreenFirst) target = tail;
      chunk = document.createElement("div");
      chunk.className = at < FIRST_SCREEN ? "chunk near" : "chunk";
      target.appendChild(chunk);
      chunkStart = at;
    };
    newChunk(0);
    const stack = []; // open marks: { e, el }
    const parent = () => (stack.length ? stack[stack.length - 1].el : chunk);
    // A bidi control (U+202E…) goes in a span of its own that isolates it (style.css `.bidi`): it
    // cannot reorder the text after it, and shows as a small tag; the text itself is unchanged.
    const put = (to, s) => {
      for (const part of splitBidi(s)) {
        if (!BIDI_CONTROL.test(part)) to.appendChild(document.createTextNode(part));
        else {
          const span = document.createElement("span");
          span.className = "bidi";
          span.dataset.cp = part.codePointAt(0).toString(16).toUpperCase();
          span.title = `隐藏的文字方向控制符 U+${span.dataset.cp}（已隔离，不影响显示）`;
          span.textContent = part;
          to.appendChild(span);
        }
      }
    };
    let pos = 0;
    /** Emits text [pos, to) into the open element, starting new blocks after line breaks. */
    const emit = (to) => {
      while (pos < to) {
        if (!stack.length && pos - chunkStart >= CHUNK) {
          // After a line break; in a huge single line (text pasted without its line breaks), after
          // a 。 instead, so that such a text still gets blocks that can skip layout.
          let cut = text.indexOf("\n", pos);
          if (cut < 0 || cut - chunkStart > 3 * CHUNK) {
            const stop = text.indexOf("。", pos);
            if (stop >= 0 && (cut < 0 || stop < cut)) cut = stop;
          }
          if (cut >= 0 && cut < to) {
            put(chunk, text.slice(pos, cut + 1));
            pos = cut + 1;
            newChunk(pos);
            continue;
          }
        }
        put(parent(), text.slice(pos, to));
        pos = to;
      }
    };
    const close = (upTo) => {
      while (stack.length && stack[stack.length - 1].e <= upTo) {
        emit(stack[stack.length - 1].e);
        stack.pop();
      }
    };
    let shown = false;
    /** Puts the first screen in the view and lets the browser show it. */
    const showFirstScreen = async () => {
      shown = true;
      const previous = state.current;
      if (text) view.replaceChildren(head);
      else view.replaceChildren(); // empty: the view shows its placeholder
      state.current = { text, result: r, marks, all, lineOf: lineIndex(text) }; // lineOf: for exports
      onShow(previous);
      performance.mark("zhibiao:shown");
      await afterNextFrame();
      state.shownAt = performance.now();
      return generation === state.generation;
    };
    let skipped = 0;
    let sliceStart = performance.now();
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k];
      close(sp.s);
      if (stack.length && sp.e > stack[stack.length - 1].e) {
        skipped++; // crosses the end of an enclosing highlight: cannot nest
        continue;
      }
      if (sp.s < pos) {
        skipped++; // starts inside text already emitted (overlaps a sibling)
        continue;
      }
      emit(sp.s);
      const el = makeMark(sp, r);
      parent().appendChild(el);
      stack.push({ e: sp.e, el });
      marks[sp.kind][sp.i] = el;
      all.push(el);
      if (!shown && target === tail) {
        if (!(await showFirstScreen())) return false;
        sliceStart = performance.now();
      } else if ((k & 511) === 511 && performance.now() - sliceStart > SLICE_MS) {
        if (shown) view.appendChild(tail);
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (generation !== state.generation) return false;
        sliceStart = performance.now();
      }
    }
    close(Infinity);
    emit(text.length);
    if (skipped) console.warn(`zhibiao: ${skipped} overlapping highlights not shown`);
    if (!shown && !(await showFirstScreen())) return false;
    view.appendChild(tail);
    return true;
  }

  // Keyboard: ↓/J and ↑/K move between the visible highlights; Esc goes back to the view.
  view.addEventListener("keydown", (e) => {
    const current = ctx.state.current;
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    const forward = e.key === "ArrowDown" || e.key === "j";
    const backward = e.key === "ArrowUp" || e.key === "k";
    if (e.key === "Escape") {
      ctx.tooltip.hide();
      view.focus();
      return;
    }
    if (!forward && !backward) return;
    e.preventDefault();
    const all = current.all;
    const at = document.activeElement && document.activeElement.tagName === "MARK" ? all.indexOf(document.activeElement) : -1;
    for (let k = at + (forward ? 1 : -1); k >= 0 && k < all.length; k += forward ? 1 : -1) {
      if (isShown(all[k], ctx.state.hidden)) return focusMark(all[k]);
    }
  });

  /** Focuses a highlight, scrolled to the upper third of the view; `flash` draws the eye after a
   * jump from the outline or the table. */
  function focusMark(mark, flash = false) {
    mark.tabIndex = -1;
    scrollToRect(() => mark.getBoundingClientRect());
    mark.focus({ preventScroll: true });
    if (flash) {
      mark.classList.remove("flash");
      void mark.offsetWidth; // restart the animation
      mark.classList.add("flash");
    }
    ctx.tooltip.show(mark);
  }

  /**
   * Scrolls the view so that the rectangle is a third down it, and the view into the window. The
   * blocks between the old and the new place that had never been shown (`content-visibility:
   * auto`) counted as 40rem each; they are laid out at their real height once they come near the
   * screen, in the next frames, which moves the target (by hundreds of px on a narrow laptop
   * screen, where a block of long paragraphs is far taller). So the place is checked again every
   * frame until it holds for a few frames, unless the user scrolls, clicks or types meanwhile or
   * another jump starts.
   */
  function scrollToRect(getRect) {
    const jump = ++jumps;
    const place = () => {
      view.scrollIntoView({ block: "nearest" });
      const vr = view.getBoundingClientRect();
      const off = getRect().top - vr.top - vr.height / 3;
      if (Math.abs(off) >= 1) view.scrollTop += off;
      return Math.abs(off) >= 1;
    };
    place();
    let frames = 0;
    let still = 0;
    const check = () => {
      if (jump !== jumps || !getRect().height) return;
      still = place() ? 0 : still + 1;
      if (still < 3 && ++frames < 60) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
  let jumps = 0;
  const stop = () => jumps++;
  for (const type of ["wheel", "touchstart", "pointerdown", "keydown"]) addEventListener(type, stop, { capture: true, passive: true });

  /** Selects text [start, end) of the view (for evidence that has no highlight of its own). */
  function jumpToRange(start, end) {
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let startNode = null;
    let startOff = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (!startNode && start < offset + len) {
        startNode = n;
        startOff = start - offset;
      }
      if (startNode && end <= offset + len) {
        const range = document.createRange();
        range.setStart(startNode, startOff);
        range.setEnd(n, end - offset);
        scrollToRect(() => range.getBoundingClientRect());
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        view.focus({ preventScroll: true });
        return;
      }
      offset += len;
    }
  }


  return { render, focusMark, jumpToRange };
}
