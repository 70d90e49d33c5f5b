//! The five parts a 法治政府建设年度报告 must contain under the 2019
//! 《法治政府建设与责任落实督察工作规定》, and the publication deadline.
//!
//! Each part is
//! - `present` when a heading names it (`二、2023年推进法治政府建设存在的不足和原因`): level-1
//!   headings are searched first, then deeper ones;
//! - `mentioned` when only a paragraph cue does (`下步,楚雄市将…`, `但仍然存在薄弱环节`), with the
//!   cue's span. The closing paragraph is searched first (unheaded reports put their
//!   shortcomings and plans there), with strong and weak cues (`将继续`, `薄弱`); then strong
//!   cues anywhere outside `《》`, the strongest cue of the list first. For the measures, a
//!   thematic top-level section (`一、高度重视,组织领导坚强有力`) is the evidence;
//! - `missing` otherwise.
//!
//! The cue lists are data (`data/parts.tsv`, [`parts`]). Example: in a report whose headings are
//! `一、主要举措和成效亮点` / `二、存在不足` / `三、2021年工作安排`, the measures, shortcomings and
//! plans are present; the leaders' duties are mentioned if a paragraph says
//! `履行推进法治政府建设第一责任人职责`; the fifth part is missing.
//!
//! Deadline: the report on year N is due by 1 April of N+1. The date checked is the signature
//! date, else the metadata's publication date (`生成日期`, …); a later date is `late`. Without a
//! report year or a full date there is no check.
//!
//! Not done: judging whether a part says enough, or the 1 March deadline for departments.

use std::sync::OnceLock;

use crate::anchors;
use crate::lexicon::{self, Class};
use crate::meta::Meta;
use crate::model::{
    Citation, Deadline, DeadlineStatus, Heading, Metadata, Part, PartStatus, Signature,
};
use crate::span::Span;
#[cfg(test)]
use crate::text::lines;
use crate::text::{self, is_blank, Hits, Line};

/// One mandated part and the words that reveal it (from `data/parts.tsv`).
#[derive(Debug)]
pub struct PartDef {
    pub id: &'static str,
    pub name: &'static str,
    /// Words in a heading title that name the part.
    pub heading_cues: Vec<&'static str>,
    /// Paragraph phrases that mention the part anywhere, strongest first.
    pub strong_cues: Vec<&'static str>,
    /// Phrases that mention it only in the closing paragraph.
    pub weak_cues: Vec<&'static str>,
}

/// The five parts' ids and names, in the order of the 2019 rules; ids as in
/// [`lexicon::PART_IDS`].
const NAMES: [(&str, &str); 5] = [
    ("measures", "主要举措和成效"),
    ("shortcomings", "存在的不足和原因"),
    (
        "leadership",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
    ),
    ("plans", "下一年度推进法治政府建设的主要安排"),
    ("other", "其他需要报告的情况"),
];

/// The five parts with their cues, loaded once.
pub fn parts() -> &'static [PartDef] {
    static PARTS: OnceLock<Vec<PartDef>> = OnceLock::new();
    PARTS.get_or_init(|| {
        let cues = |class: Class, id: &str| -> Vec<&'static str> {
            lexicon::entries(class)
                .iter()
                .filter(|e| e.value == id)
                .map(|e| e.word)
                .collect()
        };
        NAMES
            .iter()
            .map(|&(id, name)| PartDef {
                id,
                name,
                heading_cues: cues(Class::PartHeading, id),
                strong_cues: cues(Class::PartStrong, id),
                weak_cues: cues(Class::PartWeak, id),
            })
            .collect()
    })
}

/// The bytes of `s` as a set of 64 (bit `b & 63` for each byte `b`), for [`names`]. (A loop
/// that stops once every bit is set: the exit also keeps LLVM from vectorising it, ~150 B
/// more of the web build for strings this short.)
#[inline(never)]
fn byte_set(s: &str) -> u64 {
    let mut m = 0u64;
    for b in s.bytes() {
        m |= 1 << (b & 63);
        if m == u64::MAX {
            break;
        }
    }
    m
}

/// Whether a heading's `title`, of [`byte_set`] `set`, names the part `def` (holds one of its
/// heading cues). A report has hundreds of headings, the parts ~30 cues: a cue with a byte
/// outside the title's set is not in it, which rules out most pairs without a search (~350
/// x86 instructions each in the web build).
fn names(def: &PartDef, title: &str, set: u64) -> bool {
    def.heading_cues
        .iter()
        .any(|c| c.bytes().all(|b| set >> (b & 63) & 1 != 0) && text::has(title, c))
}

/// Whether `span` overlaps a citation (citations are sorted and disjoint).
fn in_citation(citations: &[Citation], span: Span) -> bool {
    let i = citations.partition_point(|c| c.span.start < span.end);
    i > 0 && citations[i - 1].span.overlaps(span)
}

/// The first occurrence, outside citations, of the first cue (in list order, strongest first)
/// that occurs in `text[from..to]`; searched among the text's `anchors` when given and the
/// range is the whole text ([`anchors::find_all`]: their offsets are the whole text's).
fn first_cue(
    text: &str,
    anchors: Option<&Hits>,
    from: usize,
    to: usize,
    cues: &[&str],
    citations: &[Citation],
) -> Option<Span> {
    let hay = &text[from..to];
    debug_assert!(
        anchors.is_none() || hay.len() == text.len(),
        "anchors of a part of the text"
    );
    cues.iter().find_map(|cue| {
        anchors::find_all(hay, anchors, cue)
            .map(|i| Span::new(from + i, from + i + cue.len()))
            .find(|span| !in_citation(citations, *span))
    })
}

/// The last line of `text` that ends by `limit` and holds more than blanks, as [`lines`]
/// gives it (its number aside): the text between two line breaks (`\n`, `\r`), read from the
/// end. (`\r\n` leaves an empty piece between its two bytes, and empty pieces are skipped.)
fn last_line(text: &str, limit: usize) -> Option<Line> {
    let b = text.as_bytes();
    let mut end = b.len();
    loop {
        let start = b[..end]
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(0, |i| i + 1);
        if end <= limit && !text[start..end].trim_matches(is_blank).is_empty() {
            return Some(Line {
                number: 0,
                start,
                end,
            });
        }
        end = start.checked_sub(1)?;
    }
}

/// The first top-level heading that names none of the parts: a thematic section about the
/// year's work (`一、高度重视,组织领导坚强有力`), the usual way reports lay out their measures
/// without saying so. (`sets`: the titles' [`byte_set`]s.)
fn thematic_section(headings: &[Heading], sets: &[u64]) -> Option<Span> {
    headings
        .iter()
        .zip(sets)
        .filter(|(h, _)| h.parent.is_none())
        .find(|&(h, &set)| !parts().iter().any(|p| names(p, &h.title, set)))
        .map(|(h, _)| h.title_span)
}

/// The five parts of `text`, found from its headings, its paragraphs outside `citations` and
/// its closing paragraph (the last one before the signature of `meta`); `anchors` are the
/// text's ([`anchors::find`]).
pub fn check(
    text: &str,
    anchors: &Hits,
    headings: &[Heading],
    citations: &[Citation],
    meta: &Meta,
) -> Vec<Part> {
    // The closing paragraph: the last non-blank line that is not the signature.
    let sig_start = meta
        .signature
        .as_ref()
        .and_then(|s| s.issuer_span.or(s.date_span))
        .map_or(text.len(), |s| s.start);
    // (Read from the end: splitting the whole text into lines to keep the last was a pass
    // over every line of the report.) It must come after the last heading's line.
    let closing = last_line(text, sig_start).filter(|l| {
        headings
            .last()
            .map_or(true, |h| l.start > h.title_span.start)
    });

    let sets: Vec<u64> = headings.iter().map(|h| byte_set(&h.title)).collect();
    parts()
        .iter()
        .map(|def| {
            let by_heading = [true, false].iter().find_map(|&top| {
                (0..headings.len()).find(|&i| {
                    let h = &headings[i];
                    (h.parent.is_none()) == top && names(def, &h.title, sets[i])
                })
            });
            if let Some(i) = by_heading {
                let h = &headings[i];
                return Part {
                    id: def.id,
                    name: def.name,
                    status: PartStatus::Present,
                    heading: Some(i),
                    span: Some(h.title_span),
                    figures: 0,
                    items: 0,
                };
            }
            let thematic = (def.id == "measures")
                .then(|| thematic_section(headings, &sets))
                .flatten();
            // The closing paragraph first: unheaded reports put shortcomings and plans there.
            let in_closing = |cues: &[&str]| {
                closing.and_then(|l| first_cue(text, None, l.start, l.end, cues, citations))
            };
            let mention = thematic
                .or_else(|| in_closing(&def.strong_cues))
                .or_else(|| in_closing(&def.weak_cues))
                .or_else(|| {
                    let all = text.len();
                    first_cue(text, Some(anchors), 0, all, &def.strong_cues, citations)
                });
            Part {
                id: def.id,
                name: def.name,
                status: if mention.is_some() {
                    PartStatus::Mentioned
                } else {
                    PartStatus::Missing
                },
                heading: None,
                span: mention,
                figures: 0,
                items: 0,
            }
        })
        .collect()
}

/// The date a report was made public, as ISO `YYYY-MM-DD`, with where it was read: the
/// signature's full date (`"signature"`), else the metadata's publication date (`"metadata"`).
pub fn published(
    text: &str,
    signature: Option<&Signature>,
    metadata: Option<&Metadata>,
) -> Option<(String, &'static str)> {
    let full = |s: &str| {
        crate::meta::report_date(s)
            .filter(|h| h.day.is_some())
            .map(|h| h.iso())
    };
    signature
        .and_then(|s| s.date_span)
        .and_then(|sp| full(sp.of(text)))
        .map(|d| (d, "signature"))
        .or_else(|| {
            crate::meta::publication_date(metadata)
                .and_then(|(v, _)| full(&v))
                .map(|d| (d, "metadata"))
        })
}

/// The publication deadline check: the date [`published`] finds against 1 April after the
/// covered year. Computed for every text; [`crate::checks::review`] keeps it for 法治政府建设
/// reports only, once the genre is known.
pub fn deadline(text: &str, meta: &Meta) -> Option<Deadline> {
    let year = meta.report_year?;
    let (date, source) = published(text, meta.signature.as_ref(), meta.metadata.as_ref())?;
    let due = format!("{:04}-04-01", year + 1);
    // ISO dates of equal length compare as text.
    let status = if date.as_str() > due.as_str() {
        DeadlineStatus::Late
    } else {
        DeadlineStatus::OnTime
    };
    Some(Deadline {
        date,
        source,
        due,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(t: &str) -> Vec<(&'static str, &'static str, Option<String>)> {
        let x = crate::extract(t);
        x.parts
            .iter()
            .map(|p| (p.id, p.status.as_str(), p.span.map(|s| s.of(t).to_string())))
            .collect()
    }

    #[test]
    fn headed_parts() {
        let t = "一、主要举措和成效亮点\n(一)全面筑牢法治基础\n二、存在不足\n工作中还存在一些问题和不足。\n三、2021年工作安排\n一是做好法治政府建设规划。\n";
        let s = statuses(t);
        assert_eq!(s[0].1, "present");
        assert_eq!(s[1], ("shortcomings", "present", Some("存在不足".into())));
        assert_eq!(s[2].1, "missing");
        assert_eq!(s[3], ("plans", "present", Some("2021年工作安排".into())));
        assert_eq!(s[4].1, "missing");
    }

    #[test]
    fn unheaded_closing_paragraph() {
        let t = "一、坚持政治引领,夯实法治政府建设根基。成立依法治区办,并建立了“法治联络员”第一责任人工作机制。\n总体上,示范区管委会2024年法治建设工作虽然取得了一定成效,但法治机构和队伍建设仍然比较薄弱,示范区管委会将不断强化使命担当。";
        let s = statuses(t);
        assert_eq!(s[1], ("shortcomings", "mentioned", Some("薄弱".into())));
        assert_eq!(
            s[0],
            (
                "measures",
                "mentioned",
                Some("坚持政治引领,夯实法治政府建设根基".into())
            )
        );
        // `第一责任人工作机制` is not the leaders' duty.
        assert_eq!(s[2].1, "missing");
        assert_eq!(s[3], ("plans", "mentioned", Some("将不断".into())));
    }

    /// `last_line` from the end against the last of `lines` from the start, on random texts of
    /// line breaks (`\n`, `\r`, `\r\n`), blanks and characters, for every limit.
    #[test]
    fn last_line_is_the_last_of_lines() {
        let alphabet = ["\n", "\r", "\r\n", " ", "\u{3000}", "a", "年", "。"];
        let mut rng = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
        let mut found = 0;
        for _ in 0..20_000 {
            let t = crate::testing::random_text(&mut rng, &alphabet, 12);
            for limit in 0..=t.len() + 1 {
                let want = lines(&t)
                    .filter(|l| l.end <= limit && !l.of(&t).trim_matches(is_blank).is_empty())
                    .last()
                    .map(|l| (l.start, l.end));
                found += usize::from(want.is_some());
                assert_eq!(
                    last_line(&t, limit).map(|l| (l.start, l.end)),
                    want,
                    "{t:?} {limit}"
                );
            }
        }
        assert!(found > 20_000, "{found}");
    }

    /// `names` (a byte set before each search) against the search for each cue alone: random
    /// titles of the cues' own characters and others that share bytes with them, for every
    /// part; some long enough to fill the set.
    #[test]
    fn names_is_a_search_for_each_cue() {
        // Whole cues, their characters, and others sharing bytes with them.
        let cues = parts().iter().flat_map(|p| p.heading_cues.iter().copied());
        let mut alphabet: Vec<String> = cues.clone().map(String::from).collect();
        alphabet.extend(cues.flat_map(|c| c.chars()).map(String::from));
        alphabet.extend(["、", "一", "年", "a", "é", "😀", "兲", "ﾂ"].map(String::from));
        let alphabet: Vec<&str> = alphabet.iter().map(String::as_str).collect();
        // A byte of every value modulo 64: the set full.
        let fill: String = (0x40u8..=0x7F).map(char::from).collect();
        let mut rng = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let (mut named, mut filled) = (0, 0);
        for k in 0..20_000 {
            let mut t = crate::testing::random_text(&mut rng, &alphabet, 6);
            if k % 10 == 0 {
                t.insert_str(0, &fill);
            }
            let set = byte_set(&t);
            filled += usize::from(set == u64::MAX);
            for def in parts() {
                let want = def.heading_cues.iter().any(|c| text::has(&t, c));
                named += usize::from(want);
                assert_eq!(names(def, &t, set), want, "{t:?} {}", def.id);
            }
        }
        assert!(named > 2_000 && filled > 100, "{named} {filled}");
    }

    #[test]
    fn cue_inside_citation_ignored() {
        let t = "制定《荔波县党政主要负责人履行推进法治建设第一责任人职责清单》。";
        assert_eq!(statuses(t)[2].1, "missing");
    }

    #[test]
    fn deadline_from_signature_and_metadata() {
        let t = "荔波县人民政府2023年度法治政府建设工作情况报告\n一、主要举措\n荔波县人民政府\n2024年3月1日";
        let d = crate::extract(t).deadline.unwrap();
        assert_eq!(
            (d.date.as_str(), d.source, d.due.as_str(), d.status),
            (
                "2024-03-01",
                "signature",
                "2024-04-01",
                DeadlineStatus::OnTime
            )
        );
        let t = "某区2023年法治政府建设年度报告\n发布机构: | 生成日期: | 2024-04-15 | |\n文 号: | 是否有效: | ||\n一、主要举措\n";
        let d = crate::extract(t).deadline.unwrap();
        assert_eq!((d.source, d.status), ("metadata", DeadlineStatus::Late));
    }
}
