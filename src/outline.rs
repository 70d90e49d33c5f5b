//! Outline headings: lines that begin with an outline marker, as a tree.
//!
//! The level comes from the marker type, as in GB/T 9704 and the usual practice of Chinese
//! official documents, not from the nesting depth:
//!
//! | marker | level |
//! |---|---|
//! | `一、` `十二、` | 1 |
//! | `(一)` `（十二）` | 2 |
//! | `1.` `1、` `1．` `１．` | 3 |
//! | `(1)` `（1）` | 4 |
//!
//! `(一)全面统筹高位推动。市委……` is a run-in heading: its title ends at the first `。`. Titles
//! lose trailing punctuation (`，；：`), keep inner spaces (`一、概 况`), and may follow blanks
//! after the marker. A heading's parent is the nearest heading before it with a smaller level,
//! so a skipped level (`一、` then `1.`) is tolerated and reported as a [`Warning`].
//!
//! Not headings, although they start with something marker-like:
//! - a marker that is not at the start of a line (`措施如下：1.…`, `一是`);
//! - numbers and dates: `2.5` (a digit after the point), `1、2月份`, `一、二季度`, `2024.3.1`,
//!   a date line `1.2024年3月1日`;
//! - table rows (cells separated by `|`, tabs or wide gaps);
//! - a number that jumps ahead (`一、` then `五、` with nothing between: a quoted list); a gap
//!   of one (`(二)` then `(四)`) or a repeated number is kept with a warning; a sequence that
//!   starts at 3 or more (an excerpt from `三、`) is kept only when its next number follows;
//! - numbered notes `1.` / `１、` after a glossary header (`名词解释`, `名词注释`, `注释`), up to
//!   the next `一、` or `(一)` heading, and glossary-style items `1.“两重”：是指……` whose first
//!   clause is a term and a colon;
//! - anything in a text that is one long line (the line structure is lost, so a leading marker
//!   cannot be told from an inline one).
//!
//! A line `附件1` (an attachment) restarts the numbering without a warning. A marker broken
//! over two lines (`（` / `三）改革开放…`) is read; its `marker` is written without the break,
//! its `marker_span` covers both lines.
//!
//! ```
//! let t = "一、主要举措和成效\n(一)全面统筹高位推动。市委高度重视。\n1.坚持法治引领。";
//! let h = zhibiao::outline::find(t);
//! assert_eq!(h.len(), 3);
//! assert_eq!(h[1].title, "全面统筹高位推动");
//! assert_eq!(h[2].parent, Some(1));
//! ```

use crate::model::{Extraction, Heading, Level, Warning};
use crate::span::Span;
use crate::text::{digit, fold, is_blank, lines, Line};

/// A text made of one line longer than this (in characters) has lost its line breaks: no
/// outline is read from it.
pub const MAX_SINGLE_LINE_CHARS: usize = 300;

/// A title (up to the first `。` or the line end) longer than this is a paragraph that happens
/// to start with a number, not a heading.
pub const MAX_TITLE_CHARS: usize = 100;

/// A glossary-style item has its term and colon within this many characters.
const GLOSSARY_TERM_CHARS: usize = 30;

/// Lines that open the notes at the end of a report (matched after removing blanks and a
/// trailing colon, as the whole line or its end). Numbered lines after them are not headings.
pub const GLOSSARY_HEADERS: &[&str] = &[
    "名词解释",
    "名词注释",
    "名词说明",
    "术语解释",
    "注释",
    "注解",
    "释义",
    "附注",
];

/// Trailing characters dropped from a title.
const TITLE_TRIM: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '、', '！', '!', '？', '?', '.', '．',
];

/// The value of a Chinese numeral from 一 to 九十九 at the start of `s`, and its length in bytes:
/// `十二、` → (12, 6). `〇`, `零` and `两` are not outline numerals.
pub fn chinese_number(s: &str) -> Option<(u32, usize)> {
    fn d(c: char) -> Option<u32> {
        "一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|p| p as u32 + 1)
    }
    let mut it = s.chars();
    let first = it.next()?;
    let second = it.next();
    let third = it.next();
    let w = '一'.len_utf8(); // every numeral character is 3 bytes
    if first == '十' {
        return Some(match second.and_then(d) {
            Some(u) => (10 + u, 2 * w),
            None => (10, w),
        });
    }
    let tens = d(first)?;
    if second == Some('十') {
        return Some(match third.and_then(d) {
            Some(u) => (tens * 10 + u, 3 * w),
            None => (tens * 10, 2 * w),
        });
    }
    Some((tens, w))
}

/// An ASCII or full-width number of one or two digits at the start of `s`, and its length.
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let mut v = 0;
    let mut len = 0;
    for c in s.chars().take(3) {
        match digit(c) {
            Some(x) => {
                v = v * 10 + x;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    let digits = s[..len].chars().count();
    (1..=2).contains(&digits).then_some((v, len))
}

/// A marker at the start of `s`: its level, number and byte length.
fn marker(s: &str) -> Option<(Level, u32, usize)> {
    let first = s.chars().next()?;
    if fold(first) == '(' {
        let rest = &s[first.len_utf8()..];
        let (level, n, len) = if let Some((n, len)) = chinese_number(rest) {
            (Level::Two, n, len)
        } else {
            let (n, len) = arabic_number(rest)?;
            (Level::Four, n, len)
        };
        let close = rest[len..].chars().next()?;
        if fold(close) != ')' {
            return None;
        }
        let mut mlen = first.len_utf8() + len + close.len_utf8();
        // `（一）、加强…`: a stray separator after the bracket belongs to the marker.
        if let Some(sep) = s[mlen..]
            .chars()
            .next()
            .filter(|&c| matches!(fold(c), '、' | '.'))
        {
            mlen += sep.len_utf8();
        }
        return Some((level, n, mlen));
    }
    if let Some((n, len)) = chinese_number(s) {
        let sep = s[len..].chars().next()?;
        return (sep == '、').then_some((Level::One, n, len + sep.len_utf8()));
    }
    let (n, len) = arabic_number(s)?;
    let sep = s[len..].chars().next()?;
    if !matches!(fold(sep), '.' | '、') {
        return None;
    }
    let after = &s[len + sep.len_utf8()..];
    // `2.5`, `1.5万人`: a decimal number, not a marker.
    if after.chars().next().and_then(digit).is_some() {
        return None;
    }
    Some((Level::Three, n, len + sep.len_utf8()))
}

/// `1、2月份`, `一、二季度`, `(一)三月`: an enumeration of months or days, not a marker. (`三年`
/// is not checked: `(一)三年行动圆满收官` is a heading.)
fn is_date_like(after_marker: &str) -> bool {
    let num_len = arabic_number(after_marker)
        .or_else(|| chinese_number(after_marker))
        .map(|(_, l)| l);
    let Some(l) = num_len else { return false };
    let rest = &after_marker[l..];
    ["月", "日", "季度"].iter().any(|u| rest.starts_with(u))
}

/// Cells separated by `|`, tabs or wide gaps (two blanks or more): a table row.
fn is_table_row(s: &str) -> bool {
    let mut seps = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '|' || c == '\t' {
            seps += 1;
            run = 0;
        } else if is_blank(c) {
            run += 1;
            if run == 2 {
                seps += 1;
            }
        } else {
            run = 0;
        }
    }
    seps >= 2
}

fn strip_blanks(s: &str) -> String {
    s.chars().filter(|&c| !is_blank(c)).collect()
}

/// Longest line, in bytes, that can be a glossary header or an attachment line (blanks
/// included); longer lines are rejected without looking.
const MAX_SHORT_LINE_BYTES: usize = 160;

fn is_glossary_header(line: &str) -> bool {
    if line.len() > MAX_SHORT_LINE_BYTES {
        return false;
    }
    let t = strip_blanks(line);
    let t = t.trim_end_matches([':', '：']);
    if t.is_empty() || t.chars().count() > 24 || t.contains('。') {
        return false;
    }
    t == "注" || GLOSSARY_HEADERS.iter().any(|h| t.ends_with(h))
}

/// `附件`, `附件1`, `附件2：`: an attachment starts, with its own numbering.
fn is_attachment_line(line: &str) -> bool {
    if line.len() > MAX_SHORT_LINE_BYTES {
        return false;
    }
    let t = strip_blanks(line);
    let Some(rest) = t.strip_prefix("附件") else {
        return false;
    };
    let rest = rest.trim_end_matches([':', '：']);
    rest.chars().all(|c| digit(c).is_some())
        || chinese_number(rest).is_some_and(|(_, l)| l == rest.len())
}

/// A candidate heading line before the numbering is checked.
struct Candidate {
    level: Level,
    number: u32,
    /// The marker as written, without the line break of a split marker.
    marker_text: String,
    marker: Span,
    title: Span,
    line: usize,
}

/// Reads the heading on `line`, if its shape is that of one. `open` is a lone opening bracket
/// on the line before (a marker split by a line break, `（` / `三）改革开放…`).
fn candidate(text: &str, line: Line, open: Option<Span>) -> Option<Candidate> {
    let s = line.of(text);
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let body = &s[lead..];
    let bracket = open.map_or("", |b| b.of(text));
    let joined;
    let marked = if bracket.is_empty() {
        body
    } else {
        joined = format!("{bracket}{body}");
        &joined
    };
    let (level, number, mlen) = marker(marked)?;
    if mlen <= bracket.len() {
        return None;
    }
    let mlen = mlen - bracket.len();
    let after = &body[mlen..];
    let title_lead = after.len() - after.trim_start_matches(is_blank).len();
    let rest = &after[title_lead..];
    if is_date_like(rest) {
        return None;
    }
    let clause = match rest.find('。') {
        Some(i) => &rest[..i],
        None => rest,
    };
    let title_text = clause.trim_end_matches(|c| is_blank(c) || TITLE_TRIM.contains(&c));
    if title_text.is_empty()
        || title_text.chars().count() > MAX_TITLE_CHARS
        || crate::meta::is_date_only(title_text)
        || is_table_row(rest)
    {
        return None;
    }
    if level == Level::Three {
        // `1.“两重”：是指……`: a glossary entry, term then colon.
        let head: String = clause.chars().take(GLOSSARY_TERM_CHARS + 1).collect();
        if head.contains(['：', ':']) {
            return None;
        }
    }
    let body_start = line.start + lead;
    let title_start = body_start + mlen + title_lead;
    Some(Candidate {
        level,
        number,
        marker_text: format!("{bracket}{}", &body[..mlen]),
        marker: Span::new(open.map_or(body_start, |b| b.start), body_start + mlen),
        title: Span::new(title_start, title_start + title_text.len()),
        line: line.number,
    })
}

/// A line holding only an opening bracket: the first half of a split marker.
fn lone_open_bracket(text: &str, line: Line) -> Option<Span> {
    let s = line.of(text);
    let t = s.trim_matches(is_blank);
    let c = t.chars().next()?;
    (fold(c) == '(' && t.len() == c.len_utf8()).then(|| {
        let start = line.start + (s.len() - s.trim_start_matches(is_blank).len());
        Span::new(start, start + c.len_utf8())
    })
}

/// A marker in the normal form used in warnings: `一、`, `(一)`, `1.`, `(1)`.
fn marker_name(level: Level, n: u32) -> String {
    let cn = |n: u32| -> String {
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let (t, u) = ((n / 10) as usize, (n % 10) as usize);
        match t {
            0 => D[u].to_string(),
            1 => format!("十{}", D[u]),
            _ => format!("{}十{}", D[t.min(9)], D[u]),
        }
    };
    match level {
        Level::One => format!("{}、", cn(n)),
        Level::Two => format!("({})", cn(n)),
        Level::Three => format!("{n}."),
        Level::Four => format!("({n})"),
    }
}

/// Finds the outline headings of `text`, in document order, with `parent`/`children` set.
pub fn find(text: &str) -> Vec<Heading> {
    outline(text).0
}

/// Headings and the warnings about their numbering.
pub fn outline(text: &str) -> (Vec<Heading>, Vec<Warning>) {
    let mut headings: Vec<Heading> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut nonblank = lines(text).filter(|l| !l.of(text).trim_matches(is_blank).is_empty());
    if let (Some(only), None) = (nonblank.next(), nonblank.next()) {
        if only.of(text).chars().count() > MAX_SINGLE_LINE_CHARS {
            return (headings, warnings);
        }
    }
    // First pass: candidate lines and attachment starts; numbered notes are left out.
    enum Item {
        Line(Candidate),
        Attachment,
    }
    let mut items: Vec<Item> = Vec::new();
    let mut open_bracket: Option<Span> = None;
    let mut in_notes = false;
    for line in lines(text) {
        let s = line.of(text);
        let split = open_bracket.take();
        if let Some(b) = lone_open_bracket(text, line) {
            open_bracket = Some(b);
            continue;
        }
        if is_glossary_header(s) {
            in_notes = true;
            continue;
        }
        if is_attachment_line(s) {
            in_notes = false;
            items.push(Item::Attachment);
            continue;
        }
        let c = split
            .and_then(|b| candidate(text, line, Some(b)))
            .or_else(|| candidate(text, line, None));
        if let Some(c) = c {
            // Notes are numbered `1.` / `１、`; a `一、` or `(一)` heading ends them.
            if in_notes && c.level >= Level::Three {
                continue;
            }
            in_notes = false;
            items.push(Item::Line(c));
        }
    }
    // A sequence that starts late (`三、` in an excerpt) must be confirmed by its successor
    // at the same level before the next higher-level candidate. Each such scan ends at the
    // next candidate of the same or a higher level, so the scans stay linear in total.
    let confirmed = |i: usize, c: &Candidate| {
        for it in &items[i + 1..] {
            match it {
                Item::Attachment => return false,
                Item::Line(d) if d.level < c.level => return false,
                Item::Line(d) if d.level == c.level => return d.number == c.number + 1,
                Item::Line(_) => {}
            }
        }
        false
    };

    // Second pass: check the numbering and build the tree.
    // Per level: the last accepted number and the open heading.
    let mut last = [0u32; 4];
    let mut open: [Option<usize>; 4] = [None; 4];
    for (i, item) in items.iter().enumerate() {
        let c = match item {
            Item::Attachment => {
                last = [0; 4];
                open = [None; 4];
                continue;
            }
            Item::Line(c) => c,
        };
        let li = c.level as usize - 1;
        let prev = last[li];
        let warn = |msg: String| Warning {
            span: c.marker,
            line: c.line,
            message: msg,
        };
        let mut new_warnings = Vec::new();
        if c.number == prev + 1 {
        } else if c.number == prev + 2 {
            new_warnings.push(warn(format!(
                "编号跳跃：{}之前缺少{}",
                marker_name(c.level, c.number),
                marker_name(c.level, prev + 1)
            )));
        } else if prev > 0 && c.number == prev {
            new_warnings.push(warn(format!(
                "编号重复：{}",
                marker_name(c.level, c.number)
            )));
        } else if prev == 0 && confirmed(i, c) {
            new_warnings.push(warn(format!(
                "编号跳跃：{}之前缺少{}",
                marker_name(c.level, c.number),
                marker_name(c.level, 1)
            )));
        } else if prev > 0 && c.number == 1 {
            new_warnings.push(warn(format!(
                "编号重新开始：{}之后又出现{}",
                marker_name(c.level, prev),
                marker_name(c.level, 1)
            )));
        } else {
            // Jumps ahead: a quoted list, not the outline.
            continue;
        }
        let parent = (0..li).rev().find_map(|l| open[l]);
        let parent_level = parent.and_then(|p| headings.get(p)).map(|h| h.level);
        let expected_parent = li.checked_sub(1);
        if prev == 0 && expected_parent.is_some() {
            let skipped = match parent_level {
                Some(pl) => (pl as usize) < li,
                None => true,
            };
            if skipped {
                let above = parent.and_then(|p| headings.get(p));
                new_warnings.push(warn(match above {
                    Some(h) => format!(
                        "层级跳跃：{}之后直接出现{}",
                        marker_name(h.level, h.number),
                        marker_name(c.level, c.number)
                    ),
                    None => format!(
                        "层级跳跃：{}之前没有上一级标题",
                        marker_name(c.level, c.number)
                    ),
                }));
            }
        }
        warnings.extend(new_warnings);
        let idx = headings.len();
        if let Some(p) = parent.and_then(|p| headings.get_mut(p)) {
            p.children.push(idx);
        }
        headings.push(Heading {
            level: c.level,
            marker: c.marker_text.clone(),
            marker_span: c.marker,
            number: c.number,
            title: c.title.of(text).to_string(),
            title_span: c.title,
            line: c.line,
            parent,
            children: Vec::new(),
        });
        last[li] = c.number;
        open[li] = Some(idx);
        for l in li + 1..4 {
            last[l] = 0;
            open[l] = None;
        }
    }
    (headings, warnings)
}

/// The index of the innermost heading before byte offset `pos`: the last heading whose marker
/// starts at or before it.
pub fn heading_at(headings: &[Heading], pos: usize) -> Option<usize> {
    headings
        .partition_point(|h| h.marker_span.start <= pos)
        .checked_sub(1)
}

/// Sets each indicator's `heading` to the innermost heading before it.
pub fn assign_sections(x: &mut Extraction) {
    for i in &mut x.indicators {
        i.heading = heading_at(&x.headings, i.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline_of(t: &str) -> Vec<(u8, String, u32, String, usize, Option<usize>)> {
        find(t)
            .into_iter()
            .map(|h| (h.level as u8, h.marker, h.number, h.title, h.line, h.parent))
            .collect()
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_number("一、"), Some((1, 3)));
        assert_eq!(chinese_number("十、"), Some((10, 3)));
        assert_eq!(chinese_number("十二)"), Some((12, 6)));
        assert_eq!(chinese_number("二十、"), Some((20, 6)));
        assert_eq!(chinese_number("三十五"), Some((35, 9)));
        assert_eq!(chinese_number("两"), None);
        assert_eq!(arabic_number("１２．"), Some((12, 6)));
        assert_eq!(arabic_number("2024."), None);
    }

    #[test]
    fn marker_types() {
        assert_eq!(marker("一、高度重视"), Some((Level::One, 1, 6)));
        assert_eq!(marker("(一)全面统筹"), Some((Level::Two, 1, 5)));
        assert_eq!(marker("（十二）用心用情"), Some((Level::Two, 12, 12)));
        assert_eq!(marker("1.坚持法治引领"), Some((Level::Three, 1, 2)));
        assert_eq!(marker("１．坚持"), Some((Level::Three, 1, 6)));
        assert_eq!(marker("1、坚持"), Some((Level::Three, 1, 4)));
        assert_eq!(marker("（1）坚持"), Some((Level::Four, 1, 7)));
        assert_eq!(marker("（一）、加强"), Some((Level::Two, 1, 12)));
        assert_eq!(marker("2.5"), None);
        assert_eq!(marker("一是持续深化"), None);
        assert_eq!(marker("第一"), None);
    }

    #[test]
    fn run_in_and_trailing_punctuation() {
        let t = "一、坚持政治引领,夯实法治政府建设根基。一是强化组织领导。\n(一)全面统筹高位推动。市委、市政府高度重视。\n（二）聚力释放有效需求潜力，\n";
        let o = outline_of(t);
        assert_eq!(o[0].3, "坚持政治引领,夯实法治政府建设根基");
        assert_eq!(o[1].3, "全面统筹高位推动");
        assert_eq!(o[2].3, "聚力释放有效需求潜力");
        assert_eq!(o[2].5, Some(0));
    }

    #[test]
    fn not_headings() {
        assert_eq!(find("一、三年行动圆满收官\n").len(), 1);
        let t = "1、2月份，全市完成投资。\n一、二季度全市经济回升。\n1.2024年3月1日\n2.5\n1 | 行政许可 | 238项\n措施：1.加强领导。\n";
        assert!(find(t).is_empty());
    }

    #[test]
    fn jump_is_rejected_gap_of_one_warned() {
        let t = "一、工作回顾\n五、其他需要报告的情况\n二、存在问题\n(一)甲\n(三)丙\n";
        let (h, w) = outline(t);
        let titles: Vec<_> = h.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["工作回顾", "存在问题", "甲", "丙"]);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("编号跳跃"), "{}", w[0].message);
    }

    #[test]
    fn late_start_needs_its_successor() {
        // An excerpt that starts at `三、`, confirmed by `四、`.
        let t = "三、2026年工作安排\n（一）突出扩大内需战略基点\n四、加强政府自身建设\n";
        let (h, w) = outline(t);
        assert_eq!(h.len(), 3);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "编号跳跃：三、之前缺少一、");
        // Alone, or followed by a different number, it is a quoted item.
        assert!(find("三、2026年工作安排\n（一）突出扩大内需战略基点\n").len() == 1);
        assert!(find("五、其他需要报告的情况\n七、附则\n").is_empty());
    }

    #[test]
    fn repeat_and_skip_warned() {
        let t = "一、工作回顾\n1.坚持法治引领\n2.树立法治导向\n2.强化法治宣传\n";
        let (h, w) = outline(t);
        assert_eq!(h.len(), 4);
        assert_eq!(h[1].parent, Some(0));
        let msgs: Vec<_> = w.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(msgs, ["层级跳跃：一、之后直接出现1.", "编号重复：2."]);
    }

    #[test]
    fn glossary_and_attachment() {
        let t = "一、2026年工作安排\n（一）推动大湾区建设\n附件1\n2026年省十件民生实事\n一、提高低保标准。\n二、加快建立长期护理保险制度。\n附件2\n名词解释\n1.“四上”企业：\n2.“双高计划”：\n";
        let (h, w) = outline(t);
        let titles: Vec<_> = h.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "2026年工作安排",
                "推动大湾区建设",
                "提高低保标准",
                "加快建立长期护理保险制度"
            ]
        );
        assert!(w.is_empty(), "{w:?}");
        let t = "（一）突出政府履职效能\n1.“两重”：是指国家重大战略实施。\n";
        assert_eq!(find(t).len(), 1);
        // Without a header: the term stands alone with its colon.
        let t = "（一）突出政府履职效能\n1.“四上”企业：\n现阶段统计工作实践中的一种习惯称谓。\n2.“双高计划”：\n";
        assert_eq!(find(t).len(), 1);
    }

    #[test]
    fn notes_end_at_the_next_top_heading() {
        // Notes in the middle of a page do not end the outline.
        let t = "一、工作回顾\n注释：\n1.两重：国家重大战略实施\n2.两新：设备更新\n二、工作安排\n1.扩大内需\n";
        let got: Vec<_> = find(t).into_iter().map(|h| h.title).collect();
        assert_eq!(got, ["工作回顾", "工作安排", "扩大内需"]);
    }

    #[test]
    fn marker_split_by_line_break() {
        let t = "一、工作回顾\n（一）经济运行顶住压力、稳中有进。\n（二）产业发展提质增效、转型加快。\n（\n三）改革开放持续深化、互促共进。\n（四）城乡发展齐头并进、更趋协调。";
        let (h, w) = outline(t);
        assert!(w.is_empty(), "{w:?}");
        let m: Vec<_> = h.iter().map(|h| (h.marker.as_str(), h.line)).collect();
        assert_eq!(m[2..], [("（二）", 3), ("（三）", 5), ("（四）", 6)]);
        assert_eq!(h[3].marker_span.of(t), "（\n三）");
        assert_eq!(h[3].title, "改革开放持续深化、互促共进");
        // A lone bracket before an ordinary heading changes nothing.
        let t = "一、工作回顾\n（\n二、存在问题";
        let m: Vec<_> = find(t).into_iter().map(|h| h.marker).collect();
        assert_eq!(m, ["一、", "二、"]);
    }

    #[test]
    fn one_long_line() {
        let body = "市委、市政府高度重视法治政府建设工作。".repeat(20);
        let t = format!("一、高度重视,组织领导坚强有力(一)全面统筹高位推动。{body}");
        assert!(find(&t).is_empty());
        assert_eq!(find("一、高度重视,组织领导坚强有力").len(), 1);
    }
}
