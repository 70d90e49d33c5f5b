//! Inline enumerations inside paragraphs: `一是……二是……三是……`, `第一，…第二，…`, `其一…其二…`.
//!
//! Each item is reported with its marker, number and span (from the marker to the next item of
//! the same list on the same line, else to the end of its line), and the heading it sits under.
//! `一是` at the start of a line is a list item, never a heading.
//!
//! ```
//! let t = "(一)深入推动政府职能优化转变。一是完成新一轮机构改革；二是公布权责清单。";
//! let h = zhibiao::outline::find(t);
//! let items = zhibiao::lists::find(t, &h);
//! let spans: Vec<&str> = items.iter().map(|i| i.span.of(t)).collect();
//! assert_eq!(spans, ["一是完成新一轮机构改革；", "二是公布权责清单。"]);
//! assert_eq!(items[1].heading, Some(0));
//! ```
//!
//! Rules that keep ordinary words out:
//! - the marker follows a line start, a blank or punctuation (`统一是`, `唯一是` are words);
//! - `第一` and `其一` must be followed by a comma, `、` or colon (`第一责任人`, `第一次` are
//!   not items; `其一是` is accepted);
//! - a list starts at 一 and counts up by one without crossing a heading; a list of one item
//!   is not a list.

use crate::model::{Heading, ListItem};
use crate::numbers::small_chinese;
use crate::outline::heading_at;
use crate::span::Span;
use crate::text::{self, fold, is_blank, lines, Line};

/// The three marker styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `一是`
    Shi,
    /// `第一，`
    Di,
    /// `其一，`
    Qi,
}

/// Highest item number read.
const MAX_ITEMS: u32 = 30;

/// Characters after which a marker may start.
fn is_boundary(c: char) -> bool {
    is_blank(c)
        || matches!(
            fold(c),
            ',' | ';' | ':' | '!' | '?' | '.' | ')' | ']' | '"' | '\'' | '\n' | '\r'
        )
        || matches!(
            c,
            '。' | '、' | '”' | '’' | '」' | '』' | '】' | '）' | '；'
        )
}

/// Whether the UTF-8 bytes `key` (three bytes, big-endian) are one of 第 其 一 … 十, the
/// characters a marker starts with.
#[inline]
fn is_marker_char(key: u32) -> bool {
    matches!(
        key,
        0xE7ACAC // 第
            | 0xE585B6 // 其
            | 0xE4B880 // 一
            | 0xE4BA8C // 二
            | 0xE4B889 // 三
            | 0xE59B9B // 四
            | 0xE4BA94 // 五
            | 0xE585AD // 六
            | 0xE4B883 // 七
            | 0xE585AB // 八
            | 0xE4B99D // 九
            | 0xE58D81 // 十
    )
}

/// `第` (E7 AC AC), `其` (E5 85 B6) or `是` (E6 98 AF): see [`marker_starts`].
#[inline]
pub(crate) const fn is_hit(a: u8, b: u8, c: u8) -> bool {
    (a == 0xE7) & (b == 0xAC) & (c == 0xAC)
        | (a == 0xE5) & (b == 0x85) & (c == 0xB6)
        | (a == 0xE6) & (b == 0x98) & (c == 0xAF)
}

/// Byte offsets where a marker may start, in order: every `第` and `其`, and the one to three
/// characters before every `是` (`一是`, `十二是`, `二十一是`). [`text::char_hits`] tests whole
/// chunks of the text for the three characters (`第` E7 AC AC, `其` E5 85 B6, `是` E6 98 AF),
/// so the text is not decoded; the caller checks each offset.
///
/// The offsets arrive nearly in order (at most three characters back), so each goes into
/// place from the end (a step or two) instead of through [`crate::sort`], whose index sort and
/// permutation cost 0.7 M instructions a pass over `corpus/public` and ~600 B of the web build.
fn marker_starts(bytes: &[u8], anchors: &text::Hits) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut put = |x: usize| {
        let i = starts.iter().rposition(|&y| y <= x).map_or(0, |i| i + 1);
        if i == 0 || starts[i - 1] != x {
            starts.insert(i, x);
        }
    };
    for at in anchors.of(crate::anchors::LISTS) {
        if bytes[at] == 0xE6 {
            // 是: every numeral of a marker is three bytes long.
            (1..=3)
                .rev()
                .filter_map(|n| at.checked_sub(3 * n))
                .for_each(&mut put);
        } else {
            put(at);
        }
    }
    starts
}

struct Marker {
    style: Style,
    number: u32,
    span: Span,
}

/// The marker starting at byte `i`, if any.
fn marker_at(text: &str, i: usize) -> Option<Marker> {
    let s = &text[i..];
    let (style, pre) = if s.starts_with('第') {
        (Style::Di, '第'.len_utf8())
    } else if s.starts_with('其') {
        (Style::Qi, '其'.len_utf8())
    } else {
        (Style::Shi, 0)
    };
    let (end, number) = small_chinese(s, pre)?;
    if number == 0 || number > MAX_ITEMS {
        return None;
    }
    let next = s[end..].chars().next();
    let len = match style {
        Style::Shi => {
            if next != Some('是') {
                return None;
            }
            end + '是'.len_utf8()
        }
        Style::Di | Style::Qi => {
            let ok = next.is_some_and(|c| matches!(fold(c), ',' | ':') || c == '、')
                || (style == Style::Qi && next == Some('是'));
            if !ok {
                return None;
            }
            if next == Some('是') {
                end + '是'.len_utf8()
            } else {
                end
            }
        }
    };
    Some(Marker {
        style,
        number,
        span: Span::new(i, i + len),
    })
}

/// Finds the inline list items of `text`, in document order.
pub fn find(text: &str, headings: &[Heading]) -> Vec<ListItem> {
    let lines: Vec<Line> = lines(text).collect();
    find_from(text, &crate::anchors::find(text), &lines, headings)
}

/// [`find`], from the text's [`crate::anchors`] and its [`lines`] (which bound items and
/// number them).
pub fn find_from(
    text: &str,
    anchors: &text::Hits,
    line_list: &[Line],
    headings: &[Heading],
) -> Vec<ListItem> {
    let line_of = |pos: usize| line_list.partition_point(|l| l.end < pos);

    let bytes = text.as_bytes();
    let mut markers: Vec<Marker> = Vec::new();
    for i in marker_starts(bytes, anchors) {
        let key = u32::from_be_bytes([0, bytes[i], bytes[i + 1], bytes[i + 2]]);
        if is_marker_char(key) && text[..i].chars().next_back().map_or(true, is_boundary) {
            if let Some(m) = marker_at(text, i) {
                markers.push(m);
            }
        }
    }

    // Group per style: each group counts 1, 2, 3… under one heading.
    let mut out: Vec<ListItem> = Vec::new();
    let mut groups: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let finish = |group: &mut Vec<usize>, out: &mut Vec<ListItem>, markers: &[Marker]| {
        if group.len() >= 2 {
            for (k, &mi) in group.iter().enumerate() {
                let m = &markers[mi];
                let li = line_of(m.span.start);
                let line = line_list.get(li);
                let line_end = line.map_or(text.len(), |l| l.end);
                let next = group.get(k + 1).map(|&n| markers[n].span.start);
                let end = match next {
                    Some(n) if n <= line_end => n,
                    _ => line_end,
                };
                let item = text[m.span.start..end].trim_end_matches(is_blank);
                out.push(ListItem {
                    marker: m.span.of(text).to_string(),
                    marker_span: m.span,
                    number: m.number,
                    span: Span::new(m.span.start, m.span.start + item.len()),
                    heading: heading_at(headings, m.span.start),
                    line: line.map_or(1, |l| l.number),
                });
            }
        }
        group.clear();
    };
    for (mi, m) in markers.iter().enumerate() {
        let g = m.style as usize;
        let continues = groups[g].last().is_some_and(|&last| {
            let l = &markers[last];
            m.number == l.number + 1
                && heading_at(headings, l.span.start) == heading_at(headings, m.span.start)
        });
        if continues {
            groups[g].push(mi);
        } else if m.number == 1 {
            finish(&mut groups[g], &mut out, &markers);
            groups[g].push(mi);
        }
    }
    for g in &mut groups {
        finish(g, &mut out, &markers);
    }
    crate::sort::sort_by_key(&mut out, |i| i.marker_span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(t: &str) -> Vec<(String, u32, String, usize)> {
        let h = crate::outline::find(t);
        find(t, &h)
            .into_iter()
            .map(|i| (i.marker, i.number, i.span.of(t).to_string(), i.line))
            .collect()
    }

    #[test]
    fn shi_lists_inline_and_at_line_starts() {
        let t = "(一)以法治思维推动发展\n一是持续深化“放管服”改革。深入推进“一网通办”。\n二是深入推进规范公正文明执法。\n";
        let v = items(t);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].2, "一是持续深化“放管服”改革。深入推进“一网通办”。");
        assert_eq!((v[1].1, v[1].3), (2, 3));
        assert_eq!(crate::outline::find(t).len(), 1);
    }

    #[test]
    fn words_are_not_markers() {
        let t = "坚持统一是前提，唯一是目标；压实第一责任人职责，第一次开展。";
        assert!(items(t).is_empty());
        // A single item is not a list.
        assert!(items("主要表现为：一是重视不够。").is_empty());
    }

    #[test]
    fn di_and_qi() {
        let t = "我们要做到：第一，坚持依法行政；第二，严格执法；第三、公正司法。其一是制度，其二是队伍。";
        let v: Vec<_> = items(t).into_iter().map(|i| (i.0, i.1)).collect();
        assert_eq!(
            v,
            [
                ("第一".to_string(), 1),
                ("第二".to_string(), 2),
                ("第三".to_string(), 3),
                ("其一是".to_string(), 1),
                ("其二是".to_string(), 2)
            ]
        );
    }

    #[test]
    fn heading_breaks_a_list() {
        let t = "(一)甲\n一是强化领导。\n(二)乙\n二是严格执法。\n一是完善制度。二是加强监督。";
        let h = crate::outline::find(t);
        let v = find(t, &h);
        let got: Vec<_> = v.iter().map(|i| (i.number, i.heading)).collect();
        assert_eq!(got, [(1, Some(1)), (2, Some(1))]);
    }
}
