//! Document structure (issue 3) on real report text: outline, inline lists, title/metadata/
//! signature/report year, citations, the five mandated parts, and sections for indicators.
//!
//! Texts come from the annotated corpus (`tests/fixtures/corpus`) and from lines of the public
//! reports in `shared/corpus/public` (file names given beside each excerpt).

use std::fs;
use std::path::Path;

use serde_json::Value;
use zhibiao::{extract, CitationClass, DeadlineStatus, Level, PartStatus};

fn titles(t: &str) -> Vec<(u8, String, String, usize)> {
    extract(t)
        .headings
        .into_iter()
        .map(|h| (h.level as u8, h.marker, h.title, h.line))
        .collect()
}

// ---- 1. Outline headings ----

// The headings, titles, report years and citations of the annotated corpus are compared with
// its answer files in tests/corpus.rs.

#[test]
fn tree_parents_and_children() {
    // 002 乐平: 一、 / (一) / 1.
    let t = "一、主要举措和成效亮点\n(一)全面筑牢法治基础\n1.坚持法治引领。我始终将法治政府建设作为重要任务。\n2.树立法治导向。坚持领导干部带头学法。\n(二)全面推进工作落实\n1.严格规范行政执法。一是严格按照省市要求。\n二、存在不足\n";
    let h = extract(t).headings;
    let tree: Vec<_> = h.iter().map(|h| (h.parent, h.children.clone())).collect();
    assert_eq!(
        tree,
        vec![
            (None, vec![1, 4]),
            (Some(0), vec![2, 3]),
            (Some(1), vec![]),
            (Some(1), vec![]),
            (Some(0), vec![5]),
            (Some(4), vec![]),
            (None, vec![]),
        ]
    );
    assert_eq!(h[2].title_span.of(t), "坚持法治引领");
    assert_eq!(h[2].marker_span.of(t), "1.");
}

#[test]
fn full_width_markers_numbers_in_the_dozens_and_inner_spaces() {
    // p17 广东: （十一） after （十）; p03: full-width brackets and punctuation.
    let mut t = String::from("一、2026年工作安排\n");
    for n in [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ] {
        t.push_str(&format!(
            "（{n}）繁荣发展社会主义文化，高水平建设文化强省。\n"
        ));
    }
    t.push_str("十一、概 况\n");
    let h = extract(&t).headings;
    assert_eq!(h.len(), 13);
    assert_eq!((h[12].number, h[12].level), (12, Level::Two));
    assert_eq!(h[12].title, "繁荣发展社会主义文化，高水平建设文化强省");
    // `一、` then `十一、` jumps: not a heading.
    assert!(h.iter().all(|h| h.title != "概 况"));
    let t = "一、概 况\n１．坚持法治引领。\n（1）强化组织领导\n";
    assert_eq!(
        titles(t),
        [
            (1, "一、".into(), "概 况".into(), 1),
            (3, "１．".into(), "坚持法治引领".into(), 2),
            (4, "（1）".into(), "强化组织领导".into(), 3)
        ]
    );
}

#[test]
fn page_break_form_feeds_and_control_junk_do_not_end_titles() {
    // Text converted from a PDF keeps a form feed where a page ended, often right after a
    // heading (p03-style outline); a pasted fragment may carry a stray control character.
    let t = "一、主要举措和成效\u{c}\n公布市级行政许可事项238项。\n\u{c}（一）加强党的领导 \u{b}\n             二、存在的不足和原因\u{1}\n";
    assert_eq!(
        titles(t),
        [
            (1, "一、".into(), "主要举措和成效".into(), 1),
            (2, "（一）".into(), "加强党的领导".into(), 3),
            (1, "二、".into(), "存在的不足和原因".into(), 4)
        ]
    );
    let x = extract(t);
    let h = &x.headings[0];
    assert_eq!(&t[h.title_span.start..h.title_span.end], "主要举措和成效");
}

#[test]
fn crlf_lone_cr_and_blank_lines_keep_line_numbers() {
    // p08 海拉尔区 2012: CRLF, blank lines between paragraphs, U+3000 indentation.
    let t = "政 府 工 作 报 告\r\n\r\n \r\n\r\n----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上\r\n\r\n\u{3000}\u{3000}各位代表：\r\n\r\n\u{3000}\u{3000}一、过去一年工作回顾\r\n\r\n\u{3000}\u{3000}2011年是“十二五”的开局之年。\r\n\r\n\u{3000}\u{3000}（一）经济增长进一步加快，综合实力显著提高。2011年，地区生产总值完成100亿元。\r\n";
    let want = vec![
        (1, "一、".to_string(), "过去一年工作回顾".to_string(), 9),
        (
            2,
            "（一）".to_string(),
            "经济增长进一步加快，综合实力显著提高".to_string(),
            13,
        ),
    ];
    assert_eq!(titles(t), want);
    let x = extract(t);
    assert_eq!(x.title.map(|t| t.text), Some("政府工作报告".to_string()));
    assert_eq!(x.report_year, Some(2012));
    let lone_cr = t.replace("\r\n", "\r");
    assert_eq!(titles(&lone_cr), want);
    let lf = t.replace("\r\n", "\n");
    assert_eq!(titles(&lf), want);
}

#[test]
fn lines_that_only_look_like_headings() {
    let t = concat!(
        "一、2019年和今年以来工作回顾\n",
        // a `1.` inside a sentence
        "主要措施有：1.加强组织领导；2.完善制度。\n",
        // a decimal number and a date enumeration at a line start
        "2.5\n",
        "1、2月份，全市规模以上工业增加值增长8%。\n",
        "2024.3.1召开常务会议。\n",
        // a table row
        "1 | 行政许可事项 | 238项\n",
        "2\t行政处罚事项\t46项\n",
        // a quoted list that jumps ahead
        "五、其他需要报告的情况\n",
        "二、今年发展主要目标和下一阶段工作总体部署\n",
    );
    let got: Vec<_> = titles(t).into_iter().map(|h| h.2).collect();
    assert_eq!(
        got,
        [
            "2019年和今年以来工作回顾",
            "今年发展主要目标和下一阶段工作总体部署"
        ]
    );
}

#[test]
fn glossary_notes_are_not_headings() {
    // p17 广东 (附件 with its own 一、…, then 名词解释 with bare `1.term：` lines),
    // p15 四川, p22 江西 (名词注释 after 附件), p03 (full-width `１、` after 注释：).
    let p17 = "一、2026年工作安排\n（一）久久为功推动粤港澳大湾区建设，打造新质生产力发展高地。\n各位代表！奋进正当其时，实干成就未来。\n附件1\n2026年省十件民生实事\n坚持民生为大，扎扎实实办好十件民生实事。\n一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。\n农村低保标准占城镇低保标准的最低比例从77%提高到80%以上。\n二、加快建立长期护理保险制度和提升养老服务供给能力。\n附件2\n名词解释\n1.“四上”企业：\n现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。\n2.“双高计划”：\n是“中国特色高水平高职学校和专业建设计划”的简称。\n";
    let x = extract(p17);
    let got: Vec<_> = x.headings.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        got,
        [
            "2026年工作安排",
            "久久为功推动粤港澳大湾区建设，打造新质生产力发展高地",
            "提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平",
            "加快建立长期护理保险制度和提升养老服务供给能力"
        ]
    );
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
    let p15 = "（一）突出政府履职效能，切实加强自身建设。坚持党的全面领导。\n各位代表！骐骥迎春至，万象启新程。\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。\n";
    assert_eq!(extract(p15).headings.len(), 1);
    let p22 = "一、2026年工作安排\n附件\n《政府工作报告》有关内容名词注释\n1.“2030启航计划”：面向2030年及长远发展，发挥有组织基础研究先导与源头作用。\n2.“四级三类”国土空间规划：“四级”为省、市、县、乡。\n";
    assert_eq!(extract(p22).headings.len(), 1);
    let p03 = "一、２００９年工作回顾\n注释：\n１、应对国际金融危机的一揽子计划：是指我国在应对国际金融危机中出台的一系列政策措施。\n２、“三网”融合：是指电信网、广播电视网和互联网融合发展。\n";
    assert_eq!(extract(p03).headings.len(), 1);
}

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
fn broken_numbering_gives_warnings() {
    // p14 云南: （三） split over two lines is read; a real gap and a repeat are reported.
    let t = "一、“十四五”时期和2025年工作回顾\n（一）经济运行顶住压力、稳中有进。\n（二）产业发展提质增效、转型加快。\n（\n三）改革开放持续深化、互促共进。\n（四）城乡发展齐头并进、更趋协调。\n（六）民生保障稳步增进、可感可及。\n（六）风险防控有力有效、底线稳固。\n二、2026年重点工作\n1.巩固壮大实体经济根基。\n";
    let x = extract(t);
    assert_eq!(x.headings.len(), 9);
    assert_eq!(x.headings[3].title, "改革开放持续深化、互促共进");
    let msgs: Vec<_> = x
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        msgs,
        [
            (7, "编号跳跃：(六)之前缺少(五)"),
            (8, "编号重复：(六)"),
            (10, "层级跳跃：二、之后直接出现1.")
        ]
    );
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
fn work_summary_excerpt_with_colon_run_ins() {
    // The shape of a 工作总结 / 经济运行分析 page: breadcrumb and column label above the title,
    // colon run-in items, level 3 numbered on across parents, a marker alone on its line.
    let t = "首页/ 政务公开/ 工作总结/ 正文\n工作总结\n某区工信局2024年上半年工作总结\n一、主要指标完成情况\n(一)工业经济\n1.规上工业增加值方面:1-5月全区规上工业增加值同比增长6.2%。增速居全市第3位。\n2.工业投资方面：1-5月完成工业投资29.3亿元,增速45.7%。\n(二)外贸消费\n3.外贸进出口总额方面:1-5月外贸进出口总额13亿元。\n4.\n社会消费品零售总额累计完成43.11亿元。\n";
    let x = extract(t);
    assert_eq!(
        x.title.as_ref().map(|t| t.text.as_str()),
        Some("某区工信局2024年上半年工作总结")
    );
    assert_eq!(x.report_year, Some(2024));
    let got = titles(t);
    assert_eq!(
        got[2..],
        [
            (
                3,
                "1.".to_string(),
                "规上工业增加值方面:1-5月全区规上工业增加值同比增长6.2%".to_string(),
                6
            ),
            (
                3,
                "2.".to_string(),
                "工业投资方面：1-5月完成工业投资29.3亿元,增速45.7%".to_string(),
                7
            ),
            (2, "(二)".to_string(), "外贸消费".to_string(), 8),
            (
                3,
                "3.".to_string(),
                "外贸进出口总额方面:1-5月外贸进出口总额13亿元".to_string(),
                9
            ),
            (3, "4.".to_string(), String::new(), 10),
        ]
    );
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
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

// ---- 2. Inline lists ----

#[test]
fn inline_lists_attach_to_their_heading() {
    // 001 荔波 lines 8–10 and 003 朝阳 line 3.
    let t = "(一)以法治思维推动发展,保障政府职能全面正确履行\n一是持续深化“放管服”改革。深入推进“一网通办”。\n二是深入推进规范公正文明执法。大力推进“双随机、一公开”监管。\n(二)深入推动政府职能优化转变。一是完成新一轮机构改革;二是公布权责清单;三是压实第一责任人职责。\n";
    let x = extract(t);
    let items: Vec<_> = x
        .lists
        .iter()
        .map(|i| (i.marker.as_str(), i.number, i.heading, i.line))
        .collect();
    assert_eq!(
        items,
        [
            ("一是", 1, Some(0), 2),
            ("二是", 2, Some(0), 3),
            ("一是", 1, Some(1), 4),
            ("二是", 2, Some(1), 4),
            ("三是", 3, Some(1), 4),
        ]
    );
    assert_eq!(x.lists[3].span.of(t), "二是公布权责清单;");
    assert_eq!(x.lists[4].span.of(t), "三是压实第一责任人职责。");
    // 一是 at a line start is not a heading.
    assert_eq!(x.headings.len(), 2);
}

#[test]
fn di_and_qi_lists() {
    let t = "工作中还存在一些问题：第一，部分单位重视不够；第二，执法队伍素质有待提高。其一，制度；其二，队伍。\n落实第一责任人职责，第一次开展述法。";
    let x = extract(t);
    let m: Vec<_> = x.lists.iter().map(|i| i.marker.as_str()).collect();
    assert_eq!(m, ["第一", "第二", "其一", "其二"]);
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

#[test]
fn titles_of_public_reports() {
    let cases: [(&str, Option<&str>, Option<i32>); 7] = [
        // p07: title, subtitle and speaker on one line
        (
            "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\u{2002}国务院总理 李强\n各位代表：\n一、2023年工作回顾\n",
            Some("政府工作报告"),
            Some(2024),
        ),
        // p06: no title, starts with 各位代表
        (
            "各位代表：\r\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\r\n一、2021年工作回顾\r\n",
            None,
            Some(2022),
        ),
        // p10: no title, a subtitle with a single dash
        (
            "\u{3000}—2017年2月11日在海拉尔区第十四届人民代表大会第一次会议上\r\n\r\n\u{3000}\u{3000}\u{3000}\u{3000}海拉尔区人民政府代区长 杨国宏 \r\n\r\n各位代表:\r\n",
            None,
            Some(2017),
        ),
        // p21: Chinese-numeral date in the subtitle, web metadata lines
        (
            "2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会四次会议上\n来源：甘肃日报\n时间：2026-02-10\n甘肃省省长 任振鹤\n各位代表：\n",
            Some("2026年甘肃省政府工作报告"),
            Some(2026),
        ),
        // p19: subtitle in full-width brackets
        (
            "政府工作报告\n（2026年1月27日在贵州省第十四届人民代表大会第五次会议上）\n省长 李炳军\n各位代表：\n",
            Some("政府工作报告"),
            Some(2026),
        ),
        // p25: a bulletin, title year
        (
            "中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n\n2025年2月28日\n\n\u{3000}\u{3000}2024年是中华人民共和国成立75周年。\n",
            Some("中华人民共和国2024年国民经济和社会发展统计公报"),
            Some(2024),
        ),
        // p05: a news lead, no title; the review heading gives the year
        (
            "5月22日上午9时，十三届全国人大三次会议在人民大会堂开幕。国务院总理李克强作政府工作报告。\n各位代表：\n一、2019年和今年以来工作回顾\n",
            None,
            Some(2020),
        ),
    ];
    for (t, title, year) in cases {
        let x = extract(t);
        assert_eq!(x.title.as_ref().map(|t| t.text.as_str()), title, "{t}");
        assert_eq!(x.report_year, year, "{t}");
    }
    // p16: labels alone on their line take the next line as value.
    let t = "2026年宁夏回族自治区政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n阅读量：\n【字体：\n各位代表：\n";
    let m = extract(t).metadata.expect("metadata");
    let f: Vec<_> = m
        .fields
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        f,
        [
            ("发表时间", "2026-02-09 09:45:30"),
            ("来源", "宁夏日报客户端"),
            ("阅读量", "")
        ]
    );
}

#[test]
fn chinese_numeral_signature_and_covered_year() {
    let t = "我们将坚持依法行政,持续提升法治政府建设水平。\n\n某县人民政府\n二〇二四年三月一日\n";
    let x = extract(t);
    let s = x.signature.expect("signature");
    assert_eq!(s.issuer.as_deref(), Some("某县人民政府"));
    assert_eq!(s.date.as_deref(), Some("2024-03-01"));
    assert_eq!(s.date_span.map(|sp| sp.of(t)), Some("二〇二四年三月一日"));
    assert_eq!(x.report_year, Some(2023));
}

// ---- 4. Citations ----

#[test]
fn citations_nested_back_to_back_unclosed() {
    // 002 乐平 line 12 and 004.
    let t = "根据《江西省委依法治省委员会印发<关于加强法治乡村建设的实施意见>的通知》,学习《农产品质量安全法》《统计法》。编印《以案释法读本,发放3000册。\n依据《中华人民共和国政府信息公开条例》。";
    let x = extract(t);
    let c: Vec<_> = x
        .citations
        .iter()
        .map(|c| (c.span.of(t), c.class))
        .collect();
    assert_eq!(
        c,
        [
            (
                "《江西省委依法治省委员会印发<关于加强法治乡村建设的实施意见>的通知》",
                CitationClass::Notice
            ),
            ("《农产品质量安全法》", CitationClass::Law),
            ("《统计法》", CitationClass::Law),
            (
                "《中华人民共和国政府信息公开条例》",
                CitationClass::Regulation
            ),
        ]
    );
    let many = "《".repeat(500_000) + "《统计法》";
    assert_eq!(extract(&many).citations.len(), 1);
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

#[test]
fn late_publication() {
    let t = "某区人民政府2023年法治政府建设年度报告\n索 引 号: | 0001/2024-1 | 信息分类: | 其他\n发布机构: | 生成日期: | 2024-04-15 | |\n一、2023年推进法治政府建设的主要举措和成效\n";
    let d = extract(t).deadline.expect("deadline");
    assert_eq!(
        (d.date.as_str(), d.source, d.status),
        ("2024-04-15", "metadata", DeadlineStatus::Late)
    );
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
    }];
    zhibiao::outline::assign_sections(&mut x);
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
