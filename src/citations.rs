//! `《…》` citations: titles of laws, regulations, plans, notices, books.
//!
//! Every `《…》` is reported with its brackets, as written, in document order:
//! `依据《重大行政决策程序暂行条例》` gives `《重大行政决策程序暂行条例》` (class `regulation`).
//!
//! - Inner brackets stay inside the outer citation and are not reported on their own:
//!   `《江西省委依法治省委员会印发<关于加强法治乡村建设的实施意见>的通知》` is one citation, and
//!   so is `《关于印发《某某办法》的通知》`.
//! - Back-to-back titles `《民法典》《行政复议法》` are two citations.
//! - An unclosed `《` is not a citation and never swallows the rest of the text: a citation does
//!   not cross a line end and is at most [`MAX_CHARS`] characters long, so `《a《b》` gives `《b》`
//!   only. The scan is one pass with a stack, linear in the text length however many `《` are
//!   left open.
//! - A stray `》` without an opening bracket is ignored.
//!
//! The class comes from the title's last words once a trailing bracketed note such as
//! `(2021-2025年)` or `（草案）` is set aside: the longest ending listed in `data/citations.tsv`. Titles whose ending says
//! nothing (`《以案释法》`, `《…的建议》`) are `other`.

use crate::lexicon;
use crate::model::{Citation, CitationClass};
use crate::span::Span;
use crate::text;

/// Longest citation accepted, in characters, brackets included. Real titles are well below
/// (the longest in the sample reports is 43); the cap keeps a forgotten `》` from pairing with
/// one far away in a text pasted as a single line.
pub const MAX_CHARS: usize = 200;

/// Finds every `《…》` in `text`, outermost only, in document order.
pub fn find(text: &str) -> Vec<Citation> {
    find_from(text, &crate::anchors::find(text))
}

/// Only line ends, 《 (E3 80 8A) and 》 (E3 80 8B) matter: `char_hits` tests whole chunks for
/// them (a search for the E3 lead byte alone stops at every 、 and 。).
#[inline]
pub(crate) const fn is_hit(a: u8, b: u8, c: u8) -> bool {
    (a == b'\n') | (a == b'\r') | (a == 0xE3) & (b == 0x80) & ((c == 0x8A) | (c == 0x8B))
}

/// [`find`], from the text's [`crate::anchors`].
pub fn find_from(text: &str, anchors: &text::Hits) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut out: Vec<Citation> = Vec::new();
    // Byte offsets of the open brackets of the current line.
    let mut open: Vec<usize> = Vec::new();
    for b in anchors.of(crate::anchors::CITATIONS) {
        match &bytes[b..bytes.len().min(b + 3)] {
            [b'\n' | b'\r', ..] => open.clear(),
            OPEN => open.push(b),
            CLOSE => {
                let Some(start) = open.pop() else {
                    continue;
                };
                let end = b + CLOSE.len();
                if !within_max_chars(&text[start..end]) {
                    // Too long to be a title: the `《` was left open. Citations found inside
                    // it stay.
                    continue;
                }
                // Citations found since `start` sit inside this one: drop them.
                while out.last().is_some_and(|c| c.span.start > start) {
                    out.pop();
                }
                let span = Span::new(start, end);
                out.push(Citation {
                    span,
                    class: classify(span.of(text)),
                });
            }
            _ => {}
        }
    }
    out
}

const OPEN: &[u8] = "《".as_bytes();
const CLOSE: &[u8] = "》".as_bytes();

/// Whether `s` has at most [`MAX_CHARS`] characters. Counts only short slices (a character has
/// at most four bytes), so every `》` costs at most a bounded count and the scan stays linear.
fn within_max_chars(s: &str) -> bool {
    s.len() <= MAX_CHARS || (s.len() <= 4 * MAX_CHARS && s.chars().count() <= MAX_CHARS)
}

/// Classifies a citation (with or without its brackets) by its last words.
///
/// ```
/// use zhibiao::{citations::classify, CitationClass};
/// assert_eq!(classify("《行政复议法》"), CitationClass::Law);
/// assert_eq!(classify("《朝阳市重大行政决策目录管理办法》"), CitationClass::Rules);
/// assert_eq!(classify("《乐平市法治政府建设实施纲要(2021—2025年)》"), CitationClass::Plan);
/// ```
pub fn classify(title: &str) -> CitationClass {
    let mut t = title.trim_start_matches('《').trim_end_matches('》').trim();
    // Set aside trailing bracketed notes: `(2021-2025年)`, `（草案）`, `(试行)`.
    for _ in 0..4 {
        let Some(last) = t.chars().next_back() else {
            break;
        };
        let open = match last {
            ')' | '）' => t.rfind(['(', '（']),
            ']' | '】' | '〕' => t.rfind(['[', '【', '〔']),
            _ => None,
        };
        match open {
            Some(i) if i > 0 => t = t[..i].trim_end(),
            _ => break,
        }
    }
    lexicon::citation_suffixes()
        .iter()
        .find(|(s, _)| t.ends_with(s))
        .map_or(CitationClass::Other, |&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        find(t).iter().map(|c| c.span.of(t)).collect()
    }

    #[test]
    fn plain_and_back_to_back() {
        let t = "深入学习宣传《民法典》《社区矫正法》等法律法规。";
        assert_eq!(texts(t), ["《民法典》", "《社区矫正法》"]);
        assert_eq!(find(t)[0].class, CitationClass::Law);
    }

    #[test]
    fn nested_kept_inside() {
        let t = "制定《江西省委依法治省委员会印发<关于加强法治乡村建设的实施意见>的通知》,";
        assert_eq!(
            texts(t),
            ["《江西省委依法治省委员会印发<关于加强法治乡村建设的实施意见>的通知》"]
        );
        assert_eq!(find(t)[0].class, CitationClass::Notice);
        let t = "印发《关于印发《朝阳市重大行政决策目录管理办法》的通知》和《〈民法典〉读本》。";
        assert_eq!(
            texts(t),
            [
                "《关于印发《朝阳市重大行政决策目录管理办法》的通知》",
                "《〈民法典〉读本》"
            ]
        );
    }

    #[test]
    fn unclosed_does_not_swallow() {
        let t = "编印《以案释法读本,发放3000册。\n学习《行政复议法》。";
        assert_eq!(texts(t), ["《行政复议法》"]);
        let t = "stray》 then 《统计法》";
        assert_eq!(texts(t), ["《统计法》"]);
    }

    #[test]
    fn length_cap() {
        let long = format!("《{}》", "很".repeat(MAX_CHARS));
        assert!(find(&long).is_empty());
        let t = format!("《{}《统计法》{}》", "很".repeat(MAX_CHARS), "长");
        assert_eq!(texts(&t), ["《统计法》"]);
    }

    #[test]
    fn many_unclosed_on_one_line() {
        let mut t = "《".repeat(500_000);
        t.push_str("《统计法》");
        assert_eq!(texts(&t), ["《统计法》"]);
    }

    #[test]
    fn classes() {
        use CitationClass::*;
        let cases = [
            ("《中华人民共和国政府信息公开条例》", Regulation),
            ("《朝阳市行政合法性审查工作规则》", Rules),
            ("《荔波县2023年法治政府建设工作要点》", Plan),
            (
                "《朝阳市法治政府建设任务与责任分工方案(2021-2025年)》",
                Plan,
            ),
            ("《国民经济和社会发展第十一个五年规划纲要（草案）》", Plan),
            ("《关于开展市直部门权责清单调整工作的通知》", Notice),
            ("《人民调解/法律援助法漫画读本》", Other),
            ("《民法典》", Law),
            ("《以案释法》", Other),
            ("《》", Other),
        ];
        for (t, c) in cases {
            assert_eq!(classify(t), c, "{t}");
        }
    }
}
