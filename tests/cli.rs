//! The command line on broken input: random bytes, directories, missing files, UTF-16 and BOMs,
//! a closed pipe, and the csv/jsonl formats' framing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_zhibiao");
const SENTENCE: &str =
    "一、主要举措和成效\n(一)深化改革。公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。\n";

/// A fresh directory under the target dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run zhibiao")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Deterministic pseudo-random bytes (xorshift), biased to stay invalid UTF-8.
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn five_megabytes_of_random_bytes() {
    let dir = scratch("random");
    let bin = dir.join("garbage.bin");
    let mut bytes = random_bytes(5 << 20);
    // Not a BOM: this must be judged as UTF-8.
    bytes[0] = b'x';
    std::fs::write(&bin, &bytes).unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, SENTENCE).unwrap();
    let (bin, good) = (bin.to_str().unwrap(), good.to_str().unwrap());

    // Rejected with one clear line, the next file still processed, non-zero exit.
    let o = run(&["extract", "--format", "jsonl", bin, good]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("garbage.bin") && err.contains("not UTF-8"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("good.txt"));

    // --lossy: a warning, a result, success.
    let o = run(&["extract", "--lossy", "--format", "json", bin]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON result");
    assert!(v["indicators"].is_array());
}

#[test]
fn a_directory_and_a_missing_file_among_good_ones() {
    let dir = scratch("mixed");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, SENTENCE).unwrap();
    std::fs::write(&b, SENTENCE).unwrap();
    let missing = dir.join("missing.txt");
    let args = [
        "extract",
        "--format",
        "jsonl",
        a.to_str().unwrap(),
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
        b.to_str().unwrap(),
    ];
    let o = run(&args);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("is a directory"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    let files: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["file"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(files, [args[3], args[6]]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_among_good_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = dir.join("locked.txt");
    let good = dir.join("good.txt");
    std::fs::write(&locked, SENTENCE).unwrap();
    std::fs::write(&good, SENTENCE).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // As root, permissions do not stop reads: a path through a file (`locked.txt/x`, not a
    // directory) fails to open for anyone.
    let locked = if std::fs::read(&locked).is_ok() {
        locked.join("x")
    } else {
        locked
    };
    let o = run(&[
        "extract",
        "--format",
        "jsonl",
        locked.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("locked.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("good.txt"));
}

#[test]
fn utf16_and_utf8_boms_decode_to_the_same_result() {
    let dir = scratch("boms");
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, SENTENCE).unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in SENTENCE.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(SENTENCE.as_bytes());
    let want = run(&["extract", plain.to_str().unwrap()]);
    assert!(want.status.success());
    for (name, bytes) in [("le.txt", le), ("be.txt", be), ("bom8.txt", bom8)] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = run(&["extract", p.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        // Offsets count from after the BOM: identical output.
        assert_eq!(o.stdout, want.stdout, "{name}");
    }
    // A truncated UTF-16 file (odd length) is rejected, not guessed.
    let odd = dir.join("odd.txt");
    std::fs::write(&odd, [0xFF, 0xFE, 0x41, 0x00, 0x42]).unwrap();
    let o = run(&["extract", odd.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("UTF-16"));
}

#[cfg(unix)]
#[test]
fn output_to_a_closed_pipe_exits_quietly() {
    let dir = scratch("pipe");
    let big = dir.join("big.txt");
    std::fs::write(&big, SENTENCE.repeat(2000)).unwrap();
    let path = big.to_str().unwrap().to_string();
    let mut args = vec!["extract".to_string(), "--format".into(), "text".into()];
    args.extend(std::iter::repeat(path).take(50));
    let mut child = Command::new(BIN)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, like `| head -c0`.
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "status {:?}: {}", o.status, stderr(&o));
    assert_eq!(stderr(&o), "", "no message for a closed pipe");
}

#[test]
fn csv_has_a_bom_and_a_header() {
    let dir = scratch("csv");
    let p = dir.join("r.txt");
    std::fs::write(&p, SENTENCE).unwrap();
    let o = run(&["extract", "--format", "csv", p.to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let body = out
        .strip_prefix('\u{FEFF}')
        .expect("UTF-8 BOM for Excel/WPS");
    let header = body.lines().next().unwrap();
    assert!(
        header.starts_with("file,start,end,line,text,value"),
        "{header}"
    );
    // One row per indicator: as many rows as the JSON output has indicators.
    let json = run(&["extract", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        body.lines().count() - 1,
        v["indicators"].as_array().unwrap().len()
    );
}

#[test]
fn jsonl_has_a_file_field_and_stdin_works() {
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SENTENCE.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(v["file"], "-");
    assert!(v["indicators"].is_array() && v["headings"].is_array());
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["extract"][..],
        &["frobnicate"],
        &["extract", "--format", "xml", "x"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("usage:"));
    }
}

#[test]
fn csv_defuses_formula_looking_text_and_keeps_negative_numbers() {
    // A heading that a spreadsheet would run as a formula, and a negative change (OWASP CSV
    // injection): the section cell gets a leading `'`, the value stays a number.
    let dir = scratch("csv-formula");
    let p = dir.join("r.txt");
    std::fs::write(
        &p,
        "一、=HYPERLINK(\"http://x\",\"查看\")\n受理行政复议案件15件,同比下降-3.5%。\n",
    )
    .unwrap();
    let o = run(&["extract", "--format", "csv", p.to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{out}");
    for row in &rows {
        assert!(
            row.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"查看\"\")\","),
            "section defused and quoted: {row}"
        );
        assert!(!row.contains(",=HYPERLINK"), "{row}");
    }
    assert!(
        rows[1].contains(",-3.5,"),
        "a negative value stays a number: {}",
        rows[1]
    );
}

#[test]
fn checks_csv_has_the_tolerance_of_each_finding() {
    let dir = scratch("checks");
    let f = dir.join("report.txt");
    // The dev corpus's sentence (001): 1205 ÷ 1231 is 97.89 %, the report writes 97.87 %.
    std::fs::write(
        &f,
        "2023年,排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.87%。\n",
    )
    .unwrap();
    let o = run(&["extract", "--format", "checks", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.trim_start_matches('\u{FEFF}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rate = lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[col("kind")] == "rate")
        .unwrap_or_else(|| panic!("no rate finding in {out}"));
    assert_eq!(rate[col("text")], "97.87%");
    assert_eq!(rate[col("stated")], "97.87");
    assert_eq!(rate[col("tolerance")], "0.01");
    assert!(rate[col("computed")].starts_with("97.89"), "{rate:?}");
}
