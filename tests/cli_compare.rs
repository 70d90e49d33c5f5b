//! `zhibiao compare` and `zhibiao table` as a user runs them, on real reports.

use std::process::Command;

fn zhibiao(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run zhibiao");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const OLD: &str = "tests/fixtures/pairs/hailar-2012.txt";
const NEW: &str = "tests/fixtures/pairs/hailar-2013.txt";

#[test]
fn compare_json_csv_text() {
    let (ok, json, _) = zhibiao(&["compare", OLD, NEW]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON object");
    assert_eq!(v["old"]["file"], OLD);
    // The 2013 政府工作报告 reviews 2012.
    assert_eq!(v["new"]["reportYear"], 2012);
    let pairs = v["pairs"].as_array().unwrap();
    let gdp = pairs
        .iter()
        .find(|p| p["old"]["text"] == "198.5亿元")
        .expect("the 2011 地区生产总值 is paired");
    assert_eq!(gdp["new"]["text"], "235.2亿元");
    assert_eq!(gdp["delta"], 3.67e9);
    let share = v["carriedOverShare"].as_f64().unwrap();
    assert!(share > 0.0 && share < 0.2, "{share}");

    let (ok, csv, _) = zhibiao(&["compare", "--format", "csv", OLD, NEW]);
    assert!(ok);
    assert!(csv.starts_with("\u{FEFF}类别,指标,"));
    let rows = csv.lines().count() - 1;
    let n = |k: &str| v[k].as_array().unwrap().len();
    assert_eq!(rows, pairs.len() + n("onlyOld") + n("onlyNew"));
    // The pair carries its canonical id (gdp) since the taxonomy knows 地区生产总值.
    assert!(csv.contains("\n配对,地区生产总值,gdp,198.5亿元,19850000000,元,235.2亿元,"));

    let (ok, text, _) = zhibiao(&["compare", "--format=text", OLD, NEW]);
    assert!(ok);
    assert!(text.contains("198.5亿元 → 235.2亿元"), "{text}");
}

#[test]
fn compare_wants_two_readable_files() {
    let (ok, _, err) = zhibiao(&["compare", OLD]);
    assert!(!ok && err.contains("compare takes two files"), "{err}");
    let (ok, _, err) = zhibiao(&["compare", OLD, "tests/fixtures/pairs/none.txt"]);
    assert!(!ok && err.contains("none.txt"), "{err}");
    let (ok, _, err) = zhibiao(&["compare", "--format", "jsonl", OLD, NEW]);
    assert!(!ok && err.contains("format"), "{err}");
}

#[test]
fn table_one_row_per_file() {
    let files: Vec<String> = (0..5)
        .map(|k| {
            let dir =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .filter(|n| n.ends_with(".txt"))
                .collect();
            names.sort();
            format!("tests/fixtures/corpus/{}", names[k])
        })
        .collect();
    let mut args = vec!["table"];
    args.extend(files.iter().map(String::as_str));
    let (ok, csv, _) = zhibiao(&args);
    assert!(ok);
    assert!(csv.starts_with("\u{FEFF}文件,标题,发布机关,报告年度,体裁,"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6);
    for (line, f) in lines[1..].iter().zip(&files) {
        assert!(line.starts_with(&format!("{f},")), "{line}");
    }
    let header: Vec<&str> = lines[0].split(',').collect();
    assert!(lines[1..]
        .iter()
        .all(|l| l.split(',').count() >= header.len() - 2));

    args.insert(1, "--format=json");
    let (ok, json, _) = zhibiao(&args);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    // 001 荔波: signed by the county government on 2024-03-01, on time.
    let r = &rows[1];
    assert_eq!(r["issuer"], "荔波县人民政府");
    assert_eq!(r["deadline"], "onTime");
    assert_eq!(r["genre"], "rule_of_law_report");
    let columns: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["metricId"].as_str().unwrap())
        .collect();
    for row in rows {
        for m in row["metrics"].as_array().unwrap() {
            assert!(columns.contains(&m["metricId"].as_str().unwrap()));
            assert!(m["count"].as_u64().unwrap() >= 1);
        }
    }
}
