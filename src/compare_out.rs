//! The comparison as the CLI prints it (`zhibiao compare`) and the page receives it
//! (`compareJson`): JSON, CSV and a readable listing.
//!
//! ```json
//! {"old": {"file": "a.txt", "title": "…", "reportYear": 2023},
//!  "new": {"file": "b.txt", "title": "…", "reportYear": 2024},
//!  "pairs": [{"metric": "行政复议案件", "metricId": "review_cases",
//!             "old": {…indicator as in extract…}, "new": {…}, "delta": 12, "deltaPercent": 15.0}],
//!  "onlyOld": [{…indicator…}], "onlyNew": [{…indicator…}],
//!  "carriedOver": [{"oldStart": 0, "oldEnd": 120, "newStart": 3, "newEnd": 123}],
//!  "carriedOverShare": 0.42}
//! ```
//!
//! Indicators are exactly the objects of `extract`'s output ([`IndicatorOut`]: UTF-16 offsets
//! into their own text, `heading` an index into that text's headings). A pair's `metric` is the
//! new figure's metric name (else the old one's), its `metricId` the id they share (or the one
//! that has one). `delta` is new − old and `deltaPercent` its percentage of the old value, both
//! `null` unless the two are single values in the same unit. `carriedOverShare` is the share of
//! the new text's characters (white space aside) inside a carried-over passage, rounded to four
//! decimals.

use serde::Serialize;

use crate::compare::Comparison;
use crate::model::Extraction;
use crate::output::{IndicatorOut, Output};
use crate::span::Utf16Map;
use crate::table::{csv_line, number};

/// One side of the comparison.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SideOut<'a> {
    pub file: Option<&'a str>,
    pub title: Option<&'a str>,
    pub report_year: Option<i32>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairOut<'a> {
    pub metric: Option<&'a str>,
    pub metric_id: Option<&'static str>,
    pub old: IndicatorOut<'a>,
    pub new: IndicatorOut<'a>,
    pub delta: Option<f64>,
    pub delta_percent: Option<f64>,
}

/// A carried-over passage, in UTF-16 offsets of both texts.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassageOut {
    pub old_start: usize,
    pub old_end: usize,
    pub new_start: usize,
    pub new_end: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompareOut<'a> {
    pub old: SideOut<'a>,
    pub new: SideOut<'a>,
    pub pairs: Vec<PairOut<'a>>,
    pub only_old: Vec<IndicatorOut<'a>>,
    pub only_new: Vec<IndicatorOut<'a>>,
    pub carried_over: Vec<PassageOut>,
    pub carried_over_share: f64,
}

/// A text with its file name and extraction.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub file: Option<&'a str>,
    pub text: &'a str,
    pub x: &'a Extraction,
}

impl<'a> CompareOut<'a> {
    /// The output of `c`, the comparison of `old` with `new`.
    pub fn new(old: Side<'a>, new: Side<'a>, c: &Comparison) -> Self {
        let take = |s: Side<'a>| -> Vec<Option<IndicatorOut<'a>>> {
            Output::new(s.text, s.x)
                .indicators
                .into_iter()
                .map(Some)
                .collect()
        };
        let (mut olds, mut news) = (take(old), take(new));
        let mut pairs = Vec::with_capacity(c.pairs.len());
        for p in &c.pairs {
            let (o, n) = (&old.x.indicators[p.old], &new.x.indicators[p.new]);
            let (Some(oi), Some(ni)) = (olds[p.old].take(), news[p.new].take()) else {
                continue; // each figure is in one pair only (compare's contract)
            };
            pairs.push(PairOut {
                metric: n.metric.as_deref().or(o.metric.as_deref()),
                metric_id: n.metric_id.or(o.metric_id),
                old: oi,
                new: ni,
                delta: p.delta,
                delta_percent: p.delta_percent,
            });
        }
        let only = |v: &mut Vec<Option<IndicatorOut<'a>>>, ks: &[usize]| -> Vec<IndicatorOut<'a>> {
            ks.iter()
                .filter_map(|&k| v.get_mut(k).and_then(Option::take))
                .collect()
        };
        let (om, nm) = (Utf16Map::new(old.text), Utf16Map::new(new.text));
        let side = |s: Side<'a>| SideOut {
            file: s.file,
            title: s.x.title.as_ref().map(|t| t.text.as_str()),
            report_year: s.x.report_year,
        };
        CompareOut {
            old: side(old),
            new: side(new),
            pairs,
            only_old: only(&mut olds, &c.only_old),
            only_new: only(&mut news, &c.only_new),
            carried_over: c
                .carried_over
                .iter()
                .map(|p| PassageOut {
                    old_start: om.get(p.old.start),
                    old_end: om.get(p.old.end),
                    new_start: nm.get(p.new.start),
                    new_end: nm.get(p.new.end),
                })
                .collect(),
            carried_over_share: (c.carried_over_share * 1e4).round() / 1e4,
        }
    }

    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        crate::output::json(self, 4096)
    }

    /// One row per pair, then per old and per new figure without a partner; UTF-8 with a BOM
    /// and Chinese headers, for Excel and WPS.
    pub fn to_csv(&self) -> String {
        let mut s = String::from("\u{FEFF}");
        csv_line(
            &mut s,
            [
                "类别",
                "指标",
                "指标编号",
                "旧文",
                "旧值",
                "旧单位",
                "新文",
                "新值",
                "新单位",
                "变化量",
                "变化率(%)",
                "旧起点",
                "旧终点",
                "新起点",
                "新终点",
            ]
            .into_iter(),
        );
        let num = |v: Option<f64>| v.map(number).unwrap_or_default();
        let ind = |i: Option<&IndicatorOut>| -> [String; 5] {
            match i {
                Some(i) => [
                    i.text.to_string(),
                    num(i.value),
                    i.unit.unwrap_or("").to_string(),
                    i.start.to_string(),
                    i.end.to_string(),
                ],
                None => Default::default(),
            }
        };
        let mut row = |kind: &str,
                       metric: Option<&str>,
                       id: Option<&str>,
                       o: Option<&IndicatorOut>,
                       n: Option<&IndicatorOut>,
                       d: Option<f64>,
                       dp: Option<f64>| {
            let [ot, ov, ou, os, oe] = ind(o);
            let [nt, nv, nu, ns, ne] = ind(n);
            let f = [
                kind.to_string(),
                metric.unwrap_or("").to_string(),
                id.unwrap_or("").to_string(),
                ot,
                ov,
                ou,
                nt,
                nv,
                nu,
                num(d),
                num(dp),
                os,
                oe,
                ns,
                ne,
            ];
            csv_line(&mut s, f.iter().map(String::as_str));
        };
        for p in &self.pairs {
            row(
                "配对",
                p.metric,
                p.metric_id,
                Some(&p.old),
                Some(&p.new),
                p.delta,
                p.delta_percent,
            );
        }
        for i in &self.only_old {
            row("仅旧文", i.metric, i.metric_id, Some(i), None, None, None);
        }
        for i in &self.only_new {
            row("仅新文", i.metric, i.metric_id, None, Some(i), None, None);
        }
        s
    }

    /// A readable listing: the two reports, the carried-over share, the pairs with their change,
    /// the unpaired figures.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let name = |side: &SideOut| {
            let mut n = side.file.unwrap_or("").to_string();
            if let Some(t) = side.title {
                let _ = write!(n, " 《{t}》");
            }
            if let Some(y) = side.report_year {
                let _ = write!(n, " ({y}年度)");
            }
            n
        };
        let _ = writeln!(s, "== 旧: {}", name(&self.old));
        let _ = writeln!(s, "== 新: {}", name(&self.new));
        let _ = writeln!(
            s,
            "沿用原文: {} 段, 占新文 {:.1}%",
            self.carried_over.len(),
            self.carried_over_share * 100.0
        );
        let _ = writeln!(s, "\n配对指标 ({}):", self.pairs.len());
        for p in &self.pairs {
            let change = match (p.delta, p.delta_percent) {
                (Some(d), Some(pc)) => {
                    format!("  {}{} ({}{}%)", sign(d), number(d), sign(pc), number(pc))
                }
                (Some(d), None) => format!("  {}{}", sign(d), number(d)),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "  {}\t{} → {}{change}",
                p.metric.unwrap_or("?"),
                p.old.text,
                p.new.text
            );
        }
        for (label, list) in [("仅旧文", &self.only_old), ("仅新文", &self.only_new)] {
            let _ = writeln!(s, "\n{label} ({}):", list.len());
            for i in list {
                let _ = writeln!(s, "  {}\t{}", i.text, i.metric.unwrap_or(""));
            }
        }
        s
    }
}

fn sign(v: f64) -> &'static str {
    if v > 0.0 {
        "+"
    } else {
        ""
    }
}

/// Compares two texts and returns the JSON (what the page's `compareJson` returns).
pub fn compare_json(old_text: &str, new_text: &str) -> String {
    let (xo, xn, c) = crate::compare::compare_texts(old_text, new_text);
    let side = |text, x| Side {
        file: None,
        text,
        x,
    };
    CompareOut::new(side(old_text, &xo), side(new_text, &xn), &c).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape() {
        let o = "全年办理行政复议案件120件,新建法治文化广场12个。";
        let n = "全年办理行政复议案件138件,培训执法人员300人次。";
        let json = compare_json(o, n);
        let at: Vec<usize> = [
            "\"old\":",
            "\"new\":",
            "\"pairs\":",
            "\"onlyOld\":",
            "\"onlyNew\":",
            "\"carriedOver\":",
            "\"carriedOverShare\":",
        ]
        .iter()
        .map(|k| {
            json.find(k)
                .unwrap_or_else(|| panic!("{k} missing in {json}"))
        })
        .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "key order {at:?}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["old"]["file"], serde_json::Value::Null);
        let p = &v["pairs"][0];
        assert_eq!(p["old"]["text"], "120件");
        assert_eq!(p["new"]["text"], "138件");
        assert_eq!(p["delta"], 18.0);
        assert_eq!(p["deltaPercent"], 15.0);
        assert_eq!(v["onlyOld"][0]["text"], "12个");
        assert_eq!(v["onlyNew"][0]["text"], "300人次");
        // `全年办理行政复议案件1`: 11 characters, shorter than a passage.
        assert_eq!(v["carriedOver"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn passages_in_utf16() {
        // 𠀀 (U+20000) is two UTF-16 units: offsets after it shift by one more than chars.
        let s = "𠀀深入推动政府职能优化转变。一是完成新一轮机构改革,二是公布权责清单。";
        let v: serde_json::Value = serde_json::from_str(&compare_json(s, s)).unwrap();
        let p = &v["carriedOver"][0];
        assert_eq!(
            (p["newStart"].as_u64(), p["newEnd"].as_u64()),
            (Some(0), Some(s.encode_utf16().count() as u64))
        );
        assert_eq!(v["carriedOverShare"], 1.0);
    }
}
