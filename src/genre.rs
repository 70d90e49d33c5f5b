//! The text's genre: 法治政府建设年度报告, 政府工作报告, 统计公报, or something else.
//!
//! Read from the title line, the metadata block's 名称/标题, the first lines, the outline's
//! headings and the opening of the body, by weighted cue words (`data/genre.tsv`, which says how
//! they are scored). An opening without a title still has a genre: `2022年,司法局坚持…深入推进
//! 法治政府建设…` scores as a 法治政府建设 report from its body, `各位代表：` makes a 政府工作报告,
//! and `一、综合` / `经初步核算` / `人口出生率` a 统计公报.
//!
//! Everything inside `《》` is ignored (a notice that 印发《…法治政府建设实施方案》 is a notice),
//! and so are blanks (`政 府 工 作 报 告`).
//!
//! ```
//! use zhibiao::{extract, Genre};
//! let x = extract("2026年四川省人民政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。");
//! assert_eq!(x.genre, Genre::GovernmentWorkReport);
//! ```

use std::sync::OnceLock;

use crate::lexicon::{self, GenreCue as Cue, Zone};
use crate::model::{Extraction, Genre};
use crate::text::{self, is_blank, CharGroups, CharSet};

/// Lines of the head zone.
const HEAD_LINES: usize = 8;
/// Bytes of the body zone.
const BODY_BYTES: usize = 3000;
/// Bytes of a head line read.
const HEAD_LINE_BYTES: usize = 150;
/// Occurrences of one body cue counted at most.
const BODY_CAP: u32 = 3;
/// The lowest winning score.
const THRESHOLD: u32 = 4;

fn cues() -> &'static [Cue] {
    lexicon::genre_cues()
}

/// `s` without blanks and without what stands inside `《》` (brackets kept), appended to `out`.
fn push_plain(out: &mut String, s: &str) {
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '《' => {
                depth += 1;
                out.push(c);
            }
            '》' => {
                depth = depth.saturating_sub(1);
                out.push(c);
            }
            _ if depth > 0 || is_blank(c) => {}
            _ => out.push(c),
        }
    }
}

/// The largest char boundary at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The four zones' text.
struct Zones {
    title: String,
    head: String,
    heading: String,
}

impl Zones {
    fn new(text: &str, x: &Extraction) -> Self {
        let mut title = String::new();
        if let Some(t) = &x.title {
            push_plain(&mut title, &t.text);
            title.push('\n');
        }
        if let Some(m) = &x.metadata {
            for f in m
                .fields
                .iter()
                .filter(|f| f.key == "名称" || f.key == "标题")
            {
                push_plain(&mut title, &f.value);
                title.push('\n');
            }
        }
        let mut head = String::new();
        for line in text
            .lines()
            .filter(|l| !l.chars().all(is_blank))
            .take(HEAD_LINES)
        {
            push_plain(&mut head, &line[..floor_boundary(line, HEAD_LINE_BYTES)]);
            head.push('\n');
        }
        let mut heading = String::new();
        for h in &x.headings {
            push_plain(&mut heading, &h.title);
            heading.push('\n');
        }
        Zones {
            title,
            head,
            heading,
        }
    }

    fn get(&self, zone: Zone) -> &str {
        match zone {
            Zone::Title => &self.title,
            Zone::Head => &self.head,
            Zone::Heading => &self.heading,
            // Read in one pass by `scores`.
            Zone::Body => "",
        }
    }
}

/// How many times a cue counts in its zone.
fn hits(cue: &Cue, zone: &str) -> u32 {
    u32::from(cue.pieces.iter().all(|p| text::has(zone, p)))
}

/// The one-piece body cues by first character, so that the body is read once for all of them.
fn body_cues() -> &'static (CharSet, CharGroups<usize>) {
    static BODY: OnceLock<(CharSet, CharGroups<usize>)> = OnceLock::new();
    BODY.get_or_init(|| {
        let firsts: Vec<(char, usize)> = cues()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.zone == Zone::Body)
            .filter_map(|(i, c)| Some((c.pieces[0].chars().next()?, i)))
            .collect();
        (
            CharSet::new(firsts.iter().map(|f| f.0)),
            CharGroups::new(firsts),
        )
    })
}

/// The scores of the four genres, in [`Genre::ALL`] order.
fn scores(text: &str, x: &Extraction) -> [u32; 4] {
    let zones = Zones::new(text, x);
    let all = cues();
    let mut score = [0u32; 4];
    let mut body_hits = vec![0u32; all.len()];
    let (firsts, groups) = body_cues();
    // The body as written (cues hold no blanks), outside 《》.
    let body = &text[..floor_boundary(text, BODY_BYTES)];
    let mut depth = 0u32;
    for (i, c) in body.char_indices() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 && firsts.contains(c) => {
                for &k in groups.get(c) {
                    if body_hits[k] < BODY_CAP && body[i..].starts_with(all[k].pieces[0]) {
                        body_hits[k] += 1;
                    }
                }
            }
            _ => {}
        }
    }
    for (k, cue) in all.iter().enumerate() {
        let n = if cue.zone == Zone::Body {
            body_hits[k]
        } else {
            hits(cue, zones.get(cue.zone))
        };
        score[cue.genre as usize] += cue.weight * n;
    }
    score
}

/// The genre of `text`, from what [`crate::extract`] found before (title, metadata, headings).
pub fn classify(text: &str, x: &Extraction) -> Genre {
    let score = scores(text, x);
    let best = (0..4).max_by_key(|&g| score[g]).unwrap_or(3);
    let tied = (0..4).filter(|&g| score[g] == score[best]).count() > 1;
    if score[best] < THRESHOLD || tied {
        return Genre::Other;
    }
    Genre::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_titles_and_blanks_are_ignored() {
        let mut s = String::new();
        push_plain(&mut s, "关于印发《某市法治政府建设实施方案》的通 知");
        assert_eq!(s, "关于印发《》的通知");
    }

    #[test]
    fn a_tie_or_a_low_score_is_other() {
        assert_eq!(crate::extract("").genre, Genre::Other);
        assert_eq!(crate::extract("今年依法行政。").genre, Genre::Other);
    }
}
