//! Canonical ids against hand-checked labels: `tests/cases/metric-ids.tsv` (format in its
//! header). Each sentence is extracted alone; the figure's id (with `+change` when the figure
//! states a change) is compared with the label. Precision is what the contract promises (an id
//! given is right), so it must stay at or above 0.95; recall is reported.

use zhibiao::extract;

struct Row {
    line: usize,
    expected: Option<String>,
    figure: String,
    sentence: String,
}

fn rows() -> Vec<Row> {
    let text = include_str!("cases/metric-ids.tsv");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "line {}: four columns: {l}", i + 1);
            assert_eq!(
                cols[3].matches(cols[1]).count(),
                1,
                "line {}: the figure must occur once in the sentence",
                i + 1
            );
            Row {
                line: i + 1,
                expected: (cols[0] != "-").then(|| cols[0].to_string()),
                figure: cols[1].to_string(),
                sentence: cols[3].to_string(),
            }
        })
        .collect()
}

/// The label zhibiao gives the figure: `None` when the figure is not found or has no id.
fn found(r: &Row) -> Option<String> {
    let x = extract(&r.sentence);
    let at = r.sentence.find(&r.figure)?;
    let i = x.indicators.iter().find(|i| {
        i.span.start >= at
            && i.span.end <= at + r.figure.len()
            && i.span.start < at + r.figure.len()
    })?;
    let id = i.metric_id?;
    Some(if i.change.is_some() {
        format!("{id}+change")
    } else {
        id.to_string()
    })
}

#[test]
fn metric_id_precision() {
    let rows = rows();
    assert!(rows.len() >= 200, "{} rows", rows.len());
    let (mut given, mut right, mut expected) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    let mut missed = 0usize;
    for r in &rows {
        let got = found(r);
        if r.expected.is_some() {
            expected += 1;
        }
        match (&got, &r.expected) {
            (Some(g), Some(e)) if g == e => {
                given += 1;
                right += 1;
            }
            (Some(g), e) => {
                given += 1;
                wrong.push(format!(
                    "line {}: {} got {g}, expected {}",
                    r.line,
                    r.figure,
                    e.as_deref().unwrap_or("-")
                ));
            }
            (None, Some(_)) => missed += 1,
            (None, None) => {}
        }
    }
    let precision = right as f64 / given.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    eprintln!(
        "metric ids: {} rows, {expected} with an id; given {given}, right {right}, missed {missed}: \
         precision {precision:.3}, recall {recall:.3}",
        rows.len()
    );
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(given > 0);
    assert!(
        precision >= 0.95,
        "precision {precision:.3} < 0.95:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn known_wrong_ids_are_gone() {
    // issue 11: 法治文化广场 is no 法律明白人, a change rate is no count, 业务 names nothing.
    let cases = [
        ("打造了4个法治文化广场,普法宣传质效得到提升", "4个", None),
        (
            "2024年办理行政复议案件80件,比2023年同比上升70.2%",
            "70.2%",
            Some("review_cases+change"),
        ),
        (
            "2024年办理行政复议案件80件,比2023年同比上升70.2%",
            "80件",
            Some("review_cases"),
        ),
        ("共为企业群众办理“一件事一次办”业务800余件", "800余件", None),
    ];
    for (s, fig, want) in cases {
        let r = Row {
            line: 0,
            expected: None,
            figure: fig.into(),
            sentence: s.into(),
        };
        assert_eq!(found(&r).as_deref(), want, "{s}");
    }
}
