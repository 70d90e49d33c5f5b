// Bringing text in from a government web page: a bookmarklet (a `javascript:` link the user drags
// to the bookmarks bar) and zhibiao's side of the hand-over. Nothing goes to any server: the text
// travels between two tabs of the user's browser with `postMessage`.
//
// The hand-over, step by step:
//   1. On the government page the user clicks the bookmark. Its code (`grab` below, run in that
//      page) takes the selection, or else the page's main text (the block with the most text),
//      the page's URL, title and publication date (meta tags, else a "发布时间：2024-03-01" line),
//      and opens zhibiao (its URL was baked into the link when zhibiao showed it) in a new tab.
//   2. zhibiao, opened by a page (window.opener), posts { zhibiao: "ready" } to it.
//   3. The bookmarklet answers that tab, and only that tab, with a message to zhibiao's origin:
//      { zhibiao: "source", text, url, title, date }.
//   4. zhibiao accepts one such message: from its opener, from another origin than its own, of
//      exactly that shape (`sourceMessage` in report.js), then shows the text, the source URL, and
//      uses the page's date for the deadline check.
// zhibiao's Content-Security-Policy is unchanged: CSP does not govern postMessage.
import { sourceMessage } from "./report.js";

/** The bookmarklet's code, run on the government page with zhibiao's URL `Z`. Self-contained
 * (it is serialised with toString): no imports, no outer names, ES5-ish syntax. */
function grab(Z) {
  var sel = String(window.getSelection ? window.getSelection() : "").trim();
  var text = sel;
  if (text.length < 10) {
    // The main text: the element holding the most text in its own paragraphs (text outside
    // links, scripts and styles, counted on the block that holds it or, for a <p>, its parent).
    var scores = new Map();
    var best = document.body;
    var bestScore = 0;
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var el = node.parentElement;
      if (!el || el.closest("script,style,noscript,a,nav,header,footer,select,option")) continue;
      var n = node.nodeValue.replace(/\s+/g, "").length;
      if (!n) continue;
      var block = el.closest("p,div,td,article,section,li,pre") || document.body;
      if (/^(P|LI)$/.test(block.tagName) && block.parentElement) block = block.parentElement;
      var s = (scores.get(block) || 0) + n;
      scores.set(block, s);
      if (s > bestScore) {
        bestScore = s;
        best = block;
      }
    }
    text = (best.innerText || best.textContent || "").trim();
  }
  var date = "";
  var names = ["PubDate", "publishdate", "pubdate", "firstpublishedtime", "article:published_time", "dc.date", "DC.Date.Created"];
  for (var k = 0; k < names.length && !date; k++) {
    var m = document.querySelector('meta[name="' + names[k] + '" i], meta[property="' + names[k] + '" i]');
    if (m && m.content) date = m.content;
  }
  if (!date) {
    var found = (document.body.innerText || "").match(/(?:发布|发文|成文|公开)(?:时间|日期)\s*[：:]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})/);
    if (found) date = found[1];
  }
  var w = window.open(Z, "_blank");
  if (!w) return alert("无法打开指标页面：请允许本网站打开新窗口后重试。");
  var origin = new URL(Z).origin;
  var answered = false;
  window.addEventListener("message", function (e) {
    if (answered || e.source !== w || e.origin !== origin || !e.data || e.data.zhibiao !== "ready") return;
    answered = true;
    w.postMessage({ zhibiao: "source", text: text, url: location.href, title: document.title, date: date }, origin);
  });
}

/** The `javascript:` URL of the bookmarklet that hands text over to zhibiao at `zhibiaoUrl`. */
export function bookmarkletHref(zhibiaoUrl) {
  // Without its comment lines and indentation: shorter, and one line per statement is kept.
  const code = grab
    .toString()
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//"))
    .join("\n");
  return `javascript:${encodeURIComponent(`(${code})(${JSON.stringify(zhibiaoUrl)});void 0`)}`;
}

/**
 * zhibiao's side: when this tab was opened by another page, says `ready` to it and waits for one
 * message of the expected shape from it; `onSource({ text, url, title, date })` then runs once.
 * Returns a function that stops waiting.
 */
export function receiveSource(onSource) {
  const opener = window.opener;
  if (!opener) return () => {};
  const listener = (e) => {
    if (e.source !== opener || e.origin === location.origin) return;
    const source = sourceMessage(e.data);
    if (!source) return;
    window.removeEventListener("message", listener);
    onSource(source);
  };
  window.addEventListener("message", listener);
  // The opener's origin is not known yet and the message holds nothing but "ready".
  opener.postMessage({ zhibiao: "ready" }, "*");
  return () => window.removeEventListener("message", listener);
}
