//! Document structure beyond the case lists: whole corpus reports (one-line form, metadata and
//! signature, the five parts), 100,000 headings, sections for indicators, and the structure
//! fields of the JSON output. The excerpt-by-excerpt cases (outline, lists, front matter,
//! citations) are data in `tests/cases/*.txt`, run by `tests/cases.rs`; the corpus against its
//! answer files is `tests/corpus.rs`.

use std::fs;
use std::path::Path;

use serde_json::Value;
use zhibiao::{extract, DeadlineStatus, PartStatus};

// ---- 1. Outline headings ----

// The headings, titles, report years and citations of the annotated corpus are compared with
// its answer files in tests/corpus.rs.

#[test]
fn whole_report_on_one_line() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/corpus/000_bcf268df157b293b.txt"),
    )
    .expect("fixture");
    let one_line: String = text.lines().collect::<Vec<_>>().join("");
    let x = extract(&one_line);
    assert!(x.headings.is_empty());
    // Citations do not depend on lines.
    assert_eq!(x.citations.len(), extract(&text).citations.len());
    // A short one-line text that is a heading stays a heading.
    assert_eq!(extract("一、高度重视,组织领导坚强有力").headings.len(), 1);
}

#[test]
fn hundred_thousand_heading_lines() {
    // 1,000 sections of one `一、` and 99 `(n)` each: results, not time, are asserted; the
    // recognizers are single passes.
    let cn = |n: u32| -> String {
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match (n / 10, n % 10) {
            (0, u) => D[u as usize].to_string(),
            (1, u) => format!("十{}", D[u as usize]),
            (t, u) => format!("{}十{}", D[t as usize], D[u as usize]),
        }
    };
    let mut t = String::new();
    for _ in 0..1000 {
        t.push_str("一、依法全面履行政府职能\n");
        for n in 1..=99 {
            t.push_str(&format!("({})深化改革。公布事项238项。\n", cn(n)));
        }
    }
    let x = extract(&t);
    assert_eq!(x.headings.len(), 100_000);
    assert_eq!(x.headings[99_999].number, 99);
    assert_eq!(x.headings[99_999].parent, Some(99_900));
    assert_eq!(x.headings[99_900].children.len(), 99);
    // Every `一、` after the first restarts the numbering.
    assert_eq!(x.warnings.len(), 999);
}

#[test]
fn an_empty_title_is_an_empty_span_in_json() {
    // The work summary of tests/cases/headings.txt: `4.` alone on line 10.
    let t = "首页/ 政务公开/ 工作总结/ 正文\n工作总结\n某区工信局2024年上半年工作总结\n一、主要指标完成情况\n(一)工业经济\n1.规上工业增加值方面:1-5月全区规上工业增加值同比增长6.2%。增速居全市第3位。\n2.工业投资方面：1-5月完成工业投资29.3亿元,增速45.7%。\n(二)外贸消费\n3.外贸进出口总额方面:1-5月外贸进出口总额13亿元。\n4.\n社会消费品零售总额累计完成43.11亿元。\n";
    // In JSON, the empty title is an empty span right after the marker.
    let json: Value = serde_json::from_str(&zhibiao::output::to_json(t)).expect("json");
    let h = &json["headings"][6];
    assert_eq!(
        (&h["title"], &h["line"]),
        (&Value::from(""), &Value::from(10))
    );
    assert_eq!(h["start"], h["end"]);
    assert_eq!(h["start"], h["markerEnd"]);
}

// ---- 3. Title, metadata, signature, report year ----

#[test]
fn metadata_block_title_and_signature_of_001() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/corpus/001_2f779e0289e0123a.txt"),
    )
    .expect("fixture");
    let x = extract(&text);
    let m = x.metadata.expect("metadata block");
    let keys: Vec<_> = m.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "索引号",
            "信息分类",
            "发布机构",
            "生成日期",
            "文号",
            "是否有效",
            "名称"
        ]
    );
    assert_eq!(m.fields[3].span.of(&text), "2024-03-04");
    assert_eq!(m.fields[2].value, "");
    let s = x.signature.expect("signature");
    assert_eq!(s.issuer.as_deref(), Some("荔波县人民政府"));
    assert_eq!(s.date.as_deref(), Some("2024-03-01"));
    assert_eq!(x.title.expect("title").line, 1);
}

// ---- 4. Citations ----

#[test]
fn one_citation_after_half_a_million_unclosed_marks() {
    let many = "《".repeat(500_000) + "《统计法》";
    let x = extract(&many);
    let found: Vec<_> = x.citations.iter().map(|c| c.span.of(&many)).collect();
    assert_eq!(found, ["《统计法》"]);
}

// ---- 5. The five mandated parts ----

fn parts(t: &str) -> Vec<(&'static str, PartStatus)> {
    extract(t).parts.iter().map(|p| (p.id, p.status)).collect()
}

#[test]
fn five_parts_on_the_corpus() {
    use PartStatus::*;
    let read = |n: &str| {
        fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/corpus")
                .join(n),
        )
        .expect("fixture")
    };
    // 001 follows the rules by its headings.
    let t = read("001_2f779e0289e0123a.txt");
    assert_eq!(
        parts(&t),
        [
            ("measures", Present),
            ("shortcomings", Present),
            ("leadership", Present),
            ("plans", Present),
            ("other", Missing)
        ]
    );
    let x = extract(&t);
    let d = x.deadline.expect("deadline");
    assert_eq!(
        (d.due.as_str(), d.status),
        ("2024-04-01", DeadlineStatus::OnTime)
    );
    // 000 puts its plans in an unheaded closing paragraph `下步,…`.
    let t = read("000_bcf268df157b293b.txt");
    let x = extract(&t);
    let plans = &x.parts[3];
    assert_eq!(plans.status, Mentioned);
    assert_eq!(plans.span.map(|s| s.of(&t)), Some("下步"));
    assert_eq!(x.parts[1].status, Missing);
    // 004: shortcomings and plans only in `总体上,…但…` at the end.
    let t = read("004_08a39ddd2b4fd470.txt");
    let p = parts(&t);
    assert_eq!(p[1], ("shortcomings", Mentioned));
    assert_eq!(p[2], ("leadership", Missing));
    assert_eq!(p[3], ("plans", Mentioned));
}

// ---- 6. Sections for indicators ----

#[test]
fn indicators_get_their_section() {
    let t = "一、主要举措和成效\n(一)深化改革。公布市级行政许可事项238项。\n二、存在不足\n";
    let mut x = extract(t);
    let at = t.find("238项").expect("present");
    x.indicators = vec![zhibiao::Indicator {
        span: zhibiao::Span::new(at, at + "238项".len()),
        value: Some(238.0),
        value_max: None,
        unit: Some("项".into()),
        kind: zhibiao::Kind::Count,
        approx: None,
        change: None,
        metric: None,
        metric_id: None,
        heading: None,
        target: false,
    }];
    x.indicators = zhibiao::outline::with_sections(x.indicators, &x.headings);
    assert_eq!(x.indicators[0].heading, Some(1));
    let out = zhibiao::output::Output::new(t, &x);
    assert_eq!(
        out.section(out.indicators[0].heading),
        ["主要举措和成效", "深化改革"]
    );
}

// ---- The output contract for the structure fields ----

#[test]
fn structure_fields_in_json_use_utf16_offsets() {
    // An astral character (𠀀, two UTF-16 units) before every span.
    let t = "𠀀某县2023年法治政府建设年度报告\n索 引 号: | 0001/2024-1 | 生成日期: | 2024-03-04\n一、主要举措和成效\n下步,我县将继续推进《行政复议法》学习。\n某县人民政府\n2024年3月1日\n";
    let json: Value = serde_json::from_str(&zhibiao::output::to_json(t)).expect("json");
    let units: Vec<u16> = t.encode_utf16().collect();
    let slice = |v: &Value, a: &str, b: &str| {
        let s = v[a].as_u64().expect("start") as usize;
        let e = v[b].as_u64().expect("end") as usize;
        String::from_utf16(&units[s..e]).expect("utf16")
    };
    assert_eq!(
        slice(&json["headings"][0], "start", "end"),
        "主要举措和成效"
    );
    assert_eq!(
        slice(&json["citations"][0], "start", "end"),
        "《行政复议法》"
    );
    assert_eq!(
        slice(&json["titleSpan"], "start", "end"),
        "𠀀某县2023年法治政府建设年度报告"
    );
    assert_eq!(
        slice(&json["metadata"]["fields"][1], "start", "end"),
        "2024-03-04"
    );
    assert_eq!(slice(&json["parts"][3], "start", "end"), "下步");
    assert_eq!(
        slice(&json["signature"], "dateStart", "dateEnd"),
        "2024年3月1日"
    );
    assert_eq!(json["reportYear"], 2023);
    assert_eq!(json["deadline"]["status"], "onTime");
}
