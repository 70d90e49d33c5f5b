//! zhibiao command line: runs the same core as the page over files.
//!
//! ```text
//! zhibiao extract [--format json|jsonl|csv|checks|text] [--lossy] FILE...   (- reads stdin)
//! zhibiao compare [--format json|csv|text] [--lossy] OLD NEW
//! zhibiao table [--format csv|json] [--lossy] FILE...
//! ```

use std::io::{self, Read, Write};
use std::process::ExitCode;

use zhibiao::output::{IndicatorOut, Output};
use zhibiao::span::LineIndex;
use zhibiao::Extraction;

const USAGE: &str = "\
usage: zhibiao extract [--format json|jsonl|csv|checks|text] [--lossy] FILE...
       zhibiao compare [--format json|csv|text] [--lossy] OLD NEW
       zhibiao table [--format csv|json] [--lossy] FILE...

Finds the indicators and the structure of Chinese government report text.
FILE may be - for standard input. Input must be UTF-8 (a BOM is allowed) or UTF-16 with a BOM;
with --lossy, invalid bytes are replaced by U+FFFD (with a warning) instead of rejecting the file.

formats:
  json   one JSON object (one file); several files give an array of objects with a \"file\" key
  jsonl  one JSON object per line and file, with a \"file\" key
  csv    one row per indicator, UTF-8 with BOM (opens in Excel/WPS)
  checks one row per finding (arithmetic, thin parts, years, bases), UTF-8 with BOM
  text   a readable listing: title, genre, outline tree, the five mandated parts, findings,
         indicators

compare: the figures of two reports paired (same metric), with their change, the figures
  without a partner, and the passages of NEW carried over word for word from OLD.
  json (default), csv (one row per pair and per unpaired figure) or text.
table: one row per report (title, issuer, year, genre, publication, the five parts, number of
  figures) and one column per canonical metric found; csv (default) or json.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
    Checks,
    Text,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Extract,
    Compare,
    Table,
}

struct Args {
    command: Command,
    format: Format,
    lossy: bool,
    files: Vec<String>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = match argv.next().as_deref() {
        Some("extract") => Command::Extract,
        Some("compare") => Command::Compare,
        Some("table") => Command::Table,
        Some("-h" | "--help" | "help") => return Err(String::new()),
        Some("-V" | "--version") => {
            println!("zhibiao {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    };
    let mut args = Args {
        command,
        format: if command == Command::Table {
            Format::Csv
        } else {
            Format::Json
        },
        lossy: false,
        files: Vec::new(),
    };
    while let Some(a) = argv.next() {
        let value = |v: Option<String>| v.ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--format" | "-f" => args.format = format_named(&value(argv.next())?)?,
            s if s.starts_with("--format=") => args.format = format_named(&s[9..])?,
            "--lossy" => args.lossy = true,
            "-h" | "--help" => return Err(String::new()),
            "--" => args.files.extend(argv.by_ref()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            _ => args.files.push(a),
        }
    }
    if args.files.is_empty() {
        return Err("no input file (use - for standard input)".into());
    }
    match (command, args.format) {
        (Command::Compare, _) if args.files.len() != 2 => {
            Err("compare takes two files: OLD NEW".into())
        }
        (Command::Compare, Format::Jsonl) => Err("compare: format json, csv or text".into()),
        (Command::Table, Format::Jsonl | Format::Text) => Err("table: format csv or json".into()),
        _ => Ok(args),
    }
}

fn format_named(s: &str) -> Result<Format, String> {
    match s {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "csv" => Ok(Format::Csv),
        "checks" => Ok(Format::Checks),
        "text" => Ok(Format::Text),
        _ => Err(format!(
            "unknown format '{s}' (json, jsonl, csv, checks or text)"
        )),
    }
}

/// Decodes a file's bytes: UTF-8 (BOM stripped), UTF-16 LE/BE with BOM. Returns the text and,
/// for a lossy decode, a warning.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<String>), String> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if be {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect();
        match String::from_utf16(&units) {
            Ok(s) if bytes.len() % 2 == 0 => Ok((s, None)),
            _ if lossy => Ok((
                String::from_utf16_lossy(&units),
                Some("invalid UTF-16 replaced by U+FFFD".to_string()),
            )),
            _ => Err("invalid UTF-16 (use --lossy to replace bad units)".to_string()),
        }
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => {
            let body = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes[3..].to_vec()
            } else {
                bytes
            };
            match String::from_utf8(body) {
                Ok(s) => Ok((s, None)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    if lossy {
                        let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        Ok((
                            s,
                            Some(format!(
                                "not valid UTF-8 from byte {at}; invalid bytes replaced by U+FFFD"
                            )),
                        ))
                    } else {
                        Err(format!(
                            "not UTF-8 text (invalid byte at offset {at}); convert it to UTF-8, or use --lossy"
                        ))
                    }
                }
            }
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| e.to_string())?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// One file's result as the formats read it: values from the output DTOs (what the JSON says),
/// line numbers and quoted text from the extraction's byte spans (the DTOs' offsets are UTF-16).
struct Report<'a> {
    file: &'a str,
    text: &'a str,
    x: &'a Extraction,
    out: Output<'a>,
    lines: LineIndex,
}

impl<'a> Report<'a> {
    fn new(file: &'a str, text: &'a str, x: &'a Extraction) -> Self {
        Report {
            file,
            text,
            x,
            out: Output::new(text, x),
            lines: LineIndex::new(text),
        }
    }
}

/// What a CSV row is made from: one indicator of one file.
struct CsvRow<'r> {
    file: &'r str,
    i: &'r IndicatorOut<'r>,
    line: usize,
    section: String,
}

fn num(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn or_empty(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}

/// How a CSV cell is read from its row.
type CsvCell = fn(&CsvRow) -> String;

/// The CSV's columns, in order: the header's machine name and the cell of a row. A column is
/// one line here.
const CSV_COLUMNS: &[(&str, CsvCell)] = &[
    ("file", |r| r.file.to_string()),
    ("start", |r| r.i.start.to_string()),
    ("end", |r| r.i.end.to_string()),
    ("line", |r| r.line.to_string()),
    ("text", |r| r.i.text.to_string()),
    ("value", |r| num(r.i.value)),
    ("value_max", |r| num(r.i.value_max)),
    ("unit", |r| or_empty(r.i.unit)),
    ("kind", |r| r.i.kind.to_string()),
    ("approx", |r| or_empty(r.i.approx)),
    ("change", |r| {
        let c = r.i.change.as_ref();
        c.map(|c| format!("{} {}", c.direction, c.basis))
            .unwrap_or_default()
    }),
    ("metric", |r| or_empty(r.i.metric)),
    ("metric_id", |r| or_empty(r.i.metric_id)),
    ("section", |r| r.section.clone()),
    ("target", |r| if r.i.target { "target" } else { "" }.into()),
];

/// One CSV line of `cells`: the one CSV writer of the crate ([`zhibiao::table::csv_line`]):
/// quoted when needed, and a text that a spreadsheet would take for a formula gets a leading `'`.
fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let cells: Vec<String> = cells.collect();
    let mut s = String::new();
    zhibiao::table::csv_line(&mut s, cells.iter().map(String::as_str));
    s
}

fn csv_header() -> String {
    csv_line(CSV_COLUMNS.iter().map(|(name, _)| name.to_string()))
}

fn csv_rows(r: &Report) -> String {
    let o = &r.out;
    o.indicators
        .iter()
        .zip(&r.x.indicators)
        .map(|(i, xi)| {
            let row = CsvRow {
                file: r.file,
                i,
                line: r.lines.line(xi.span.start),
                section: o.section(i.heading).join(" > "),
            };
            csv_line(CSV_COLUMNS.iter().map(|(_, cell)| cell(&row)))
        })
        .collect()
}

/// The findings as CSV (`--format checks`): findings are not indicators, so they get their own
/// file rather than a section of the indicators' CSV (which a spreadsheet reads as one table).
/// `text` is the figure checked (or the evidence); `start`/`end` its UTF-16 span, `line` its
/// line; `tolerance` how far apart `stated` and `computed` may be for arithmetic (0: exactly;
/// empty: not arithmetic); `spans` every span as `start-end` separated by spaces.
const CHECKS_HEADER: &str =
    "file,kind,severity,line,start,end,text,stated,computed,tolerance,message,spans\n";

fn checks_rows(r: &Report) -> String {
    r.out
        .checks
        .iter()
        .zip(&r.x.checks)
        .map(|(c, xc)| {
            let first = xc.spans.first().copied();
            let cells = [
                r.file.to_string(),
                c.kind.to_string(),
                c.severity.to_string(),
                first.map_or(String::new(), |s| r.lines.line(s.start).to_string()),
                c.spans
                    .first()
                    .map_or(String::new(), |s| s.start.to_string()),
                c.spans.first().map_or(String::new(), |s| s.end.to_string()),
                first.map_or(String::new(), |s| s.of(r.text).to_string()),
                num(c.stated),
                num(c.computed),
                num(c.tolerance),
                c.message.to_string(),
                c.spans
                    .iter()
                    .map(|s| format!("{}-{}", s.start, s.end))
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            csv_line(cells.into_iter())
        })
        .collect()
}

/// The genre in the listing's words.
fn genre_label(genre: &str) -> &'static str {
    match genre {
        "rule_of_law_report" => "法治政府建设报告",
        "government_work_report" => "政府工作报告",
        "statistical_bulletin" => "统计公报",
        _ => "其他",
    }
}

fn text_listing(r: &Report) -> String {
    use std::fmt::Write as _;
    let (file, o) = (r.file, &r.out);
    let mut s = String::new();
    let _ = writeln!(s, "== {file}");
    if let Some(t) = o.title {
        let _ = writeln!(s, "标题: {t}");
    }
    let _ = writeln!(s, "文体: {}", genre_label(o.genre));
    if let Some(y) = o.report_year {
        let _ = writeln!(s, "报告年度: {y}");
    }
    if let Some(sig) = &o.signature {
        let _ = writeln!(
            s,
            "落款: {} {}",
            sig.issuer.unwrap_or(""),
            sig.date.unwrap_or("")
        );
    }
    if let Some(m) = &o.metadata {
        let fields: Vec<String> = m
            .fields
            .iter()
            .map(|f| format!("{}={}", f.key, f.value))
            .collect();
        let _ = writeln!(s, "元数据: {}", fields.join("; "));
    }
    if !o.headings.is_empty() {
        let _ = writeln!(s, "\n提纲:");
        fn walk(s: &mut String, o: &Output, i: usize, depth: usize) {
            let h = &o.headings[i];
            let items = o.lists.iter().filter(|l| l.heading == Some(i)).count();
            let items = if items > 0 {
                format!(" · 列举{items}项")
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "{}{}{}  (第{}行){items}",
                "  ".repeat(depth + 1),
                h.marker,
                h.title,
                h.line
            );
            for &c in h.children {
                if c > i && c < o.headings.len() {
                    walk(s, o, c, depth + 1);
                }
            }
        }
        for i in (0..o.headings.len()).filter(|&i| o.headings[i].parent.is_none()) {
            walk(&mut s, o, i, 0);
        }
    }
    // The five parts and the 1 April deadline are the 督察工作规定's: 法治政府建设 reports only.
    if o.genre != "rule_of_law_report" {
        let _ = writeln!(
            s,
            "\n五项法定内容、公开时限: 不适用（仅适用于法治政府建设年度报告）"
        );
    } else if !o.parts.is_empty() {
        let _ = writeln!(s, "\n五项法定内容:");
        for (p, xp) in o.parts.iter().zip(&r.x.parts) {
            let mark = match p.status {
                "present" => "✓ 有章节",
                "mentioned" => "~ 仅提及",
                _ => "✗ 缺失",
            };
            let evidence = match (p.heading.and_then(|h| o.headings.get(h)), xp.span) {
                (Some(h), _) => format!("  ← {}{} (第{}行)", h.marker, h.title, h.line),
                (None, Some(span)) => format!(
                    "  ← “{}” (第{}行)",
                    span.of(r.text),
                    r.lines.line(span.start)
                ),
                _ => String::new(),
            };
            let substance = if p.status == "present" {
                format!("  · 数据{}项 · 事项{}项", p.figures, p.items)
            } else {
                String::new()
            };
            let _ = writeln!(s, "  {mark}  {}{evidence}{substance}", p.name);
        }
    }
    if let Some(d) = &o.deadline {
        let verdict = if d.status == "late" {
            "逾期"
        } else {
            "按时"
        };
        let _ = writeln!(
            s,
            "  公开时限: {} ({}), 截止 {} → {verdict}",
            d.date, d.source, d.due
        );
    }
    for w in &o.warnings {
        let _ = writeln!(s, "  注意 第{}行: {}", w.line, w.message);
    }
    if !o.checks.is_empty() {
        let _ = writeln!(s, "\n检查 ({}):", o.checks.len());
        for (c, xc) in o.checks.iter().zip(&r.x.checks) {
            let mark = if c.severity == "warning" {
                "⚠"
            } else {
                "ℹ"
            };
            let line = xc.spans.first().map_or(0, |sp| r.lines.line(sp.start));
            let _ = writeln!(s, "  {mark} 第{line}行 [{}] {}", c.kind, c.message);
        }
    }
    let _ = writeln!(s, "\n指标 ({}):", o.indicators.len());
    for i in &o.indicators {
        let value = i.value.map(|v| v.to_string()).unwrap_or_else(|| "?".into());
        let range = i.value_max.map(|m| format!("–{m}")).unwrap_or_default();
        let _ = write!(s, "  {}\t= {value}{range} {}", i.text, i.unit.unwrap_or(""));
        if let Some(a) = i.approx {
            let _ = write!(s, " ({a})");
        }
        if let Some(c) = &i.change {
            let arrow = if c.direction == "up" { "↑" } else { "↓" };
            let _ = write!(s, " {arrow}{}", c.basis);
        }
        if i.target {
            let _ = write!(s, " (目标)");
        }
        if let Some(m) = i.metric {
            let _ = write!(s, "\t{m}");
        }
        s.push('\n');
    }
    if !o.citations.is_empty() {
        let _ = writeln!(s, "\n引用 ({}):", o.citations.len());
        for c in &o.citations {
            let _ = writeln!(s, "  {}", c.text);
        }
    }
    s
}

/// Reads and decodes a file, printing a decoding warning; `None` (after printing why) when it
/// cannot be read.
fn read_text(file: &str, lossy: bool) -> Option<String> {
    match read_input(file).and_then(|b| decode(b, lossy)) {
        Ok((text, warning)) => {
            if let Some(warn) = warning {
                eprintln!("zhibiao: {file}: warning: {warn}");
            }
            Some(text)
        }
        Err(e) => {
            eprintln!("zhibiao: {file}: {e}");
            None
        }
    }
}

/// `zhibiao compare OLD NEW`.
fn run_compare(args: &Args, w: &mut impl Write) -> io::Result<bool> {
    use zhibiao::compare_out::{CompareOut, Side};
    let (Some(old), Some(new)) = (
        read_text(&args.files[0], args.lossy),
        read_text(&args.files[1], args.lossy),
    ) else {
        return Ok(false);
    };
    let (xo, xn) = (zhibiao::extract(&old), zhibiao::extract(&new));
    let c = zhibiao::compare::compare(&old, &xo, &new, &xn);
    let side = |k: usize, text, x| Side {
        file: Some(args.files[k].as_str()),
        text,
        x,
    };
    let out = CompareOut::new(side(0, &old, &xo), side(1, &new, &xn), &c);
    let s = match args.format {
        Format::Csv => out.to_csv(),
        Format::Text => out.to_text(),
        _ => out.to_json() + "\n",
    };
    w.write_all(s.as_bytes())?;
    Ok(true)
}

/// `zhibiao table FILE...`: a file that cannot be read is reported and left out.
fn run_table(args: &Args, w: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let mut rows = Vec::with_capacity(args.files.len());
    for file in &args.files {
        match read_text(file, args.lossy) {
            Some(text) => rows.push(zhibiao::table::row(file, &text, &zhibiao::extract(&text))),
            None => ok = false,
        }
    }
    let table = zhibiao::table::Table::new(rows);
    let s = match args.format {
        Format::Json => table.to_json() + "\n",
        _ => table.to_csv(),
    };
    w.write_all(s.as_bytes())?;
    Ok(ok)
}

fn run(args: Args) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    match args.command {
        Command::Compare => return run_compare(&args, &mut w).and_then(|ok| w.flush().map(|_| ok)),
        Command::Table => return run_table(&args, &mut w).and_then(|ok| w.flush().map(|_| ok)),
        Command::Extract => {}
    }
    let mut ok = true;
    let several_json = args.format == Format::Json && args.files.len() > 1;
    if args.format == Format::Csv {
        w.write_all("\u{FEFF}".as_bytes())?;
        w.write_all(csv_header().as_bytes())?;
    }
    if args.format == Format::Checks {
        w.write_all("\u{FEFF}".as_bytes())?;
        w.write_all(CHECKS_HEADER.as_bytes())?;
    }
    if several_json {
        w.write_all(b"[")?;
    }
    let mut first = true;
    for file in &args.files {
        let decoded = read_input(file).and_then(|b| decode(b, args.lossy));
        let (text, warning) = match decoded {
            Ok(t) => t,
            Err(e) => {
                w.flush()?;
                eprintln!("zhibiao: {file}: {e}");
                ok = false;
                continue;
            }
        };
        if let Some(warn) = warning {
            eprintln!("zhibiao: {file}: warning: {warn}");
        }
        let x = zhibiao::extract(&text);
        let r = Report::new(file, &text, &x);
        let o = &r.out;
        match args.format {
            Format::Json if several_json => {
                if !first {
                    w.write_all(b",")?;
                }
                w.write_all(o.to_json_with_file(Some(file)).as_bytes())?;
            }
            Format::Json => {
                w.write_all(o.to_json().as_bytes())?;
                w.write_all(b"\n")?;
            }
            Format::Jsonl => {
                w.write_all(o.to_json_with_file(Some(file)).as_bytes())?;
                w.write_all(b"\n")?;
            }
            Format::Csv => w.write_all(csv_rows(&r).as_bytes())?,
            Format::Checks => w.write_all(checks_rows(&r).as_bytes())?,
            Format::Text => w.write_all(text_listing(&r).as_bytes())?,
        }
        first = false;
    }
    if several_json {
        w.write_all(b"]\n")?;
    }
    w.flush()?;
    Ok(ok)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("zhibiao: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // `zhibiao ... | head`: the reader went away; stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhibiao: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_listing_shows_tree_and_parts() {
        // 003 朝阳, shortened.
        let t = "2024年,朝阳市委、市政府坚持依法行政。\n一、2024年全市法治政府建设工作成效和举措\n(一)深入推动政府职能优化转变。一是完成新一轮机构改革;二是公布权责清单。\n二、存在的问题\n2024年,朝阳市法治政府建设工作取得了一些成效,但仍然存在薄弱环节。\n三、2025年工作安排\n(一)紧盯目标任务,统筹推进法治政府建设工作\n";
        let x = zhibiao::extract(t);
        let listing = text_listing(&Report::new("003.txt", t, &x));
        let want = [
            "报告年度: 2024",
            "  一、2024年全市法治政府建设工作成效和举措  (第2行)",
            "    (一)深入推动政府职能优化转变  (第3行) · 列举2项",
            "  二、存在的问题  (第4行)",
            "    (一)紧盯目标任务,统筹推进法治政府建设工作  (第7行)",
            "  ✓ 有章节  存在的不足和原因  ← 二、存在的问题 (第4行)  · 数据0项 · 事项0项",
            "  ✗ 缺失  其他需要报告的情况",
            "文体: 法治政府建设报告",
            "  ⚠ 第4行 [thin] “存在的不足和原因”部分没有数据，也没有具体事项",
        ];
        for line in want {
            assert!(listing.lines().any(|l| l == line), "{line}\n{listing}");
        }
    }
}
