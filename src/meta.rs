//! Title line, website metadata block, closing signature and the year the report covers.
//!
//! - **Title**: the first line near the top, before the outline starts, that is short, has no
//!   `。` or label colon, and names a report ([`Class::TitleWord`](crate::lexicon::Class::TitleWord) in `data/structure.tsv`: 报告/情况/总结/公报…), e.g.
//!   `荔波县人民政府2023年度法治政府建设工作情况报告`. A subtitle glued on after a dash is cut off
//!   (`政府工作报告——2024年3月5日在…` → `政府工作报告`); letter-spaced titles lose their spaces
//!   (`政 府 工 作 报 告` → `政府工作报告`, the span covers the line as written), and so is a
//!   site name after `_` (`…年度报告_某市人民政府`). Page furniture
//!   is skipped: breadcrumbs (`首页/ 政务公开/ …/ 正文`, `首页 > …`), lines opening with
//!   [`Class::Furniture`](crate::lexicon::Class::Furniture) in `data/structure.tsv` (`您所在的位置`, `今天是`, `来源`…), and a bare column label of four
//!   characters or fewer (`工作报告`) when a fuller title line follows. Without a title line,
//!   the metadata's `标题`/`名称` field is the title, and failing that a news item's headline
//!   (the first short line above a lead such as `法治日报讯 记者…`).
//! - **Metadata**: a government website's block such as
//!   `索 引 号: | 000014349/2024-351576 | 信息分类: | 其他` / `发布机构: | 生成日期: | 2024-03-04`,
//!   parsed into fields keyed without inner spaces (`索引号`, `生成日期`); a label alone on its
//!   line takes the next short line as its value (`发表时间：` / `2026-02-09 09:45:30`); in a `|`
//!   table a listed label may fill its cell without a colon (`标 题 | …的通知 |`). Labels
//!   are data ([`Class::MetaKey`](crate::lexicon::Class::MetaKey) in `data/structure.tsv`); only the first block near the top is read.
//! - **Signature**: a date line among the last lines (`2024年3月1日`, `2024-03-01`,
//!   `二〇二六年一月二十七日`), with the issuer on the line before (`荔波县人民政府`) or on the
//!   same line.
//! - **Report year**: the year the report covers (`GOLD_FORMAT.md`). A speech to a congress
//!   (`各位代表`, or `政府工作报告` in the title) reviews the year before the one it is given in:
//!   `2026年政府工作报告` covers 2025. First rule that applies:
//!   1. a year in the title; in a speech's `…工作报告` title the year it is given in, less one
//!      (`2023年度` is the covered year itself);
//!   2. the year opening a clause of the first prose lines (`2024年,楚雄市坚持…`,
//!      `2023年以来,…`, `报告指出,2015年全市法院…`); when they state none, or the text opens
//!      with a heading, of the first top-level heading unless it names plans
//!      (`一、2022年法治政府建设主要举措`, not `一、2023年工作打算`: the plans cues of
//!      `data/parts.tsv`), then of the first paragraph under it; not inside `《》`, not a target
//!      or range (`到2025年`, `2025年底前`, `2021年至2025年`). For a speech this comes last but
//!      one, as its opening may name the year it is given in (`2026年是…开局之年`);
//!   3. the date of a speech's subtitle (`——2026年1月26日在…会议上` → 2025), which for any
//!      other report is the year it was delivered;
//!   4. a speech's review heading (`一、2019年和今年以来工作回顾` → 2019);
//!   5. the signature date, a bare date under the title (`（2024年3月1日）`) or the metadata
//!      date, less one when it falls in the first half of the year (a report signed in March
//!      2024 covers 2023); a bare `（2023年度）` under the title is the year itself. Not for a
//!      title ending in a notice or plan word ([`Class::NonReportEnding`](crate::lexicon::Class::NonReportEnding) in `data/structure.tsv`: `…的通知`, `…实施方案`),
//!      which covers no past year, nor, without a title, for a text that issues a document
//!      ([`Class::IssuingPhrase`](crate::lexicon::Class::IssuingPhrase) in `data/structure.tsv`: `…印发给你们`).
//!
//! Dates are read with the one date grammar of [`crate::dates`], keeping those in
//! [`REPORT_YEARS`] (1949–2100): a report recalls older years but is not dated in them.
//!
//! Not read: titles spread over three lines or more, signatures in the middle of the text,
//! metadata blocks after the first one. A text that states no year gets none.

use std::ops::RangeInclusive;

use crate::dates::{self, date_at, Date};
use crate::lexicon::{self, Class};
use crate::model::{Heading, MetaField, Metadata, Signature, Title};
use crate::numbers::{digit_run, written_digit};
use crate::span::Span;
use crate::text::{self, digit, is_blank, lines, Line};

/// A title candidate this short (`工作报告`, a column label) gives way to a fuller title line
/// further down.
const SHORT_LABEL_CHARS: usize = 4;

/// How a speech to a congress addresses it: such a report reviews the year before it is given.
const SPEECH_ADDRESS: &str = "各位代表";

/// A congress's work report in a title (`政府工作报告`, `法院工作报告`): with a speech's address,
/// the title's year is the year it is given in.
const WORK_REPORT: &str = "工作报告";

/// How many prose lines (sentences, or a lead-in ending in `:`) of the opening are searched for
/// the covered year.
const OPENING_LINES: usize = 3;

/// Metadata labels whose value is the publication date, in order of preference.
pub const META_DATE_KEYS: &[&str] = &["生成日期", "发布日期", "发文日期", "成文日期", "发布时间"];

/// How many non-blank lines from the top are searched for the title, subtitle and metadata.
const FRONT_LINES: usize = 12;
/// How many non-blank lines from the end are searched for the signature.
const SIGNATURE_LINES: usize = 4;
/// Longest title or issuer line, in characters.
const MAX_TITLE_CHARS: usize = 60;
const MAX_ISSUER_CHARS: usize = 40;

/// Years a report can be dated or cover: from the founding of the People's Republic to 2100.
/// Older years in a report are history it recalls (`一八四〇年鸦片战争`, `1840年以来`), not
/// its date; the date grammar itself reads the wider [`dates::YEARS`].
pub const REPORT_YEARS: RangeInclusive<u32> = 1949..=2100;

/// Whether `d` has a year in [`REPORT_YEARS`].
fn in_report_years(d: &Date) -> bool {
    d.year.is_some_and(|y| REPORT_YEARS.contains(&y))
}

/// The first date of `s` (with a year, not a range) in [`REPORT_YEARS`]: what the title,
/// signature, metadata and deadline rules read.
pub fn report_date(s: &str) -> Option<Date> {
    dates::all(s).find(in_report_years)
}

fn trimmed(text: &str, line: Line) -> Span {
    let s = line.of(text);
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let t = s.trim_matches(is_blank);
    Span::new(line.start + lead, line.start + lead + t.len())
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '─' | '-' | '－' | '–')
}

/// Removes blanks that stand between two non-ASCII characters (`政 府 工 作 报 告`) or between
/// one and a digit (`某县 2025 年度`, as a PDF sets a year; the same with full-width digits),
/// but not between two digits or next to a Latin letter.
fn close_up(s: &str) -> String {
    // One pass: a run of blanks is held back until the character after it shows whether it goes
    // (a run at the start or the end of `s` stays).
    let mut out = String::with_capacity(s.len());
    let mut before: Option<char> = None;
    let mut run: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices() {
        if is_blank(c) {
            let from = run.map_or(i, |r| r.0);
            run = Some((from, i + c.len_utf8()));
            continue;
        }
        if let Some((from, to)) = run.take() {
            let closes = before.is_some_and(|b| {
                let (bd, ad) = (digit(b).is_some(), digit(c).is_some());
                (!b.is_ascii() || bd) && (!c.is_ascii() || ad) && !(bd && ad)
            });
            if !closes {
                out.push_str(&s[from..to]);
            }
        }
        out.push(c);
        before = Some(c);
    }
    if let Some((from, to)) = run {
        out.push_str(&s[from..to]);
    }
    out
}

/// The title on this line, if it is one.
fn title_of(text: &str, line: Line) -> Option<Title> {
    let span = trimmed(text, line);
    let s = span.of(text);
    if s.starts_with(is_dash) || s.chars().count() > 2 * MAX_TITLE_CHARS {
        return None;
    }
    // Cut a subtitle glued on after a dash (`政府工作报告——2024年3月5日在…`) and a site name
    // after an underscore, as in a page title (`…年度报告_某市人民政府`).
    let cut = s
        .char_indices()
        .find(|&(i, c)| {
            (is_dash(c) && s[i + c.len_utf8()..].starts_with(is_dash)) || matches!(c, '_' | '＿')
        })
        .map_or(s.len(), |(i, _)| i);
    let t = s[..cut].trim_end_matches(is_blank);
    let closed = close_up(t);
    // `首页/ 政务公开/ 统计公报/ 正文`: a breadcrumb trail with slashes.
    let slashes = t.chars().filter(|&c| matches!(c, '/' | '／')).count();
    if slashes >= 2
        || lexicon::words(Class::Furniture)
            .iter()
            .any(|p| closed.starts_with(p))
    {
        return None;
    }
    if t.is_empty()
        || closed.chars().count() > MAX_TITLE_CHARS
        // A label line (`来源：`), a sentence, or a breadcrumb trail (`首页 > 政务公开`).
        || t.contains(['。', '|', ':', '：', '，', ',', '>', '＞', '›', '»', '→'])
        || !lexicon::words(Class::TitleWord).iter().any(|w| text::has(&closed, w))
    {
        return None;
    }
    Some(Title {
        text: closed,
        span: Span::new(span.start, span.start + t.len()),
        line: line.number,
    })
}

/// A title wrapped over two lines, as text copied from a PDF arrives (`…生态环境局关于2024年度` /
/// `法治政府建设情况的报告`): the line right above `t` joins it when it leads into it (it holds
/// `关于` or ends with `年`/`年度`) and is no sentence, label or breadcrumb trail (a title line of
/// its own above would have been the title). An issuer's line above a title that starts with `关于` stays apart.
#[inline(never)]
fn wrapped(text: &str, front: &[Line], t: Title) -> Title {
    let Some(prev) = front.iter().rev().find(|l| l.number + 1 == t.line) else {
        return t;
    };
    let head = trimmed(text, *prev);
    let p = head.of(text);
    let joins = (text::has(p, "关于") || p.ends_with('年') || p.ends_with("年度"))
        && !t.text.starts_with("关于");
    // (No sentence, label or breadcrumb trail: `首页 > 政务公开 > 2024年度`.)
    if !joins
        || p.contains(['。', '，', '：'])
        || p.bytes().any(|b| matches!(b, b':' | b'>' | b'/' | b'|'))
        || p.chars().count() + t.text.chars().count() > MAX_TITLE_CHARS
    {
        return t;
    }
    Title {
        text: [close_up(p), t.text].concat(),
        span: Span::new(head.start, t.span.end),
        line: prev.number,
    }
}

/// A metadata label at the start of `s`: the key, and the byte length through the colon.
fn label_at(s: &str) -> Option<(&'static str, usize)> {
    let first = s.chars().next()?;
    'keys: for key in lexicon::words(Class::MetaKey)
        .iter()
        .filter(|k| k.starts_with(first))
    {
        let mut pos = 0;
        for (k, kc) in key.chars().enumerate() {
            if k > 0 {
                pos += s[pos..].len() - s[pos..].trim_start_matches(is_blank).len();
            }
            if !s[pos..].starts_with(kc) {
                continue 'keys;
            }
            pos += kc.len_utf8();
        }
        pos += s[pos..].len() - s[pos..].trim_start_matches(is_blank).len();
        let colon = s[pos..].chars().next();
        if let Some(c @ (':' | '：')) = colon {
            return Some((key, pos + c.len_utf8()));
        }
    }
    None
}

/// Labels in a line: (key, label start, label end), relative to the line.
/// An unlisted label filling a whole `|` cell (`发文机构: |`): its key, without blanks.
fn cell_label(s: &str) -> Option<(String, usize)> {
    // Labels are short: look no further than 24 characters for the cell's end.
    let end = s
        .char_indices()
        .take(24)
        .find(|&(_, c)| c == '|')
        .map(|(i, _)| i)?;
    let t = s[..end].trim_end_matches(is_blank);
    let key = t.strip_suffix([':', '：'])?;
    let key: String = key.chars().filter(|&c| !is_blank(c)).collect();
    let ok = (2..=8).contains(&key.chars().count()) && key.chars().all(crate::units::is_cjk);
    ok.then_some((key, t.len()))
}

/// A listed label filling a whole `|` cell without a colon (`标 题 | 金昌市…的通知 |`).
fn bare_cell_label(s: &str) -> Option<(&'static str, usize)> {
    let end = s
        .char_indices()
        .take(24)
        .find(|&(_, c)| c == '|')
        .map(|(i, _)| i)?;
    let t = s[..end].trim_end_matches(is_blank);
    let key: String = t.chars().filter(|&c| !is_blank(c)).collect();
    lexicon::words(Class::MetaKey)
        .iter()
        .find(|k| **k == key)
        .map(|k| (*k, t.len()))
}

/// Labels in a line: (key, label start, label end), relative to the line.
fn labels(s: &str) -> Vec<(String, usize, usize)> {
    let piped = s.contains('|');
    let mut out = Vec::new();
    let mut i = 0;
    // At the line start or after `|`, blanks aside: where a whole cell begins.
    let mut after_pipe = true;
    while i < s.len() {
        let prev = s[..i].chars().next_back();
        let at_cell_start = !prev.is_some_and(|c| !(is_blank(c) || c == '|' || c == '\t'));
        if at_cell_start {
            let found = label_at(&s[i..])
                .map(|(k, len)| (k.to_string(), len))
                .or_else(|| (piped && after_pipe).then(|| cell_label(&s[i..])).flatten())
                .or_else(|| {
                    (piped && after_pipe)
                        .then(|| bare_cell_label(&s[i..]))
                        .flatten()
                        .map(|(k, len)| (k.to_string(), len))
                });
            if let Some((key, len)) = found {
                out.push((key, i, i + len));
                i += len;
                after_pipe = false;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        after_pipe = c == '|' || (after_pipe && is_blank(c));
        i += c.len_utf8();
    }
    out
}

fn value_span(text: &str, from: usize, to: usize) -> Span {
    let v = &text[from..to];
    let trim = |c: char| is_blank(c) || c == '|';
    let lead = v.len() - v.trim_start_matches(trim).len();
    let t = v.trim_matches(trim);
    Span::new(from + lead, from + lead + t.len())
}

/// The first metadata block among the front lines.
fn metadata(text: &str, front: &[Line]) -> Option<Metadata> {
    let mut fields: Vec<MetaField> = Vec::new();
    let mut span: Option<Span> = None;
    let mut pending_alone: Option<usize> = None; // field whose label stood alone on its line
    let mut lines_used = 0;
    for &line in front {
        let s = line.of(text);
        let found = labels(s);
        if found.is_empty() {
            if let Some(fi) = pending_alone.take() {
                let v = trimmed(text, line);
                let vs = v.of(text);
                if vs.chars().count() <= 30 && !vs.contains(['。', '：', '【', '|']) {
                    fields[fi].value = vs.to_string();
                    fields[fi].span = v;
                    span = span.map(|sp| Span::new(sp.start, line.end));
                    continue;
                }
            }
            if !fields.is_empty() {
                break;
            }
            continue;
        }
        pending_alone = None;
        lines_used += 1;
        for (k, (key, _ls, le)) in found.iter().enumerate() {
            let to = found.get(k + 1).map_or(s.len(), |n| n.1);
            let v = value_span(text, line.start + le, line.start + to);
            let v = if v.is_empty() {
                Span::new(line.start + le, line.start + le)
            } else {
                v
            };
            fields.push(MetaField {
                key: key.to_string(),
                value: v.of(text).to_string(),
                span: v,
            });
        }
        if found.len() == 1 && s[found[0].2..].trim_matches(is_blank).is_empty() {
            pending_alone = Some(fields.len() - 1);
        }
        let first = found[0].1 + line.start;
        span = Some(match span {
            Some(sp) => Span::new(sp.start, line.end),
            None => Span::new(first, line.end),
        });
    }
    let span = span?;
    // One lone `来源：` line is a byline, not a metadata block.
    (lines_used >= 2 || fields.len() >= 2).then_some(Metadata { span, fields })
}

fn signature(text: &str, all: &[Line]) -> Option<Signature> {
    let tail: Vec<Line> = all
        .iter()
        .rev()
        .filter(|l| !l.of(text).trim_matches(is_blank).is_empty())
        .take(SIGNATURE_LINES)
        .copied()
        .collect();
    for (k, &line) in tail.iter().enumerate() {
        let span = trimmed(text, line);
        let s = span.of(text);
        if s.chars().count() > MAX_ISSUER_CHARS + 20 {
            continue;
        }
        // The date ends the line; an issuer may stand before it on the same line.
        let Some(h) = report_date(s) else { continue };
        if h.day.is_none() || !s[h.end..].trim_matches(is_blank).is_empty() {
            continue;
        }
        let date_span = Span::new(span.start + h.start, span.start + h.end);
        let before = s[..h.start].trim_matches(is_blank);
        let issuer_span = if !before.is_empty() {
            is_issuer(before).then(|| {
                let st = span.start;
                Span::new(st, st + s[..h.start].trim_end_matches(is_blank).len())
            })
        } else {
            tail.get(k + 1)
                .map(|&l| trimmed(text, l))
                .filter(|sp| is_issuer(sp.of(text)))
        };
        if !before.is_empty() && issuer_span.is_none() {
            continue;
        }
        return Some(Signature {
            issuer: issuer_span.map(|sp| sp.of(text).to_string()),
            issuer_span,
            date: Some(h.iso()),
            date_span: Some(date_span),
        });
    }
    None
}

fn is_issuer(s: &str) -> bool {
    // `特此报告` closes the text; it does not sign it.
    !s.is_empty()
        && !s.starts_with("特此")
        && s.chars().count() <= MAX_ISSUER_CHARS
        && !s.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
        && !s.is_ascii()
}

/// Characters after `YYYY年` that make it a time frame, a range or a date, not the year the
/// text reports on: `2025年底前`, `2023年和2024年`, `2021年至2025年`, `2024年3月`.
const NOT_COVERED_AFTER_YEAR: &[char] = &[
    '底', '末', '前', '后', '起', '内', '将', '要', '和', '及', '与', '至', '到', '—', '-', '－',
    '~', '～', '月', '的',
];

/// The covered year stated where a clause of the opening begins: `2024年,楚雄市…`,
/// `2023年以来,…`, `2020年度…`, `报告指出,2015年全市法院…`, `(记者 沙雪良)2019年北京市…`.
/// Years inside `《》` and years that open a time frame or a range are skipped, and so is
/// `2008年以来` unless `since_ok` (a span of years recalled, where the text states no year of
/// its own before it).
fn opening_year(s: &str, since_ok: bool) -> Option<i32> {
    let mut depth = 0usize;
    let mut clause_start = true;
    // Characters of a subject still allowed between `现将` and the year (`现将我厅2025年…`,
    // `现将本单位2025年…`): the first is 我 or 本.
    let mut lead = 0u8;
    for (i, c) in s.char_indices() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && clause_start && written_digit(c).is_some() {
            if let Some(h) = date_at(s, i).filter(|h| h.is_dated() && in_report_years(h)) {
                let after = &s[h.end..];
                let next = after.chars().next();
                // `2023年度` is the year itself, whatever follows.
                let ok = h.month.is_none()
                    && (since_ok || !after.starts_with("以来"))
                    && (h.fiscal
                        || next.is_some_and(|n| !NOT_COVERED_AFTER_YEAR.contains(&n))
                            && (next.and_then(digit).is_none() || month_range(after)));
                if ok {
                    return h.year.map(|y| y as i32);
                }
            }
        }
        if !is_blank(c) {
            let subject = lead > 0 && (lead < 3 || matches!(c, '我' | '本'));
            lead = if c == '将' && reports_as_follows(s, i) {
                3
            } else if subject {
                lead - 1
            } else {
                0
            };
            clause_start = matches!(
                c,
                '，' | ',' | '。' | '；' | ';' | '：' | ':' | ')' | '）' | '！' | '？'
            ) || lead == 3
                || subject;
        }
    }
    None
}

/// Whether the `将` at `i` is that of the lead-in `现将(我厅)2025年工作情况报告如下`: after `现`, with
/// `报告`, `总结` or `汇报` and then `如下` in its sentence (not a notice's
/// `现将2026年有关事项通知如下`).
#[inline(never)]
fn reports_as_follows(s: &str, i: usize) -> bool {
    // (Bytes, not chars: a few comparisons of UTF-8 slices.)
    let rest = &s.as_bytes()[i..];
    let end = rest.windows(3).position(|w| w == "。".as_bytes());
    s[..i].ends_with('现')
        && rest[..end.unwrap_or(rest.len())].windows(12).any(|w| {
            w.ends_with("如下".as_bytes())
                && ["报告", "总结", "汇报"]
                    .iter()
                    .any(|v| w.starts_with(v.as_bytes()))
        })
}

/// How far into a line (in characters) a news lead word is looked for.
const NEWS_LEAD_CHARS: usize = 16;

/// A news item's headline: the longest short line that is no page furniture above the lead
/// paragraph (`法治日报讯 记者韩宇 近日,…`); the longest, so that a site name such as
/// `某某日报客户端` above or below it does not win. Used only when there is no report title.
fn news_headline(text: &str, front: &[Line]) -> Option<Title> {
    let is_lead = |s: &str| {
        let head: String = s
            .trim_start_matches(is_blank)
            .chars()
            .take(NEWS_LEAD_CHARS)
            .collect();
        text::has(s, "。")
            && lexicon::words(Class::NewsLead)
                .iter()
                .any(|w| text::has(&head, w))
    };
    let lead = front.iter().position(|l| is_lead(l.of(text)))?;
    let candidates = front[..lead].iter().filter_map(|&line| {
        let span = trimmed(text, line);
        let t = span.of(text);
        let closed = close_up(t);
        let n = closed.chars().count();
        let furniture = lexicon::words(Class::Furniture)
            .iter()
            .any(|p| closed.starts_with(p))
            || report_date(t).is_some_and(|h| h.day.is_some())
            || !labels(t).is_empty()
            || t.contains(['。', '|', '/', '>', '＞', '【', '】']);
        (!furniture && (6..=MAX_TITLE_CHARS).contains(&n)).then_some((
            n,
            Title {
                text: closed,
                span,
                line: line.number,
            },
        ))
    });
    // The first of the longest.
    candidates
        .fold(None, |best: Option<(usize, Title)>, c| match best {
            Some(b) if b.0 >= c.0 => Some(b),
            _ => Some(c),
        })
        .map(|(_, t)| t)
}

/// `1-5月`, `1—11月`, `1至6月`: the months a year-to-date figure covers.
fn month_range(s: &str) -> bool {
    let Some(a) = digit_run(s, 0, 2).map(|r| r.end) else {
        return false;
    };
    let Some(sep) = s[a..].chars().next() else {
        return false;
    };
    let b = a + sep.len_utf8();
    matches!(sep, '-' | '－' | '—' | '~' | '～' | '至' | '到')
        && digit_run(s, b, 2).is_some_and(|r| s[r.end..].starts_with('月'))
}

/// The metadata's own title field (`标 题 | …的通知 |`), when the text has no title line.
fn metadata_title(all: &[Line], m: Option<&Metadata>) -> Option<Title> {
    let f = m?
        .fields
        .iter()
        .find(|f| (f.key == "标题" || f.key == "名称") && !f.value.is_empty())?;
    let line = all
        .iter()
        .find(|l| l.start <= f.span.start && f.span.start <= l.end)?;
    (f.value.chars().count() <= 2 * MAX_TITLE_CHARS).then(|| Title {
        text: f.value.clone(),
        span: f.span,
        line: line.number,
    })
}

/// The covered year from a dated report: a date in the first half of a year is the report on
/// the year before.
fn covered_by(date: &Date) -> Option<i32> {
    let year = date.year? as i32;
    Some(match date.month {
        Some(m) if m <= 6 => year - 1,
        _ => year,
    })
}

/// What the front and the end of a report say about it: [`find`]'s result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Option<Title>,
    pub metadata: Option<Metadata>,
    pub signature: Option<Signature>,
    /// The year the report covers.
    pub report_year: Option<i32>,
}

/// The title, metadata block, signature and covered year of `text`, whose outline is
/// `headings` (the front lines end at the first heading; a speech's review heading gives a
/// year).
pub fn find(text: &str, headings: &[Heading]) -> Meta {
    find_in(text, &lines(text).collect::<Vec<_>>(), headings)
}

/// [`find`], given the text's [`lines`].
pub fn find_in(text: &str, all: &[Line], headings: &[Heading]) -> Meta {
    let mut x = Meta::default();
    let first_heading_line = headings.first().map_or(usize::MAX, |h| h.line);
    let front: Vec<Line> = all
        .iter()
        .filter(|l| l.number < first_heading_line && !l.of(text).trim_matches(is_blank).is_empty())
        .take(FRONT_LINES)
        .copied()
        .collect();

    x.metadata = metadata(text, &front);
    let in_meta = |l: &Line| {
        x.metadata
            .as_ref()
            .is_some_and(|m| m.span.start < l.end && l.start < m.span.end)
    };
    // The first title line, unless it is a bare column label (`工作报告`) and a fuller title
    // line follows; else the metadata's own title field.
    let candidates: Vec<Title> = front
        .iter()
        .filter(|l| !in_meta(l))
        .filter_map(|&l| title_of(text, l))
        .collect();
    x.title = candidates
        .iter()
        .find(|t| t.text.chars().count() > SHORT_LABEL_CHARS)
        .or(candidates.first())
        .cloned()
        .map(|t| wrapped(text, &front, t))
        .or_else(|| metadata_title(all, x.metadata.as_ref()))
        .or_else(|| {
            let lines: Vec<Line> = front.iter().filter(|l| !in_meta(l)).copied().collect();
            news_headline(text, &lines)
        });
    x.signature = signature(text, all);

    // A speech to a congress (政府工作报告) reviews the year before the one it is given in.
    let speech = text::has(text, SPEECH_ADDRESS)
        || x.title
            .as_ref()
            .is_some_and(|t| text::has(&t.text, "政府工作报告"));
    // `2026年政府工作报告` reviews 2025; `2023年度…工作报告` names the year it covers.
    let title_year = x.title.as_ref().and_then(|t| {
        let h = report_date(&t.text)?;
        let year = h.year? as i32;
        let given = speech && text::has(&t.text, WORK_REPORT) && !h.fiscal;
        Some(if given { year - 1 } else { year })
    });
    // A speech's dated subtitle: `——2026年1月26日在…`, `（2026年1月27日在…）`.
    let subtitle_year = || {
        front.iter().find_map(|l| {
            let s = l.of(text).trim_start_matches(is_blank);
            let start = s
                .char_indices()
                .find(|&(i, c)| {
                    (is_dash(c) && (i == 0 || s[i + c.len_utf8()..].starts_with(is_dash)))
                        || (i == 0 && matches!(c, '（' | '('))
                })
                .map(|(i, _)| i)?;
            let rest = s[start..].trim_start_matches(|c: char| is_dash(c) || c == '（' || c == '(');
            // `…日在…会议上`: the day the speech was given; a speech reviews the year before
            // (given in its first half, as congresses meet).
            let h = date_at(rest, 0)
                .filter(|h| h.is_dated() && in_report_years(h))
                .filter(|h| h.day.is_some() && rest[h.end..].starts_with('在'))?;
            if speech {
                covered_by(&h)
            } else {
                h.year.map(|y| y as i32)
            }
        })
    };
    // A bare date under the title, `（2024年3月1日）`: when the report was issued.
    let front_date = || {
        front.iter().find_map(|l| {
            let s = l
                .of(text)
                .trim_matches(|c: char| is_blank(c) || matches!(c, '（' | '(' | '）' | ')'));
            // `（2023年度）`: the year itself.
            let date =
                date_at(s, 0).filter(|h| h.is_dated() && in_report_years(h) && h.end == s.len())?;
            if date.fiscal {
                return date.year.map(|y| y as i32);
            }
            date.day.and(covered_by(&date))
        })
    };
    // The opening: prose lines before the outline; when they state no year (or the text opens
    // with a heading), the first top-level heading unless it announces plans
    // (`一、2022年法治政府建设主要举措`, not `一、2023年工作打算`), then the first paragraph
    // under it.
    let opening = || {
        // A sentence, or a paragraph leading into the report (`2022年,县人民政府…,现将有关
        // 情况报告如下:`), not an address (`各位代表:`).
        let prose = |l: &&Line| {
            let s = l.of(text);
            let lead_in =
                s.trim_end_matches(is_blank).ends_with([':', '：']) && s.contains([',', '，']);
            (text::has(s, "。") || lead_in) && !in_meta(l)
        };
        let mut preamble = front.iter().filter(prose).take(OPENING_LINES).peekable();
        // Without a preamble the text opens with its outline (an excerpt): the paragraph under
        // the first heading is its opening.
        let since_ok = preamble.peek().is_none();
        preamble
            .find_map(|l| opening_year(l.of(text), true))
            .or_else(|| {
                let h = headings.first().filter(|h| h.parent.is_none())?;
                let plans = crate::parts::parts()
                    .iter()
                    .filter(|p| p.id == "plans")
                    .any(|p| p.heading_cues.iter().any(|c| text::has(&h.title, c)));
                if plans {
                    None
                } else {
                    opening_year(&h.title, false)
                }
            })
            .or_else(|| {
                // Headings are in line order: a binary search keeps this linear in the text.
                let is_heading = |n: usize| headings.binary_search_by_key(&n, |h| h.line).is_ok();
                all.iter()
                    .filter(|l| l.number > first_heading_line && !is_heading(l.number))
                    .find(prose)
                    .and_then(|l| opening_year(l.of(text), since_ok))
            })
    };
    // Notices and plans cover no past year: their dates are not turned into one.
    let dated_ok = match x.title.as_ref() {
        Some(t) => {
            let t = t.text.trim_end_matches(|c: char| {
                is_blank(c) || matches!(c, '(' | ')' | '（' | '）') || digit(c).is_some()
            });
            !lexicon::words(Class::NonReportEnding)
                .iter()
                .any(|w| t.ends_with(w))
        }
        None => !front.iter().any(|l| {
            lexicon::words(Class::IssuingPhrase)
                .iter()
                .any(|p| text::has(l.of(text), p))
        }),
    };
    // `一、2019年和今年以来工作回顾`: the year reviewed.
    let review = || {
        if !text::has(text, SPEECH_ADDRESS) {
            return None;
        }
        headings
            .iter()
            .filter(|h| h.parent.is_none() && text::has(&h.title, "回顾"))
            .find_map(|h| report_date(&h.title))
            .and_then(|h| h.year)
            .map(|y| y as i32)
    };
    let signed = || {
        x.signature
            .as_ref()
            .and_then(|s| s.date_span)
            .and_then(|sp| report_date(sp.of(text)))
            .and_then(|h| covered_by(&h))
    };
    let published = || {
        publication_date(x.metadata.as_ref())
            .and_then(|(v, _)| report_date(&v))
            .and_then(|h| covered_by(&h))
    };
    // A speech's opening may name the year it is given in (`2026年是“十五五”开局之年`): its
    // subtitle and review heading come first.
    x.report_year = title_year
        .or_else(|| if speech { None } else { opening() })
        .or_else(subtitle_year)
        .or_else(review)
        .or_else(|| if speech { opening() } else { None })
        .or_else(|| {
            dated_ok
                .then(|| signed().or_else(front_date).or_else(published))
                .flatten()
        });
    x
}

/// The publication date of a metadata block (value as written, and its key), if it has one.
pub fn publication_date(m: Option<&Metadata>) -> Option<(String, &'static str)> {
    let m = m?;
    META_DATE_KEYS.iter().find_map(|k| {
        m.fields
            .iter()
            .find(|f| f.key == *k && report_date(&f.value).is_some_and(|h| h.day.is_some()))
            .map(|f| (f.value.clone(), *k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Meta {
        find(t, &crate::outline::find(t))
    }

    #[test]
    fn dates() {
        let h = report_date("——2026年1月26日在广东省").unwrap();
        assert_eq!((h.iso(), h.start), ("2026-01-26".to_string(), 6));
        assert_eq!(
            report_date("——二〇二六年一月二十七日在").unwrap().iso(),
            "2026-01-27"
        );
        assert_eq!(
            report_date("——２０１０年３月５日").unwrap().iso(),
            "2010-03-05"
        );
        assert_eq!(
            report_date("生成日期: | 2024-03-04").unwrap().iso(),
            "2024-03-04"
        );
        assert_eq!(report_date("共12345件"), None);
        assert_eq!(report_date("2026年").unwrap().iso(), "2026");
        assert!(dates::is_date_only("2024年3月1日"));
        assert!(dates::is_date_only(" 二〇二四年三月 "));
        assert!(!dates::is_date_only("2024年工作回顾"));
    }

    #[test]
    fn title_metadata_signature() {
        let t = "荔波县人民政府2023年度法治政府建设工作情况报告\n索 引 号: | 000014349/2024-351576 | 信息分类: | 其他\n发布机构: | 生成日期: | 2024-03-04 | |\n文 号: | 是否有效: | ||\n名 称: | 荔波县人民政府2023年度法治政府建设工作情况报告 |\n2023年以来,在州委、州政府的坚强领导下。\n一、2023年推进法治政府建设的主要举措和成效\n荔波县人民政府\n2024年3月1日\n";
        let x = run(t);
        let title = x.title.unwrap();
        assert_eq!(title.text, "荔波县人民政府2023年度法治政府建设工作情况报告");
        assert_eq!(title.line, 1);
        let m = x.metadata.unwrap();
        let f: Vec<_> = m
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            f,
            [
                ("索引号", "000014349/2024-351576"),
                ("信息分类", "其他"),
                ("发布机构", ""),
                ("生成日期", "2024-03-04"),
                ("文号", ""),
                ("是否有效", ""),
                ("名称", "荔波县人民政府2023年度法治政府建设工作情况报告"),
            ]
        );
        assert_eq!(m.fields[3].span.of(t), "2024-03-04");
        let s = x.signature.unwrap();
        assert_eq!(s.issuer.as_deref(), Some("荔波县人民政府"));
        assert_eq!(s.date.as_deref(), Some("2024-03-01"));
        assert_eq!(x.report_year, Some(2023));
    }

    #[test]
    fn spaced_title_and_subtitle_year() {
        let t = "政 府 工 作 报 告\r\n\r\n----2012年2月29日在海拉尔区第十三届人民代表大会第一次会议上\r\n\r\n各位代表：\r\n";
        let x = run(t);
        let title = x.title.unwrap();
        assert_eq!(title.text, "政府工作报告");
        assert_eq!(title.span.of(t), "政 府 工 作 报 告");
        // Given in February 2012, it reviews 2011.
        assert_eq!(x.report_year, Some(2011));
        let t = "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n";
        let x = run(t);
        assert_eq!(x.title.unwrap().text, "政府工作报告");
        assert_eq!(x.report_year, Some(2023));
    }

    #[test]
    fn no_title_years_from_text() {
        let t = "2020年,市政府坚持以习近平新时代中国特色社会主义思想为指导。\n一、主要举措和成效亮点\n乐平市人民政府\n2021年3月28日";
        let x = run(t);
        assert_eq!(x.title, None);
        assert_eq!(x.report_year, Some(2020));
        let t =
            "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2019年和今年以来工作回顾\n";
        assert_eq!(run(t).report_year, Some(2019));
        let t = "我们坚持依法行政。\n荔波县人民政府\n二〇二四年三月一日\n";
        let x = run(t);
        assert_eq!(x.signature.unwrap().date.as_deref(), Some("2024-03-01"));
        assert_eq!(x.report_year, Some(2023));
    }

    #[test]
    fn breadcrumb_is_not_a_title_closing_formula_not_an_issuer() {
        let t = "首页 > 政务公开 > 法治政府建设年度报告\n某县2023年法治政府建设年度报告\n正文。\n特此报告\n2024年3月1日\n";
        let x = run(t);
        assert_eq!(x.title.unwrap().text, "某县2023年法治政府建设年度报告");
        let s = x.signature.unwrap();
        assert_eq!((s.issuer, s.date.as_deref()), (None, Some("2024-03-01")));
    }

    #[test]
    fn dated_line_under_a_title_without_year() {
        let t = "某县法治政府建设年度报告\n（2024年3月1日）\n过去一年，我县坚持依法行政。\n";
        assert_eq!(run(t).report_year, Some(2023));
        let t = "某县法治政府建设年度报告\n（2023年度）\n过去一年，我县坚持依法行政。\n";
        assert_eq!(run(t).report_year, Some(2023));
    }

    #[test]
    fn page_furniture_is_not_the_title() {
        // A column label above the real title, a clock line, a breadcrumb with `>`.
        let t = "今天是:2024年3月5日 星期二\n工作报告\n您所在的位置:政务公开 > 工作报告\n某区2023年法治政府建设情况报告\n文章来源:司法局 更新时间:2024/03/29 11:30:01\n2023年,某区坚持依法行政。\n";
        let x = run(t);
        assert_eq!(x.title.unwrap().text, "某区2023年法治政府建设情况报告");
        assert_eq!(x.report_year, Some(2023));
        // A breadcrumb with slashes; the title year in Chinese numerals.
        let t = "首页/ 政务公开/ 统计信息/ 统计公报/ 正文\n某县二〇二三年国民经济和社会发展统计公报\n某县统计局\n2024年4月15日\n2023年是全面贯彻党的二十大精神的开局之年。\n";
        let x = run(t);
        assert_eq!(
            x.title.unwrap().text,
            "某县二〇二三年国民经济和社会发展统计公报"
        );
        assert_eq!(x.report_year, Some(2023));
        // A short label alone is still a title.
        assert_eq!(
            run("工作报告\n我局坚持依法行政。\n").title.unwrap().text,
            "工作报告"
        );
    }

    #[test]
    fn covered_year_from_the_opening() {
        // News items: the year opens a clause of the first paragraphs, not inside 《》.
        let t = "本报讯 (记者张三)3月27日,市中级人民法院召开新闻发布会,发布《2023年度全市法院行政审判白皮书》。\n白皮书显示,2023年全市法院新收一审行政案件1120件。\n";
        let x = run(t);
        assert_eq!((x.title, x.report_year), (None, Some(2023)));
        let t = "新京报快讯(记者 张三)2019年某市法治政府建设报告日前发布。\n";
        assert_eq!(run(t).report_year, Some(2019));
        // An excerpt that opens with a heading: the paragraph under it.
        let t = "一、全市法院行政审判情况\n2020年,全市法院共受理各类案件7976件。\n";
        assert_eq!(run(t).report_year, Some(2020));
        // A preamble that states no year: the body under the headings is not searched.
        let t = "主任、副主任、各位委员:\n我院对2008年以来的行政审判工作进行了全面回顾。\n一、基本情况\n2008年以来,全市法院审结行政案件。\n";
        assert_eq!(run(t).report_year, None);
        // Targets and time frames are not the covered year.
        assert_eq!(run("到2025年,基本建成法治政府。\n").report_year, None);
        assert_eq!(run("2025年底前,完成清理工作。\n").report_year, None);
        assert_eq!(run("2023年和2024年,全市累计投资。\n").report_year, None);
        assert_eq!(run("2024年3月1日,市政府召开常务会议。\n").report_year, None);
        // Year-to-date figures state their year.
        let t = "2024年1-5月,全区规上工业增加值同比增长6.2%。\n";
        assert_eq!(run(t).report_year, Some(2024));
    }

    #[test]
    fn recalled_history_is_not_the_covered_year() {
        // 1840 is a date (dates::YEARS), not a year a report covers (REPORT_YEARS).
        let t = "一八四〇年鸦片战争以来，中华民族饱经磨难。\n我县坚持依法行政。\n某县人民政府\n二○二四年三月一日\n";
        let x = run(t);
        assert_eq!(x.signature.unwrap().date.as_deref(), Some("2024-03-01"));
        assert_eq!(x.report_year, Some(2023));
        assert_eq!(dates::find(t, &[])[0].iso, "1840");
    }

    #[test]
    fn delivery_date_is_not_the_covered_year() {
        let t = "某市人民政府关于法治政府建设工作情况的报告\n(2024年5月30日在市人大常委会第十次会议上)\n市人大常委会:\n2023年,在市委坚强领导下,全市各级行政机关坚持依法行政。\n";
        assert_eq!(run(t).report_year, Some(2023));
        // A 政府工作报告 is given in the year after the one it reviews.
        let t = "政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上\n各位代表：\n2026年是“十五五”开局之年。\n";
        assert_eq!(run(t).report_year, Some(2025));
        let t = "2026年上海市政府工作报告\n各位代表：\n";
        assert_eq!(run(t).report_year, Some(2025));
        // A year of account in the title is the year covered, speech or not.
        let t = "某市人民检察院2023年度工作报告\n各位代表：\n";
        assert_eq!(run(t).report_year, Some(2023));
        // Without the address, a 工作报告's title year is the year covered.
        let t = "某市中级人民法院2023年工作报告\n2023年,全市法院坚持公正司法。\n";
        assert_eq!(run(t).report_year, Some(2023));
    }

    #[test]
    fn opening_without_a_title_or_a_year_in_its_preamble() {
        // The preamble states no year: the first top-level heading, then the paragraph under it.
        let t = "今年以来,县人民政府坚持依法行政。\n一、主要举措\n2022年,县人民政府坚持以习近平新时代中国特色社会主义思想为指导。\n";
        assert_eq!(run(t).report_year, Some(2022));
        let t = "一、2022年法治政府建设主要举措\n(一)加强组织领导。全年召开会议3次。\n";
        assert_eq!(run(t).report_year, Some(2022));
        // A heading of plans names the year to come.
        let t = "一、2023年工作打算\n(一)加强组织领导。\n";
        assert_eq!(run(t).report_year, None);
    }

    #[test]
    fn notice_title_from_metadata_cells_and_no_guessed_year() {
        let t = "索 引 号 | 0001/2025-48086 | 主题分类 | 政府 |\n成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |\n标 题 | 某市人民政府关于印发《某市法治政府建设实施方案》的通知 |\n各县区人民政府:\n现将《某市法治政府建设实施方案》印发给你们,请认真贯彻落实。\n某市人民政府\n2025年6月13日\n";
        let x = run(t);
        let title = x.title.unwrap();
        assert_eq!(
            title.text,
            "某市人民政府关于印发《某市法治政府建设实施方案》的通知"
        );
        assert_eq!((title.span.of(t), title.line), (title.text.as_str(), 3));
        let keys: Vec<_> = x
            .metadata
            .unwrap()
            .fields
            .into_iter()
            .map(|f| f.key)
            .collect();
        assert_eq!(keys, ["索引号", "主题分类", "成文日期", "发布日期", "标题"]);
        assert_eq!(x.report_year, None);
        // Without a title line: the issuing phrase marks the notice.
        let t = "各县区人民政府:\n现将《某市法治政府建设实施方案》印发给你们,请认真贯彻落实。\n某市人民政府\n2025年6月13日\n";
        assert_eq!(run(t).report_year, None);
    }

    #[test]
    fn page_title_with_site_name() {
        let t = "某市2023年法治政府建设年度报告_某市人民政府\n2023年,我市坚持依法行政。\n";
        let title = run(t).title.unwrap();
        assert_eq!(title.text, "某市2023年法治政府建设年度报告");
        assert_eq!(title.span.of(t), "某市2023年法治政府建设年度报告");
    }

    #[test]
    fn news_headline_is_the_title() {
        let t = "某市行政机关负责人出庭应诉率达百分之百\n\n时间:2025-08-05 来源:司法部 作者:佚名\n  法治日报讯 记者张三 近日,记者从某市中级人民法院获悉。\n据介绍,2024年,某市两级法院新收一审行政案件240件。\n";
        let x = run(t);
        assert_eq!(
            x.title.map(|t| t.text).as_deref(),
            Some("某市行政机关负责人出庭应诉率达百分之百")
        );
        assert_eq!(x.report_year, Some(2024));
        let t = "某某日报客户端\n来自 社会 2020-03-31 17:06 的文章\n某市行政主体去年败诉率11.8%,同比下降3%\n新京报快讯(记者 张三)2019年某市法治政府建设报告日前发布。\n";
        let x = run(t);
        assert_eq!(
            x.title.map(|t| t.text).as_deref(),
            Some("某市行政主体去年败诉率11.8%,同比下降3%")
        );
        assert_eq!(x.report_year, Some(2019));
    }

    #[test]
    fn labels_on_one_line_separated_by_blanks() {
        let t = "XX市司法局2023年法治政府建设年度报告\n发布时间：2024-03-20 来源：XX市司法局 浏览次数：\n2023年，我局扎实推进法治政府建设。\n";
        let x = run(t);
        let f: Vec<_> = x
            .metadata
            .unwrap()
            .fields
            .into_iter()
            .map(|f| (f.key, f.value))
            .collect();
        let want = [
            ("发布时间", "2024-03-20"),
            ("来源", "XX市司法局"),
            ("浏览次数", ""),
        ];
        assert_eq!(f.len(), want.len());
        for ((k, v), (wk, wv)) in f.iter().zip(want) {
            assert_eq!((k.as_str(), v.as_str()), (wk, wv));
        }
    }

    #[test]
    fn unlisted_labels_in_cells() {
        let t = "某县2023年法治政府建设年度报告\n索 引 号: | 0001/2024-1 | 组 织 机 构: | 某县司法局\n公开形式: | 主动公开 | 生成日期: | 2024-03-04\n";
        let m = run(t).metadata.unwrap();
        let f: Vec<_> = m
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            f,
            [
                ("索引号", "0001/2024-1"),
                ("组织机构", "某县司法局"),
                ("公开形式", "主动公开"),
                ("生成日期", "2024-03-04")
            ]
        );
    }

    #[test]
    fn label_alone_takes_next_line() {
        let t = "2026年宁夏回族自治区政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n各位代表：\n";
        let x = run(t);
        let m = x.metadata.unwrap();
        let f: Vec<_> = m
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            f,
            [
                ("发表时间", "2026-02-09 09:45:30"),
                ("来源", "宁夏日报客户端")
            ]
        );
        assert_eq!(x.report_year, Some(2025));
    }
}
