//! What an indicator measures: the words that name it in its clause, and its canonical id.
//!
//! **Naming** (used by [`crate::indicators`]) looks back only within the clause of the value,
//! never past the previous indicator: a rate noun before the value (`合格率达98.7%` → `合格率`;
//! `参考率、合格率均为100%` names both), else the object before the number (`调解纠纷2321件` →
//! `调解纠纷`), else the noun after the unit with the verb before the number, as before an object
//! (`共聘请11名执业律师` → `聘请执业律师`; a list shares it). Connectors (`达`, `均为`), framing
//! words (`全市`, `2024年`, `其中`, `预计`, `力争`) and comparisons (`比上年`) are stripped; a bare
//! change (`比上年增长3.5%`) takes the metric of the value it follows, a value right after a
//! bracket is named by the words before it (`完成年度任务(111.3亿元)的38.7%`), and values after
//! `分别` take the list items before it in order (`受理、审结案件分别…` → 受理 / 审结案件).
//!
//! It does not guess: a clause without naming words gives no metric. The canonical id of a
//! metric comes from [`crate::taxonomy`].

use std::sync::OnceLock;

use crate::clause::{self, ideograph_ends_at, is_clause_end, is_clause_mark, is_sentence_end};
use crate::lexicon::{self, Class, WordIndex};
use crate::model::{Change, Indicator, Kind};
use crate::numbers::{self, is_chinese_numeral};
use crate::text::{self, fold, is_blank};
use crate::units;

// ---- Naming a metric from its clause ----

fn leading_words() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| WordIndex::new(lexicon::words(Class::Filler).iter().copied()))
}

fn object_verbs() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| WordIndex::new(lexicon::words(Class::ObjectVerb).iter().copied()))
}

/// Words that end a noun after a unit: object verbs (`党政主要负责人进行会议述法` →
/// `党政主要负责人`), change verbs and framing words.
fn noun_stops() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| {
        let words = |c| lexicon::words(c).iter().copied();
        WordIndex::new(
            words(Class::ObjectVerb)
                .chain(lexicon::change_verbs().iter().map(|v| v.0))
                .chain(words(Class::Filler))
                // 3万多居民群众直接受益: an adverb before the verb (and not 直 + 接受).
                .chain(words(Class::NounStop)),
        )
    })
}

/// Whether a noun running through `text[..at]` ends at `at` (`在粤就业` ends before 在; the 共 of
/// `公共法律服务中心` and the 在 of `在职人员` do not end it).
fn noun_stops_at(text: &str, at: usize, prev: char) -> bool {
    let rest = &text[at..];
    // (Most characters start no stop word: a bit test before the lookup.)
    if !rest
        .chars()
        .next()
        .is_some_and(|c| noun_stops().may_start(c))
    {
        return false;
    }
    let Some(w) = noun_stops().prefix(rest) else {
        return false;
    };
    // (计划新开工项目: 开工 after 新 is part of the noun.)
    let from_prev = &text[at - prev.len_utf8()..];
    if ends_like_fillers().prefix(from_prev).is_some() {
        return false;
    }
    w.chars().count() > 1 || not_fillers().prefix(rest).is_none()
}

fn trailing_words() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| {
        WordIndex::new(
            lexicon::words(Class::Connector)
                .iter()
                .chain(lexicon::words(Class::Filler))
                .copied(),
        )
    })
}

/// The words naming what the quantity at `[head, tail)` measures, from its clause: a rate noun
/// before the value (a list of rates sharing one value names them all), else the object before
/// the number, else the noun after the unit. `floor` is where the previous indicator's words end
/// (the clause never reaches back past it); `earlier` are the indicators before, the last of
/// which lends its metric to a bare change or a repeated value, its object to a verb alone and
/// its subject to an aspect alone (see [`related`]).
pub(crate) fn name(
    text: &str,
    head: usize,
    tail: usize,
    floor: usize,
    change: Option<&Change>,
    earlier: &[Indicator],
) -> Option<String> {
    // (One walk back finds where the clause starts and whether the figure is in brackets.)
    let (clause, bracketed) = walk_back(text, head, floor.min(head));
    // A comparison in brackets (`599件(2019年320件)`) lends its words to nothing after it.
    let prev = if bracketed {
        earlier.last()
    } else {
        earlier
            .iter()
            .rev()
            .take(3)
            .find(|e| !in_brackets(text, e.span.start, BRACKET_REACH))
    };
    // (Asked only when a name needs it, which most do not: the figure is not scanned for it.)
    let percent = || is_percent(&text[head..tail]);
    // A share keeps the result verb that names its whole (`完成年度任务的42.1%`); a rate of
    // change is of the quantity after it (`实现规上工业增加值同比增长13.3%` → 规上工业增加值).
    let share = || change.is_none() && percent();
    if let Some(m) = distributed(text, head, change, earlier) {
        return Some(finish(m, &share));
    }
    let m = name_in_clause(text, head, tail, floor, change, prev, clause)?;
    // (`plain_name` reads every byte of the name already: it tells of brackets and quotes too.)
    let (m, [bracket, mut quoted, xiang]) = plain_name(m);
    let m = if bracket && m.contains(['[', '［']) {
        without_footnotes(&m)
    } else {
        m
    };
    let m = finish(m, &share);
    // 市直相关部门应急演练, 推送相关信息的部门: 相关 inside a name says nothing (not first, nor
    // after 及/和: 文化及相关产业 is a term).
    let mut m = m;
    let b = m.as_bytes();
    // (Only in a name that held 相 when `plain_name` read it.)
    let at = xiang
        .then(|| (3..b.len().saturating_sub(11)).find(|&i| b[i..i + 6] == *"相关".as_bytes()))
        .flatten();
    if let Some(i) = at.filter(|&i| !m[..i].ends_with(['及', '和'])) {
        m.replace_range(i..i + 6, "");
    }
    // (A figure alone at the start of its line is a cell of a table laid out one cell a line:
    // the figure before is its row's neighbour, across the line breaks.)
    let cell = cell_start(text, head);
    let m = match prev.filter(|p| cell || near(text, p, head)) {
        Some(p) => match related(&m, text, head, tail, p, earlier) {
            Related::Name(r) => {
                quoted = true;
                r
            }
            Related::Nothing => return None,
            Related::Same => m,
        },
        // 办结12件 with no figure before: a case verb alone names nothing.
        None if bare_verb(&m).is_some() => return None,
        None => m,
    };
    let m = match prev.filter(|_| m.starts_with('占')) {
        Some(p) => {
            quoted = true;
            share_of(m, text, head, p, percent())
        }
        None => m,
    };
    // A closing quote with no opening one: a figure inside the quotes names the words up to it
    // (局下辖“17个大队、4个中队、1个服务中心” → 服务中心); a name running on past it starts inside a
    // quoted term (“以案定补”“以村为主”“多元化…”三项机制 gave `主”“多元化…”`, cut at the 为 in
    // the quotes) and keeps what follows the quote.
    // (Not in a name without quotes, as `plain_name` found it: `finish` and 相关 only drop
    // characters; a name made anew above may hold any.)
    let close = quoted.then(|| m.find(['”', '」', '』'])).flatten();
    let m = match close {
        Some(c) if !m[..c].contains(['“', '「', '『']) => {
            let after = &m[c + '”'.len_utf8()..];
            if after.is_empty() {
                m[..c].to_string()
            } else {
                after.to_string()
            }
        }
        _ if !quoted => m,
        // (局下辖“17个大队: no opening quote left at the end either.)
        _ => match m.strip_suffix(['“', '「', '『']) {
            Some(t) => t.to_string(),
            None => m,
        },
    };
    // Never a single character (千, “) or nothing. Never digits and signs alone:
    // `20.2026年10件民生实事` (a note's number before a year) is no `20.` named; a name has a
    // Chinese character or a letter (`5G基站`, `PM2.5平均浓度`). (Two ideographs first, as most
    // names start, pass both tests.)
    let b = m.as_bytes();
    if !(clause::ideograph_starts_at(b, 0) && clause::ideograph_starts_at(b, 3)) {
        // (A second character that is not blank: the rest of the name is not decoded.)
        m.chars().filter(|c| !is_blank(*c)).nth(1)?;
        if !m
            .chars()
            .any(|c| c.is_ascii_alphabetic() || ('\u{3400}'..='\u{9fff}').contains(&c))
        {
            return None;
        }
    }
    // 7976件(2019年6593件): the same metric in the year named.
    Some(match bracket_year(text, head) {
        Some(year) if !m.starts_with(year) => [year, &m].concat(),
        _ => m,
    })
}

/// A name as pasted from a PDF or web page (`受理 行政复议\u{3000}案件`, `全 市 法 律 援 助`):
/// Chinese is written without spaces, so blanks and zero-width characters go, except one space
/// between two ASCII letters or digits (`PM2.5 Index`). The words of the name are then
/// recognised as in clean text (ids included). (Full-width digits stay as written: folding them
/// too cost another ~500 B of wasm.)
/// Returned with whether the name holds a `[` or `［` (a footnote's bracket, [`without_footnotes`]),
/// a quotation mark (`“”「」『』`) and `相`.
#[inline(never)] // (rare: kept out of `name`)
fn plain_name(m: String) -> (String, [bool; 3]) {
    // (On bytes, with the UTF-8 of each blank of `text::is_blank`: a char loop was ~1.5 KB of wasm.)
    let blank_at = |b: &[u8], i: usize| -> usize {
        match b[i..] {
            [b' ' | b'\t' | 0x0B | 0x0C, ..] => 1,
            [0xC2, 0xA0, ..] => 2,
            [0xE3, 0x80, 0x80, ..] | [0xE2, 0x80, 0x80..=0x8D | 0xAF, ..] => 3,
            [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..] => 3,
            _ => 0,
        }
    };
    let b = m.as_bytes();
    // (A blank starts with one of these bytes, a bracket with `[` or EF, a quote with E2 or E3,
    // 相 with E7: `blank_at` only there.)
    let lead = |x: u8| {
        matches!(
            x,
            b' ' | b'\t' | 0x0B | 0x0C | 0xC2 | 0xE2 | 0xE3 | 0xE7 | 0xEF | b'['
        )
    };
    let (mut blank, mut bracket, mut quoted, mut xiang) = (false, false, false, false);
    // (Each starts a character: the loop steps over whole characters, by their lead bytes.)
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if lead(x) {
            blank |= blank_at(b, i) > 0;
            bracket |= matches!(b[i..], [b'[', ..] | [0xEF, 0xBC, 0xBB, ..]);
            quoted |= matches!(
                b[i..],
                [0xE2, 0x80, 0x9C | 0x9D, ..] | [0xE3, 0x80, 0x8C..=0x8F, ..]
            );
            xiang |= matches!(b[i..], [0xE7, 0x9B, 0xB8, ..]);
        }
        i += 1 + usize::from(x >= 0xC0) + usize::from(x >= 0xE0) + usize::from(x >= 0xF0);
    }
    if !blank {
        return (m, [bracket, quoted, xiang]);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let mut n = blank_at(b, i);
        if n == 0 {
            out.push(b[i]);
            i += 1;
            continue;
        }
        while n > 0 {
            i += n;
            n = if i < b.len() { blank_at(b, i) } else { 0 };
        }
        if out.last().is_some_and(u8::is_ascii_alphanumeric)
            && b.get(i).is_some_and(u8::is_ascii_alphanumeric)
        {
            out.push(b' ');
        }
    }
    // (Whole characters were copied and whole blanks left out: still UTF-8.)
    (
        String::from_utf8(out).unwrap_or(m),
        [bracket, quoted, xiang],
    )
}

/// Whether the figure as written is a percentage (`%`, `％`, `‰`, `百分点`).
#[inline(never)]
fn is_percent(figure: &str) -> bool {
    // (百分点 only after its 点, which most figures lack.)
    figure.contains(['%', '％', '‰'])
        || (text::has_char(figure, '点') && text::has(figure, "百分点"))
}

/// A share named by what it is a share of (`占全国就业人员比重`) with the subject of the figure
/// before it in the sentence: `城镇就业人员47345万人，占全国就业人员比重为64.5%` →
/// `城镇就业人员占全国就业人员比重`; an aspect both share goes from the subject
/// (`装备制造业增加值…占规模以上工业增加值比重` → `装备制造业占…`). Kept alone when the whole would
/// pass 18 characters or the figure is no share (`占地100亩`).
fn share_of(m: String, text: &str, head: usize, prev: &Indicator, percent: bool) -> String {
    let share = percent
        || ["比重", "比例", "份额", "成"]
            .iter()
            .any(|w| m.ends_with(w) || text[head..].starts_with(w));
    let Some(pm) = prev.metric.as_deref() else {
        return m;
    };
    let end = prev.span.end.min(head);
    if !share
        || text::has_char(pm, '占')
        || !near(text, prev, head)
        || ends_sentence(&text[end..head])
        || m.chars().count() < 3
    {
        return m;
    }
    let subject = match aspect_of(pm) {
        Some((s, a)) if text::has(&m, a) => s,
        _ => pm,
    };
    // Without the 的 of the first 的比重 and of the first 的比例.
    let mut whole = m.clone();
    for w in ["的比重", "的比例"] {
        if let Some(i) = text::find(&whole, w) {
            whole.replace_range(i..i + '的'.len_utf8(), "");
        }
    }
    if subject.chars().count() < 2 || subject.chars().count() + whole.chars().count() > 18 {
        return m;
    }
    [subject, &whole].concat()
}

/// Whether `between` holds a sentence end (`。`, `;`, `!`, `?`, a line break): the figure
/// before it is of another sentence.
#[inline(never)]
fn ends_sentence(between: &str) -> bool {
    between.chars().any(is_sentence_end)
}

/// Whether an object or case verb stands anywhere in `m`.
#[inline(never)]
fn verb_in(m: &str) -> bool {
    let (objects, cases) = (object_verbs(), case_verbs());
    m.char_indices().any(|(i, c)| {
        (objects.may_start(c) && objects.prefix(&m[i..]).is_some())
            || (cases.may_start(c) && cases.prefix(&m[i..]).is_some())
    })
}

/// `s` after the adverbs it starts with (`正式受理` → `受理`).
#[inline(never)]
fn after_adverbs(s: &str) -> &str {
    let mut rest = s;
    while let Some(a) = adverbs().prefix_hot(rest) {
        rest = &rest[a.len()..];
    }
    rest
}

/// `s` without the blanks at its end ([`text::is_blank`]: spaces, zero-width characters).
#[inline(never)]
fn trim_blank_end(s: &str) -> &str {
    // (An ideograph last, as most words before a figure end: no blank, no character decoded.)
    if ideograph_ends_at(s.as_bytes(), s.len()) {
        return s;
    }
    s.trim_end_matches(is_blank)
}

/// Whether `s` holds a digit (ASCII or full-width).
#[inline(never)]
fn has_digit(s: &str) -> bool {
    s.chars().any(|c| text::digit(c).is_some())
}

/// The year that alone opens the bracket a figure stands in (`(2019年6593件)` → `2019年`).
fn bracket_year(text: &str, head: usize) -> Option<&str> {
    // (Most figures follow an ideograph other than 年: no year ends before them.)
    let b = text.as_bytes();
    if ideograph_ends_at(b, head) && b.get(head - 3..head) != Some("年".as_bytes()) {
        return None;
    }
    let before = trim_blank_end(&text[..head]);
    let year = before.get(before.len().checked_sub(7)?..)?;
    let digits = year.strip_suffix('年')?;
    let open = before[..before.len() - year.len()].chars().next_back()?;
    (fold(open) == '(' && digits.chars().all(|c| c.is_ascii_digit())).then_some(year)
}

fn class_index(class: Class) -> WordIndex {
    WordIndex::new(lexicon::words(class).iter().copied())
}

/// Words of `class` whose role has `value` (`case-verb=alone`, `aspect=rate`).
fn value_index(class: Class, value: &'static str) -> WordIndex {
    WordIndex::new(
        lexicon::entries(class)
            .iter()
            .filter(move |e| e.value == value)
            .map(|e| e.word),
    )
}

/// The index of one word class (or of its words with one role value), built on first use.
/// One array of `OnceLock`s and one initialiser for all the single-class indexes below: a
/// `static OnceLock` in each function compiled its initialisation once per function (bytes in
/// the page's WebAssembly). Each caller owns one slot number.
#[inline(never)]
fn indexed(slot: usize, class: Class, value: Option<&'static str>) -> &'static WordIndex {
    INDEXES[slot].get_or_init(|| match value {
        None => class_index(class),
        Some(v) => value_index(class, v),
    })
}
static INDEXES: [OnceLock<WordIndex>; SLOTS] = [const { OnceLock::new() }; SLOTS];
const SLOTS: usize = 13;

/// [`indexed`], read in line once built: for the lists asked about at (nearly) every figure,
/// where the call cost more than the lookup in the web build.
#[inline]
fn indexed_hot(slot: usize, class: Class, value: Option<&'static str>) -> &'static WordIndex {
    match INDEXES[slot].get() {
        Some(w) => w,
        None => indexed(slot, class, value),
    }
}

/// `s` without a verb of making a thing (`公布`, `打造`) before a noun that names the thing on
/// its own: six characters or more, quotes and brackets aside, no relative clause and no frame
/// first (`公布市级行政许可事项` → `市级行政许可事项`; `公布监管事项` stays). (Not in [`finish`]: a list
/// sharing the verb keeps it on every item, [`shared_verb`].)
#[inline(never)]
fn without_thing_verb(s: &str) -> &str {
    let Some(v) = indexed_hot(12, Class::ObjectVerb, Some("thing")).prefix_hot(s) else {
        return s;
    };
    let rest = &s[v.len()..];
    let n = rest
        .chars()
        .filter(|&c| !matches!(fold(c), '“' | '”' | '(' | ')'))
        .count();
    // (创建全国文明城市: not when a frame would go with the verb.)
    if n >= 6 && !text::has_char(rest, '的') && strip(rest).len() == rest.len() {
        rest
    } else {
        s
    }
}

fn not_fillers() -> &'static WordIndex {
    indexed(0, Class::NotFiller, None)
}

fn ends_like_fillers() -> &'static WordIndex {
    indexed(1, Class::EndsLikeFiller, None)
}

/// Case verbs that follow their object when alone (`结案`).
fn alone_case_verbs() -> &'static WordIndex {
    indexed(2, Class::CaseVerb, Some("alone"))
}

fn rate_aspects() -> &'static WordIndex {
    indexed(3, Class::Aspect, Some("rate"))
}

fn result_verbs() -> &'static WordIndex {
    indexed_hot(4, Class::ResultVerb, None)
}

fn undertakings() -> &'static WordIndex {
    indexed(5, Class::Undertaking, None)
}

/// Object verbs that do not head a relative clause: fillers, connectors and light verbs
/// (`提供法律咨询44.02万人次` counts the object on its own).
fn not_relative_verbs() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| {
        let words = |c| lexicon::words(c).iter().copied();
        WordIndex::new(
            words(Class::Filler)
                .chain(words(Class::Connector))
                .chain(words(Class::LightVerb)),
        )
    })
}

/// The light verbs: all, those dropped anywhere, those of result.
fn light_verbs() -> &'static (WordIndex, WordIndex, WordIndex) {
    static V: OnceLock<(WordIndex, WordIndex, WordIndex)> = OnceLock::new();
    V.get_or_init(|| {
        let e = lexicon::entries(Class::LightVerb);
        let of = |v: &'static str| e.iter().filter(move |e| e.value == v).map(|e| e.word);
        (
            class_index(Class::LightVerb),
            WordIndex::new(of("any")),
            WordIndex::new(of("result")),
        )
    })
}

/// Determiners and frames: dropped wherever they stand in a metric.
fn determiners() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| {
        let words = |c| lexicon::words(c).iter().copied();
        WordIndex::new(words(Class::Determiner).chain(words(Class::Frame)))
    })
}

/// A part that names the rest (`其他`).
fn rest_words() -> &'static WordIndex {
    indexed_hot(6, Class::Rest, None)
}

fn agents() -> &'static WordIndex {
    indexed(7, Class::Agent, None)
}

fn case_verbs() -> &'static WordIndex {
    indexed_hot(8, Class::CaseVerb, None)
}

fn adverbs() -> &'static WordIndex {
    indexed_hot(9, Class::Adverb, None)
}

fn aspects() -> &'static WordIndex {
    indexed(10, Class::Aspect, None)
}

fn case_nouns() -> &'static WordIndex {
    indexed(11, Class::CaseNoun, None)
}

/// A metric without the words that distinguish nothing: determiners (`承办各类法律援助案件` →
/// `承办法律援助案件`), a light verb at the start or with the agent before it (`开展执法案卷评查`
/// → `执法案卷评查`, `各级人民调解组织开展矛盾纠纷排查` → `矛盾纠纷排查`), a result verb before a
/// named quantity (`实现地区生产总值` → `地区生产总值`; `完成年度任务` stays for a share of it),
/// and a bracketed abbreviation or note of inclusion at the end (`地区生产总值(GDP)`,
/// `纠错(含撤销、确认违法)`).
fn finish(m: String, percent: &dyn Fn() -> bool) -> String {
    // (Most names hold none of the words that `without_framing` removes or cuts at: a test of
    // the first characters of those words spares its three scans.)
    let (dets, cases, verbs) = (determiners(), case_verbs(), &light_verbs().0);
    let framed = m
        .chars()
        .any(|c| dets.may_start(c) || cases.may_start(c) || verbs.may_start(c));
    let (m, cut) = if framed {
        without_framing(m, percent)
    } else {
        (m, 0)
    };
    let mut s = strip(&m[cut..]);
    // 及时公示抽查 → 公示抽查; an adverb before a case verb stays (正式受理, 已办结); one of one
    // character before no verb is part of a word (应急演练).
    let mut rest = s;
    let mut short = false;
    while let Some(a) = adverbs().prefix_hot(rest) {
        rest = &rest[a.len()..];
        short |= a.len() <= 3;
    }
    if rest.len() < s.len()
        && rest.chars().count() >= 2
        && case_verbs().prefix(rest).is_none()
        && (!short || object_verbs().prefix(rest).is_some() || verbs.prefix(rest).is_some())
    {
        s = strip(rest);
    }
    // (Only a name that ends with its bracket: rfind of two chars decodes every character.)
    if let Some(open) = s
        .ends_with([')', '）'])
        .then(|| s.rfind(['(', '（']))
        .flatten()
    {
        let inner = s[open..].trim_start_matches(['(', '（']);
        if let Some(abbr) = inner.strip_suffix([')', '）']) {
            // (纠错(含撤销、确认违法): a note of what the figure includes names nothing either.)
            // (地区生产总值同比(下同): nor a note that what it says holds below.)
            let note = ["含", "包括", "其中", "下同"]
                .iter()
                .any(|w| abbr.starts_with(w));
            if !abbr.is_empty()
                && open > 0
                && (abbr.chars().all(|c| c.is_ascii_alphabetic()) || note)
            {
                s = strip(&s[..open]);
                // (同比(下同): the note is about the basis before it, which goes too.)
                if abbr.starts_with("下同") {
                    let t = s.strip_suffix("同比").or_else(|| s.strip_suffix("环比"));
                    s = strip(t.unwrap_or(s));
                }
            }
        }
    }
    // 精简党政部门编制的比例 → 精简党政部门编制比例: a share without its 的, as [`share_of`]
    // writes one.
    if let Some(t) = s
        .strip_suffix("的比例")
        .or_else(|| s.strip_suffix("的比重"))
    {
        return [t, &s[t.len() + '的'.len_utf8()..]].concat();
    }
    if s.len() == m.len() {
        m
    } else {
        s.to_string()
    }
}

/// [`finish`]'s first steps: `m` without determiners and without the agent before a case
/// verb, and where the name starts after a light verb.
fn without_framing(m: String, percent: &dyn Fn() -> bool) -> (String, usize) {
    let mut m = m;
    if determiners_in(&m) {
        let mut out = String::with_capacity(m.len());
        let mut i = 0;
        while i < m.len() {
            let c = m[i..].chars().next().unwrap_or(' ');
            // (去年底, 全年末: a frame before 底/末/初 dates a level; it stays. 占全省比重: a
            // frame after 占 is the whole.)
            if let Some(d) = determiners()
                .may_start(c)
                .then(|| determiners().prefix(&m[i..]))
                .flatten()
                .filter(|d| {
                    !m[i + d.len()..].starts_with(['底', '末', '初']) && !out.ends_with('占')
                })
            {
                i += d.len();
                continue;
            }
            out.push_str(&m[i..i + c.len_utf8()]);
            i += c.len_utf8();
        }
        m = out;
    }
    if let Some(r) = without_agent(&m) {
        m = r.to_string();
    }
    let (all, any, result) = light_verbs();
    let mut cut = 0;
    for (i, c) in m.char_indices() {
        let verbs = if i == cut { all } else { any };
        if !verbs.may_start(c) {
            continue;
        }
        if let Some(v) = verbs.prefix(&m[i..]) {
            let rest = strip(&m[i + v.len()..]);
            let result_verb = result.prefix(v) == Some(v);
            let enough = if result_verb { 4 } else { 2 };
            // 提供法律咨询的公共法律服务中心: a relative clause keeps its verb.
            if rest.chars().count() >= enough
                && !text::has_char(rest, '的')
                && aspects().prefix(rest) != Some(rest)
                && !(result_verb && percent())
            {
                cut = m.len() - rest.len();
            }
        }
    }
    (m, cut)
}

/// Whether `m` may hold a determiner or a frame: one of their first characters (a cheap test
/// before the scan).
fn determiners_in(m: &str) -> bool {
    let d = determiners();
    m.chars().any(|c| d.may_start(c))
}

/// `m` from the case verb after an agent (`铁岭两级法院新收一审行政案件` → `新收一审行政案件`)
/// when the verb's object has at least four characters.
fn without_agent(m: &str) -> Option<&str> {
    let verbs = case_verbs();
    m.char_indices().skip(1).find_map(|(i, c)| {
        if !verbs.may_start(c) {
            return None;
        }
        let v = verbs.prefix(&m[i..])?;
        (agents().suffix(&m[..i]).is_some() && m[i + v.len()..].chars().count() >= 4)
            .then(|| &m[i..])
    })
}

/// Whether the figure at `head` starts its line (a cell of a table laid out one cell a line).
fn cell_start(text: &str, head: usize) -> bool {
    matches!(text.as_bytes()[..head].last(), Some(b'\n' | b'\r'))
}

/// Whether `prev` is close enough before `head` to lend its words: in the same paragraph, at
/// most 40 characters before.
fn near(text: &str, prev: &Indicator, head: usize) -> bool {
    let end = prev.span.end.min(head);
    let between = &text[end..head];
    between.len() <= 120 && !text::has_line_break(between)
}

/// What the figure before makes of a metric.
enum Related {
    Name(String),
    /// A verb alone with no object to take: no metric.
    Nothing,
    Same,
}

/// A case or object verb alone, after adverbs (`办结`, `正式受理`, `新增`): the verb and whether it
/// follows its object (`结案`).
fn bare_verb(m: &str) -> Option<(&'static str, bool)> {
    let rest = after_adverbs(m);
    // 调处成功1205件: a verb with its complement of success is a verb alone too.
    // (By its bytes: E6 88 90 E5 8A 9F.)
    let rest = match rest.as_bytes() {
        [.., 0xE6, 0x88, 0x90, 0xE5, 0x8A, 0x9F] => rest.get(..rest.len() - 6).unwrap_or(rest),
        _ => rest,
    };
    // (Most names are longer than any verb: no lookup then.)
    if rest.len() > longest_verb() {
        return None;
    }
    if let Some(v) = case_verbs().prefix(rest).filter(|v| v.len() == rest.len()) {
        let alone = alone_case_verbs().contains(v);
        return Some((v, alone));
    }
    object_verbs()
        .prefix(rest)
        .filter(|v| v.len() == rest.len())
        .map(|v| (v, false))
}

/// The length in bytes of the longest case or object verb: a name longer is no verb alone.
fn longest_verb() -> usize {
    static V: OnceLock<usize> = OnceLock::new();
    *V.get_or_init(|| {
        let mut n = 0;
        for c in [Class::CaseVerb, Class::ObjectVerb] {
            for w in lexicon::words(c) {
                n = n.max(w.len());
            }
        }
        n
    })
}

/// What a metric is about, when it has at least two characters: the object after its verb
/// (`受理行政复议案件` → `行政复议案件`), or the topic before a verb that ends it (`中院收案` →
/// `中院`, `true`: a verb alone after it follows it, `中院审结`).
fn object_of(m: &str) -> Option<(&str, bool)> {
    let mut rest = after_adverbs(m);
    // (排查调处矛盾纠纷: verbs one after another.)
    while let Some(v) = case_verbs()
        .prefix(rest)
        .or_else(|| object_verbs().prefix(rest))
    {
        rest = &rest[v.len()..];
    }
    let mut topic = false;
    if let Some(v) = case_verbs().suffix(rest) {
        rest = &rest[..rest.len() - v.len()];
        topic = true;
    }
    (rest.chars().count() >= 2 && !rest.ends_with('率') && bare_verb(rest).is_none())
        .then_some((rest, topic))
}

/// Whether an aspect is a rate of the whole quantity (`增速`, `占比`), not an amount (`产值`).
fn is_rate_aspect(a: &str) -> bool {
    rate_aspects().contains(a)
}

/// The subject and the aspect of a metric (`农林牧渔业总产值` → `农林牧渔业`, `总产值`).
fn aspect_of(m: &str) -> Option<(&str, &'static str)> {
    let a = aspects().suffix(m)?;
    let subject = &m[..m.len() - a.len()];
    (subject.chars().count() >= 2).then_some((subject, a))
}

/// Whether the figure as written ends with the unit `u` as reported (`28.8％` has `%`, the one
/// full-width form a unit ends with).
fn has_unit(figure: &str, u: &str) -> bool {
    figure.ends_with(u) || u == "%" && figure.ends_with('％')
}

/// A metric read with the figure before it, `prev`, in the same paragraph:
/// - a verb alone takes its object (`受理…15件,办结12件` → `办结行政复议案件`), or names nothing;
/// - an aspect alone takes its subject (`工业投资完成34.8亿元,增速34.9%` → `工业投资增速`);
/// - a bare part of a whole takes the whole's aspect (`农林牧渔业总产值37.42亿元…其中,农业29.24亿元`
///   → `农业产值`; `全体居民人均可支配收入…其中城镇居民…` → `城镇居民人均可支配收入`).
fn related(
    m: &str,
    text: &str,
    head: usize,
    tail: usize,
    prev: &Indicator,
    earlier: &[Indicator],
) -> Related {
    let pm = prev.metric.as_deref();
    // 人均GDP为63525元(按年平均汇率折算为9847美元): a conversion at an exchange rate restates the
    // figure before in another currency: 人均GDP(美元) (not the figure before's id: one report
    // would give it twice).
    if m.starts_with('按') && m.ends_with(['算', '合']) && text::has(m, "汇率") {
        let currency = text[head..tail].trim_start_matches(|c: char| {
            text::digit(c).is_some() || matches!(c, '.' | ',' | '万' | '亿')
        });
        return pm.map_or(Related::Nothing, |p| {
            Related::Name([p, "(", currency, ")"].concat())
        });
    }
    let same_unit = prev
        .unit
        .as_deref()
        .is_some_and(|u| has_unit(&text[head..tail], u));
    // 收到…转办线索6条,完成核查6条: a verb of result and a case verb alone name the cases of the
    // figure before by their noun (完成核查线索).
    if let Some(r) = result_verbs().prefix_hot(m) {
        let rest = &m[r.len()..];
        let noun = pm.and_then(|p| case_nouns().suffix(p));
        if let Some(n) = noun.filter(|_| same_unit && case_verbs().prefix(rest) == Some(rest)) {
            return Related::Name([m, n].concat());
        }
    }
    if let Some((verb, alone)) = bare_verb(m) {
        // (…756件行政法规进行全面清理,废止71件: a relative clause's head, 废止行政法规.)
        let object = pm.and_then(object_of);
        // (What follows a relative clause's 的, when a character stands before the 的.)
        let noun = object
            .filter(|&(_, topic)| same_unit && !alone && !topic)
            .and_then(|(obj, _)| {
                text::find(obj, "的")
                    .filter(|&i| i > 3)
                    .map(|i| &obj[i + "的".len()..])
            });
        if let Some(noun) = noun {
            return Related::Name([m, noun].concat());
        }
        return match object {
            Some((obj, topic)) if same_unit => Related::Name(if alone || topic {
                // (一审行政诉讼案件25件,结案23件 → 一审行政诉讼结案: the stage of the cases,
                // without the case noun, when four characters remain.)
                let obj = match case_nouns().suffix(obj) {
                    Some(n) if !topic && obj.len() >= n.len() + 12 => &obj[..obj.len() - n.len()],
                    _ => obj,
                };
                [obj, if topic { m } else { verb }].concat()
            } else {
                [m, obj].concat()
            }),
            _ => Related::Nothing,
        };
    }
    // 调解成功2215件,履行2206件,调解率100%,成功率95.43%: a short rate of no verb (成功, a
    // complement) is the rate of the figure before it in the sentence whose name ends with what
    // the rate measures (调解成功率); 败诉率, 结案率 name themselves.
    if let Some(what) = m
        .strip_suffix('率')
        .filter(|w| (3..=6).contains(&w.len()) && bare_verb(w).is_none())
    {
        let whole = earlier.iter().rev().take(4).find_map(|e| {
            let n = e.metric.as_deref()?;
            (n.len() > what.len() && n.ends_with(what) && near(text, e, head)).then_some(n)
        });
        if let Some(n) = whole {
            return Related::Name([n, "率"].concat());
        }
    }
    if rest_words().contains(m) {
        // 631台(执法记录仪473台,…,其他82台): the rest of the whole before the bracket.
        let whole = earlier.iter().rev().take(8).find(|e| {
            e.span.end <= head
                && e.unit
                    .as_deref()
                    .is_some_and(|u| has_unit(&text[head..tail], u))
                && text[e.span.end..head].starts_with(['(', '（'])
        });
        if let Some(w) = whole.and_then(|w| w.metric.as_deref()) {
            return Related::Name([m, w].concat());
        }
    }
    let Some(pm) = pm else {
        return Related::Same;
    };
    // (茶叶种植面积7.08万亩,实现产值2.86亿元: a result verb before an aspect alone adds nothing.)
    let bare = light_verbs().2.prefix_hot(m).map_or(m, |v| &m[v.len()..]);
    if aspects()
        .prefix_hot(bare)
        .is_some_and(|a| a.len() == bare.len())
    {
        let m = bare;
        // 增速 of the whole quantity (农民人均纯收入增速); 增加值 of its subject (农林牧渔业).
        let subject = if is_rate_aspect(m) {
            pm
        } else {
            aspect_of(pm).map_or(pm, |(s, _)| s)
        };
        // An amount (产值, 面积) belongs to a thing, never to an activity: 检查船舶300艘次，
        // 播种面积1200公顷 names 播种面积 alone, not 检查船舶播种面积.
        let activity = !is_rate_aspect(m) && object_verbs().prefix(subject).is_some();
        if subject != m && bare_verb(subject).is_none() && !activity {
            return Related::Name(limit(&[subject, m].concat()).to_string());
        }
        return Related::Same;
    }
    // (Up to 9: only 2 to 4 and at most 8 are asked about. More than 16 bytes hold five
    // characters at least: only a category is asked about then.)
    if m.len() > 16 && !m.ends_with('类') {
        return Related::Same;
    }
    let n = m.chars().take(9).count();
    let category = m.ends_with('类') && n <= 8;
    if !((2..=4).contains(&n) || category)
        || aspects().suffix(m).is_some()
        || has_digit(m)
        || verb_in(m)
    {
        return Related::Same;
    }
    // The whole: the nearest figure before with the same unit that states no change, in the
    // same sentence or one that a 其中 continues.
    let Some(whole) = earlier
        .iter()
        .rev()
        .take(4)
        .filter(|e| near(text, e, head) || head - e.span.end.min(head) <= 200)
        .find(|e| {
            e.change.is_none()
                && e.unit
                    .as_deref()
                    .is_some_and(|u| has_unit(&text[head..tail], u))
        })
    else {
        return Related::Same;
    };
    let between = &text[whole.span.end.min(head)..head];
    // (A table laid out one cell a line: a figure alone at the start of its line, named by the
    // label line before, is a row after the whole's: 粮食总产量…其中:谷物\n97658吨.)
    if text::has_line_break(between) && !cell_start(text, head) {
        return Related::Same;
    }
    let continues = between
        .rfind(['。', '!', '?', '！', '？'])
        .map_or(true, |i| {
            between[i..]
                .trim_start_matches(['。', '!', '?', '！', '？'])
                .starts_with("其中")
        });
    // 居民恩格尔系数为29.8%，其中城镇为28.8%: the town or country side of the residents' figure.
    if continues && matches!(m, "城镇" | "农村") {
        if let Some(r) = whole
            .metric
            .as_deref()
            .and_then(|w| Some(&w[text::find(w, "居民")?..]))
        {
            return Related::Name([m, r].concat());
        }
    }
    if let Some((_, a)) = whole.metric.as_deref().and_then(aspect_of) {
        let part = a.strip_prefix('总').unwrap_or(a);
        if continues && !is_rate_aspect(a) && !m.ends_with(part) {
            return Related::Name([m, part].concat());
        }
    }
    // 受理转办工单1247件,其中城市管理类362件: a category (…类) of the cases counted.
    if let Some(noun) = whole.metric.as_deref().and_then(|w| case_nouns().suffix(w)) {
        if continues && m.ends_with('类') {
            return Related::Name([m, noun].concat());
        }
    }
    Related::Same
}

#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn name_in_clause(
    text: &str,
    head: usize,
    tail: usize,
    floor: usize,
    change: Option<&Change>,
    prev: Option<&Indicator>,
    clause: (usize, Option<char>),
) -> Option<String> {
    let floor = floor.min(head);
    // (`clause_start(text, head, floor)`, found by `name`'s walk.)
    let (mut seg_start, mut stop) = clause;
    // 完成年度任务(56.3亿元)的42.1%: the clause starts inside a bracket that holds the previous
    // value; the words before the bracket name this one.
    if text[seg_start..head].starts_with([')', '）']) {
        if let Some(open) = bracket_open(text, seg_start) {
            let (s0, st) = clause_start(text, open, 0);
            let before = strip(&text[s0..open]);
            if !before.is_empty() {
                return Some(head_noun(before));
            }
            (seg_start, stop) = (head, st);
        }
    }
    let mut seg = strip(&text[seg_start..head]);
    // 办理人大代表建议877件和政协委员提案590件: a list's conjunction right after a figure.
    if seg_start == floor && floor > 0 {
        if let Some(s) = seg.strip_prefix(['和', '及', '与']) {
            seg = strip(s);
        }
        // 向40个部门推送相关信息36844条: the noun the figure before counts (推送相关信息的部门)
        // is the agent here; its verb and object after it name this figure (not two verbs:
        // 62个省级纵向支持组团实施重点项目1000多个).
        if let Some(noun) = prev
            .and_then(|p| p.metric.as_deref())
            .and_then(|m| Some(&m[m.rfind('的')? + '的'.len_utf8()..]))
        {
            if let Some(r) = seg.strip_prefix(noun).filter(|r| {
                object_verbs().prefix(r).is_some_and(|v| {
                    r.len() > v.len() + 3 && !object_verbs().occurs_in(&r[v.len()..])
                })
            }) {
                seg = r;
            }
        }
    }
    // 办理人大代表建议133件、政协委员提案94件: an item of a list right after the figure before,
    // with no verb of its own, shares that figure's case verb (办理政协委员提案).
    if let Some(p) = prev.filter(|p| {
        p.span.end <= seg_start && matches!(&text[p.span.end..seg_start], "、" | "和" | "及")
    }) {
        let v = p.metric.as_deref().and_then(|m| case_verbs().prefix(m));
        if let Some(v) = v.filter(|v| !alone_case_verbs().contains(v)) {
            if seg.chars().count() >= 2 && bare_verb(seg).is_none() && !verb_in(seg) {
                return Some([v, seg].concat());
            }
        }
    }
    // (Only a name ending like a frame of each: a test of its last character first.)
    // (By the last byte of 均, 月, 年, 人, 户, 日 first.)
    if change.is_none()
        && matches!(
            seg.as_bytes().last(),
            Some(0x87 | 0x88 | 0xB4 | 0xBA | 0xB7 | 0xA5)
        )
        && seg.ends_with(['均', '月', '年', '人', '户', '日'])
    {
        seg = without_from(seg);
    }
    // 财政性教育经费投入3366亿元，是1997年的1.8倍: a multiple of a basis is the figure before's.
    let raw = trim_blank_end(&text[seg_start..head]);
    if change.is_none()
        && text[head..tail].ends_with('倍')
        && raw.ends_with('的')
        && raw.trim_start_matches(is_blank).starts_with(['是', '为'])
    {
        return prev
            .filter(|p| !ends_sentence(&text[p.span.end..head]))
            .and_then(|p| p.metric.clone());
    }
    // 人口自然增长率5.57‰,比上年低0.59个千分点: a comparison with 低/高/多/少 is a change too.
    // (空气质量综合指数2.385,较2020年改善13.6%, PM2.5平均浓度较上年改善5.2%: so is 改善, whose
    // subject before the basis is named, or nothing.)
    if change.is_none() {
        let better = seg.strip_suffix("改善");
        if let Some(t) = better.filter(|t| strip_basis(t, "").len() < t.len()) {
            let subject = strip(strip_basis(t, ""));
            if !subject.is_empty() {
                seg = subject;
            }
        }
        if let Some(t) = better.or_else(|| seg.strip_suffix(['低', '高', '多', '少'])) {
            if !t.is_empty() && t.len() < seg.len() && strip(strip_basis(t, "")).is_empty() {
                if let Some(prev) = prev {
                    if !ends_sentence(&text[prev.span.end..head]) {
                        return prev.metric.clone();
                    }
                }
                return None;
            }
        }
    }
    if let Some(ch) = change {
        // 比上年增长5.0%: the basis is not part of the name (cut from the words as written:
        // stripping them first drops the year of 比2010年 and leaves 比).
        seg = strip(strip_basis(&text[seg_start..head], &ch.basis));
        if seg.is_empty() {
            // 第一产业增加值91414亿元，比上年增长3.5%: the change is about the value before.
            if let Some(prev) = prev {
                if !ends_sentence(&text[prev.span.end..head]) {
                    // (办理行政复议案件80件,比2023年同比上升70.2%: what changed is the case
                    // handled, when it has four characters or more: 受理案件 stays whole.)
                    let m = prev.metric.as_deref()?;
                    let o = case_verbs().prefix(m).map_or(m, |v| &m[v.len()..]);
                    let o = if o.len() >= 12 && !o.ends_with('率') {
                        o
                    } else {
                        m
                    };
                    return Some(o.to_string());
                }
            }
            return None;
        }
    }
    if seg.ends_with('率') {
        // 参考率、合格率均为100%: a list of rates sharing one value names them all.
        let mut names = vec![seg];
        let (mut start, mut stop) = (seg_start, stop);
        while stop == Some('、') && names.len() < 8 {
            let sep = start - '、'.len_utf8();
            if !text[..sep].ends_with('率') {
                break;
            }
            let (s0, st) = clause_start(text, sep, floor);
            let name = strip(&text[s0..sep]);
            if name.is_empty() {
                break;
            }
            names.push(name);
            (start, stop) = (s0, st);
        }
        if names.len() > 1 {
            names.reverse();
            return Some(names.join("、"));
        }
        return Some(seg.to_string());
    }
    // 现行有效的13件市政府行政规范性文件, 共聘请11名执业律师: the noun after the unit.
    // 聘请11名执业律师及10名公职人员: the words before are the previous count's object.
    // (27个行业大类中18个行业: the noun before with its 中, "among" it.)
    let repeats = prev.is_some_and(|p| {
        p.span.end >= seg_start
            && !seg.is_empty()
            && p.metric.as_deref().is_some_and(|m| {
                m.ends_with(seg)
                    || seg
                        .strip_suffix('中')
                        .is_some_and(|s| !s.is_empty() && m.ends_with(s))
            })
    });
    let attributive = raw.ends_with('的') && !raw.ends_with("年的");
    // 公共法律服务中心和154个村(社区), 出生医学证明等30余种电子证照, 向7个省级经济开发区赋权:
    // after a list's conjunction, its 等 or a preposition, the figure counts the noun after it.
    // (维度设置了29项主要指标: after a verb and its 了, too.)
    let joined = raw.ends_with(['和', '及', '与', '等', '向', '对', '给', '了'])
        && change.is_none()
        || reaches(raw, change);
    // ●10大类52项民生实事: a number and its measure word before the figure name nothing;
    // 组织厅系统458名工作人员: nor does a body (系统) people are counted in.
    // (Its last character a count unit: 12345热线3.4万件诉求 and 110接警 keep their names. An
    // item number, `20.`, names nothing either.)
    // (A digit starts with an ASCII digit or the EF of a full-width one: no other is decoded.)
    let lead = if matches!(seg.as_bytes().first(), Some(b'0'..=b'9' | 0xEF)) {
        seg.trim_start_matches(|c| text::digit(c).is_some())
    } else {
        seg
    };
    let measured = lead.len() < seg.len()
        && lead.chars().count() <= 2
        && lead.char_indices().next_back().is_some_and(|(i, c)| {
            matches!(fold(c), '.' | '、')
                || units::match_at(lead, i, false)
                    .is_some_and(|u| u.kind == Kind::Count && u.end == lead.len())
        });
    let whole = change.is_none()
        && (measured || (seg.ends_with("系统") && text[head..tail].ends_with(['名', '人'])));
    // (组建由15名律师组成的…: a verb before 由 takes the body, not the figure.)
    let verb = object_verbs()
        .suffix_hot(seg)
        .filter(|_| !raw.ends_with('由'));
    // 由1997年的5160元增加到…: after a frame ending with 的, a change verb starts no noun.
    let after_unit = || {
        let after = noun_after(text, tail);
        let change_next = raw.ends_with('的')
            && clause::change_verbs()
                .prefix(after)
                .is_some_and(|v| v.len() > 3);
        if change_next {
            ""
        } else {
            after
        }
    };
    // 空气质量在全国168个重点城市中排第3名: the figure counts the noun it ranks among. (A look
    // for 中 and a ranking verb in the 15 characters after the figure first: most figures have
    // none, and the noun after the unit is a scan of its own.)
    let ranked = || {
        let near = &text.as_bytes()[tail..text.len().min(tail + 45)];
        holds3(near, "中".as_bytes())
            && near
                .windows(3)
                .position(|w| w == "中".as_bytes())
                .is_some_and(|i| text.get(tail + i + 3..).is_some_and(ranks))
    };
    if change.is_none() && ranked() {
        let after = noun_after(text, tail);
        let end = after.as_ptr() as usize - text.as_ptr() as usize + after.len();
        if !after.is_empty() && text[end..].strip_prefix('中').is_some_and(ranks) {
            return Some(after.to_string());
        }
    }
    if attributive || repeats || joined || whole || verb.is_some() {
        let after = after_unit();
        if !after.is_empty() {
            let named = with_relative(text, after);
            // 覆盖全市15个乡镇: a noun of two characters alone says little; its verb stays.
            // 公布了513项监管事项, 设立1590个“评理说事点”: the verb before the number stays, as
            // before an object with the figure after it (实行证明事项告知承诺制46项); a verb of
            // making goes before a long noun (确定14项重大决策事项, [`without_thing_verb`]).
            // (实施36个老旧小区改造: not when a longer noun ends inside its clause, before words
            // of its own: the verb may be theirs.)
            if let Some(v) = verb.filter(|v| !not_relative_verbs().contains(v)) {
                let short = after.chars().count() <= 2;
                if named == after
                    && object_verbs().prefix(after).is_none()
                    && (short || ends_item(text, after))
                {
                    // 协同办公平台覆盖全市2153个部门: a noun of two characters alone says little;
                    // with the subject of its clause, when it ends with no verb or adverb (加快打造,
                    // 重点培育打造).
                    let subject = strip(&seg[..seg.len() - v.len()]);
                    let subject = if short
                        && (6..=30).contains(&subject.len())
                        && noun_stops().suffix(subject).is_none()
                    {
                        subject
                    } else {
                        ""
                    };
                    let m = [subject, v, after].concat();
                    return Some(without_thing_verb(&m).to_string());
                }
            }
            if joined {
                return Some(shared_verb(text, head, raw, prev, named, after));
            }
            return Some(named);
        }
    }
    // 地区生产总值完成198.5亿元, 城镇更新改造惠及390万人。: nothing after the unit; a verb of
    // result is not part of the name (nominal verbs stay: 开展职业技能培训).
    // 行政复议案件累计受理15件: the case comes first, the verb stays (受理行政复议案件); 正式受理20件
    // keeps its verb.
    if let Some(v) = case_verbs().suffix_hot(seg) {
        let rest = strip(&seg[..seg.len() - v.len()]);
        let bare = after_adverbs(rest);
        if bare.is_empty() {
            return Some(seg.to_string());
        }
        if case_nouns().suffix(rest).is_some() && bare_verb(v).is_some_and(|(_, alone)| !alone) {
            return Some([v, rest].concat());
        }
    }
    if let Some(v) = verb.filter(|v| result_verbs().contains(v)) {
        let rest = strip(&seg[..seg.len() - v.len()]);
        if rest.chars().count() >= 2 {
            seg = rest;
        }
    }
    if let Some(m) = list_head(text, seg, seg_start, stop, floor) {
        return Some(m);
    }
    // 召开党工委会议、法治工作专题会、社区书记例会共12次, 举办领导干部专题法治培训、讲座2期: a
    // list closed by 共/等/累计 (or a short one opened by a verb) counts all its items.
    // (Not before a noun after the unit: 卡阳、松如沟等14个750千伏电网工程.)
    // (By the first byte after the unit: nothing, a mark, or ，、。 and the like.)
    let closed = change.is_none()
        && matches!(
            text.as_bytes().get(tail),
            None | Some(b'\n' | b'\r' | b',' | b';' | b'.' | 0xE3 | 0xEF)
        );
    let by = raw.ends_with("共") || raw.ends_with("等") || raw.ends_with("累计");
    if let Some(m) = coordinated(text, seg, seg_start, stop, floor, closed, by) {
        return Some(m);
    }
    // 较“十三五”末的9323.1亿元: a basis alone names nothing.
    if attributive && strip(strip_basis(seg, "")).is_empty() {
        seg = "";
    }
    if stop == Some('、') {
        if let Some(m) = parallel(text, seg, seg_start, floor) {
            return Some(m);
        }
    }
    // (More than eight bytes hold three characters at least.)
    if seg.len() > 8 || seg.chars().count() > 2 {
        return Some(head_noun(seg));
    }
    // Only a verb (开展, 聘请) or nothing before: the noun after the unit.
    let after = after_unit();
    if !after.is_empty() {
        let named = with_relative(text, after);
        return Some(shared_verb(text, head, raw, prev, named, after));
    }
    if seg.is_empty() {
        // 由7.4万亿元增加到10.2万亿元, 分别为832亿元、1694亿元: the same metric again.
        if let Some(prev) = prev {
            if !ends_sentence(&text[prev.span.end..head]) {
                return prev.metric.clone();
            }
        }
        if matches!(stop, Some('\n' | '\r')) {
            return line_label(text, seg_start, tail);
        }
        return topic(text, seg_start, stop, floor);
    }
    Some(seg.to_string())
}

/// Parallel modifiers sharing the head of the last one (`开展对象化、分众化普法120余场次` →
/// `对象化、分众化普法`, `专业性、行业性人民调解委员会13个`, `治理沙漠化、石漠化土地`): the item
/// before the `、` ending `seg`'s clause, of at most six characters with no figure, whose last
/// character stands second or third in `seg` (of at most 12, no 的), with a head after it, is
/// named with it (新建、续建商贸类项目). (乡镇、部门领导班子成员 and 城镇、农村居民 are no such
/// pair.)
#[inline(never)]
fn parallel(text: &str, seg: &str, seg_start: usize, floor: usize) -> Option<String> {
    let sep = seg_start.checked_sub('、'.len_utf8())?;
    let item = strip(&text[clause_start(text, sep, floor).0..sep]);
    let k = parallel_at(item, seg)?;
    (!item.ends_with('的')
        && item.len() <= 18
        && (k * 3 + 6..=36).contains(&seg.len())
        && !text::has_char(seg, '的')
        && !has_digit(item))
    .then(|| [item, "、", seg].concat())
}

/// Where `item`'s last character stands in `next`, when second or third: `item` is a modifier
/// parallel to `next`'s (`专业性` of `行业性人民调解委员会`: 3). (On bytes: the characters
/// compared are ideographs, three bytes each.)
#[inline(never)]
pub(crate) fn parallel_at(item: &str, next: &str) -> Option<usize> {
    let (i, g) = (item.as_bytes(), next.as_bytes());
    let last = i.get(i.len().checked_sub(3)?..)?;
    (2..4).find(|k| g.get(k * 3 - 3..k * 3) == Some(last))
}

/// Whether the noun `after` (a slice of `text`) ends its clause or list item: a mark, a
/// conjunction, `等` or a bracketed note follows it.
fn ends_item(text: &str, after: &str) -> bool {
    let end = after.as_ptr() as usize - text.as_ptr() as usize + after.len();
    text[end..].chars().next().map_or(true, |c| {
        is_clause_end(c) || matches!(c, '和' | '及' | '与' | '等' | '(' | '（')
    })
}

/// A list sharing a verb (`公布了513项监管事项…,1013名行政执法人员信息,4910个监管对象`, `编制修订1个
/// 市级总体应急预案和4个市级专项应急预案`): a figure named by the noun after it alone, in the sentence
/// of a figure `prev` named by the verb before its number and the noun after it, takes that verb
/// (公布行政执法人员信息, 公布监管对象), when nothing but a conjunction stands before its number
/// (`其中有164项…` is a part, not an item).
#[inline(never)]
fn shared_verb(
    text: &str,
    head: usize,
    raw: &str,
    prev: Option<&Indicator>,
    named: String,
    after: &str,
) -> String {
    // (The verb is what stands before the noun in `prev`'s name: two or four characters.)
    // (The clause may start at `prev`'s noun: 1个市级总体应急预案和4个….)
    let verb = prev.filter(|_| named == after).and_then(|p| {
        let m = p.metric.as_deref()?;
        let rest = &text[p.span.end..];
        let i = [6, 12].into_iter().find(|&i| {
            m.get(i..)
                .is_some_and(|n| !n.is_empty() && rest.starts_with(n))
        })?;
        let raw = raw.strip_prefix(&m[i..]).unwrap_or(raw);
        (matches!(raw, "" | "和" | "及" | "与")
            && ends_item(text, after)
            && !ends_sentence(&text[p.span.end..head]))
        .then(|| &m[..i])
    });
    match verb {
        Some(v) => [v, after].concat(),
        None => named,
    }
}

/// `seg` without a `从`/`由` at its end and the frames of each after it (`企业退休人员基本养老金从
/// 2004年人均每月` → `企业退休人员基本养老金`, `财政补助标准由每人每年` → `财政补助标准`).
fn without_from(seg: &str) -> &str {
    let Some(i) = seg.rfind(['从', '由']).filter(|&i| i > 0) else {
        return seg;
    };
    let mut rest = strip(&seg[i + '从'.len_utf8()..]);
    while !rest.is_empty() {
        let skip = if rest.starts_with("人均") {
            "人均".len()
        } else if let Some(each) = rest.strip_prefix('每') {
            '每'.len_utf8() + each.chars().next().map_or(0, char::len_utf8)
        } else {
            return seg;
        };
        rest = rest.get(skip..).unwrap_or("");
    }
    strip(&seg[..i])
}

/// The subject of a sentence standing alone in its first clause when the figure's clause holds
/// only a frame (`城镇居民家庭人均可支配收入，由1997年的5160元增加到…`; `城市管理类,10月为362件`): that
/// clause's noun, when it has no figure and starts with no verb.
fn topic(text: &str, seg_start: usize, stop: Option<char>, floor: usize) -> Option<String> {
    let sep = seg_start.checked_sub(stop.filter(|c| matches!(c, '，' | ','))?.len_utf8())?;
    let c = text[seg_start..].chars().find(|&c| !is_blank(c))?;
    if !matches!(c, '由' | '从') && text::digit(c).is_none() {
        return None;
    }
    let (s0, st) = clause_start(text, sep, floor);
    let words = strip(&text[s0..sep]);
    let n = words.chars().count();
    let first = st.map_or(true, |c| is_sentence_end(c) || fold(c) == ':');
    (first
        && (2..=24).contains(&n)
        && !has_digit(words)
        && object_verbs().prefix(words).is_none()
        && object_verbs().suffix(words).is_none())
    .then(|| head_noun(words))
}

/// Whether the words before a figure end with a verb of reach that states no change
/// (`行政诉讼案件已拓展到50多个行政管理领域`, `覆盖至15个乡镇`): the figure counts the noun after
/// it, not the subject. Not after `达到` or a change verb (`提高到66.2%`, `增加到1076家`: the
/// subject's new level), nor `截至`.
fn reaches(raw: &str, change: Option<&Change>) -> bool {
    // (By the last byte of 到, 至 first.)
    if !matches!(raw.as_bytes().last(), Some(0xB0 | 0xB3)) {
        return false;
    }
    let Some(verb) = raw.strip_suffix(['到', '至']) else {
        return false;
    };
    change.is_none()
        && clause::ideograph_ends_at(verb.as_bytes(), verb.len())
        && !verb.ends_with(['达', '截', '直', '及'])
        && clause::change_verbs().suffix(verb).is_none()
}

/// A name that is itself a list ending `A、B和C` (`交通运输、仓储和邮政业增加值`, `电力、热力、燃气及水
/// 生产和供应业`): the items before the last, each of at most five characters and no figure,
/// none a verb, when the whole has at most 16 characters. `None` unless the clause stopped at
/// a `、` and its words join their last two items by 和/及 (a list closed by 等 is
/// [`list_head`]'s). A list `closed` (nothing after the unit) and closed `by` 共/等/累计 right
/// before the figure (`召开党工委会议、法治工作专题会、社区书记例会共12次`) is named whole, after the
/// verb that opens it, when each item is a noun of at most ten characters, with no figure, and
/// the whole at most 24; else `None` (one item alone would misstate the count). With no 共/等 it
/// is named so only when a verb opens it and its last item has at most four characters
/// (`新增学位、园位138.47万个`, `参加养老、失业、工伤保险35.4万人次`).
fn coordinated(
    text: &str,
    seg: &str,
    seg_start: usize,
    stop: Option<char>,
    floor: usize,
    closed: bool,
    by: bool,
) -> Option<String> {
    // (Only a clause that a 、 ends, which most do not: tested before the scans of `seg`.)
    if stop != Some('、') {
        return None;
    }
    let and = seg.contains(['和', '及']);
    let closed = closed && (by || !and);
    let mut n = seg.chars().count();
    if !by && closed && n > 4 {
        return None;
    }
    if !(closed || and) || text::has_char(seg, '等') {
        return None;
    }
    let (most, longest) = if closed { (10, 24) } else { (5, 16) };
    // (A closed list: each item a noun, the last one too.)
    if closed && not_noun(seg, n, most) {
        return None;
    }
    let (mut start, mut stop) = (seg_start, stop);
    let mut from = None;
    while stop == Some('、') {
        let sep = start - '、'.len_utf8();
        let (s0, st) = clause_start(text, sep, floor);
        let mut item = &text[s0..sep];
        if closed && st != Some('、') {
            // The list's first item, after the verb that opens it (主持召开党工委会议).
            item = strip(item);
            let mut i = item.len();
            let rest = loop {
                if i == 0 {
                    if !by {
                        return None;
                    }
                    break item;
                }
                i -= 1;
                // (Not at a character boundary: no verb.)
                let Some(v) = item.get(i..).and_then(|r| object_verbs().prefix(r)) else {
                    continue;
                };
                let rest = &item[i + v.len()..];
                if (2..=most).contains(&rest.chars().count()) {
                    break rest;
                }
            };
            item = rest;
        }
        let k = item.chars().count();
        // (制定、修改和废止省政府规章: a list of verbs is no name.)
        if not_noun(item, k, most) || n + k + 1 > longest {
            if closed {
                return None;
            }
            break;
        }
        n += k + 1;
        from = Some(item.as_ptr() as usize - text.as_ptr() as usize);
        (start, stop) = (s0, st);
    }
    let from = from?;
    let end = seg.as_ptr() as usize - text.as_ptr() as usize + seg.len();
    Some(text[from..end].to_string())
}

/// The head of a list closed by `等` (`受理行政诉讼、…、国家赔偿和司法救助等各类案件7976件` →
/// `受理各类案件`): the words after `等`, with the verb of the list's first item when it has one.
fn list_head(
    text: &str,
    seg: &str,
    seg_start: usize,
    stop: Option<char>,
    floor: usize,
) -> Option<String> {
    // (By its bytes first: most clauses hold no 等.)
    if !holds3(seg.as_bytes(), "等".as_bytes()) {
        return None;
    }
    let at = seg.rfind('等')?;
    // 平等, 同等, 中等, 高等: not a list's 等.
    let before = seg[..at].chars().next_back()?;
    if matches!(
        before,
        '平' | '同' | '中' | '高' | '初' | '对' | '均' | '相' | '上' | '优' | '特'
    ) {
        return None;
    }
    let head = strip(&seg[at + '等'.len_utf8()..]);
    let items = &seg[..at];
    // Only after a list (告知承诺制等服务事项 is one name), not of titles (《…》等, see
    // head_noun), not before a count (等多个领域) or the rest (等其他事项).
    // (平凉7亿吨级冶镁白云岩等大中型矿产地35处: the words after a figure are an item too.)
    let list = stop == Some('、')
        || items.contains(['、', '和', '及'])
        || (floor > 0 && seg_start == floor);
    if !list
        || items.ends_with(['》', '”'])
        || head.chars().count() < 2
        || head.starts_with(['级', '次', '于', '多', '数', '几', '其'])
        || head.starts_with("方面")
        || head.chars().next().is_some_and(is_chinese_numeral)
    {
        return None;
    }
    // The list's first item: back over the items joined by 、.
    let (mut start, mut stop) = (seg_start, stop);
    let mut first = &seg[..at];
    for _ in 0..8 {
        if stop != Some('、') {
            break;
        }
        let sep = start - '、'.len_utf8();
        let (s0, st) = clause_start(text, sep, floor);
        first = &text[s0..sep];
        (start, stop) = (s0, st);
    }
    let verb = first.char_indices().find_map(|(i, _)| {
        case_verbs()
            .prefix(&first[i..])
            .or_else(|| object_verbs().prefix(&first[i..]))
            .filter(|v| !not_relative_verbs().contains(v))
    });
    Some(match verb {
        Some(v) if !head.starts_with(v) => [v, head].concat(),
        _ => head.to_string(),
    })
}

/// Whether `item` (of `k` characters) is no item of a list named whole: longer than `most`
/// characters, a verb first, or a figure or a mark in it.
#[inline(never)]
fn not_noun(item: &str, k: usize, most: usize) -> bool {
    !(1..=most).contains(&k)
        || object_verbs().prefix(item).is_some()
        || item
            .chars()
            .any(|c| text::digit(c).is_some() || !('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// `seg` without a trailing comparison: `国内生产总值同比` → `国内生产总值`, `比上年末` → ``.
fn strip_basis<'s>(seg: &'s str, basis: &str) -> &'s str {
    let mut seg = seg;
    for w in ["同比", "环比"] {
        if let Some(r) = seg.strip_suffix(w) {
            seg = r;
        }
    }
    // 比2023年, 较上年同期, 比“十三五”末: a comparison at the end.
    for (i, c) in seg.char_indices().rev().take(12) {
        if c == '比' || c == '较' {
            let rest = &seg[i + c.len_utf8()..];
            let basis_like = (!basis.is_empty() && rest.starts_with(basis))
                || rest.chars().next().is_some_and(|f| {
                    text::digit(f).is_some() || matches!(f, '上' | '去' | '前' | '同' | '“' | '年')
                });
            if basis_like {
                return &seg[..i];
            }
        }
    }
    seg
}

/// Removes footnote markers (`[2]`, `［3］`) from a metric.
fn without_footnotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['[', '［']) {
        let open = rest[i..].chars().next().map_or(1, char::len_utf8);
        let inner = &rest[i + open..];
        let digits = inner
            .chars()
            .take_while(|&c| text::digit(c).is_some())
            .count();
        let close = inner
            .char_indices()
            .nth(digits)
            .filter(|&(_, c)| matches!(c, ']' | '］'));
        out.push_str(&rest[..i]);
        match close {
            Some((j, c)) if digits > 0 => rest = &inner[j + c.len_utf8()..],
            _ => {
                out.push_str(&rest[i..i + open]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the clause ending at `pos` starts (not before `floor`), and the character that ended it.
/// A bracketed note `(社区)`, `（市、区）` is part of the clause; an unmatched `(` ends it.
#[inline(never)]
fn clause_start(text: &str, pos: usize, floor: usize) -> (usize, Option<char>) {
    walk_back(text, pos, floor).0
}

/// [`clause_start`] of `pos`, and whether a figure starting at `pos` is [`in_brackets`]: the
/// first bracket or clause mark the walk back meets tells both (in brackets when it is an open
/// bracket at most [`BRACKET_REACH`] characters back); when the clause ends before any, at
/// `floor`, the walk for the brackets goes on from there.
#[inline(never)]
fn walk_back(text: &str, pos: usize, floor: usize) -> ((usize, Option<char>), bool) {
    let mut p = pos;
    let mut depth = 0usize;
    let mut bracketed = None;
    let mut k = 0;
    while k < 40 {
        // Ideographs (most of the clause) are neither brackets nor punctuation.
        if ideograph_ends_at(text.as_bytes(), p) && p > floor {
            p -= 3;
            k += 1;
            continue;
        }
        let Some(c) = text.get(floor..p).and_then(|s| s.chars().next_back()) else {
            break;
        };
        let f = fold(c);
        if bracketed.is_none() && (matches!(f, '(' | ')') || is_clause_mark(f)) {
            bracketed = Some(f == '(' && k < BRACKET_REACH);
        }
        match f {
            ')' => depth += 1,
            '(' => {
                if depth == 0 {
                    return ((p, Some(c)), bracketed == Some(true));
                }
                depth -= 1;
            }
            // 县（市、区）达到152个: a list inside a bracket does not end the clause.
            f if is_clause_mark(f) && (depth == 0 || matches!(f, '。' | '\n' | '\r')) => {
                return ((p, Some(c)), bracketed == Some(true))
            }
            _ => {}
        }
        p -= c.len_utf8();
        k += 1;
    }
    let bracketed =
        bracketed.unwrap_or_else(|| k < BRACKET_REACH && in_brackets(text, p, BRACKET_REACH - k));
    ((p, None), bracketed)
}

/// A bullet: `•●■□▪◆◇▲△▶►★☆※➢` (not `○`, a zero in dates, nor `·`, a decimal point or a name's
/// separator). (The definition that [`edge_len`] spells in bytes, held to it by a test.)
#[cfg(test)]
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '■'
            | '□'
            | '▪'
            | '◆'
            | '◇'
            | '▲'
            | '△'
            | '▶'
            | '►'
            | '★'
            | '☆'
            | '※'
            | '➢'
    )
}

/// The length of the blank ([`is_blank`]) or bullet ([`is_bullet`]) that `b` starts with, 0
/// if none: by the bytes of their UTF-8.
fn edge_len(b: &[u8]) -> usize {
    match b {
        [b' ' | b'\t' | 0x0B | 0x0C, ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        // U+3000, U+2000..U+200D, U+202F, •, ※, U+2060, U+FEFF.
        [0xE3, 0x80, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8D | 0xAF | 0xA2 | 0xBB, ..]
        | [0xE2, 0x81, 0xA0, ..]
        | [0xEF, 0xBB, 0xBF, ..] => 3,
        // ■□▪▲△▶►, ◆◇●, ★☆, ➢.
        [0xE2, 0x96, 0xA0 | 0xA1 | 0xAA | 0xB2 | 0xB3 | 0xB6 | 0xBA, ..]
        | [0xE2, 0x97, 0x86 | 0x87 | 0x8F, ..]
        | [0xE2, 0x98, 0x85 | 0x86, ..]
        | [0xE2, 0x9E, 0xA2, ..] => 3,
        _ => 0,
    }
}

/// `s` without the blanks and bullets at both ends (`trim_matches` of [`is_blank`] or
/// [`is_bullet`], read by [`edge_len`] on the bytes: most names start and end with an ideograph,
/// which one byte comparison turns away, where `trim_matches` decoded a character at each end).
fn trim_edges(s: &str) -> &str {
    let b = s.as_bytes();
    // (An ideograph at both ends, as most names have: nothing to trim, no pattern compared.)
    if clause::ideograph_starts_at(b, 0) && ideograph_ends_at(b, b.len()) {
        return s;
    }
    let (mut i, mut j) = (0, b.len());
    while i < j {
        match edge_len(&b[i..j]) {
            0 => break,
            n => i += n,
        }
    }
    while i < j {
        // The last character's start, if it may be one (one, two or three bytes).
        let k = match b[j - 1] {
            0..=0x7F => j - 1,
            _ if j - i >= 2 && b[j - 2] == 0xC2 => j - 2,
            _ if j - i >= 3 => j - 3,
            _ => break,
        };
        if edge_len(&b[k..j]) != j - k {
            break;
        }
        j = k;
    }
    s.get(i..j).unwrap_or(s)
}

/// How many values `s` holds, each number as the one numeral grammar reads it (1,076家 and
/// 1\u{feff}076家 are one value), not a year (从2020年的645元/月).
fn count_values(s: &str) -> usize {
    let (mut n, mut i) = (0, 0);
    while let Some(c) = s[i..].chars().next() {
        if let Some(num) = text::digit(c).and_then(|_| numbers::parse(s, i)) {
            n += usize::from(!s[num.end..].starts_with('年'));
            i = num.end.max(i + c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
    n
}

/// Values distributed over a list by `分别` (`调解、排查和预防纠纷量分别为23.9万件、35.05万件和2.3万件`
/// → 调解 / 排查 / 预防纠纷量): the value's place after `分别` picks the list item before it.
/// `None` unless the list has an item of at least two characters for that place.
fn distributed(
    text: &str,
    head: usize,
    change: Option<&Change>,
    earlier: &[Indicator],
) -> Option<String> {
    // Most values have no 别 in the 160 bytes before them (40 characters span at most that):
    // skip counting the characters of the window.
    let mut near = head.saturating_sub(40 * 4);
    while !text.is_char_boundary(near) {
        near += 1;
    }
    if !holds3(&text.as_bytes()[near..head], "别".as_bytes()) {
        return None;
    }
    let window = &text[text::back_chars(text, head, 40)..head];
    // The last 分别, found from its 别 (a char search runs memrchr; a substring search builds
    // a Two-Way searcher for every indicator).
    let mut end = window.len();
    let at = loop {
        let bie = window[..end].rfind('别')?;
        if window[..bie].ends_with('分') {
            break bie - '分'.len_utf8();
        }
        end = bie;
    };
    let after = &window[at + "分别".len()..];
    // Between 分别 and the value: a connector or change verb, then earlier values and separators.
    if after.chars().any(|c| is_clause_end(c) && c != '、') {
        return None;
    }
    let place = after.matches(['、', '和', '及']).count();
    let before_end = head - window.len() + at;
    let mut start = before_end;
    for c in text[..before_end].chars().rev().take(40) {
        if is_clause_end(c) && c != '、' {
            break;
        }
        start -= c.len_utf8();
    }
    let list = strip(&text[start..before_end]);
    let basis = change.map_or("", |c| c.basis.as_str());
    if strip(strip_basis(list, basis)).is_empty() {
        // 审结7982件…,同比分别增长20.98%和17.33%: the figures before, in order.
        return figures_before(text, head, before_end, place, earlier);
    }
    // 分别从771家、481家增加到1076家、636家: the values before this one, in turn over the items
    // (not a year: 从2020年的645元/月).
    let from = after.starts_with(['从', '由']);
    let values = || count_values(after);
    // 生活用品和服务、医疗保健、教育文化和娱乐、其他用品和服务价格分别上涨0.9%、1.0%、0.6%、4.6%: as
    // many values in the run as items between 、 — 和 and 及 join words inside the items.
    let by_comma = list.split('、').count();
    let run = &text[head..];
    let run = &run[..run
        .find(|c: char| is_clause_end(c) && c != '、')
        .unwrap_or(run.len())];
    let whole_items = by_comma >= 3 && values() + count_values(run) == by_comma;
    let items: Vec<&str> = if whole_items {
        list.split('、').collect()
    } else {
        list.split(['、', '和', '及']).collect()
    };
    if let (1, Some(rest)) = (items.len(), list.strip_prefix("城乡")) {
        // 城乡居民人均可支配收入分别从46503元、16935元增加到…: 城镇 then 农村, in turn.
        let side = if values() % 2 == 0 {
            "城镇"
        } else {
            "农村"
        };
        return (rest.chars().count() >= 2).then(|| [side, rest].concat());
    }
    let place = if from {
        values() % items.len().max(1)
    } else {
        place
    };
    if items.len() < 2 || items.len() <= place || has_digit(list) {
        return None;
    }
    let mut item = strip(items[place]);
    if let Some(ch) = change {
        item = strip(strip_basis(item, &ch.basis));
    }
    let n = item.chars().count();
    if n < 2 {
        return None;
    }
    // 调解、排查和预防纠纷量, 第二产业、第三产业从业人员: an earlier item shares the head of the
    // last one, after as many characters as it has (调解纠纷量, 第二产业从业人员), when that
    // split is sure: the head starts with a case noun or an aspect (纠纷量, 产量), or the two
    // items end alike (第二产业/第三产业); not 原油、天然气产量.
    let mut last = strip(items[items.len() - 1]);
    if let Some(ch) = change {
        last = strip(strip_basis(last, &ch.basis));
    }
    if place + 1 < items.len() && last.chars().count() >= n + 2 {
        let (at, end) = last.char_indices().nth(n).map_or((0, ' '), |(i, _)| {
            (i, last[..i].chars().next_back().unwrap_or(' '))
        });
        let head = &last[at..];
        // (涉诈、涉毒警情: items that start alike; 城镇、农村居民…, 城市、县城…: the two sides.)
        let sure = case_nouns().prefix(head).is_some()
            || aspects().prefix(head).is_some()
            || item.ends_with(end)
            || item.chars().next() == last.chars().next()
            || matches!(item, "城镇" | "农村" | "城市");
        if sure && !item.ends_with(head) {
            return Some([item, head].concat());
        }
    }
    Some(item.to_string())
}

/// The metric of the figure before `分别` at `at` whose place matches `place` among the values
/// after it (`受理7976件,审结7982件,同比分别增长20.98%和17.33%` → 受理…, 审结…): the figures of
/// the sentence that state no change, outside brackets, as many as the values after `分别`.
fn figures_before(
    text: &str,
    head: usize,
    at: usize,
    place: usize,
    earlier: &[Indicator],
) -> Option<String> {
    let mut later = 0;
    for c in text[head..].chars().take(60) {
        if is_clause_end(c) && c != '、' {
            break;
        }
        later += usize::from(matches!(c, '、' | '和' | '及'));
    }
    let n = place + 1 + later;
    let mut figures: Vec<&Indicator> = Vec::new();
    for e in earlier.iter().rev().filter(|e| e.span.end <= at) {
        if figures.len() == n || ends_sentence(&text[e.span.end..at]) {
            break;
        }
        if e.change.is_none() && !in_brackets(text, e.span.start, BRACKET_REACH) {
            figures.push(e);
        }
    }
    if n < 2 || figures.len() < n {
        return None;
    }
    figures.reverse();
    figures[place].metric.clone()
}

/// Whether `b` holds the three bytes of `c` (a character's UTF-8) in a row: a test of every
/// offset with no early exit, which LLVM turns into vector compares (SSE2; `simd128` in the web
/// build). The windows before and after each figure that most figures have no `别` or `中` in
/// (160 and 45 bytes) cost ~370 and ~300 instructions a figure by a substring search or by
/// windows compared one by one. 16 offsets at a time, the last 16 of them too (overlapping the
/// block before): a rest of up to 15 offsets compared one by one cost as much as the blocks
/// in the web build.
#[inline(never)]
fn holds3(b: &[u8], c: &[u8]) -> bool {
    let (Some(y), Some(z), &[c0, c1, c2]) = (b.get(1..), b.get(2..), c) else {
        return false;
    };
    let Some(last) = b.len().checked_sub(18) else {
        return b.iter().zip(y).zip(z).fold(false, |m, ((&p, &q), &r)| {
            m | ((p == c0) & (q == c1) & (r == c2))
        });
    };
    let mut hits = [0u8; 16];
    let mut k = 0;
    while let Some(w) = b.get(k..).and_then(<[u8]>::first_chunk::<18>) {
        for i in 0..16 {
            hits[i] |= u8::from(w[i] == c0) & u8::from(w[i + 1] == c1) & u8::from(w[i + 2] == c2);
        }
        if k == last {
            break;
        }
        k = last.min(k + 16);
    }
    hits != [0; 16]
}

/// How many characters back an open bracket puts a figure in brackets ([`in_brackets`]).
const BRACKET_REACH: usize = 12;

/// Whether the figure starting at `start` is inside brackets (`(2019年6593件)`): an open bracket
/// before it in its clause, at most `chars` ([`BRACKET_REACH`], or what is left of it after
/// [`walk_back`]) characters back, with no close between.
fn in_brackets(text: &str, start: usize, chars: usize) -> bool {
    let mut p = start;
    for _ in 0..chars {
        // Ideographs (most of the text) are neither brackets nor punctuation.
        if ideograph_ends_at(text.as_bytes(), p) {
            p -= 3;
            continue;
        }
        let Some(c) = text.get(..p).and_then(|s| s.chars().next_back()) else {
            return false;
        };
        match fold(c) {
            '(' => return true,
            ')' => return false,
            f if is_clause_mark(f) => return false,
            _ => {}
        }
        p -= c.len_utf8();
    }
    false
}

/// Where the bracket closed at `close` opens (at most 40 characters back), if it does.
fn bracket_open(text: &str, close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut p = close + text[close..].chars().next()?.len_utf8();
    for c in text[..p].chars().rev().take(40) {
        p -= c.len_utf8();
        match fold(c) {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(p);
                }
            }
            f if is_clause_mark(f) => return None,
            _ => {}
        }
    }
    None
}

/// Strips blanks, connectors and framing words from both ends of a metric candidate.
fn strip(mut s: &str) -> &str {
    loop {
        let before = s.len();
        // (●预计全省地区生产总值增长6%左右: a web page's bullet goes too.)
        s = trim_edges(s);
        // (Both start with a digit, which most candidates do not: an ASCII digit or the EF of a
        // full-width one first.)
        if matches!(s.as_bytes().first(), Some(b'0'..=b'9' | 0xEF))
            && s.starts_with(|c| text::digit(c).is_some())
        {
            // Leading dates: 2024年, 2023年度.
            let lead_digits = s.chars().take_while(|&c| text::digit(c).is_some()).count();
            if lead_digits == 4 {
                let rest = &s[s.char_indices().nth(4).map_or(s.len(), |(i, _)| i)..];
                if let Some(r) = rest
                    .strip_prefix("年度")
                    .or_else(|| rest.strip_prefix('年'))
                {
                    s = r;
                }
            }
            // Leading months: 10月, 1-5月, 1—11月份.
            s = strip_leading_months(s);
        }
        while let Some(w) = leading_words().prefix_hot(s) {
            // (共建“一带一路”国家 is no frame; 共建成 is 共 and 建成.)
            if not_fillers().prefix(s).is_some_and(|n| n.len() >= w.len()) {
                break;
            }
            s = &s[w.len()..];
        }
        // Trailing dates: 由2010年的, 增加到2015年的, 从2007年底的, 提升到去年底的.
        // (By the last byte of 底, 末, 初 first: most names end otherwise.)
        let level = matches!(s.as_bytes().last(), Some(0x95 | 0xAB | 0x9D))
            .then(|| s.strip_suffix(['底', '末', '初']))
            .flatten();
        if let Some(w) =
            level.and_then(|r| trailing_words().suffix(r).filter(|w| w.ends_with('年')))
        {
            s = &s[..s.len() - w.len() - '底'.len_utf8()];
        } else if let Some(r) = level.unwrap_or(s).strip_suffix('年') {
            let (mut at, mut digits) = (r.len(), 0);
            for (i, c) in r.char_indices().rev() {
                if text::digit(c).is_none() {
                    break;
                }
                (at, digits) = (i, digits + 1);
            }
            if digits == 4 {
                s = &r[..at];
            } else if digits > 0 {
                // 粮食总产量连续18年保持在: a run of years is a frame.
                if let Some(t) = r[..at].strip_suffix("连续") {
                    s = t;
                }
            }
        }
        while let Some(w) = trailing_words().suffix_hot(s) {
            // 实施惠及3000多万学生: 及 belongs to the verb 惠及; 年人均: 均 ends 人均.
            if object_verbs().suffix(s).is_some_and(|v| v.len() > w.len())
                || (w.len() <= 3
                    && ends_like_fillers()
                        .suffix(s)
                        .is_some_and(|e| e.len() > w.len()))
            {
                break;
            }
            s = &s[..s.len() - w.len()];
            // 提高到66.2%: the value is the new level, the verb is not part of the name.
            if matches!(w, "到" | "至") {
                if let Some(v) = clause::change_verbs().suffix(s) {
                    s = &s[..s.len() - v.len()];
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// `s` without a leading month or month range (`10月为` → `为`, `1-5月份全区` → `全区`).
fn strip_leading_months(s: &str) -> &str {
    if !s.starts_with(|c| text::digit(c).is_some()) {
        return s;
    }
    let mut chars = s.char_indices().peekable();
    let mut digits = 0;
    let mut dash = false;
    while let Some(&(i, c)) = chars.peek() {
        if text::digit(c).is_some() {
            digits += 1;
        } else if matches!(fold(c), '-' | '—' | '~' | '至') && digits > 0 && !dash {
            dash = true;
            digits = 0;
        } else if c == '月' && (1..=2).contains(&digits) {
            let rest = &s[i + c.len_utf8()..];
            return rest.strip_prefix('份').unwrap_or(rest);
        } else {
            return s;
        }
        chars.next();
    }
    s
}

/// The head of a long noun phrase: after a citation (`《…》等普法口袋书` → `普法口袋书`), after the
/// last `的` of a phrase longer than 16 characters (`集…于一体的综合行政执法治理应急救援队`; a shorter
/// relative clause stays whole: `中央财政用于“三农”的支出`), at most 18 characters ([`limit`]).
fn head_noun(seg: &str) -> String {
    let mut s = seg;
    // (By its bytes first: most names quote no title.)
    if let Some(i) = holds3(s.as_bytes(), "》".as_bytes())
        .then(|| s.rfind('》'))
        .flatten()
    {
        let after = &s[i + '》'.len_utf8()..];
        s = strip(after.strip_prefix('等').unwrap_or(after));
    }
    // (`n` counts the characters of `s`, once for each `s`.)
    let mut n = s.chars().count();
    if n > 16 {
        if let Some(i) = s.rfind('的') {
            let tail = &s[i + '的'.len_utf8()..];
            let k = tail.chars().count();
            // 第一产业增加值占地区生产总值的比重: an aspect alone after the 的 says nothing (and
            // would take the subject of the figure before); the phrase stays, without its 的.
            if aspects().contains(tail) && n <= 19 {
                return limit(&[&s[..i], tail].concat()).to_string();
            }
            if k >= 2 {
                (s, n) = (tail, k);
            }
        }
    }
    if n > 10 {
        // 部门使用省协同监管平台制定抽查计划 → 制定抽查计划: the last verb and its object.
        // (法治政府建设工作: a verb before an undertaking alone is part of a noun; look further
        // left.)
        for (i, c) in s.char_indices().rev() {
            if !object_verbs().may_start(c) {
                continue;
            }
            if let Some(v) = object_verbs().prefix(&s[i..]) {
                let object = &s[i + v.len()..];
                // (国家发展改革委认定的企业技术中心: a verb before 的 heads a relative clause,
                // which stays whole.)
                // (环境保护和生态建设投入: a verb right after the second noun of a 和 is nominal.)
                if object.starts_with('的')
                    || s.get(i.saturating_sub(9)..i)
                        .is_some_and(|b| b.contains(['和', '与', '及']))
                {
                    break;
                }
                if object.chars().count() >= 2 && !undertakings().contains(object) {
                    // 青少年法治宣传教育基地开展各类讲解 → 青少年法治宣传教育基地讲解: after a
                    // light verb, an object too short to name the figure alone keeps the agent
                    // (of four or more characters) before the verb.
                    let bare = determiners()
                        .prefix(object)
                        .map_or(object, |d| &object[d.len()..]);
                    let agent = strip(&s[..i]);
                    if light_verbs().1.contains(v)
                        && bare.chars().count() <= 4
                        && agent.chars().count() >= 4
                        && object_verbs().prefix(bare).is_none()
                        // (联系点组织召开座谈会: the agent ends before another verb.)
                        && object_verbs().suffix(agent).is_none()
                    {
                        return limit(&[agent, bare].concat()).to_string();
                    }
                    s = strip(&s[i..]);
                    n = s.chars().count();
                    break;
                }
            }
        }
    }
    without_thing_verb(limit_counted(s, n)).to_string()
}

/// A metric of at most 18 characters stays whole (a cut at 16 fell inside a word in about half
/// of such names: `央财政安排…`, `律顾问应邀…`); a longer one keeps its last 16 characters, never
/// cutting inside a quoted term: the cut moves back to the opening quote (`“民营企业之家”平台注册企业`,
/// up to 24 characters) or after the closing one.
fn limit(s: &str) -> &str {
    limit_counted(s, s.chars().count())
}

/// [`limit`] of `s`, which has `n` characters.
fn limit_counted(s: &str, n: usize) -> &str {
    if n <= 16 {
        return s;
    }
    // 17 or 18 characters: whole, unless a place or a 的 ends in its first characters
    // (市下达两区规上工业增加值增速确保目标 → 规上工业…).
    let whole = n <= 18;
    let (mut skip, look) = if whole {
        (0, 6)
    } else {
        (s.char_indices().nth(n - 16).map_or(0, |(i, _)| i), 3)
    };
    // Not inside a word: after a place (两区规上工业… → 规上工业…) or a 的 in the first
    // characters kept, when there is one.
    let mut prev = s[..skip].chars().next_back();
    let mut cut = false;
    for (k, (i, c)) in s[skip..].char_indices().take(look + 1).enumerate() {
        let next = s[skip + i + c.len_utf8()..].chars().next();
        // (城市管理 is no place: a place suffix starts what is kept or follows 两/各/我/本/该.)
        let place = matches!(c, '区' | '市' | '县' | '省' | '镇' | '乡')
            && next != Some('级')
            && ((k == 0 && !whole)
                || prev.is_some_and(|p| matches!(p, '两' | '各' | '我' | '本' | '该')));
        let boundary =
            place || c == '的' || (c == '年' && prev.is_some_and(|p| p.is_ascii_digit()));
        if boundary && k < look {
            skip += i + c.len_utf8();
            cut = true;
            break;
        }
        prev = Some(c);
    }
    if whole && !cut {
        return s;
    }
    let kept = &s[skip..];
    let close = kept.find(['”', '」', '』']);
    let open = kept.find(['“', '「', '『']);
    if let Some(c) = close.filter(|&c| open.map_or(true, |o| o > c)) {
        if let Some(o) = s[..skip].rfind(['“', '「', '『']) {
            if s[o..].chars().count() <= 24 {
                return &s[o..];
            }
        }
        let after = &kept[c + '”'.len_utf8()..];
        if after.chars().count() >= 2 {
            return after;
        }
    }
    kept
}

/// A figure alone on its line, named by the line before (a table laid out one cell a line:
/// `粮食总产量\n162817吨`, `其中:谷物\n97658吨`): that line when it is a short label (at most
/// 12 characters, no digit, no sentence punctuation), after a `:`.
fn line_label(text: &str, line_start: usize, tail: usize) -> Option<String> {
    let rest_of_line = text[tail..].split(['\n', '\r']).next().unwrap_or("");
    if !rest_of_line
        .chars()
        .all(|c| is_blank(c) || c == ' ' || c == '|')
    {
        return None;
    }
    let before = text[..line_start]
        .trim_end_matches(|c: char| is_blank(c) || matches!(c, ' ' | '\n' | '\r'));
    let line = before.rsplit(['\n', '\r']).next().unwrap_or("");
    // A cell of a table laid out one cell a line (`| 10月 |`, `1247 |`, `29.00% |`): the
    // header's cell in the same column.
    let line = if line.ends_with('|') {
        header_cell(before)?
    } else {
        line
    };
    let label = line.rsplit([':', '：']).next().unwrap_or("");
    let label = strip(label.trim_matches(|c: char| is_blank(c) || matches!(c, ' ' | '|')));
    let n = label.chars().count();
    let plain = label
        .chars()
        .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    (plain && (2..=12).contains(&n) && line.chars().count() <= 24).then(|| label.to_string())
}

/// The header cell above the cell after `before`'s last line, in a table laid out one cell a
/// line, each ending with `|` and each row starting with one (`| 月份 |`, `受理转办工单总数 |`, …,
/// `| 10月 |`, `1247 |`, then the figure's cell): as many lines after the table's first row start
/// as the figure's cell is after its own row's start. `None` when the header row is shorter.
fn header_cell(before: &str) -> Option<&str> {
    // (No row start found, k is 0: the line before is the label, as outside tables.)
    let (k, first, _) = cells_back(before, usize::MAX, 0);
    cells_back(before, first.checked_sub(k)?, first.max(1)).2
}

/// The cells of a table laid out one cell a line, back from the end of `before` (at most 64):
/// how many back to the first row start, the index of the table's first row start, and the
/// cell at index `want` when no row starts between it and index `upto`.
#[inline(never)]
fn cells_back(before: &str, want: usize, upto: usize) -> (usize, usize, Option<&str>) {
    let (mut n, mut k, mut first, mut cell) = (0, 0, 0, None);
    for l in before.rsplit(['\n', '\r']) {
        if l.is_empty() {
            continue;
        }
        if n == 64 || !l.ends_with('|') {
            break;
        }
        let row = l.starts_with('|');
        if n == want {
            cell = Some(l);
        }
        if row && n >= want && n < upto {
            cell = None;
        }
        n += 1;
        if row {
            k = if k == 0 { n } else { k };
            first = n - 1;
        }
    }
    (k, first, cell)
}

/// `154个村(社区)全部配备法律顾问` → `配备法律顾问的村(社区)`: a noun after the unit that a verb
/// and its object follow in the clause (after fillers, or after a figure joined by 及/和/、:
/// `11名执业律师及10名公职人员担任法律顾问`) is named with them as a relative clause. The noun
/// alone when that would pass 16 characters (18 after an adverb of all).
///
/// After an adverb (`均`, `全部`, `已经`: the predicate holds for every one counted), any verb
/// heads it, with its `了` (`24个村(居)均完善了一村一警一法律顾问机制` →
/// `完善一村一警一法律顾问机制的村(居)`); not when the predicate is cut by a list or states a
/// figure of its own (`16项…问题已整改完成7项`: not all 16).
#[inline(never)]
fn with_relative(text: &str, noun: &str) -> String {
    let end = noun.as_ptr() as usize - text.as_ptr() as usize + noun.len();
    let rest = &text[end..];
    let mut clause_end = rest.len();
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= 30 || (is_clause_end(c) && c != '、') {
            clause_end = i;
            break;
        }
    }
    let clause = &rest[..clause_end];
    let mut noun = noun;
    let mut at = 0;
    let mut all = false;
    loop {
        let w = match adverbs().prefix(&clause[at..]) {
            Some(a) => {
                all = true;
                a
            }
            None => match leading_words().prefix(&clause[at..]) {
                Some(w) => w,
                None => break,
            },
        };
        at += w.len();
    }
    // (投资1330万元为全部学校配置…: no noun of two characters or more before the adverb, which
    // is a determiner there.)
    all &= noun.len() > 3;
    let verb_at = |i: usize| {
        object_verbs().prefix(&clause[i..]).filter(|v| {
            // 提供法律咨询44.02万人次: a light verb's object is counted on its own (均建成…:
            // after an adverb of all, a light verb heads the predicate too).
            all || !not_relative_verbs().contains(v)
        })
    };
    // (The first verb, also when it is light: 对…开展巡回培训, see [`treated`].)
    let first = object_verbs().prefix(&clause[at..]);
    let mut found: Option<(usize, &str)> = first
        .filter(|v| all || !not_relative_verbs().contains(v))
        .map(|v| (at, v));
    if found.is_none() {
        if let Some(m) = first
            .filter(|v| v.len() == 6)
            .and_then(|v| treated(text, noun, v, &clause[at + v.len()..]))
        {
            return m;
        }
    }
    if found.is_none() && all {
        found = any_verb(&clause[at..]).map(|v| (at, v));
    }
    // Where to look further for the verb: 及10名公职人员(专家学者)担任法律顾问, after the figures
    // joined to this one (from the first digit on, found once: not a scan of the clause at every
    // position); 163个监管部门依托“互联网+监管”系统编制抽查检查计划, after a verb of means and the
    // first character of its object (a few words, looked for only here: no index of their own).
    let mut after_means = false;
    let further = if found.is_some() {
        None
    } else if clause.starts_with(['及', '和', '、']) {
        clause.find(|c: char| text::digit(c).is_some())
    } else {
        let m = lexicon::entries(Class::NounStop)
            .iter()
            .find(|e| e.value == "means" && clause[at..].starts_with(e.word));
        after_means = m.is_some();
        m.map(|m| at + m.word.len())
    };
    if let Some(d) = further {
        found = clause[d..]
            .char_indices()
            .skip(1)
            .find_map(|(i, _)| verb_at(d + i).map(|v| (d + i, v)));
    }
    let after_verb = found.map_or("率", |(p, v)| &clause[p + v.len()..]);
    // (法律顾问配备率达100%: a verb before 率 heads no predicate: it names the rate.)
    let Some((_, verb)) = found.filter(|_| !after_verb.starts_with('率')) else {
        return rate_base(text, noun, clause).unwrap_or_else(|| noun.to_string());
    };
    // 均完善了…机制: the verb's 了 is no part of the object.
    let after_verb = after_verb.strip_prefix('了').unwrap_or(after_verb);
    let (cap, most) = if all { (12, 18) } else { (9, 16) };
    let mut object_end = 0;
    for (k, (i, c)) in after_verb.char_indices().enumerate() {
        // 使用省协同监管平台制定抽查计划: the object ends before the next verb.
        // (参加职业培训的城乡劳动者: a verb right before 的 or the end is part of the object;
        // 编制抽查检查计划: so is one before an undertaking.)
        let next_verb = k > 1
            && object_verbs().prefix(&after_verb[i..]).is_some_and(|v| {
                let more = &after_verb[i + v.len()..];
                !more.starts_with(['的', '并'])
                    && more.chars().take(2).filter(|&c| !is_clause_end(c)).count() == 2
                    && undertakings().prefix(more).is_none()
            });
        // (一村一警一法律顾问机制: a numeral in a term counts nothing; one before a measure
        // word ends the object.)
        let counts = is_chinese_numeral(c)
            && (!all
                || after_verb[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(crate::units::may_begin));
        let ends = next_verb
            || matches!(c, '的' | '等' | '并')
            || (all && matches!(c, '和' | '及' | '与'));
        if ends || k >= cap || text::digit(c).is_some() || counts || c == '、' {
            // 实现42个已上线“一件事”任务办理减环节、减材料: one of a list of objects, or one
            // running on past the cap, names the noun unsurely: the noun alone; so does a
            // predicate with a figure of its own (16项…问题已整改完成7项: not all 16).
            if all && !ends {
                return noun.to_string();
            }
            break;
        }
        object_end = i + c.len_utf8();
    }
    let object = &after_verb[..object_end];
    let n = object.chars().count();
    // 10名公职人员(专家学者)担任法律顾问: the note goes when the whole would be too long (not
    // after one character: 县（市、区） alone would be 县).
    let len = |noun: &str| noun.chars().count() + verb.chars().count() + n + 1;
    if len(noun) > most {
        if let Some(open) = noun.find(['(', '（']).filter(|&o| o > 3) {
            noun = &noun[..open];
        }
    }
    // (An object that ran to the cap is cut: the noun alone.)
    if !(2..cap).contains(&n) || len(noun) > most {
        return noun.to_string();
    }
    // 32个城中村改造项目: an object that is an undertaking makes one compound noun (not after a
    // verb of means).
    if !after_means && undertakings().suffix(object).is_some() {
        return [noun, verb, object].concat();
    }
    [verb, object, "的", noun].concat()
}

/// `对全市1163名“法律明白人”开展巡回培训` → `巡回培训的“法律明白人”`, `组织对现行有效的13件市政府
/// 行政规范性文件进行清理评估` → `清理评估的市政府行政规范性文件`: after `对`, the noun a light verb
/// of two characters (`开展`, `进行`) follows is the object of the activity it names, `after` the
/// verb, which ends the clause (two to six characters, no figure). After `进行`, which only says
/// that the activity took place, so is the noun before it without `对` (`组织全市32名党政主要负责人
/// 进行会议述法` → `会议述法的党政主要负责人`). `None` otherwise, or when the whole passes 16
/// characters.
#[inline(never)]
fn treated(text: &str, noun: &str, verb: &str, after: &str) -> Option<String> {
    let start = noun.as_ptr() as usize - text.as_ptr() as usize;
    // (对 in the clause before the figure: 针对 too.)
    let to = verb == "进行"
        || text[..start]
            .chars()
            .rev()
            .take(24)
            .take_while(|&c| !is_clause_end(c))
            .any(|c| c == '对');
    // (进行了合法性审查: the 了 of the verb is no part of the activity.)
    let after = after.strip_prefix('了').unwrap_or(after);
    let k = after.chars().count();
    (to && (2..=6).contains(&k)
        && noun.chars().count() + k < 16
        && !after.contains(|c: char| text::digit(c).is_some() || c == '、'))
    .then(|| [after, "的", noun].concat())
}

/// A count of the units a rate after it is of, named by what the rate measures
/// (`全县8个乡镇、100个村(居)“智慧司法”服务终端安装率100%` → `“智慧司法”服务终端安装的乡镇`,
/// `…安装的村(居)`): the words before `率` in `clause` (the words after `noun`) of the list's last
/// item, after that item's own noun, which ends with its bracketed note or before a quoted term.
/// `None` when no such split is sure (`203个地表水国考断面水质优良率`) or the whole passes about 18
/// characters.
#[inline(never)]
fn rate_base(text: &str, noun: &str, clause: &str) -> Option<String> {
    let r = text::find(clause, "率")?;
    let run = &clause[..r];
    // The last item of a list of counts (、100个村(居)) starts after the measure word after its
    // digits; else the noun is the item. (ASCII digits: an item after others is not sure.)
    let s = noun.as_ptr() as usize - text.as_ptr() as usize;
    let item = match run.bytes().rposition(|b| b.is_ascii_digit()) {
        Some(d) => run.get(d + 1 + '个'.len_utf8()..)?,
        None => text.get(s..s + noun.len() + r)?,
    };
    let split = match text::find(item, ")") {
        Some(k) => k + 1,
        None => match text::find(item, "）") {
            Some(k) => k + '）'.len_utf8(),
            None => text::find(item, "“")?,
        },
    };
    let (own, what) = item.split_at(split);
    let own = if item.len() > run.len() { own } else { noun };
    (!own.is_empty() && !text::has(own, "、") && what.len() >= 6 && what.len() + own.len() <= 54)
        .then(|| [what, "的", own].concat())
}

/// A verb of two characters heading a predicate after an adverb and the fillers after it (`完善`, `接入`, `竣工`): two ideographs, the first starting no connector or filler (`为`,
/// `达`, `的`, `按`: a copula, particle or preposition; a bit test, which may also turn away a
/// verb: then the noun stays alone).
#[inline(never)]
fn any_verb(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let two = s.get(..6)?;
    (clause::ideograph_starts_at(b, 0)
        && clause::ideograph_starts_at(b, 3)
        && !two
            .chars()
            .next()
            .is_some_and(|c| trailing_words().may_start(c)))
    .then_some(two)
}

/// Whether the list item starting `rest` joins the one before into one noun: it has no figure
/// of its own and, when another `、` follows it, at most three characters (视力、听力、肢体).
fn list_item_joins(rest: &str) -> bool {
    for (k, c) in rest.chars().take(24).enumerate() {
        if text::digit(c).is_some() {
            return false;
        }
        if c == '、' {
            return k <= 3;
        }
        if is_clause_end(c) {
            return true;
        }
    }
    true
}

/// Whether the figure ending `before` counts occurrences (`1次`, `18场次`, `2期`, `3轮`), not
/// things or people (`人次`, `件次`, `艘次` count those).
fn counts_occurrences(before: &str) -> bool {
    let before = trim_blank_end(before);
    if before.ends_with(['场', '期', '轮', '遍']) {
        return true;
    }
    let Some(rest) = before.strip_suffix('次') else {
        return false;
    };
    !rest.ends_with(['人', '件', '户', '艘', '架', '车'])
}

/// A verb of ranking starts `s` (`排第3名`, `排名第一`, `位列第2`, `位居前列`, `居第5位`).
#[inline(never)]
fn ranks(s: &str) -> bool {
    s.starts_with('排')
        || ["位列", "位居", "居第", "居前", "列第"]
            .iter()
            .any(|w| s.starts_with(w))
}

/// The noun after a unit (`为7个省级经济开发区赋权` → `省级经济开发区赋权`), at most 10 characters.
#[inline(never)]
fn noun_after(text: &str, mut pos: usize) -> &str {
    let occurrences = counts_occurrences(&text[..pos]);
    // 有90.3%的案件: the noun after 的; 7亿吨级冶镁白云岩: the class of the unit is no noun.
    if text[pos..].starts_with(['的', '级']) {
        pos += '的'.len_utf8();
    }
    // 由11人组成的法律顾问团: the body the people make up.
    if text[pos..].starts_with("组成的") || text[pos..].starts_with("组建的") {
        pos += "组成的".len();
    }
    // 办结12件,3件正在办理: a case verb after the figure (with its adverbs) stands for it.
    let verb_at = text.len() - after_adverbs(&text[pos..]).len();
    if let Some(v) = case_verbs().prefix(&text[verb_at..]) {
        return &text[pos..verb_at + v.len()];
    }
    let mut end = pos;
    let mut n = 0;
    let mut depth = 0usize;
    let mut last = ' ';
    let mut chars = text[pos..].chars();
    // Where the two characters before the last one began: 群众住上了安全房 ends before 住上了.
    let mut back = [pos, pos];
    // Where a quoted term ended: a noun cut at the cap ends there, not inside a word.
    let mut quote_end = None;
    // Where ten characters end: a noun that runs on past 13 without ending is cut there (or
    // after its quoted term); one that ends by 13 is kept whole, not cut inside a word.
    let mut cap = None;
    // Where the first item of a list ended (乡镇 of 乡镇、部门领导班子成员): a cut goes there.
    let mut list_at = None;
    while let Some(c) = chars.next() {
        // 在全国168个重点城市中排第3名: 中 before a verb of ranking is "among", no part of it.
        if c == '中' && n >= 2 && ranks(chars.as_str()) {
            break;
        }
        if n >= 10 && cap.is_none() {
            cap = Some(list_at.or(quote_end).unwrap_or(end));
        }
        // (千亿级产业集群, 二三级供水管网, 世界一流企业: numerals before 级 or 流 are part of a
        // word.)
        if text::digit(c).is_some() {
            break;
        }
        if is_chinese_numeral(c)
            && n > 0
            && !matches!(
                chars.clone().find(|&d| !is_chinese_numeral(d)),
                Some('级' | '流')
            )
        {
            break;
        }
        if matches!(c, '“' | '「') && depth == 0 {
            // 5项“一件事一次办”服务事项: a quoted term belongs to the noun, whole.
            let close = if c == '“' { '”' } else { '」' };
            let inner: String = chars
                .clone()
                .take(13)
                .take_while(|&d| d != close && !is_clause_end(d))
                .collect();
            let closed = chars.clone().nth(inner.chars().count()) == Some(close);
            if closed && !inner.is_empty() {
                if n >= 13 {
                    end = cap.unwrap_or(end);
                    break;
                }
                for _ in 0..=inner.chars().count() {
                    chars.next();
                }
                end += c.len_utf8() + inner.len() + close.len_utf8();
                quote_end = Some(end);
                last = close;
                n += 1;
                continue;
            }
            break;
        }
        // 275名乡镇、部门领导班子成员: short items joined by 、 before a noun are one noun
        // (not 大唐700万吨露天矿、华润雪花啤酒厂迁建、…: a long item before another 、, nor
        // 40吨金矿、平凉7亿吨级…: an item with its own figure).
        if c == '、' && depth == 0 && (1..=3).contains(&n) && list_at.is_none() {
            let at = end + c.len_utf8();
            let next = text[at..].chars().next();
            if next
                .is_some_and(|d| ('\u{4E00}'..='\u{9FFF}').contains(&d) && !is_chinese_numeral(d))
                && !noun_stops_at(text, at, c)
                && list_item_joins(&text[at..])
            {
                list_at = Some(end);
                last = c;
                end = at;
                n += 1;
                continue;
            }
        }
        match fold(c) {
            // 村(社区), 县（市、区）: a short bracketed note belongs to the noun.
            '(' if chars.clone().take(5).any(|d| fold(d) == ')') => depth += 1,
            '、' if depth > 0 => {}
            ')' if depth > 0 => depth -= 1,
            ')' => break,
            _ if is_clause_end(c) || matches!(c, '的' | '和' | '及' | '与' | '等' | '(' | '（') => {
                break
            }
            // 2座压缩式生活垃圾转运站以及停车场.
            '以' if chars.clone().next() == Some('及') => break,
            // 46万群众远离了危险, 4.5亿元实施了…: a verb (of two characters) and its 了 end it.
            '了' => {
                end = back[0];
                break;
            }
            _ => {}
        }
        if depth == 0 && n > 0 && noun_stops_at(text, end, last) {
            // 开展1次全面清理, 4次专项清理: after a count of occurrences the verb a short
            // modifier leads to is the activity counted, part of the noun.
            // (开展8次法律法规培训,: also after a longer one when the verb ends the clause,
            // with no object of its own.)
            let activity = occurrences
                && object_verbs().prefix(&text[end..]).is_some_and(|v| {
                    v.chars().count() == 2
                        && (n <= 2 || text[end + v.len()..].starts_with(is_clause_end))
                });
            if !activity {
                break;
            }
        }
        // A 14th character that does not end the noun: it runs on, cut at the cap. (Tested
        // here, after the stops: 国家级中小企业特色产业集群， ends whole at 13.)
        if n >= 13 {
            end = cap.unwrap_or(end);
            break;
        }
        last = c;
        back = [back[1], end];
        end += c.len_utf8();
        n += 1;
    }
    // (A quoted term counts as one: the whole kept runs to 14 characters at most.)
    if let Some(c) = cap.filter(|_| text[pos..end].chars().count() > 14) {
        end = c;
    }
    let noun = text[pos..end].trim_matches(is_blank);
    // 2418项政务服务事项中，2331项…, 27个行业大类中18个行业: 中 before the clause ends or the
    // next figure is "among", no part of the noun (高中, 初中, 其中, 集中 are words).
    match noun.strip_suffix('中') {
        Some(n)
            if n.len() >= 6
                && !n.ends_with(['高', '初', '其', '集', '空'])
                && (text[end..].starts_with(['，', ','])
                    || text[end..].chars().next().and_then(text::digit).is_some()) =>
        {
            n
        }
        _ => noun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain_name` matches the UTF-8 of the blanks by hand: it must drop exactly the characters
    /// `text::is_blank` calls blank, and keep every other one.
    #[test]
    fn plain_name_drops_exactly_the_blanks() {
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            let name = format!("甲{c}乙");
            let want = if is_blank(c) {
                "甲乙".to_string()
            } else {
                name.clone()
            };
            let bracket = name.contains(['[', '［']);
            let quoted = name.contains(['“', '”', '「', '」', '『', '』']);
            let xiang = name.contains('相');
            let got = plain_name(name);
            assert_eq!(got, (want, [bracket, quoted, xiang]), "U+{:04X}", c as u32);
        }
        let pm = plain_name("PM2.5 \u{3000}Index[1]“相".into());
        assert_eq!(pm, ("PM2.5 Index[1]“相".into(), [true, true, true]));
    }

    /// `trim_edges` trims what `trim_matches` of a blank or bullet trims: every character of the
    /// Basic Multilingual Plane at both ends, once and twice, and a few others around it.
    #[test]
    fn trim_edges_agrees_with_trim_matches() {
        fn slow(s: &str) -> &str {
            s.trim_matches(|c: char| is_blank(c) || is_bullet(c))
        }
        for c in (0..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .chain(['𠀀', '😀'])
        {
            for s in [
                format!("{c}甲{c}"),
                format!("{c}{c}甲乙{c}{c}"),
                format!("{c}\u{3000}a{c} ●"),
                format!("{c}"),
                format!(" {c}"),
                format!("é{c}"),
                format!("{c}é"),
            ] {
                assert_eq!(trim_edges(&s), slow(&s), "U+{:04X} {s:?}", c as u32);
            }
        }
    }

    /// `holds3` (all offsets tested without an early exit) answers as a comparison of every
    /// window: on random bytes made of the bytes of `别` and `中` and a few others (so that
    /// partial matches abound), at every length up to 200 (the blocks of 16 offsets, the last
    /// one overlapping, and windows under 18 bytes).
    /// `walk_back` answers as the walk of `clause_start` before it and `in_brackets` each alone,
    /// at every start and floor of random texts of brackets, marks and ideographs.
    #[test]
    fn walk_back_agrees_with_the_two_walks() {
        fn clause_start_slow(text: &str, pos: usize, floor: usize) -> (usize, Option<char>) {
            let mut p = pos;
            let mut depth = 0usize;
            for _ in 0..40 {
                let Some(c) = text.get(floor..p).and_then(|s| s.chars().next_back()) else {
                    break;
                };
                match fold(c) {
                    ')' => depth += 1,
                    '(' => {
                        if depth == 0 {
                            return (p, Some(c));
                        }
                        depth -= 1;
                    }
                    f if is_clause_mark(f) && (depth == 0 || matches!(f, '。' | '\n' | '\r')) => {
                        return (p, Some(c))
                    }
                    _ => {}
                }
                p -= c.len_utf8();
            }
            (p, None)
        }
        fn in_brackets_slow(text: &str, start: usize) -> bool {
            for c in text[..start].chars().rev().take(12) {
                match fold(c) {
                    '(' => return true,
                    ')' => return false,
                    f if is_clause_mark(f) => return false,
                    _ => {}
                }
            }
            false
        }
        let mut rng = crate::testing::xorshift(0x0DDB_1A5E_5BAD_5EED);
        let alphabet = [
            "(", "（", ")", "）", "，", "、", "。", "\n", "年", "项目", "1", "a", "Ａ", "…",
        ];
        for _ in 0..3000 {
            // (Up to 60 pieces: walks of more than 12 and of 40 characters.)
            let t = crate::testing::random_text(&mut rng, &alphabet, 60);
            let starts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let pos = starts[rng() as usize % starts.len()];
            for &floor in starts.iter().filter(|&&f| f <= pos) {
                let (clause, bracketed) = walk_back(&t, pos, floor);
                assert_eq!(
                    clause,
                    clause_start_slow(&t, pos, floor),
                    "{t:?} {pos} {floor}"
                );
                assert_eq!(bracketed, in_brackets_slow(&t, pos), "{t:?} {pos} {floor}");
                assert_eq!(
                    bracketed,
                    in_brackets(&t, pos, BRACKET_REACH),
                    "{t:?} {pos} {floor}"
                );
            }
        }
    }

    /// `indexed_hot` reads the very index `indexed` builds and returns, first use or not.
    #[test]
    fn indexed_hot_is_indexed() {
        let hot = [
            (12, Class::ObjectVerb, Some("thing")),
            (4, Class::ResultVerb, None),
            (6, Class::Rest, None),
            (8, Class::CaseVerb, None),
            (9, Class::Adverb, None),
        ];
        for _ in 0..2 {
            for (slot, class, value) in hot {
                let a = indexed_hot(slot, class, value);
                assert!(std::ptr::eq(a, indexed(slot, class, value)), "{slot}");
            }
        }
        assert!(std::ptr::eq(
            case_verbs(),
            indexed(8, Class::CaseVerb, None)
        ));
        assert!(std::ptr::eq(adverbs(), indexed(9, Class::Adverb, None)));
    }

    #[test]
    fn holds3_agrees_with_windows() {
        let mut next = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15u64);
        let alphabet = [0xE5, 0x88, 0xAB, 0xE4, 0xB8, 0xAD, b'a', 0x80];
        for c in ["别", "中"] {
            let c = c.as_bytes();
            for _ in 0..4000 {
                let n = (next() % 201) as usize;
                let b: Vec<u8> = (0..n).map(|_| alphabet[(next() % 8) as usize]).collect();
                assert_eq!(holds3(&b, c), b.windows(3).any(|w| w == c), "{b:?} {c:?}");
            }
        }
    }

    /// The byte tests (`text::has_line_break`, the 年 before a figure in `bracket_year`, the
    /// ideograph before `trim_blank_end`, `holds3` of 相, 等 and 》) answer as the char-level
    /// code they stand before: on random texts of brackets, years, blanks, line breaks and
    /// look-alike bytes, at every character boundary.
    #[test]
    fn byte_tests_agree_with_the_char_code() {
        fn bracket_year_slow(text: &str, head: usize) -> Option<&str> {
            let before = text[..head].trim_end_matches(is_blank);
            let year = before.get(before.len().checked_sub(7)?..)?;
            let digits = year.strip_suffix('年')?;
            let open = before[..before.len() - year.len()].chars().next_back()?;
            (fold(open) == '(' && digits.chars().all(|c| c.is_ascii_digit())).then_some(year)
        }
        let mut next = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
        let alphabet = [
            "(", "（", ")", "）", "，", "年", "1", "2019", "a", "😀", "\u{3000}", " ", "相", "关",
            "盾", "等", "》", "\n", "\r", "é", "%",
        ];
        for _ in 0..3000 {
            let t = crate::testing::random_text(&mut next, &alphabet, 40);
            let b = t.as_bytes();
            for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                assert_eq!(bracket_year(&t, i), bracket_year_slow(&t, i), "{t:?} {i}");
                let trimmed = t[..i].trim_end_matches(is_blank);
                assert_eq!(trim_blank_end(&t[..i]), trimmed, "{t:?} {i}");
                let rest = &b[i..];
                for c in ['相', '等', '》'] {
                    let has = t[i..].contains(c);
                    let bytes = c.to_string();
                    assert_eq!(holds3(rest, bytes.as_bytes()), has, "{t:?} {i} {c}");
                }
                let breaks = t[i..].contains(['\n', '\r']);
                assert_eq!(text::has_line_break(&t[i..]), breaks, "{t:?} {i}");
            }
        }
    }
}
