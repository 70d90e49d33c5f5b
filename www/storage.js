// What the page keeps in this browser's localStorage, and nowhere else: the last text (so it
// survives a reload; 清空 removes it) and which kinds the legend hides. Storage may be missing,
// full or refused (private modes): every function then says so instead of throwing.

const TEXT_KEY = "zhibiao.text";
const HIDDEN_KEY = "zhibiao.hidden";
const SOURCE_KEY = "zhibiao.source";

/** The saved text, or null (none, or storage unavailable). */
export function loadText() {
  try {
    return localStorage.getItem(TEXT_KEY);
  } catch {
    return null;
  }
}

/** Saves `text` (an empty text removes the saved one). Returns false if it could not be stored
 * (too big for the browser's quota, or storage refused): then the copy saved before is removed
 * too, so that a reload does not bring back an older text than the one on screen. */
export function saveText(text) {
  try {
    if (text) localStorage.setItem(TEXT_KEY, text);
    else localStorage.removeItem(TEXT_KEY);
    return true;
  } catch {
    try {
      localStorage.removeItem(TEXT_KEY);
    } catch {
      /* storage refused altogether: nothing is saved either */
    }
    return false;
  }
}

/** The web page the saved text came from ({ url, title, date }, see bookmarklet.js), or null. */
export function loadSource() {
  try {
    const s = JSON.parse(localStorage.getItem(SOURCE_KEY) || "null");
    return s && typeof s.url === "string" && typeof s.date === "string" ? { url: s.url, title: String(s.title || ""), date: s.date } : null;
  } catch {
    return null;
  }
}

/** Saves the web page the text came from (null removes it); silently, like the hidden kinds. */
export function saveSource(source) {
  try {
    if (source) localStorage.setItem(SOURCE_KEY, JSON.stringify({ url: source.url, title: source.title, date: source.date }));
    else localStorage.removeItem(SOURCE_KEY);
  } catch {
    /* the source just won't survive a reload */
  }
}

/** The legend keys saved as hidden, keeping only those in `known`. */
export function loadHidden(known) {
  try {
    const keys = JSON.parse(localStorage.getItem(HIDDEN_KEY) || "[]");
    return Array.isArray(keys) ? keys.filter((k) => known.includes(k)) : [];
  } catch {
    return [];
  }
}

/** Saves the hidden legend keys (silently: the choice just won't survive a reload). */
export function saveHidden(keys) {
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...keys]));
  } catch {
    /* the choice just won't survive a reload */
  }
}
