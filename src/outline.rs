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
//! `(一)全面统筹高位推动。市委……` is a run-in heading: its title ends at the first `。`
//! (GOLD_FORMAT), so `1.工业投资方面:1-5月完成投资29.3亿元。…` has the title
//! `工业投资方面:1-5月完成投资29.3亿元`. Titles lose trailing punctuation (`，；：`), keep inner
//! spaces (`一、概 况`), may follow blanks after the marker, and may start with a number or a
//! date (`一、10月和11月数据对比`, `1.2023年主要指标`). A marker alone on its line (`2.` with
//! `人员编制` on the next line) is a heading with an empty title. A heading's parent is the
//! nearest heading before it with a smaller level, so a skipped level (`一、` then `1.`) is
//! tolerated and reported as a [`Warning`].
//!
//! Numbering is checked between siblings. The first heading of the text may carry any number
//! (an excerpt that starts at `十三、人口、人民生活`), with a warning. Under a new parent, a
//! number that runs on from the previous parent's children (`3.` under `(二)` after `1.` `2.`
//! under `(一)`) is accepted: many reports number level 3 through the document.
//!
//! Not headings, although they start with something marker-like:
//! - a marker that is not at the start of a line (`措施如下：1.…`, `一是`);
//! - numbers and dates: `2.5` (a digit after the point), `1、2月份` and `一、二季度` (two numbers
//!   of one kind enumerating months), `1、2、3号楼`, `一、二、三产业`, `2024.3.1`, a date line
//!   `1.2024年3月1日`;
//! - table rows (cells separated by `|`, tabs or wide gaps);
//! - a number that jumps ahead of its previous sibling (`一、` then `五、` with nothing between:
//!   a quoted list), or a first child that starts late (`(三)` right under `一、`) unless its
//!   successor follows; a gap of one (`(二)` then `(四)`) or a repeated number is kept with a
//!   warning;
//! - numbered notes `1.` / `１、` after a glossary header (`名词解释`, `名词注释`, `注释`), up to
//!   the next `一、` or `(一)` heading, and glossary-style items whose term is quoted and stands
//!   alone before the colon (`1.“四上”企业：`, `1.“两重”：…`) or whose definition opens with
//!   `是指`/`即`/`简称`… ([`Class::DefinitionWord`](crate::lexicon::Class::DefinitionWord) in `data/structure.tsv`);
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

use crate::dates;
use crate::lexicon::{self, Class};
use crate::model::{Heading, Indicator, Level, Warning};
use crate::numbers::{chinese_name, digit_run, small_chinese};
use crate::span::Span;
use crate::text::{self, digit, fold, is_blank, lines, skip_zero_width, Line};

/// A text made of one line longer than this (in characters) has lost its line breaks: no
/// outline is read from it.
pub const MAX_SINGLE_LINE_CHARS: usize = 300;

/// A title (up to the first `。` or the line end) longer than this is a paragraph that happens
/// to start with a number, not a heading, unless it opens with a short lead and a colon.
pub const MAX_TITLE_CHARS: usize = 100;

/// A glossary-style item has its term and colon within this many characters.
const GLOSSARY_TERM_CHARS: usize = 30;

/// Trailing characters dropped from a title.
const TITLE_TRIM: &[char] = &[
    '，', ',', '；', ';', '：', ':', '。', '、', '！', '!', '？', '?', '.', '．',
];

/// A Chinese outline number (`一` to `九十九`, [`small_chinese`]) at the start of `s`: its
/// value and length in bytes, `十二、` → (12, 6). Zero-width characters after it belong to it.
fn chinese_number(s: &str) -> Option<(u32, usize)> {
    small_chinese(s, 0).map(|(end, n)| (n, skip_zero_width(s, end)))
}

/// An ASCII or full-width number of one or two digits at the start of `s`, and its length
/// (zero-width characters inside and after it included: `1\u{200b}.`).
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    digit_run(s, 0, 2).map(|r| (r.value, skip_zero_width(s, r.end)))
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
        let after = &s[len + sep.len_utf8()..];
        // `一、二、三产业`: an enumeration of numerals, not a marker.
        let enumeration = chinese_number(after).is_some_and(|(_, l)| after[l..].starts_with('、'));
        return (sep == '、' && !enumeration).then_some((Level::One, n, len + sep.len_utf8()));
    }
    let (n, len) = arabic_number(s)?;
    let sep = s[len..].chars().next()?;
    if !matches!(fold(sep), '.' | '、') {
        return None;
    }
    let after = &s[len + sep.len_utf8()..];
    if after.chars().next().and_then(digit).is_some() {
        // `2.5`, `1.5万人`: a decimal number, not a marker. `1.2023年工作回顾` is a marker and a
        // title that starts with a year (a decimal has no `年` after four places).
        if fold(sep) == '.' && !starts_with_year(after) {
            return None;
        }
        // `1、2、3号楼`: an enumeration of numbers. (`1、2月份` is left to `is_date_like`.)
        let next_sep = arabic_number(after).and_then(|(_, l)| after[l..].chars().next());
        if next_sep == Some('、') {
            return None;
        }
    }
    Some((Level::Three, n, len + sep.len_utf8()))
}

/// Four digits and `年` at the start of `s`: `2023年`.
fn starts_with_year(s: &str) -> bool {
    digit_run(s, 0, 4).is_some_and(|r| r.count == 4 && s[r.end..].starts_with('年'))
}

/// `1、2月份`, `一、二季度`, `(一)三月`: the marker's number and the next one enumerate months or
/// days, so the line is not a heading. The two numbers are written alike and the second is the
/// larger; `一、10月和11月数据对比` (a Chinese marker, then a date in digits) is a heading, and so is
/// `(一)三年行动圆满收官` (years are not checked).
fn is_date_like(after_marker: &str, chinese_marker: bool, marker_number: u32) -> bool {
    let num = if chinese_marker {
        chinese_number(after_marker)
    } else {
        arabic_number(after_marker)
    };
    let Some((n, l)) = num else { return false };
    let rest = &after_marker[l..];
    n > marker_number && ["月", "日", "季度"].iter().any(|u| rest.starts_with(u))
}

/// `1.“两重”：是指……`, `1.“四上”企业：` (nothing after the colon): a numbered glossary entry, a
/// term and its definition. Only the words right after the colon and the quoting of the term
/// tell it from a colon run-in heading such as `1.工业投资方面:1-5月全区完成工业投资29.3亿元`.
fn is_glossary_item(clause: &str) -> bool {
    let Some((term, def)) = clause
        .char_indices()
        .take(GLOSSARY_TERM_CHARS + 1)
        .find(|&(_, c)| matches!(c, ':' | '：'))
        .map(|(i, c)| (&clause[..i], &clause[i + c.len_utf8()..]))
    else {
        return false;
    };
    let term = term.trim_matches(is_blank);
    let def = def.trim_matches(is_blank);
    let quoted = |t: &str| t.contains(['“', '"', '「', '『', '《']);
    let fully_quoted = (term.starts_with('“') && term.ends_with('”'))
        || (term.starts_with('"') && term.ends_with('"') && term.len() > 1);
    (def.is_empty() && quoted(term))
        || fully_quoted
        || lexicon::words(Class::DefinitionWord)
            .iter()
            .any(|w| def.starts_with(w))
}

/// Cells separated by `|`, tabs or wide gaps (two blanks or more): a table row. Not a line with
/// a `。`: prose pasted from a PDF may hold double blanks (`(一)强化理论武装。…培训班 3  期…`),
/// a table's cells end no sentence.
fn is_table_row(s: &str) -> bool {
    if text::has_char(s, '。') {
        return false;
    }
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
    // Most lines end otherwise: look at the last character before copying the line.
    let last = line
        .trim_end_matches(|c| is_blank(c) || matches!(c, ':' | '：'))
        .chars()
        .next_back();
    if !last.is_some_and(|c| {
        c == '注'
            || lexicon::words(Class::GlossaryHeader)
                .iter()
                .any(|h| h.ends_with(c))
    }) {
        return false;
    }
    let t = strip_blanks(line);
    let t = t.trim_end_matches([':', '：']);
    if t.is_empty() || t.chars().count() > 24 || text::has_char(t, '。') {
        return false;
    }
    t == "注"
        || lexicon::words(Class::GlossaryHeader)
            .iter()
            .any(|h| t.ends_with(h))
}

/// `附件`, `附件1`, `附件2：`: an attachment starts, with its own numbering.
fn is_attachment_line(line: &str) -> bool {
    if line.len() > MAX_SHORT_LINE_BYTES || !line.trim_start_matches(is_blank).starts_with('附') {
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
    if is_date_like(rest, matches!(level, Level::One | Level::Two), number) {
        return None;
    }
    let clause = match rest.find('。') {
        Some(i) => &rest[..i],
        None => rest,
    };
    // Control characters (binary junk, a stray `\x01`) never end a title either.
    let title_text =
        clause.trim_end_matches(|c: char| is_blank(c) || c.is_control() || TITLE_TRIM.contains(&c));
    // `1.工业投资方面:1-5月…`: a short lead and a colon make a run-in heading however long
    // its first sentence runs.
    let colon_lead = clause
        .chars()
        .take(GLOSSARY_TERM_CHARS + 1)
        .any(|c| matches!(c, ':' | '：'));
    if (title_text.chars().count() > MAX_TITLE_CHARS && !colon_lead)
        || dates::is_date_only(title_text)
        || is_table_row(rest)
    {
        return None;
    }
    // `1.“两重”：是指……`: a glossary entry, term then colon.
    if level == Level::Three && is_glossary_item(clause) {
        return None;
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
    match level {
        Level::One => format!("{}、", chinese_name(n)),
        Level::Two => format!("({})", chinese_name(n)),
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
    outline_in(text, &lines(text).collect::<Vec<_>>())
}

/// [`outline`], given the text's [`lines`].
pub fn outline_in(text: &str, all: &[Line]) -> (Vec<Heading>, Vec<Warning>) {
    let mut headings: Vec<Heading> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut nonblank = all
        .iter()
        .filter(|l| !l.of(text).trim_matches(is_blank).is_empty());
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
    for &line in all {
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
    // Per level: the last accepted number under the open parent, the last accepted number
    // anywhere (for numbering that runs on across parents), and the open heading.
    let mut last = [0u32; 4];
    let mut last_anywhere = [0u32; 4];
    let mut open: [Option<usize>; 4] = [None; 4];
    // Headings accepted since the start or the last attachment line.
    let mut accepted = 0usize;
    for (i, item) in items.iter().enumerate() {
        let c = match item {
            Item::Attachment => {
                last = [0; 4];
                last_anywhere = [0; 4];
                open = [None; 4];
                accepted = 0;
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
        } else if prev == 0 && li > 0 && c.number > 1 && c.number == last_anywhere[li] + 1 {
            // `(二)` / `3.` after `(一)` / `1.` `2.`: level 3 numbered through the document.
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
        } else if prev == 0 && (accepted == 0 || confirmed(i, c)) {
            // An excerpt that starts mid-outline (`十三、人口`), or a late start confirmed by
            // its successor.
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
        last_anywhere[li] = c.number;
        accepted += 1;
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

/// `indicators` with each one's `heading` set to the innermost heading before it.
pub fn with_sections(mut indicators: Vec<Indicator>, headings: &[Heading]) -> Vec<Indicator> {
    for i in &mut indicators {
        i.heading = heading_at(headings, i.span.start);
    }
    indicators
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
    fn colon_run_in_headings() {
        // 工作总结 and 经济运行分析 write their level-3 items as `指标方面:数据…`. The title runs
        // to the first `。` (GOLD_FORMAT), even past 100 characters.
        let long = "1-5月全市规上工业增加值同比增长6.2%,增速比一季度提高1.1个百分点,其中装备制造业增长9.8%,高技术制造业增长12.4%,消费品制造业增长3.1%,原材料制造业增长2.7%,能源工业增长4.6%,六大高耗能行业增长1.9%";
        let t = format!(
            "一、主要指标完成情况\n1.规上工业增加值方面:{long}。增速居全省第3位。\n2.固定资产投资方面：1-5月全市完成固定资产投资129.5亿元。\n3.“专精特新”培育方面:新增省级专精特新企业12家。\n4.数量变化:\n"
        );
        let o = outline_of(&t);
        let got: Vec<_> = o.iter().map(|h| (h.0, h.2, h.3.as_str())).collect();
        assert_eq!(
            got[1],
            (3, 1, format!("规上工业增加值方面:{long}").as_str())
        );
        assert_eq!(
            got[2],
            (3, 2, "固定资产投资方面：1-5月全市完成固定资产投资129.5亿元")
        );
        assert_eq!(
            got[3],
            (3, 3, "“专精特新”培育方面:新增省级专精特新企业12家")
        );
        assert_eq!(got[4], (3, 4, "数量变化"));
        // A glossary entry keeps its shape: a quoted term alone, or a definition word.
        assert!(is_glossary_item("“四上”企业："));
        assert!(is_glossary_item(
            "“两新”：是指大规模设备更新和消费品以旧换新"
        ));
        assert!(is_glossary_item(
            "应对国际金融危机的一揽子计划：是指我国出台的一系列政策措施"
        ));
        assert!(!is_glossary_item("工业投资方面:1-5月全区纳统在库项目127个"));
        assert!(!is_glossary_item("“新上规”培育方面:今年新入规工业企业19家"));
    }

    #[test]
    fn titles_that_start_with_a_number_or_a_date() {
        let t = "一、10月和11月数据对比：\n二、2023年工作回顾\n1.2023年主要经济指标\n2、1-5月工业运行情况\n";
        let got: Vec<_> = outline_of(t).into_iter().map(|h| h.3).collect();
        assert_eq!(
            got,
            [
                "10月和11月数据对比",
                "2023年工作回顾",
                "2023年主要经济指标",
                "1-5月工业运行情况"
            ]
        );
        // Still an enumeration of months: the same kind of numeral, the larger after.
        assert!(find("(一)三月份，全市完成投资。\n").is_empty());
        assert!(find("1.2024年3月1日\n").is_empty());
        assert!(find("1、2、3号楼完成改造。\n").is_empty());
        assert!(find("一、二、三产业增加值分别增长3.1%、5.2%和6.0%。\n").is_empty());
    }

    #[test]
    fn marker_alone_on_its_line() {
        // A hard break after the marker (pasted web lists): a heading with an empty title
        // (GOLD_FORMAT: the text after the marker up to the line end), indented or not.
        let t = "一、基本情况\n1.机构设置\n2.\n人员编制\n3.职责职能\n    1.\n贯彻执行城市管理工作的方针政策。\n2.负责指导全区城市管理工作。\n";
        let (h, w) = outline(t);
        let got: Vec<_> = h
            .iter()
            .map(|h| (h.number, h.title.as_str(), h.line))
            .collect();
        assert_eq!(
            got,
            [
                (1, "基本情况", 1),
                (1, "机构设置", 2),
                (2, "", 3),
                (3, "职责职能", 5),
                (1, "", 6),
                (2, "负责指导全区城市管理工作", 8)
            ]
        );
        assert_eq!(h[2].title_span.start, h[2].marker_span.end);
        let msgs: Vec<_> = w.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "层级跳跃：一、之后直接出现1.",
                "编号重新开始：3.之后又出现1."
            ]
        );
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
    fn excerpt_start_is_kept_late_child_needs_its_successor() {
        // An excerpt that starts at `三、`: kept with a warning, with or without `四、`.
        let t = "三、2026年工作安排\n（一）突出扩大内需战略基点\n四、加强政府自身建设\n";
        let (h, w) = outline(t);
        assert_eq!(h.len(), 3);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "编号跳跃：三、之前缺少一、");
        assert_eq!(
            find("三、2026年工作安排\n（一）突出扩大内需战略基点\n").len(),
            2
        );
        // p25: a 统计公报 chapter pasted on its own.
        assert_eq!(find("　　九、居民收入消费和社会保障\n").len(), 1);
        // Under an open heading, a child that starts late is a quoted item unless its
        // successor follows.
        let t = "一、工作回顾\n（三）加强政府自身建设\n二、工作安排\n";
        assert_eq!(find(t).len(), 2);
        let t = "一、工作回顾\n（三）加强政府自身建设\n（四）防范化解风险\n";
        assert_eq!(find(t).len(), 3);
    }

    #[test]
    fn level_three_numbered_through_the_document() {
        // Many 法治政府建设 reports number `1.` `2.` under `(一)` and go on with `3.` under `(二)`.
        let t = "一、主要举措和成效\n(一)加强党的领导\n1.完善工作机制。\n2.压实工作责任。\n(二)深化“放管服”改革\n3.深化行政审批制度改革。全年办理事项238项。\n4.优化营商环境。\n";
        let (h, w) = outline(t);
        let got: Vec<_> = h.iter().map(|h| (h.number, h.parent)).collect();
        assert_eq!(
            got,
            [
                (1, None),
                (1, Some(0)),
                (1, Some(1)),
                (2, Some(1)),
                (2, Some(0)),
                (3, Some(4)),
                (4, Some(4))
            ]
        );
        assert!(w.is_empty(), "{w:?}");
        // A number that neither restarts nor runs on is still a quoted item.
        let t = "(一)加强党的领导\n1.完善工作机制。\n(二)深化改革\n5.优化营商环境。\n";
        assert_eq!(find(t).len(), 3);
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
