//! Indicator exclusions: the named rules that reject a number or a quantity as an indicator.
//!
//! [`crate::indicators`] reads a number, then its unit (or a range, or a bare multiplied number),
//! and asks these rules whether to drop it. Each rule is one small function with what it rejects
//! and a real example; `NUMBER_RULES` look at the number alone and run before its unit is read
//! (they are cheap and catch most rejections), `QUANTITY_RULES` look at the whole candidate.
//! A candidate is dropped when any rule rejects it: the rules only read, so their order never
//! changes the result (it is cheapest and most frequent first).
//!
//! **A slogan or fixed term is data, not a rule**: add a line to `data/terms.tsv` (`八项规定`
//! as a `fixed-term`, `融合` as a `combination-tail`), read by `fixed_term` and
//! `combination_name`. A new kind of exclusion is a function here, a line in a table, and a
//! test with a real sentence that it rejects and a near miss that it keeps.

use crate::clause::{is_clause_end, is_close_quote, is_open_quote, is_sentence_end};
use crate::lexicon::{self, Class};
use crate::model::Kind;
use crate::numbers::{self, char_at, is_chinese_numeral, Number};
use crate::text::{self, fold};
use crate::units::is_cjk;

/// A quantity that may be an indicator: the number, its unit and where it ends.
pub(crate) struct Candidate<'a> {
    pub text: &'a str,
    pub num: &'a Number,
    /// The unit as found (`None` for a bare multiplied number).
    pub unit: Option<&'a str>,
    pub kind: Kind,
    /// Whether it is a range (`0—6岁`).
    pub range: bool,
    /// Where the number's unit ends (for `4.5%—5%`, before the high end is read).
    pub unit_end: usize,
    /// Where the whole candidate ends (after a range's high end).
    pub end: usize,
}

impl Candidate<'_> {
    fn prev(&self) -> Option<char> {
        prev_char(self.text, self.num.start)
    }

    fn after_unit(&self) -> &str {
        &self.text[self.unit_end..]
    }

    fn chinese(&self) -> bool {
        self.num.chinese
    }
}

/// A rule on a number alone: its name and whether it rejects the number.
pub(crate) type NumberRule = (&'static str, fn(&str, &Number) -> bool);
/// A rule on a whole candidate: its name and whether it rejects it.
pub(crate) type QuantityRule = (&'static str, fn(&Candidate) -> bool);

/// The rules on a number, applied before its unit is read.
pub(crate) const NUMBER_RULES: &[NumberRule] = &[
    ("article_yi", article_yi),
    ("ordinal_or_per", ordinal_or_per),
    ("after_wu", after_wu),
    ("weekday", weekday),
    ("inside_numeral_run", inside_numeral_run),
    ("glued_to_code", glued_to_code),
    ("in_bracket_mark", in_bracket_mark),
];

/// The rules on a candidate quantity.
pub(crate) const QUANTITY_RULES: &[QuantityRule] = &[
    ("chinese_money", chinese_money),
    ("er_or_phase", er_or_phase),
    ("own_outline", own_outline),
    ("session", session),
    ("fixed_term", fixed_term),
    ("combination_name", combination_name),
    ("numeral_nearby", numeral_nearby),
    ("age_threshold", age_threshold),
    ("age_band", age_band),
    ("named_time_span", named_time_span),
    ("size_class", size_class),
    ("clock_time", clock_time),
    ("short_quote", short_quote),
];

/// Whether a rule of [`NUMBER_RULES`] rejects `num`.
#[inline]
pub(crate) fn rejects_number(text: &str, num: &Number) -> bool {
    NUMBER_RULES.iter().any(|(_, rule)| rule(text, num))
}

/// Whether a rule of [`QUANTITY_RULES`] rejects `c`.
#[inline]
pub(crate) fn rejects(c: &Candidate) -> bool {
    QUANTITY_RULES.iter().any(|(_, rule)| rule(c))
}

pub(crate) fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

// ---- Rules on the number ----

/// `一` as the article, not a count: `作为一项重要任务`, `解决一批问题` (`一` written as a
/// Chinese numeral with the value 1). `1项` in digits stays.
fn article_yi(_text: &str, num: &Number) -> bool {
    num.chinese && num.value == Some(1.0)
}

/// A number after `第`, `每` or `前`: an ordinal or a rate's base, not a count (`第3名`,
/// `每百元`, `前三名`).
fn ordinal_or_per(text: &str, num: &Number) -> bool {
    matches!(prev_char(text, num.start), Some('第' | '每' | '前'))
}

/// A Chinese numeral right after `无`: a class that is absent or an idiom, never a count (a
/// count of none is not written with a numeral): `一类占88.5%,二类占11.5%,无三类的`,
/// `独一无二`. `有三类问题` stays.
fn after_wu(text: &str, num: &Number) -> bool {
    num.chinese && prev_char(text, num.start) == Some('无')
}

/// A Chinese numeral after `周`, `星期` or `礼拜`: a day of the week, not a count
/// (`坚持每周三组织街道、社区全体人员…学习` is no 三组). `三周` stays.
fn weekday(text: &str, num: &Number) -> bool {
    // (礼拜 by its 拜, which ends no count's word; 星期 whole: 一期三个地块 is a count.)
    num.chinese
        && (matches!(prev_char(text, num.start), Some('周' | '拜'))
            || text[..num.start].ends_with("星期"))
}

/// A Chinese numeral read from inside a longer numeral or an estimate: `十四五` read from its
/// `四`, `数十家`, `几十个`.
fn inside_numeral_run(text: &str, num: &Number) -> bool {
    num.chinese
        && prev_char(text, num.start)
            .is_some_and(|p| is_chinese_numeral(p) || p == '数' || p == '几')
}

/// A number glued to Latin letters or symbols: a code, a model or a formula, not a quantity
/// (`5G`, `C919`, `1+5`, `a_1`, `#3`, `v2.0`), or a fraction or index number (`1/3`).
fn glued_to_code(text: &str, num: &Number) -> bool {
    let before = prev_char(text, num.start).is_some_and(|p| {
        matches!(p, '+' | '/' | '×' | '*' | '_' | '#' | '@' | '=' | '.')
            || p.is_ascii_alphabetic()
            || fold(p).is_ascii_alphabetic()
    });
    before
        || char_at(text, num.end).is_some_and(|n| {
            let f = fold(n);
            f.is_ascii_alphabetic()
                || f == '+'
                || f == '_'
                || f == '/' && char_at(text, num.end + 1).and_then(text::digit).is_some()
        })
}

/// A number right after an opening `[`, `〔` or `【`: a footnote or a document number's year
/// (`[3]`, `〔2019〕12号`).
fn in_bracket_mark(text: &str, num: &Number) -> bool {
    prev_char(text, num.start).is_some_and(|p| matches!(fold(p), '[' | '〔' | '【'))
}

// ---- Rules on the quantity: Chinese-numeral counts ----

/// Money in Chinese numerals without a multiplier: a name (`三元乳业`). Money is written in
/// Arabic digits unless a multiplier says so (`两万元` stays).
fn chinese_money(c: &Candidate) -> bool {
    c.chinese() && c.kind == Kind::Money && !c.num.multiplier
}

/// `二` with a measure word, or any `期` after a Chinese numeral: a name or an ordinal, since a
/// count of two is written `两` (`二期工程`, `二轮土地承包`, `万豪二期`, `三期工程`).
fn er_or_phase(c: &Candidate) -> bool {
    c.chinese() && (&c.text[c.num.start..c.num.end] == "二" || c.unit == Some("期"))
}

/// The report's own outline: `抓好以下八个方面` (`八个` before `方面`).
fn own_outline(c: &Candidate) -> bool {
    c.chinese() && c.after_unit().starts_with("方面")
}

/// A session, not a count: `十三届全国人大三次会议`, `八次全会`.
fn session(c: &Candidate) -> bool {
    c.chinese()
        && c.unit == Some("次")
        && (c.after_unit().starts_with("会议") || c.after_unit().starts_with("全会"))
}

/// A fixed term of `data/terms.tsv` (`fixed-term`) covering the count, also when the numeral
/// sits inside it: `严格落实中央八项规定精神`, `和平共处五项原则`, `铁人三项`. The term starts at
/// most four characters before the numeral and covers it with its unit.
fn fixed_term(c: &Candidate) -> bool {
    if !c.chinese() {
        return false;
    }
    let text = c.text;
    let mut at = c.num.start;
    for k in 0..=4 {
        if k > 0 {
            match text[..at].chars().next_back() {
                Some(ch) => at -= ch.len_utf8(),
                None => break,
            }
        }
        let rest = &text.as_bytes()[at..];
        if lexicon::words(Class::FixedTerm).iter().any(|t| {
            rest.first() == t.as_bytes().first()
                && text::starts(rest, t.as_bytes())
                && c.unit_end <= at + t.len()
        }) {
            return true;
        }
    }
    false
}

/// A combination named by its count, with a `combination-tail` of `data/terms.tsv` right after
/// the unit: `推进三台融合`, `三调联动`, `四法融合`.
fn combination_name(c: &Candidate) -> bool {
    c.chinese()
        && lexicon::words(Class::CombinationTail)
            .iter()
            .any(|t| c.after_unit().starts_with(t))
}

/// Another numeral within three characters: a slogan built of counts (`三个一`, `四所一庭`,
/// `两个市场两种资源`).
fn numeral_nearby(c: &Candidate) -> bool {
    let digit = |ch: char| numbers::chinese_digit(ch).is_some_and(|d| d > 0);
    c.chinese()
        && (c.after_unit().chars().take(3).any(digit)
            || c.text[..c.num.start].chars().rev().take(3).any(digit))
}

// ---- Rules on the quantity: any number ----

/// An age threshold describing a group, not a measured age: `60岁以上老人`, `18岁以下`,
/// `3岁至6岁`.
fn age_threshold(c: &Candidate) -> bool {
    c.unit == Some("岁")
        && ["以上", "以下", "及以上", "至"]
            .iter()
            .any(|w| c.after_unit().starts_with(w))
}

/// An age band naming a group, not a measured age (nor its high end alone): `0-14岁人口`,
/// `0—6岁儿童`. A stated age (`平均年龄45岁`) stays.
fn age_band(c: &Candidate) -> bool {
    let text = c.text;
    if c.unit != Some("岁") || !char_at(text, c.end).is_some_and(|ch| is_cjk(ch) || fold(ch) == '(')
    {
        return false;
    }
    let high_end = c.prev().is_some_and(|p| {
        matches!(fold(p), '-' | '—' | '~' | '至' | '到' | '−')
            && prev_char(text, c.num.start - p.len_utf8()).is_some_and(|b| text::digit(b).is_some())
    });
    c.range || high_end
}

/// A span of time naming a service, not a quantity: `15分钟生活圈`, `24小时“不打烊”`,
/// `240小时过境免签`. `2小时内`, `108271分钟。` and `2小时的培训` stay.
fn named_time_span(c: &Candidate) -> bool {
    matches!(c.unit, Some("小时" | "个小时" | "分钟"))
        && c.after_unit().chars().next().is_some_and(|next| {
            (is_cjk(next) && !matches!(next, '内' | '以' | '左' | '的' | '及'))
                || is_open_quote(next)
        })
}

/// A size class describing other things, not a quantity the report states: `5000万元以上项目`,
/// `海拔5000米以上乡镇`. Counts and shares stay: `新建5个以上医联体` and `九成以上城乡社区` say
/// how many.
fn size_class(c: &Candidate) -> bool {
    matches!(c.kind, Kind::Money | Kind::Measure)
        && ["以上", "以下", "及以上", "及以下"].iter().any(|w| {
            c.after_unit()
                .strip_prefix(w)
                .is_some_and(|rest| rest.chars().next().is_some_and(is_cjk))
        })
}

/// A clock time, not a score: `07时41分`, `8点30分`.
fn clock_time(c: &Candidate) -> bool {
    c.unit == Some("分")
        && c.prev().is_some_and(|p| matches!(p, '时' | '点'))
        && prev_char(c.text, c.num.start - '时'.len_utf8())
            .is_some_and(|b| text::digit(b).is_some())
}

/// A number inside a short quoted term (at most 12 characters from the quote on either side):
/// `“三个规定”`, `“1+5”`, `"两个确保"`.
fn short_quote(c: &Candidate) -> bool {
    const MAX: usize = 12;
    let text = c.text;
    let bytes = text.as_bytes();
    let mut opened = false;
    let mut n = 0;
    // Backwards by bytes: an ideograph (lead byte E4..E9) is neither a quote nor a clause end
    // and is only counted; other characters are decoded.
    let mut i = c.num.start;
    while i > 0 {
        // (A lead byte three back ends its character at `i`: no walk over the continuation
        // bytes, which most characters need.)
        let mut k = i - 1;
        if i >= 3 && text::is_ideograph_lead(bytes[i - 3]) {
            k = i - 3;
        }
        while k > 0 && bytes[k] & 0xC0 == 0x80 {
            k -= 1;
        }
        n += 1;
        if !text::is_ideograph_lead(bytes[k]) {
            let ch = text[k..i].chars().next().unwrap_or('\0');
            if is_open_quote(ch) || ch == '"' || ch == '＂' {
                opened = true;
                break;
            }
            if is_close_quote(ch) || is_clause_end(ch) {
                break;
            }
        }
        if n > MAX {
            break;
        }
        i = k;
    }
    if !opened {
        return false;
    }
    for ch in text[c.unit_end..].chars() {
        n += 1;
        if is_close_quote(ch) || ch == '"' || ch == '＂' {
            return true;
        }
        if is_open_quote(ch) || is_sentence_end(ch) || n > MAX {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::indicators::{find, rejecting_rules};

    /// The rules rejecting the number that starts where `at` first occurs in `sentence`.
    fn rules(sentence: &str, at: &str) -> Vec<&'static str> {
        let start = sentence.find(at).expect("the number is in the sentence");
        rejecting_rules(sentence, start)
    }

    /// Whether `extract` reports an indicator spanning exactly `at` (its first occurrence).
    fn kept(sentence: &str, at: &str) -> bool {
        let start = sentence.find(at).expect("the number is in the sentence");
        find(sentence, &[], &[], &[])
            .iter()
            .any(|i| i.span.start == start && i.span.of(sentence) == at)
    }

    /// `rule` rejects the number at `bad` in `rejected`, which is then not reported; the near
    /// miss at `good` in `near_miss` is reported, and not by the rule's leave.
    fn check(rule: &str, rejected: &str, bad: &str, near_miss: &str, good: &str) {
        assert!(
            rules(rejected, bad).contains(&rule),
            "{rule} should reject {bad} in {rejected}: {:?}",
            rules(rejected, bad)
        );
        assert!(!kept(rejected, bad), "{bad} reported in {rejected}");
        assert!(
            !rules(near_miss, good).contains(&rule),
            "{rule} rejects the near miss {good} in {near_miss}"
        );
        assert!(kept(near_miss, good), "{good} not reported in {near_miss}");
    }

    #[test]
    fn article_yi() {
        check(
            "article_yi",
            "我始终将法治政府建设作为一项重要的政治任务来抓",
            "一项",
            "明确十一项重点任务",
            "十一项",
        );
    }

    #[test]
    fn after_wu() {
        check(
            "after_wu",
            "其中一类占88.5%,二类占11.5%,无三类的",
            "三类",
            "排查发现三类问题",
            "三类",
        );
    }

    #[test]
    fn weekday() {
        check(
            "weekday",
            "坚持每周三组织街道、社区全体人员开展专题集中学习",
            "三组",
            "组建三组专项督查组",
            "三组",
        );
        check(
            "weekday",
            "每星期五组织学习三次",
            "五组",
            "本期三个项目全部开工",
            "三个",
        );
    }

    #[test]
    fn ordinal_or_per() {
        check(
            "ordinal_or_per",
            "农村公路通车里程均居全国第2位",
            "2位",
            "民用运输机场运营数量达2个",
            "2个",
        );
        assert!(rules("每10万人口高等教育平均在校生数", "10万").contains(&"ordinal_or_per"));
    }

    #[test]
    fn inside_numeral_run() {
        check(
            "inside_numeral_run",
            "以钉钉子精神保质保量完成“十四五”法治政府建设各项目标",
            "四五",
            "率先在三个功能区成立",
            "三个",
        );
        assert!(rules("开展数十场宣传活动", "十场").contains(&"inside_numeral_run"));
    }

    #[test]
    fn glued_to_code() {
        check(
            "glued_to_code",
            "推进5G规模化应用",
            "5G",
            "建成5个规模化应用场景",
            "5个",
        );
        assert!(rules("形成“1+5”系列改革配套制度", "5”").contains(&"glued_to_code"));
        assert!(rules("缉毒量占自治区年度缉毒总量的1/4", "1/").contains(&"glued_to_code"));
    }

    #[test]
    fn in_bracket_mark() {
        check(
            "in_bracket_mark",
            "依据《国务院办公厅关于印发〔2019〕12号文件的通知》",
            "2019〕",
            "全员劳动生产率[4]为173898元/人",
            "173898元/人",
        );
    }

    #[test]
    fn chinese_money() {
        check(
            "chinese_money",
            "华润雪花、三元乳业等重点企业均达到",
            "三元",
            "发放补贴两万元",
            "两万元",
        );
    }

    #[test]
    fn er_or_phase() {
        check(
            "er_or_phase",
            "举世瞩目的长江三峡水利枢纽二期工程即将完成",
            "二期",
            "累计举办培训班3期,",
            "3期",
        );
        assert!(
            rules("确保青藏铁路、三峡三期工程等一批重点工程建成", "三期").contains(&"er_or_phase")
        );
    }

    #[test]
    fn own_outline() {
        check(
            "own_outline",
            "我们重点抓了五个方面",
            "五个",
            "我们重点抓了五个领域",
            "五个",
        );
    }

    #[test]
    fn session() {
        check(
            "session",
            "十三届全国人大三次会议",
            "三次",
            "三次提高机关事业单位职工基本工资标准",
            "三次",
        );
    }

    #[test]
    fn fixed_term() {
        check(
            "fixed_term",
            "严格落实中央八项规定精神",
            "八项",
            "严格落实中央八项措施",
            "八项",
        );
        assert!(rules("全面推行行政执法“三项制度”", "三项").contains(&"fixed_term"));
    }

    #[test]
    fn combination_name() {
        check(
            "combination_name",
            "推动三台融合发展",
            "三台",
            "新购置三台设备",
            "三台",
        );
    }

    #[test]
    fn numeral_nearby() {
        check(
            "numeral_nearby",
            "充分利用两个市场两种资源",
            "两个",
            "充分利用两个市场的资源",
            "两个",
        );
    }

    #[test]
    fn age_threshold() {
        check(
            "age_threshold",
            "为全区60岁以上在籍老人免费办理意外伤害保险",
            "60岁",
            "人均预期寿命达到75岁。",
            "75岁",
        );
    }

    #[test]
    fn age_band() {
        check(
            "age_band",
            "免费开展新生儿疾病筛查、0—6岁儿童孤独症筛查",
            "0—6岁",
            "期望寿命从2020年的82.4岁提升至83.9岁",
            "82.4岁",
        );
        assert!(rules("0—6岁儿童孤独症筛查", "6岁").contains(&"age_band"));
    }

    #[test]
    fn named_time_span() {
        check(
            "named_time_span",
            "提升15分钟社区生活圈功能",
            "15分钟",
            "电视动画片108271分钟。",
            "108271分钟",
        );
        assert!(
            !rules("学生每天综合体育活动时间不低于2小时内", "2小时").contains(&"named_time_span")
        );
    }

    #[test]
    fn size_class() {
        check(
            "size_class",
            "为100所海拔1500米以上农村中小学幼儿园建设供暖设施",
            "1500米",
            "人均地区生产总值8万元以上,",
            "8万元",
        );
        assert!(!rules("改造完工老旧小区300个以上小区", "300个").contains(&"size_class"));
    }

    #[test]
    fn clock_time() {
        check(
            "clock_time",
            "2026年02月10日 07时41分",
            "41分",
            "群众满意度评价得分95分",
            "95分",
        );
    }

    #[test]
    fn short_quote() {
        check(
            "short_quote",
            "围绕“打造一个平台”“制定一套机制”“三个一”目标",
            "三个",
            "全面推行行政执法“三项制度”,公示全市49个行政执法主体",
            "49个",
        );
        assert!(
            rules("按期听取“12345”政务热线工作汇报,办理“12个”", "12个").contains(&"short_quote")
        );
    }
}
