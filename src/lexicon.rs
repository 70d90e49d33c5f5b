//! The word lists: every list of words the recognizers look for, loaded from `data/*.tsv`.
//!
//! Code holds mechanisms, data holds words. Each word list file is compiled in with
//! `include_str!` and parsed once, on first use. A line is a word (or a phrase, or a suffix),
//! a tab, and its **roles**, separated by spaces; a role may carry a value (`change=up`). A
//! word that plays two roles is written once, with both (`约` with `approx-before=约 connector`):
//! one word, one line, one place. Lines starting with `#` and empty lines are comments; each
//! file starts with a header saying what a line means.
//!
//! | file | what a line is |
//! |---|---|
//! | `data/words.tsv` | a function word of indicators and metric naming: qualifiers (`约`, `以上`), change verbs (`增长`), connectors, fillers, object verbs |
//! | `data/terms.tsv` | a fixed term with a numeral that counts nothing (`八项规定`), or a word that makes a count a name (`三台融合`) |
//! | `data/citations.tsv` | a title ending and the citation class it gives (`条例` → regulation) |
//! | `data/checks.tsv` | a word the arithmetic checks look for: rate links, narrowing words, partitions, bases (`src/checks.rs`) |
//! | `data/structure.tsv` | a structure word: metadata labels, title words, page furniture, notice endings, glossary headers ([`crate::meta`], [`crate::outline`]) |
//! | `data/parts.tsv` | a cue of one of the five mandated parts: in a heading, in any paragraph, in the closing paragraph ([`crate::parts`]) |
//! | `data/units.tsv` | a unit, its kind and flags ([`units`]; matched by [`crate::units`]) |
//! | `data/metrics.tsv` | a canonical metric: id, name, unit kinds, head wordings, required and forbidden words ([`metrics`]; the id contract is [`crate::taxonomy`]'s) |
//! | `data/genre.tsv` | a weighted genre cue: genre, zone (title, head, heading, body), weight, cue ([`genre_cues`]; scored by [`crate::genre`]) |
//!
//! Code asks for the words of a [`Class`]:
//!
//! ```
//! use zhibiao::lexicon::{self, Class};
//! assert!(lexicon::words(Class::FixedTerm).contains(&"八项规定"));
//! assert!(lexicon::has(Class::Connector, "达到"));
//! let q = lexicon::approx_before().iter().find(|q| q.word == "约合").unwrap();
//! assert_eq!((q.gives, q.not_after.contains('签')), ("约", true)); // 签约 is a word
//! ```
//!
//! Loading never panics: a malformed line or an unknown role is skipped at run time, and
//! [`check`] reports it, so a bad line fails `cargo test` (the test at the end of this module),
//! not the page. [`check`] also rejects a word listed twice in a file and roles that must not
//! meet on one line ([`EXCLUSIVE`]) or must come together ([`REQUIRES`]).
//!
//! To add a list: add a [`Class`] variant, its row in [`CLASSES`] (file, role name, whether the
//! role takes a value), and the lines to the file (a new file goes into [`FILES`]).

use std::sync::OnceLock;

use crate::model::{CitationClass, Direction, Genre, Kind};
use crate::text::{self, CharGroups, CharSet};

/// The word list files (word and roles), by name, with their text. `units.tsv` and
/// `metrics.tsv` have columns of their own: [`units`], [`metrics`].
pub const FILES: &[(&str, &str)] = &[
    (
        "words.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/words.tsv")),
    ),
    (
        "terms.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/terms.tsv")),
    ),
    (
        "citations.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/citations.tsv")),
    ),
    (
        "checks.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/checks.tsv")),
    ),
    (
        "structure.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/structure.tsv")),
    ),
    (
        "parts.tsv",
        include_str!(concat!(env!("OUT_DIR"), "/parts.tsv")),
    ),
];

/// A role a word plays: the lists the code asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A qualifier before a number and the approximation it gives (`约合` → `约`).
    ApproxBefore,
    /// The characters after which a qualifier (and every one starting with it) is the end of
    /// another word: `签约`, `最近`, `赶超`.
    NotAfter,
    /// A qualifier after the unit (`以上`, `左右`).
    ApproxAfter,
    /// A change verb right before a value, with its direction (`增长` up, `压缩` down).
    Change,
    /// A word between a metric and its value (`达到`, `均为`), stripped from the metric's end.
    Connector,
    /// A word that frames a clause but names nothing (`全市`, `其中`), stripped from both ends.
    Filler,
    /// A verb that takes the counted object (`聘请11名执业律师`); `thing`: one of making,
    /// setting up or publishing a thing, dropped before a noun that names the thing
    /// made on its own (`公布市级行政许可事项238项` → `市级行政许可事项`).
    ObjectVerb,
    /// An object verb that states a result and never ends a metric's name (`完成`).
    ResultVerb,
    /// A word beginning with a one-character filler that is not framed by it (`在职`).
    NotFiller,
    /// A word ending with a one-character filler, a connector or a noun stop that does not end
    /// a noun or a name there (`公共`, `人均`, `新开工`).
    EndsLikeFiller,
    /// Another word that ends a noun after a unit (`直接`); `means`: a verb of means, which a
    /// relative clause reads past with its object (`163个监管部门依托“互联网+监管”系统编制抽查检查计划`
    /// → `编制抽查检查计划的监管部门`).
    NounStop,
    /// A verb that says only that something was done (`开展`, `组织`): dropped from the start of
    /// a metric (`start`), or anywhere with what stands before it (`any`: `各部门开展培训` → `培训`);
    /// `result`: from the start of a named quantity, not of a share (`实现地区生产总值`).
    LightVerb,
    /// A determiner that distinguishes nothing (`各类`), dropped wherever it stands in a metric.
    Determiner,
    /// A frame of place or time that distinguishes nothing inside a metric either, dropped
    /// wherever it stands (`铁岭全市行政机关败诉率` → `铁岭行政机关败诉率`); also a filler.
    Frame,
    /// An institution that handles cases: before a case verb and its object it is dropped
    /// with what stands before it (`铁岭两级法院新收一审行政案件` → `新收一审行政案件`).
    Agent,
    /// A verb of handling cases that distinguishes the stages (`受理`, `办结`): it stays in the
    /// name, and alone it takes the object of the figure before (`obj`: `办结行政复议案件`) or
    /// follows it (`alone`: `一审行政诉讼结案`, without the case noun).
    CaseVerb,
    /// An adverb that may stand before a case verb (`正式受理`, `已办结`); after a counted noun it
    /// makes the predicate name it (`24个村(居)均完善了…机制` → `完善…机制的村(居)`).
    Adverb,
    /// A noun that names a case handled (`案件`, `申请`): `行政复议案件累计受理15件` names
    /// `受理行政复议案件`.
    CaseNoun,
    /// The aspect of a subject that a figure measures (`产值`, `增速`, `占比`): alone it takes
    /// the subject of the figure before (`工业投资…，增速34.9%` → `工业投资增速`), and a bare
    /// part after a whole takes its aspect (`农林牧渔业总产值…，其中农业29.24亿元` → `农业产值`).
    /// `rate`: of the whole quantity (`增速`); `amount`: of its subject (`产值`).
    Aspect,
    /// A noun of an undertaking (`项目`, `工程`): a noun, verb and such an object after a unit
    /// are one compound (`32个城中村改造项目`), not a relative clause.
    Undertaking,
    /// A character that is never a measure word after `万`/`亿` (`的`, `年`).
    NotMeasureWord,
    /// A verb character that takes `上` (`迈上`, `登上`): that `上` is no magnitude.
    TakesShang,
    /// A fixed term with a numeral and a measure word that counts nothing (`八项规定`).
    FixedTerm,
    /// A word that, right after a Chinese-numeral count, names a combination (`三台融合`).
    CombinationTail,
    /// A title ending and the citation class it gives (`条例` → `regulation`).
    CitationSuffix,
    /// Between a rate's name and its figure (`达`, `为`): stripped from the name ([`crate::checks`]).
    RateLink,
    /// A word that narrows a rate or a count to a subset (`按期`, `不`).
    Narrows,
    /// A part that names the rest (`其他`): the parts after `其中` exhaust the total.
    Rest,
    /// Categories that exhaust a whole, separated by `|` (`男|女`).
    Partition,
    /// Before a change in %: not new ÷ old − 1 (`实际`, `年均`).
    Inexact,
    /// In a sentence, makes its changes in % real growth (`生产总值`, `可比价`).
    RealGrowth,
    /// Names what a change is measured against (`同比`, `上年`).
    Basis,
    /// Cue of a 政府工作报告's targets (`预期目标`).
    Target,
    /// A word of a sentence about the future (`今年`, `力争`): its changes are plans.
    Plan,
    /// Before a change in %: a yearly average (`年均`), compound over the years dated.
    Annual,
    /// A label of a website metadata block, without inner spaces (`索引号`).
    MetaKey,
    /// A word that makes a short line a report title (`报告`).
    TitleWord,
    /// Page furniture opening a line, never the title (`您所在的位置`, `来源`).
    Furniture,
    /// A title ending of a notice or plan, which covers no past year (`通知`).
    NonReportEnding,
    /// A phrase by which a notice issues a document (`印发给你们`).
    IssuingPhrase,
    /// A word near the start of a news item's lead paragraph (`讯`, `记者`).
    NewsLead,
    /// A line opening the notes at the end of a report (`名词解释`).
    GlossaryHeader,
    /// A word opening a definition after `term：` in a glossary entry (`是指`).
    DefinitionWord,
    /// A word in a heading title that names one of the five parts (`不足` → shortcomings).
    PartHeading,
    /// A paragraph phrase that mentions a part anywhere (`存在的不足`), strongest first.
    PartStrong,
    /// A phrase that mentions a part only in the closing paragraph (`将继续` → plans).
    PartWeak,
}

/// The ids of the five mandated parts, the values of the `part-*` roles ([`crate::parts`]).
pub const PART_IDS: &[&str] = &["measures", "shortcomings", "leadership", "plans", "other"];

/// What a role's value may be.
#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// The role takes no value.
    None,
    /// Any non-empty text.
    Text,
    /// One of these words.
    OneOf(&'static [&'static str]),
}

/// Every class: its file, its role name, and its value.
pub const CLASSES: &[(Class, &str, &str, Value)] = &[
    (
        Class::ApproxBefore,
        "words.tsv",
        "approx-before",
        Value::Text,
    ),
    (Class::NotAfter, "words.tsv", "not-after", Value::Text),
    (Class::ApproxAfter, "words.tsv", "approx-after", Value::None),
    (
        Class::Change,
        "words.tsv",
        "change",
        Value::OneOf(&["up", "down"]),
    ),
    (Class::Connector, "words.tsv", "connector", Value::None),
    (Class::Filler, "words.tsv", "filler", Value::None),
    (
        Class::ObjectVerb,
        "words.tsv",
        "object-verb",
        Value::OneOf(&["", "thing"]),
    ),
    (Class::ResultVerb, "words.tsv", "result-verb", Value::None),
    (Class::NotFiller, "words.tsv", "not-filler", Value::None),
    (
        Class::EndsLikeFiller,
        "words.tsv",
        "ends-like-filler",
        Value::None,
    ),
    (
        Class::NounStop,
        "words.tsv",
        "noun-stop",
        Value::OneOf(&["", "means"]),
    ),
    (
        Class::LightVerb,
        "words.tsv",
        "light-verb",
        Value::OneOf(&["start", "any", "result"]),
    ),
    (Class::Determiner, "words.tsv", "determiner", Value::None),
    (Class::Frame, "words.tsv", "frame", Value::None),
    (Class::Agent, "words.tsv", "agent", Value::None),
    (
        Class::CaseVerb,
        "words.tsv",
        "case-verb",
        Value::OneOf(&["obj", "alone"]),
    ),
    (Class::Adverb, "words.tsv", "adverb", Value::None),
    (Class::CaseNoun, "words.tsv", "case-noun", Value::None),
    (Class::Undertaking, "words.tsv", "undertaking", Value::None),
    (
        Class::Aspect,
        "words.tsv",
        "aspect",
        Value::OneOf(&["rate", "amount"]),
    ),
    (
        Class::NotMeasureWord,
        "words.tsv",
        "not-measure-word",
        Value::None,
    ),
    (Class::TakesShang, "words.tsv", "takes-shang", Value::None),
    (Class::FixedTerm, "terms.tsv", "fixed-term", Value::None),
    (
        Class::CombinationTail,
        "terms.tsv",
        "combination-tail",
        Value::None,
    ),
    (
        Class::CitationSuffix,
        "citations.tsv",
        "class",
        Value::OneOf(&["law", "regulation", "rules", "plan", "notice", "other"]),
    ),
    (Class::RateLink, "checks.tsv", "rate-link", Value::None),
    (Class::Narrows, "checks.tsv", "narrows", Value::None),
    (Class::Rest, "checks.tsv", "rest", Value::None),
    (Class::Partition, "checks.tsv", "partition", Value::None),
    (Class::Inexact, "checks.tsv", "inexact", Value::None),
    (Class::RealGrowth, "checks.tsv", "real-growth", Value::None),
    (Class::Basis, "checks.tsv", "basis", Value::None),
    (Class::Target, "checks.tsv", "target", Value::None),
    (Class::Plan, "checks.tsv", "plan", Value::None),
    (Class::Annual, "checks.tsv", "annual", Value::None),
    (Class::MetaKey, "structure.tsv", "meta-key", Value::None),
    (Class::TitleWord, "structure.tsv", "title-word", Value::None),
    (Class::Furniture, "structure.tsv", "furniture", Value::None),
    (
        Class::NonReportEnding,
        "structure.tsv",
        "non-report-ending",
        Value::None,
    ),
    (
        Class::IssuingPhrase,
        "structure.tsv",
        "issuing-phrase",
        Value::None,
    ),
    (Class::NewsLead, "structure.tsv", "news-lead", Value::None),
    (
        Class::GlossaryHeader,
        "structure.tsv",
        "glossary-header",
        Value::None,
    ),
    (
        Class::DefinitionWord,
        "structure.tsv",
        "definition-word",
        Value::None,
    ),
    (
        Class::PartHeading,
        "parts.tsv",
        "part-heading",
        Value::OneOf(PART_IDS),
    ),
    (
        Class::PartStrong,
        "parts.tsv",
        "part-strong",
        Value::OneOf(PART_IDS),
    ),
    (
        Class::PartWeak,
        "parts.tsv",
        "part-weak",
        Value::OneOf(PART_IDS),
    ),
];

/// Roles that must not meet on one line: the second would say nothing more (a filler is
/// already stripped from a metric's end like a connector; a noun stop is for words that are
/// none of the others).
pub const EXCLUSIVE: &[(Class, Class)] = &[
    (Class::Connector, Class::Filler),
    (Class::NounStop, Class::Filler),
    (Class::NounStop, Class::ObjectVerb),
    (Class::NounStop, Class::Change),
    (Class::NotFiller, Class::Filler),
    (Class::FixedTerm, Class::CombinationTail),
];

/// Roles that need another on the same line: a result verb is an object verb (it is found as
/// one); only a qualifier before the number has words it may end (`签约`).
pub const REQUIRES: &[(Class, Class)] = &[
    (Class::ResultVerb, Class::ObjectVerb),
    (Class::NotAfter, Class::ApproxBefore),
];

/// One word of a class, with the role's value (empty when the role takes none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub word: &'static str,
    pub value: &'static str,
}

struct Lists {
    /// By class (the index in [`CLASSES`]), in file order.
    entries: Vec<Vec<Entry>>,
    words: Vec<Vec<&'static str>>,
}

fn index_of(class: Class) -> usize {
    CLASSES
        .iter()
        .position(|c| c.0 == class)
        .unwrap_or(CLASSES.len())
}

/// One line split into its word and roles, or why it cannot be.
type Parsed = Result<(&'static str, Vec<(usize, &'static str)>), String>;

/// The lines of a file that are not comments, with their 1-based numbers.
fn lines_of(source: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    source
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses one line of `file`: the word and its (class index, value) roles.
fn parse_line(file: &str, line: &'static str) -> Parsed {
    let mut cols = line.split('\t');
    let word = cols.next().unwrap_or("");
    let roles = cols.next().unwrap_or("");
    if word.is_empty() || word.contains(char::is_whitespace) {
        return Err(format!("bad word `{word}`"));
    }
    if cols.next().is_some() {
        return Err("more than two columns".into());
    }
    if roles.trim().is_empty() {
        return Err(format!("{word}: no role"));
    }
    let mut out = Vec::new();
    for role in roles.split(' ').filter(|r| !r.is_empty()) {
        let (name, value) = role.split_once('=').unwrap_or((role, ""));
        let Some(i) = CLASSES.iter().position(|c| c.1 == file && c.2 == name) else {
            return Err(format!("{word}: unknown role `{name}` in {file}"));
        };
        let ok = match CLASSES[i].3 {
            Value::None => value.is_empty() && !role.contains('='),
            Value::Text => !value.is_empty(),
            Value::OneOf(allowed) => allowed.contains(&value),
        };
        if !ok {
            return Err(format!("{word}: bad value `{value}` for {name}"));
        }
        if out.iter().any(|&(j, _)| j == i) {
            return Err(format!("{word}: role {name} twice"));
        }
        out.push((i, value));
    }
    Ok((word, out))
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut entries = vec![Vec::new(); CLASSES.len()];
        for &(file, source) in FILES {
            // A bad line is skipped here and reported by `check`.
            for (_, line) in lines_of(source) {
                if let Ok((word, roles)) = parse_line(file, line) {
                    for (i, value) in roles {
                        entries[i].push(Entry { word, value });
                    }
                }
            }
        }
        let words = entries
            .iter()
            .map(|v| v.iter().map(|e| e.word).collect())
            .collect();
        Lists { entries, words }
    })
}

/// The words of `class`, in file order.
pub fn words(class: Class) -> &'static [&'static str] {
    lists()
        .words
        .get(index_of(class))
        .map_or(&[], Vec::as_slice)
}

/// The words of `class` with their role's value, in file order.
pub fn entries(class: Class) -> &'static [Entry] {
    lists()
        .entries
        .get(index_of(class))
        .map_or(&[], Vec::as_slice)
}

/// Whether `word` is one of `class` (a linear search: for short lists or rare calls; a hot
/// path builds a [`WordIndex`]).
pub fn has(class: Class, word: &str) -> bool {
    words(class).contains(&word)
}

/// Whether the one-character word `c` is one of `class`.
pub fn has_char(class: Class, c: char) -> bool {
    words(class).iter().any(|w| w.chars().eq([c]))
}

/// A qualifier written before a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualifier {
    pub word: &'static str,
    /// The approximation it gives (`约合` gives `约`).
    pub gives: &'static str,
    /// Characters after which it ends another word (`签约`, `附近`): from the line of the
    /// qualifier's first character (`约` for `约合`), empty when there is none.
    pub not_after: &'static str,
    /// The last character of `word`: compared with the character before a figure, it spares
    /// most figures a decode of every qualifier.
    pub last: char,
}

/// The qualifiers written before a number, longest first (`超过` before `超`).
pub fn approx_before() -> &'static [Qualifier] {
    static Q: OnceLock<Vec<Qualifier>> = OnceLock::new();
    Q.get_or_init(|| {
        let not_after = entries(Class::NotAfter);
        let mut q: Vec<Qualifier> = entries(Class::ApproxBefore)
            .iter()
            .map(|e| Qualifier {
                word: e.word,
                gives: e.value,
                not_after: not_after
                    .iter()
                    .find(|n| e.word.starts_with(n.word))
                    .map_or("", |n| n.value),
                last: e.word.chars().next_back().unwrap_or('\0'),
            })
            .collect();
        crate::sort::sort_by_key(&mut q, |q| std::cmp::Reverse(q.word.len()));
        q
    })
}

/// The change verbs with their direction.
pub fn change_verbs() -> &'static [(&'static str, Direction)] {
    static V: OnceLock<Vec<(&'static str, Direction)>> = OnceLock::new();
    V.get_or_init(|| {
        entries(Class::Change)
            .iter()
            .map(|e| {
                let d = if e.value == "down" {
                    Direction::Down
                } else {
                    Direction::Up
                };
                (e.word, d)
            })
            .collect()
    })
}

/// Title endings and the citation class they give, longest first (`办法` before `法`).
pub fn citation_suffixes() -> &'static [(&'static str, CitationClass)] {
    static V: OnceLock<Vec<(&'static str, CitationClass)>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<_> = entries(Class::CitationSuffix)
            .iter()
            .map(|e| {
                let class = match e.value {
                    "law" => CitationClass::Law,
                    "regulation" => CitationClass::Regulation,
                    "rules" => CitationClass::Rules,
                    "plan" => CitationClass::Plan,
                    "notice" => CitationClass::Notice,
                    _ => CitationClass::Other,
                };
                (e.word, class)
            })
            .collect();
        crate::sort::sort_by_key(&mut v, |e| std::cmp::Reverse(e.0.len()));
        v
    })
}

/// One line of `data/units.tsv`: a unit as written after a number, its kind and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub text: &'static str,
    /// `None` for kind `none`: not a unit, but it blocks a shorter one (`75周年`, `3分之1`).
    pub kind: Option<Kind>,
    /// Flag `A`: only after Arabic digits (too ambiguous after `一二三…`).
    pub arabic_only: bool,
    /// Flag `F`: must not be followed by a CJK character (`八成`, not `三成员`).
    pub no_cjk_after: bool,
}

const UNITS: &str = include_str!(concat!(env!("OUT_DIR"), "/units.tsv"));
const GENRE: &str = include_str!(concat!(env!("OUT_DIR"), "/genre.tsv"));
const METRICS: &str = include_str!(concat!(env!("OUT_DIR"), "/metrics.tsv"));

fn parse_unit(line: &'static str) -> Result<Unit, String> {
    let mut cols = line.split('\t');
    let text = cols.next().unwrap_or("");
    if text.is_empty() || text.contains(char::is_whitespace) {
        return Err(format!("bad unit `{text}`"));
    }
    let kind = match cols.next().unwrap_or("") {
        "count" => Some(Kind::Count),
        "percent" => Some(Kind::Percent),
        "money" => Some(Kind::Money),
        "measure" => Some(Kind::Measure),
        "none" => None,
        k => return Err(format!("{text}: unknown kind `{k}`")),
    };
    let flags = cols.next().unwrap_or("");
    if let Some(f) = flags.chars().find(|c| !matches!(c, 'A' | 'F')) {
        return Err(format!("{text}: unknown flag `{f}`"));
    }
    if cols.next().is_some() {
        return Err(format!("{text}: more than three columns"));
    }
    Ok(Unit {
        text,
        kind,
        arabic_only: flags.contains('A'),
        no_cjk_after: flags.contains('F'),
    })
}

/// The units of `data/units.tsv`, in file order (read by [`crate::units`]).
pub fn units() -> &'static [Unit] {
    static V: OnceLock<Vec<Unit>> = OnceLock::new();
    V.get_or_init(|| {
        lines_of(UNITS)
            .filter_map(|(_, l)| parse_unit(l).ok())
            .collect()
    })
}

/// Where a genre cue is looked for (`data/genre.tsv` says what each zone holds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Title,
    Head,
    Heading,
    Body,
}

/// One weighted cue of `data/genre.tsv` (read by [`crate::genre`]).
#[derive(Debug)]
pub struct GenreCue {
    pub genre: Genre,
    pub zone: Zone,
    pub weight: u32,
    /// All pieces must be in the zone (`法治政府建设+报告`).
    pub pieces: Vec<&'static str>,
}

fn parse_genre_cue(line: &'static str) -> Result<GenreCue, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    let [genre, zone, weight, cue] = cols[..] else {
        return Err("not four columns".into());
    };
    let genre = match genre {
        "rule_of_law_report" => Genre::RuleOfLawReport,
        "government_work_report" => Genre::GovernmentWorkReport,
        "statistical_bulletin" => Genre::StatisticalBulletin,
        "other" => Genre::Other,
        g => return Err(format!("unknown genre `{g}`")),
    };
    let zone = match zone {
        "title" => Zone::Title,
        "head" => Zone::Head,
        "heading" => Zone::Heading,
        "body" => Zone::Body,
        z => return Err(format!("unknown zone `{z}`")),
    };
    let pieces: Vec<&str> = cue.split('+').collect();
    if pieces.iter().any(|p| p.is_empty()) {
        return Err(format!("empty piece in `{cue}`"));
    }
    // Body cues are read in one pass over the text: one piece each.
    if zone == Zone::Body && pieces.len() > 1 {
        return Err(format!("a body cue is one piece: `{cue}`"));
    }
    let weight = weight
        .parse()
        .map_err(|_| format!("weight `{weight}` is not a number"))?;
    Ok(GenreCue {
        genre,
        zone,
        weight,
        pieces,
    })
}

/// The genre cues of `data/genre.tsv`, in file order.
pub fn genre_cues() -> &'static [GenreCue] {
    static V: OnceLock<Vec<GenreCue>> = OnceLock::new();
    V.get_or_init(|| {
        lines_of(GENRE)
            .filter_map(|(_, l)| parse_genre_cue(l).ok())
            .collect()
    })
}

/// One canonical metric of `data/metrics.tsv`.
#[derive(Debug)]
pub struct Metric {
    pub id: &'static str,
    /// The canonical Chinese name.
    pub name: &'static str,
    /// The unit kinds a figure of this metric has.
    pub kinds: Vec<Kind>,
    /// Heads of a metric phrase that name it.
    pub variants: Vec<&'static str>,
    /// One of these must occur in the phrase or its sentence (none listed: no condition).
    pub requires: Vec<&'static str>,
    /// None of these may occur in the phrase.
    pub forbids: Vec<&'static str>,
}

/// `a|b|c` as words (empty: none).
fn bar_list(col: &'static str) -> Vec<&'static str> {
    col.split('|').filter(|w| !w.is_empty()).collect()
}

fn parse_metric(line: &'static str) -> Result<Metric, String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let (id, name, kinds, variants, requires, forbids) = match cols[..] {
        [a, b, c, d] => (a, b, c, d, "", ""),
        [a, b, c, d, e] => (a, b, c, d, e, ""),
        [a, b, c, d, e, f] => (a, b, c, d, e, f),
        _ => return Err("not four to six columns".into()),
    };
    let kinds = kinds
        .split('|')
        .map(|k| match k {
            "count" => Ok(Kind::Count),
            "percent" => Ok(Kind::Percent),
            "money" => Ok(Kind::Money),
            "measure" => Ok(Kind::Measure),
            _ => Err(format!("{id}: unknown kind `{k}`")),
        })
        .collect::<Result<Vec<Kind>, String>>()?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(format!("bad id `{id}`"));
    }
    let variants: Vec<&str> = variants.split('|').collect();
    if name.is_empty() || variants.iter().any(|v| v.is_empty()) {
        return Err(format!("{id}: empty name or variant"));
    }
    Ok(Metric {
        id,
        name,
        kinds,
        variants,
        requires: bar_list(requires),
        forbids: bar_list(forbids),
    })
}

/// The lines of `data/metrics.tsv` that are metrics (not `!tail`/`!forbid`).
fn metric_lines() -> impl Iterator<Item = (usize, &'static str)> {
    lines_of(METRICS).filter(|(_, l)| !l.starts_with('!'))
}

/// The words of a `!tail` or `!forbid` line of `data/metrics.tsv` (`which` without the `!`):
/// tails dropped from a metric phrase before matching, and words that make a phrase a part of
/// the year.
pub fn metric_words(which: &str) -> Vec<&'static str> {
    lines_of(METRICS)
        .filter_map(|(_, l)| {
            let (head, words) = l.strip_prefix('!')?.split_once('\t')?;
            (head == which).then(|| bar_list(words))
        })
        .flatten()
        .collect()
}

/// The metric taxonomy of `data/metrics.tsv`, in file order (read by [`crate::taxonomy`]).
pub fn metrics() -> &'static [Metric] {
    static V: OnceLock<Vec<Metric>> = OnceLock::new();
    V.get_or_init(|| {
        metric_lines()
            .filter_map(|(_, l)| parse_metric(l).ok())
            .collect()
    })
}

/// A word list indexed by first and last character, so that finding a word at either end of
/// a phrase looks at a handful of candidates instead of the whole list.
pub struct WordIndex {
    /// The first characters of the words: a test before a lookup, for scans that try every
    /// position of a phrase.
    firsts: CharSet,
    /// The words' first (last) three bytes: most phrases start (end) with none of them, and
    /// are turned away before a character is decoded.
    heads: ByteKeys,
    tails: ByteKeys,
    /// The words by first (last) character, longest first.
    by_first: CharGroups<&'static str>,
    by_last: CharGroups<&'static str>,
}

/// A set of three-byte keys hashed to one bit of 4,096 (as [`CharSet`] does characters): a
/// phrase that starts (ends) with a word has that word's first (last) three bytes there, so a
/// phrase whose three bytes are not in the set starts (ends) with none of the words. `false`
/// is sure, `true` may be wrong. (Every word of the lists has three bytes or more; a shorter
/// one would set every bit.)
struct ByteKeys([u64; 64]);

impl ByteKeys {
    /// The keys of the words' first three bytes, or of their last three when `tail`.
    #[inline(never)] // (one copy for both ends)
    fn new(words: &[(char, &'static str)], tail: bool) -> Self {
        let mut bits = [0u64; 64];
        for (_, w) in words {
            let b = w.as_bytes();
            match if tail { tail_key(b) } else { head_key(b) } {
                Some(k) => {
                    let h = Self::hash(k);
                    bits[h >> 6] |= 1 << (h & 63);
                }
                None => bits.fill(u64::MAX),
            }
        }
        ByteKeys(bits)
    }

    #[inline]
    fn hash(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// Whether a phrase with `key` may start (end) with a word (a phrase of fewer than three
    /// bytes may).
    #[inline]
    fn may(&self, key: Option<u32>) -> bool {
        key.map_or(true, |k| {
            let h = Self::hash(k);
            self.0[h >> 6] & (1 << (h & 63)) != 0
        })
    }
}

/// The key of `s`'s first three bytes (`None` if it has fewer).
#[inline]
fn head_key(s: &[u8]) -> Option<u32> {
    match *s {
        [x, y, z, ..] => Some(u32::from_le_bytes([x, y, z, 0])),
        _ => None,
    }
}

/// The key of `s`'s last three bytes (`None` if it has fewer).
#[inline]
fn tail_key(s: &[u8]) -> Option<u32> {
    match *s {
        [.., x, y, z] => Some(u32::from_le_bytes([x, y, z, 0])),
        _ => None,
    }
}

impl WordIndex {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        Self::of(words.collect())
    }

    /// The index of `words`: not generic, so that the web build holds one copy of it, not one
    /// per kind of iterator given to [`WordIndex::new`].
    fn of(words: Vec<&'static str>) -> Self {
        let mut by_first = Vec::new();
        let mut by_last = Vec::new();
        for w in words {
            if let (Some(f), Some(l)) = (w.chars().next(), w.chars().next_back()) {
                by_first.push((f, w));
                by_last.push((l, w));
            }
        }
        let order =
            |a: &(char, &str), b: &(char, &str)| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len()));
        crate::sort::sort_by(&mut by_first, order);
        crate::sort::sort_by(&mut by_last, order);
        WordIndex {
            firsts: CharSet::new(by_first.iter().map(|e| e.0)),
            heads: ByteKeys::new(&by_first, false),
            tails: ByteKeys::new(&by_last, true),
            by_first: CharGroups::new(by_first),
            by_last: CharGroups::new(by_last),
        }
    }

    /// Whether a word may start with `c`: `false` is sure, `true` may be wrong (see
    /// [`CharSet`]). A scan over a phrase tests it before [`WordIndex::prefix`].
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.firsts.contains(c)
    }

    /// [`WordIndex::prefix`] with its first test in line (most phrases are turned away by
    /// their first three bytes, [`ByteKeys`]): for the lookups made at (nearly) every figure,
    /// where the call cost more than the test.
    #[inline]
    pub fn prefix_hot(&self, s: &str) -> Option<&'static str> {
        // (The key of the first three bytes by one load of four: a phrase of three bytes is
        // looked up.)
        let key = s
            .as_bytes()
            .first_chunk()
            .map(|b| u32::from_le_bytes(*b) & 0xFF_FFFF);
        match self.heads.may(key) {
            true => self.prefix(s),
            false => None,
        }
    }

    /// [`WordIndex::suffix`] with its first test in line (see [`WordIndex::prefix_hot`]).
    #[inline]
    pub fn suffix_hot(&self, s: &str) -> Option<&'static str> {
        let key = s
            .as_bytes()
            .last_chunk()
            .map(|b| u32::from_le_bytes(*b) >> 8);
        match self.tails.may(key) {
            true => self.suffix(s),
            false => None,
        }
    }

    /// The longest word that `s` starts with.
    pub fn prefix(&self, s: &str) -> Option<&'static str> {
        if !self.heads.may(head_key(s.as_bytes())) {
            return None;
        }
        let c = s.chars().next()?;
        self.by_first
            .get(c)
            .find(|w| text::starts(s.as_bytes(), w.as_bytes()))
            .copied()
    }

    /// The longest word that `s` ends with.
    pub fn suffix(&self, s: &str) -> Option<&'static str> {
        if !self.tails.may(tail_key(s.as_bytes())) {
            return None;
        }
        let c = s.chars().next_back()?;
        self.by_last
            .get(c)
            .find(|w| text::ends(s.as_bytes(), w.as_bytes()))
            .copied()
    }

    /// Whether one of the words occurs in `s` (a lookup at each character: no substring
    /// search per word).
    pub fn occurs_in(&self, s: &str) -> bool {
        s.char_indices()
            .any(|(i, c)| self.may_start(c) && self.prefix(&s[i..]).is_some())
    }

    /// Whether `s` is one of the words (looked up by its first character).
    pub fn contains(&self, s: &str) -> bool {
        // (`s` starts with itself: its first three bytes are a word's, if it is one.)
        self.heads.may(head_key(s.as_bytes()))
            && s.chars()
                .next()
                .is_some_and(|c| self.by_first.get(c).any(|w| *w == s))
    }
}

/// Every problem of the word list files, as `file:line: what`: malformed lines, unknown roles
/// or values, a word listed twice in a file, roles that exclude or require each other, and the
/// shape rules of some classes. Empty when all is well.
pub fn check() -> Vec<String> {
    let mut problems = Vec::new();
    for &(file, source) in FILES {
        let mut seen: Vec<&str> = Vec::new();
        for (n, line) in lines_of(source) {
            let (word, roles) = match parse_line(file, line) {
                Ok(p) => p,
                Err(e) => {
                    problems.push(format!("{file}:{n}: {e}"));
                    continue;
                }
            };
            if seen.contains(&word) {
                problems.push(format!("{file}:{n}: {word} is listed twice"));
            }
            seen.push(word);
            let has_role = |c: Class| roles.iter().any(|&(i, _)| CLASSES[i].0 == c);
            for &(a, b) in EXCLUSIVE {
                if has_role(a) && has_role(b) {
                    problems.push(format!("{file}:{n}: {word} is both {a:?} and {b:?}"));
                }
            }
            for &(a, b) in REQUIRES {
                if has_role(a) && !has_role(b) {
                    problems.push(format!("{file}:{n}: {word} is {a:?} but not {b:?}"));
                }
            }
            let one_char = word.chars().count() == 1;
            if (has_role(Class::NotMeasureWord) || has_role(Class::TakesShang)) && !one_char {
                problems.push(format!("{file}:{n}: {word} must be one character"));
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (n, line) in lines_of(UNITS) {
        match parse_unit(line) {
            Ok(u) if seen.contains(&u.text) => {
                problems.push(format!("units.tsv:{n}: {} is listed twice", u.text))
            }
            Ok(u) => seen.push(u.text),
            Err(e) => problems.push(format!("units.tsv:{n}: {e}")),
        }
    }
    for (n, line) in lines_of(GENRE) {
        if let Err(e) = parse_genre_cue(line) {
            problems.push(format!("genre.tsv:{n}: {e}"));
        }
    }
    // Metric ids are unique; a wording is listed once per metric, and names a second metric
    // only after one that requires words (合格率: a case-file pass rate next to 案卷 or 评查,
    // else an exam pass rate next to 考试), never after one that would always take it.
    for (n, line) in lines_of(METRICS).filter(|(_, l)| l.starts_with('!')) {
        if !matches!(line.split_once('\t'), Some(("!tail" | "!forbid", w)) if !w.is_empty()) {
            problems.push(format!("metrics.tsv:{n}: unknown ! line"));
        }
    }
    let mut ids: Vec<&str> = Vec::new();
    let mut wordings: Vec<(&str, bool)> = Vec::new();
    for (n, line) in metric_lines() {
        match parse_metric(line) {
            Ok(m) => {
                if ids.contains(&m.id) {
                    problems.push(format!("metrics.tsv:{n}: id {} is listed twice", m.id));
                }
                ids.push(m.id);
                let mut own: Vec<&str> = m.variants.clone();
                crate::sort::sort(&mut own);
                if own.windows(2).any(|w| w[0] == w[1]) {
                    problems.push(format!("metrics.tsv:{n}: a wording is listed twice"));
                }
                own.dedup();
                for w in own {
                    if wordings
                        .iter()
                        .any(|&(v, conditional)| v == w && !conditional)
                    {
                        problems.push(format!("metrics.tsv:{n}: {w} names two metrics"));
                    }
                    wordings.push((w, !m.requires.is_empty()));
                }
            }
            Err(e) => problems.push(format!("metrics.tsv:{n}: {e}")),
        }
    }
    // A not-filler begins with a one-character filler, an ends-like-filler ends with one:
    // otherwise the entry would change nothing.
    let one_char_filler =
        |c: Option<char>| c.is_some_and(|c| words(Class::Filler).iter().any(|f| f.chars().eq([c])));
    for w in words(Class::NotFiller) {
        if !one_char_filler(w.chars().next()) {
            problems.push(format!(
                "not-filler {w} does not begin with a one-character filler"
            ));
        }
    }
    // (Or with a one-character connector, 人均, or a noun stop, 新开工; or its last character
    // begins an object verb, which stops a noun too: 维修 of 维修改造, not 修改.)
    let ends_like = |w: &str| {
        let last = w.chars().next_back();
        one_char_filler(last)
            || words(Class::Connector)
                .iter()
                .chain(words(Class::NounStop))
                .any(|e| e.len() < w.len() && w.ends_with(e))
            || last.is_some_and(|c| {
                words(Class::ObjectVerb)
                    .iter()
                    .any(|v| v.len() > c.len_utf8() && v.starts_with(c))
            })
    };
    for w in words(Class::EndsLikeFiller) {
        if !ends_like(w) {
            problems.push(format!(
                "ends-like-filler {w} does not end with a one-character filler, a connector, a noun stop or the start of an object verb"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_validates() {
        let problems = check();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // Every class has words, and every line of every file was loaded.
        for &(class, ..) in CLASSES {
            assert!(!words(class).is_empty(), "{class:?} is empty");
        }
        let lines: usize = FILES.iter().map(|&(_, s)| lines_of(s).count()).sum();
        let mut loaded: Vec<(&str, &str)> = Vec::new();
        for (i, &(_, file, ..)) in CLASSES.iter().enumerate() {
            for e in &lists().entries[i] {
                if !loaded.contains(&(file, e.word)) {
                    loaded.push((file, e.word));
                }
            }
        }
        assert_eq!(loaded.len(), lines);
        assert_eq!(units().len(), lines_of(UNITS).count());
        assert_eq!(metrics().len(), metric_lines().count());
        let cues = genre_cues();
        assert_eq!(cues.len(), lines_of(GENRE).count());
        for g in Genre::ALL {
            assert!(cues.iter().any(|c| c.genre == g), "no genre cue for {g:?}");
        }
        assert!(!metric_words("tail").is_empty() && !metric_words("forbid").is_empty());
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(parse_line("words.tsv", "增长\tchange=up").is_ok());
        assert!(parse_line("words.tsv", "增长\tchange=sideways").is_err());
        assert!(parse_line("words.tsv", "增长\tchange").is_err());
        assert!(parse_line("words.tsv", "达到\tconnecter").is_err());
        assert!(parse_line("words.tsv", "达到\tconnector=1").is_err());
        assert!(parse_line("words.tsv", "达到").is_err());
        assert!(parse_line("words.tsv", "达 到\tconnector").is_err());
        assert!(parse_line("words.tsv", "达到\tconnector\textra").is_err());
        assert!(parse_line("terms.tsv", "达到\tconnector").is_err());
        assert!(parse_genre_cue("other\ttitle\t1\t方案").is_ok());
        assert!(parse_genre_cue("other\ttitle\tten\t方案").is_err());
        assert!(parse_genre_cue("other\tfoot\t1\t方案").is_err());
        assert!(parse_genre_cue("memo\ttitle\t1\t方案").is_err());
        assert!(parse_genre_cue("other\ttitle\t1\t方案+").is_err());
        assert!(parse_genre_cue("other\tbody\t1\t方案+通知").is_err());
        assert!(parse_unit("件\tcount").is_ok());
        assert!(parse_unit("件\tcounts").is_err());
        assert!(parse_unit("成\tpercent\tFX").is_err());
        assert!(parse_metric("review_cases\t行政复议案件数\tcount\t行政复议案件|复议案件").is_ok());
        assert!(parse_metric("review_cases\t行政复议案件数\tcount\t复议案件\t\t民事").is_ok());
        assert!(parse_metric("review cases\t行政复议案件数\tcount\t行政复议案件").is_err());
        assert!(parse_metric("review_cases\t行政复议案件数\tcount\t行政复议案件||").is_err());
        assert!(parse_metric("review_cases\t行政复议案件数\tcounts\t行政复议案件").is_err());
        assert!(parse_metric("review_cases\t行政复议案件数\t行政复议案件").is_err());
    }

    /// `WordIndex`'s lookups (phrases turned away by a key of three bytes first, in line for
    /// `prefix_hot` and `suffix_hot`) against their
    /// definitions over the whole list: every class's words, the change verbs, and a list
    /// with words shorter than three bytes (which every phrase may start or end with), on
    /// random phrases of the words, their first and last characters and other characters.
    #[test]
    fn word_index_is_its_definition() {
        let mut rng = crate::testing::xorshift(0x5EED_15A0_0BAD_F00D);
        let mut lists: Vec<Vec<&'static str>> =
            CLASSES.iter().map(|&(c, ..)| words(c).to_vec()).collect();
        lists.push(change_verbs().iter().map(|v| v.0).collect());
        lists.push(vec!["%", "a", "ab", "增长", "增", "长率"]);
        for list in &lists {
            let index = WordIndex::new(list.iter().copied());
            let mut alphabet: Vec<&str> = vec!["的", "a", "%", "\u{3000}", "(", "2"];
            for w in list {
                let first = w.chars().next().map_or(0, char::len_utf8);
                let last = w.len() - w.chars().next_back().map_or(0, char::len_utf8);
                alphabet.extend([*w, &w[..first], &w[last..]]);
            }
            let longest = |hit: &dyn Fn(&str) -> bool| {
                list.iter()
                    .copied()
                    .filter(|w| hit(w))
                    .max_by_key(|w| w.len())
            };
            for _ in 0..400 {
                let s = crate::testing::random_text(&mut rng, &alphabet, 4);
                assert_eq!(index.prefix(&s), longest(&|w| s.starts_with(w)), "{s}");
                assert_eq!(index.suffix(&s), longest(&|w| s.ends_with(w)), "{s}");
                assert_eq!(index.prefix_hot(&s), index.prefix(&s), "{s}");
                assert_eq!(index.suffix_hot(&s), index.suffix(&s), "{s}");
                assert_eq!(index.contains(&s), list.contains(&s.as_str()), "{s}");
                let occurs = s
                    .char_indices()
                    .any(|(i, _)| longest(&|w| s[i..].starts_with(w)).is_some());
                assert_eq!(index.occurs_in(&s), occurs, "{s}");
            }
        }
    }

    #[test]
    fn typed_lists() {
        let q = approx_before();
        assert!(q.windows(2).all(|w| w[0].word.len() >= w[1].word.len()));
        let chao = q.iter().find(|q| q.word == "超过").unwrap();
        assert_eq!((chao.gives, chao.not_after), ("超过", "赶高"));
        assert!(change_verbs().contains(&("压缩", Direction::Down)));
        let s = citation_suffixes();
        let pos = |w: &str| s.iter().position(|e| e.0 == w).unwrap();
        assert!(pos("办法") < pos("法"));
    }
}
