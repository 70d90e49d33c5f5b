//! Many reports in one table: one [`Row`] per report, one column per canonical metric.
//!
//! Assessors score dozens of units on the same indicators, journalists rank governments on one
//! figure. [`row`] summarises one report: who issued it, the year it covers, when it was
//! published and whether on time, the five mandated parts' statuses, how many figures it states,
//! and for every canonical metric (`metricId`) it mentions, the first figure with that id and
//! how many there are. [`Table::new`] gathers rows and orders the metric columns as the taxonomy
//! does (`data/metrics.tsv`), keeping only the metrics some report has.
//!
//! A row carries no span and no text beyond a few strings, so the page can build the table one
//! report at a time (`tableRowJson` in the WebAssembly bindings) and keep hundreds of rows.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Extraction, Genre, Indicator};
use crate::taxonomy;

/// One report's line of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// The file name as given.
    pub file: String,
    pub title: Option<String>,
    /// The signature's issuer, else the metadata block's 发布机构 / 发文机关.
    pub issuer: Option<String>,
    pub report_year: Option<i32>,
    /// `rule_of_law_report`, `government_work_report`, `statistical_bulletin` or `other`.
    pub genre: &'static str,
    /// The date the report was made public (ISO; the signature's, else the metadata's), else
    /// the signature's date as written.
    pub published: Option<String>,
    /// `onTime` or `late` when a date is known, for a 法治政府建设 report only.
    pub deadline: Option<&'static str>,
    /// The five mandated parts by id (`measures`, `shortcomings`, `leadership`, `plans`,
    /// `other`): `present`, `mentioned` or `missing`, in their fixed order; `na` for every
    /// part of a text that is no 法治政府建设 report (the rule does not apply).
    pub parts: Vec<PartCell>,
    /// Number of figures found.
    pub figures: usize,
    /// Per canonical metric id, in the order of the first figure with that id.
    pub metrics: Vec<MetricCell>,
}

/// One mandated part's status in a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartCell {
    pub id: &'static str,
    pub status: &'static str,
}

/// The figures of one canonical metric in one report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricCell {
    pub metric_id: &'static str,
    /// The first figure's value and unit, and the figure as written.
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub text: String,
    /// How many figures of the report have this id.
    pub count: usize,
}

/// Summarises one report, `x` being `extract(text)`.
pub fn row(file: &str, text: &str, x: &Extraction) -> Row {
    let meta = |keys: &[&str]| {
        x.metadata.as_ref().and_then(|m| {
            m.fields
                .iter()
                .find(|f| keys.contains(&f.key.as_str()) && !f.value.is_empty())
                .map(|f| f.value.clone())
        })
    };
    let issuer = x
        .signature
        .as_ref()
        .and_then(|s| s.issuer.clone())
        .or_else(|| meta(&["发布机构", "发文机关"]));
    let published = crate::parts::published(text, x.signature.as_ref(), x.metadata.as_ref())
        .map(|(d, _)| d)
        .or_else(|| x.signature.as_ref().and_then(|s| s.date.clone()));
    // The five parts are the 督察工作规定's, for 法治政府建设 reports only.
    let parts_apply = x.genre == Genre::RuleOfLawReport;
    let mut metrics: Vec<MetricCell> = Vec::new();
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    for i in &x.indicators {
        // A stated change (增长5.0%) carries the id of what changed: the column is the level.
        let Some(id) = i.metric_id.filter(|_| i.change.is_none()) else {
            continue;
        };
        match at.get(id) {
            Some(&k) => metrics[k].count += 1,
            None => {
                at.insert(id, metrics.len());
                metrics.push(cell(id, text, i));
            }
        }
    }
    Row {
        file: file.to_string(),
        title: x.title.as_ref().map(|t| t.text.clone()),
        issuer,
        report_year: x.report_year,
        genre: x.genre.as_str(),
        published,
        deadline: x.deadline.as_ref().map(|d| d.status.as_str()),
        parts: x
            .parts
            .iter()
            .map(|p| PartCell {
                id: p.id,
                status: if parts_apply { p.status.as_str() } else { "na" },
            })
            .collect(),
        figures: x.indicators.len(),
        metrics,
    }
}

impl Row {
    pub fn to_json(&self) -> String {
        // Plain strings and numbers: serializing cannot fail.
        crate::output::json(self, 4096)
    }
}

fn cell(id: &'static str, text: &str, i: &Indicator) -> MetricCell {
    MetricCell {
        metric_id: id,
        value: i.value,
        unit: i.unit.as_deref().map(str::to_string),
        text: i.span.of(text).to_string(),
        count: 1,
    }
}

/// A metric column of the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub metric_id: &'static str,
    /// The taxonomy's Chinese name (`行政复议案件数`).
    pub name: &'static str,
}

/// Rows and the metric columns any of them has.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of `rows`: columns in taxonomy order, only those some row has.
    pub fn new(rows: Vec<Row>) -> Self {
        let mut seen: HashMap<&'static str, ()> = HashMap::new();
        for r in &rows {
            for m in &r.metrics {
                seen.insert(m.metric_id, ());
            }
        }
        let columns = taxonomy::all()
            .iter()
            .filter(|m| seen.contains_key(m.id))
            .map(|m| Column {
                metric_id: m.id,
                name: m.name,
            })
            .collect();
        Table { columns, rows }
    }

    pub fn to_json(&self) -> String {
        crate::output::json(self, 4096)
    }

    /// Every metric of the taxonomy as a column, in order, as JSON.
    pub fn all_columns_json() -> String {
        let all: Vec<Column> = taxonomy::all()
            .iter()
            .map(|m| Column {
                metric_id: m.id,
                name: m.name,
            })
            .collect();
        crate::output::json(&all, 4096)
    }

    /// The table as CSV, UTF-8 with a BOM (so Excel and WPS read the Chinese): the report
    /// columns, then three per metric (value, unit, count). Header names are Chinese; no cell
    /// starts with `=`, `+`, `-` or `@` unless it is a number (Excel would run it as a formula).
    pub fn to_csv(&self) -> String {
        let mut s = String::from("\u{FEFF}");
        let mut head: Vec<String> = [
            "文件",
            "标题",
            "发布机关",
            "报告年度",
            "体裁",
            "发布日期",
            "公开时限",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        let part_names: Vec<&str> = self
            .rows
            .first()
            .map(|r| r.parts.iter().map(|p| p.id).collect())
            .unwrap_or_default();
        for id in &part_names {
            head.push(part_label(id).to_string());
        }
        head.push("指标个数".into());
        for c in &self.columns {
            head.push(format!("{}({})", c.name, c.metric_id));
            head.push(format!("{}·单位", c.name));
            head.push(format!("{}·个数", c.name));
        }
        csv_line(&mut s, head.iter().map(String::as_str));
        for r in &self.rows {
            let mut f: Vec<String> = vec![
                r.file.clone(),
                r.title.clone().unwrap_or_default(),
                r.issuer.clone().unwrap_or_default(),
                r.report_year.map(|y| y.to_string()).unwrap_or_default(),
                genre_label(r.genre).to_string(),
                r.published.clone().unwrap_or_default(),
                r.deadline
                    .map(deadline_label)
                    .unwrap_or_default()
                    .to_string(),
            ];
            for id in &part_names {
                let st = r
                    .parts
                    .iter()
                    .find(|p| p.id == *id)
                    .map_or("", |p| p.status);
                f.push(status_label(st).to_string());
            }
            f.push(r.figures.to_string());
            for c in &self.columns {
                match r.metrics.iter().find(|m| m.metric_id == c.metric_id) {
                    Some(m) => {
                        f.push(m.value.map(number).unwrap_or_default());
                        f.push(m.unit.clone().unwrap_or_default());
                        f.push(m.count.to_string());
                    }
                    None => f.extend([String::new(), String::new(), String::new()]),
                }
            }
            csv_line(&mut s, f.iter().map(String::as_str));
        }
        s
    }
}

fn part_label(id: &str) -> &'static str {
    match id {
        "measures" => "主要举措和成效",
        "shortcomings" => "存在的不足和原因",
        "leadership" => "党政主要负责人履行推进法治建设第一责任人职责",
        "plans" => "下一年度工作安排",
        _ => "其他需要报告的情况",
    }
}

fn genre_label(g: &str) -> &'static str {
    match Genre::ALL.into_iter().find(|x| x.as_str() == g) {
        Some(Genre::RuleOfLawReport) => "法治政府建设年度报告",
        Some(Genre::GovernmentWorkReport) => "政府工作报告",
        Some(Genre::StatisticalBulletin) => "统计公报",
        _ => "其他",
    }
}

fn status_label(s: &str) -> &'static str {
    match s {
        "present" => "有章节",
        "mentioned" => "仅提及",
        "missing" => "缺失",
        "na" => "不适用",
        _ => "",
    }
}

fn deadline_label(s: &str) -> &'static str {
    match s {
        "onTime" => "按时",
        "late" => "逾期",
        _ => "",
    }
}

/// A number as CSV writes it: integers without `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

/// Appends one CSV line: fields quoted when they hold `,`, `"` or a line break, and a text that
/// Excel would take for a formula prefixed with `'`.
pub fn csv_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (k, f) in fields.enumerate() {
        if k > 0 {
            out.push(',');
        }
        let risky = f.starts_with(['=', '+', '-', '@', '\t', '\r']) && f.parse::<f64>().is_err();
        let f = if risky {
            format!("'{f}")
        } else {
            f.to_string()
        };
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_and_csv() {
        // Shortened from 004 (tests/fixtures/corpus) with a signature.
        let t = "某县人民政府2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政复议案件12件,行政复议案件同比增长5件。行政机关负责人出庭应诉率达100%。\n某县人民政府\n2024年3月1日\n";
        let x = crate::extract(t);
        let r = row("a.txt", t, &x);
        assert_eq!(r.file, "a.txt");
        assert_eq!(r.issuer.as_deref(), Some("某县人民政府"));
        assert_eq!(r.published.as_deref(), Some("2024-03-01"));
        assert_eq!(r.deadline, Some("onTime"));
        assert_eq!(r.figures, x.indicators.len());
        assert_eq!(r.parts.len(), 5);
        assert_eq!(r.parts[0].status, "present");
        assert_eq!(r.genre, "rule_of_law_report");
        let ids: usize = r.metrics.iter().map(|m| m.count).sum();
        assert_eq!(
            ids,
            x.indicators
                .iter()
                .filter(|i| i.metric_id.is_some() && i.change.is_none())
                .count()
        );
        // 同比增长5件 is a change of review_cases: it has the id, not a column's value.
        assert!(x
            .indicators
            .iter()
            .any(|i| i.metric_id == Some("review_cases") && i.change.is_some()));
        let review = r.metrics.iter().find(|m| m.metric_id == "review_cases");
        assert_eq!(review.map(|m| (m.value, m.count)), Some((Some(12.0), 1)));
        let table = Table::new(vec![r.clone(), row("b.txt", "", &crate::extract(""))]);
        assert_eq!(table.columns.len(), r.metrics.len());
        let csv = table.to_csv();
        assert!(csv.starts_with("\u{FEFF}文件,标题,"));
        assert_eq!(csv.lines().count(), 3);
        assert!(csv.lines().nth(2).unwrap().starts_with("b.txt,,,,其他,"));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut s = String::new();
        csv_line(
            &mut s,
            ["a,b", "say \"x\"", "=SUM(A1)", "-12.5", "-x"].into_iter(),
        );
        assert_eq!(s, "\"a,b\",\"say \"\"x\"\"\",'=SUM(A1),-12.5,'-x\n");
        s.clear();
        csv_line(&mut s, ["\tcmd", "@SUM(A1)", "+1+1"].into_iter());
        assert_eq!(s, "'\tcmd,'@SUM(A1),'+1+1\n");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.5), "12.5");
    }
}
