//! Checks (issue 13): each kind of finding on real report sentences — as published (consistent,
//! or inconsistent as the dev corpus has one), with one figure changed (inconsistent), and the
//! cases that must stay silent — then genre on every text we have, and a generator: sentences of
//! every arithmetic kind written with random numbers, half consistent and half not.
//!
//! Sources: `../shared/corpus/` (001 is 荔波县 2023, 002 乐平市 2020), `public/` p25 (统计公报
//! 2024), `tests/fixtures/excerpts/` (h06 青岛 court white paper, h19 铁西区 12345 analysis,
//! h21 长治 统计公报 2004).

use std::path::Path;

use zhibiao::{extract, CheckKind, Extraction, Finding, Genre, Severity};

fn arithmetic(x: &Extraction) -> Vec<&Finding> {
    x.checks.iter().filter(|f| f.kind.is_arithmetic()).collect()
}

/// The arithmetic findings of `text` as (kind, stated span text, message).
fn flagged(text: &str) -> Vec<(CheckKind, String, String)> {
    arithmetic(&extract(text))
        .into_iter()
        .map(|f| (f.kind, f.spans[0].of(text).to_string(), f.message.clone()))
        .collect()
}

fn silent(text: &str) {
    let found = flagged(text);
    assert!(found.is_empty(), "{text}\n{found:?}");
}

/// Exactly one arithmetic finding, of `kind`, on the figure `stated`; returns it.
fn one(text: &str, kind: CheckKind, stated: &str) -> Finding {
    let x = extract(text);
    let found = arithmetic(&x);
    assert_eq!(found.len(), 1, "{text}\n{:?}", x.checks);
    let f = found[0].clone();
    assert_eq!(f.kind, kind, "{text}");
    assert_eq!(f.spans[0].of(text), stated, "{text}");
    assert_eq!(f.severity, Severity::Warning);
    f
}

// rate

#[test]
fn rate_of_the_dev_corpus_is_flagged() {
    let text = "2023年,排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.87%。";
    let f = one(text, CheckKind::Rate, "97.87%");
    assert_eq!(f.message, "调解成功率应为97.89%（1205÷1231），报告写97.87%");
    assert_eq!(f.stated, Some(97.87));
    assert_eq!(f.computed, Some(97.89));
    let spans: Vec<&str> = f.spans.iter().map(|s| s.of(text)).collect();
    assert_eq!(spans, ["97.87%", "1205件", "1231件"]);
    // Also in the whole report.
    let path = Path::new("../shared/corpus/001_2f779e0289e0123a.txt");
    if let Ok(report) = std::fs::read_to_string(path) {
        let x = extract(&report);
        assert!(x
            .checks
            .iter()
            .any(|f| f.kind == CheckKind::Rate && f.spans[0].of(&report) == "97.87%"));
    }
}

#[test]
fn rate_consistent_is_silent() {
    // 001: 2 ÷ 23 (the cases decided), not 2 ÷ 25.
    silent("发生一审行政诉讼案件25件,结案23件,败诉2件,败诉率8.7%。");
    // Rounded (97.89) and truncated (97.88) both pass.
    silent("排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.89%。");
    silent("排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.88%。");
}

#[test]
fn rate_inconsistent_is_flagged() {
    // 001 with the rate changed.
    let f = one(
        "发生一审行政诉讼案件25件,结案23件,败诉2件,败诉率9.7%。",
        CheckKind::Rate,
        "9.7%",
    );
    assert_eq!(f.computed, Some(8.7));
}

#[test]
fn rate_narrowed_or_unrelated_is_silent() {
    // 001: 按期办结 is a subset of 已办结; 签收 is not counted at all.
    silent("本年度应办结民生类诉求7766件,已办结7766件,签收率100%,按期办结率99.54%。");
    // 000: 调解率 is not 调解成功 ÷ 调解纠纷.
    silent("开展矛盾纠纷排查286次,调解纠纷2321件,调解成功2215件,履行2206件,调解率100%。");
    // 000: the rate's count (合格) is not stated.
    silent("组织全市自查自评行政执法案卷13169件,集中抽查评查150件,合格率达98.7%。");
    // A negation: 不合格 ÷ 抽检 is not the 合格率.
    silent("抽检食品500批次,不合格12批次,合格率97.6%。");
}

// share

#[test]
fn share_against_the_total_before_qizhong() {
    // h19 as published: 362 ÷ 1247 = 29.03, 295 ÷ 1247 = 23.66 (written truncated, 23.6).
    silent("10月共受理转办工单1247件,其中城市管理类362件,占比29.0%;物业管理类295件,占比23.6%。");
    let f = one(
        "10月共受理转办工单1247件,其中城市管理类362件,占比31.0%;物业管理类295件,占比23.6%。",
        CheckKind::Share,
        "31.0%",
    );
    assert_eq!(f.message, "占比应为29.0%（362÷1247），报告写31.0%");
    // A share of something named (占全市的…) has its base elsewhere.
    silent("受理转办工单1247件,其中城市管理类362件,占全市工单的31.0%。");
}

// sum

#[test]
fn sum_of_the_three_industries() {
    // h11 (宁远县 2023 统计公报), the total in the sentence before.
    let published = "经初步核算,2023年,全县实现地区生产总值2616611万元,同比增长-0.5%。其中,第一产业增加值399560万元,同比增长3.9%;第二产业增加值818732万元,同比增长-6.6%;第三产业增加值1398319万元,同比增长1.9%。";
    silent(published);
    let changed = published.replace("818732万元", "808732万元");
    let f = one(&changed, CheckKind::Sum, "2616611万元");
    assert_eq!(
        f.message,
        "各分项合计2606611万元（399560万+808732万+1398319万），报告写2616611万元"
    );
    assert_eq!(f.spans.len(), 4);
}

#[test]
fn sum_with_a_rest_or_a_partition() {
    // 5 + 5 + 5 + 3 = 18, and the same with the total changed.
    silent("全年办结行政复议案件18件,其中撤销5件,维持5件,驳回5件,其他3件。");
    let f = one(
        "全年办结行政复议案件21件,其中撤销5件,维持5件,驳回5件,其他3件。",
        CheckKind::Sum,
        "21件",
    );
    assert_eq!(f.computed, Some(18.0));
    one(
        "培训干部1200人,其中男性700人,女性400人。",
        CheckKind::Sum,
        "1200人",
    );
    silent("培训干部1100人,其中男性700人,女性400人。");
}

#[test]
fn sum_that_may_leave_parts_out_is_silent() {
    // p25: 2G/3G stations are not listed; without 等, but not exhaustive.
    silent("全国移动电话基站总数达1265万个，其中4G基站711万个，5G基站425万个。");
    // p25: overlapping parts (赴港澳台 is also 因私).
    silent("内地居民出境14589万人次，其中因私出境14015万人次，赴港澳台出境9712万人次。");
    // 其中…等: examples.
    silent("培训干部1200人,其中男性700人,女性400人等。");
    // An approximate part.
    silent("培训干部1200人,其中男性700余人,女性400人。");
    // 002: the list goes on to another verb; its first two parts make the total.
    silent("办理法律援助案件719件,其中刑事援助案件467件,民事援助案件252件,接待12348热线咨询3874件、来访咨询1800余件。");
}

// change, points, difference

#[test]
fn change_against_a_stated_old_value() {
    // h06 as published: 7976/6593 − 1 = 20.98%, 7982/6803 − 1 = 17.33%.
    let published = "2020年,全市法院共受理各类案件7976件(2019年6593件),审结7982件(2019年6803件),同比分别增长20.98%和17.33%,再创历史新高。";
    silent(published);
    let f = one(
        &published.replace("17.33%", "19.33%"),
        CheckKind::Change,
        "19.33%",
    );
    assert_eq!(f.message, "增幅应为17.33%（由6803到7982），报告写19.33%");
    // h06: one pair.
    silent("行政机关负责人出庭应诉案件599件(2019年320件),同比增长87.19%。");
    one(
        "行政机关负责人出庭应诉案件599件(2019年320件),同比增长78.19%。",
        CheckKind::Change,
        "78.19%",
    );
    // 由…到…, 较上年的…
    silent("城镇新增就业由1200万人增加到1300万人,增长8.3%。");
    one(
        "城镇新增就业由1200万人增加到1300万人,增长9.3%。",
        CheckKind::Change,
        "9.3%",
    );
    let f = one(
        "全年受理行政复议案件150件,较上年的120件下降20%。",
        CheckKind::Change,
        "20%",
    );
    assert_eq!((f.stated, f.computed), (Some(-20.0), Some(25.0)));
}

#[test]
fn points_and_difference() {
    // p04: 由45.9%提高到52.6% — with the points written as they must be, and wrong.
    silent("城镇化率由45.9%提高到52.6%,提高6.7个百分点。");
    let f = one(
        "城镇化率由45.9%提高到52.6%,提高7.7个百分点。",
        CheckKind::Points,
        "7.7个百分点",
    );
    assert_eq!(
        f.message,
        "应提高6.7个百分点（45.9%→52.6%），报告写7.7个百分点"
    );
    silent("农村贫困人口由9899万人减少到1660万人,减少8239万人。");
    one(
        "农村贫困人口由9899万人减少到1660万人,减少8339万人。",
        CheckKind::Difference,
        "8339万人",
    );
}

#[test]
fn annual_average_over_the_years_dated() {
    // p09 as published: (15.07 ÷ 5.24)^(1/5) − 1 = 23.53%, (136.3 ÷ 68)^(1/5) − 1 = 14.93%.
    let published = "地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1%;公共财政预算收入由2010年的5.24亿元增加到2015年的15.07亿元,年均增长23.53%。";
    silent(published);
    silent("社会消费品零售总额由2010年的68亿元增加到2015年的136.3亿元,年均增长14.9%。");
    let f = one(
        &published.replace("23.53%", "25.53%"),
        CheckKind::Annual,
        "25.53%",
    );
    assert_eq!(
        f.message,
        "年均增幅应为23.53%（由5.24亿到15.07亿，5年），报告写25.53%"
    );
    // Undated: the years are unknown.
    silent("公共财政预算收入由5.24亿元增加到15.07亿元,年均增长25.53%。");
}

#[test]
fn real_average_and_comparable_growth_are_silent() {
    // p09: 年均 over five years is not new ÷ old − 1.
    silent("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1%。");
    // p03: real growth.
    silent("城镇居民人均可支配收入由5160元增加到7703元,平均每年实际增长8.6%。");
    // 生产总值 grows in real terms by convention (33.6% real, 46.9% nominal).
    silent("全省地区生产总值达到13697.5亿元,较“十三五”末的9323.1亿元增加4374.4亿元,增长33.6%。");
}

// growth

#[test]
fn growth_against_value_and_increase() {
    // h21 as published: 194 ÷ (1284 + 194) = 13.1%, 597 ÷ (2853 − 597) = 26.5%.
    silent("工资性收入1284元,减少194元,下降13.1%;家庭经营收入2853元,增加597元,增长26.5%。");
    // h21 as published, the third: 17 ÷ (300 − 17) = 6.0%, written 9.3%.
    let f = one(
        "财产转移性收入300元,增加17元,增长9.3%。",
        CheckKind::Growth,
        "9.3%",
    );
    assert_eq!(f.message, "增幅应为6.0%（17÷（300−17）），报告写9.3%");
    one(
        "家庭经营收入2853元,比上年增加597元,增长28.5%。",
        CheckKind::Growth,
        "28.5%",
    );
}

#[test]
fn approximate_figures_are_never_checked() {
    silent("排查调处各类矛盾纠纷约1231件,调处成功1205件,调解成功率97.87%。");
    silent("排查调处各类矛盾纠纷1231余件,调处成功1205件,调解成功率97.87%。");
    silent("城镇新增就业由1200万人增加到近1300万人,增长9.3%。");
    silent("培训干部1200余人,其中男性700人,女性400人。");
}

#[test]
fn a_base_stated_elsewhere_is_silent() {
    // The rate's counts are in another sentence.
    silent("排查调处各类矛盾纠纷1231件。调处成功1205件,调解成功率97.87%。");
    // The old value of a change is not stated: nothing to compute.
    silent("全年受理行政复议案件150件,同比增长20%。");
}

// basis, thin, year, targets

#[test]
fn a_change_without_basis_is_info() {
    let x = extract("全年地区生产总值增长8.5%。");
    let basis: Vec<_> = x
        .checks
        .iter()
        .filter(|f| f.kind == CheckKind::Basis)
        .collect();
    assert_eq!(basis.len(), 1);
    assert_eq!(basis[0].severity, Severity::Info);
    for named in [
        "全年地区生产总值比上年增长8.5%。",
        "全年地区生产总值同比增长8.5%。",
        "全年地区生产总值较2023年增长8.5%。",
        "比上年:\n全年地区生产总值增长8.5%。",
    ] {
        let x = extract(named);
        let n = x
            .checks
            .iter()
            .filter(|f| f.kind == CheckKind::Basis)
            .count();
        let expected = usize::from(named.starts_with("比上年:"));
        assert_eq!(n, expected, "{named}");
    }
    // A paragraph that named its basis before.
    let x = extract("粮食产量比上年增长2%。棉花产量增长3%。");
    assert!(x.checks.iter().all(|f| f.kind != CheckKind::Basis));
}

/// The basis findings of `text`, as the figures they are on.
fn basis_on(text: &str) -> Vec<String> {
    extract(text)
        .checks
        .iter()
        .filter(|f| f.kind == CheckKind::Basis)
        .map(|f| f.spans[0].of(text).to_string())
        .collect()
}

#[test]
fn basis_is_asked_of_relative_changes_outside_work_reports_and_bulletins() {
    // 000 (a 法治政府建设 report): reductions in % with no basis, info.
    let rol = "某县2023年法治政府建设情况报告\n一、主要举措和成效\n大力推行“五减”行动,审批事项减少30%,审批环节精简20%。\n";
    assert_eq!(extract(rol).genre, Genre::RuleOfLawReport);
    assert_eq!(basis_on(rol), ["30%", "20%"]);
    // An amount added to a standard (p07) and a count after 提升 (p19, p17): no change in %.
    for amount in [
        "居民医保人均财政补助标准提高30元。",
        "改造提升25个标准化养老机构,为2万名特殊困难老年人提供居家社区机构服务。",
        "完成林分优化提升200万亩、森林抚育提升200万亩。",
    ] {
        assert_eq!(basis_on(amount), Vec::<String>::new(), "{amount}");
    }
    // A 政府工作报告 (p07) and a 统计公报 (h22): changes on the year before by convention.
    let gwr = "2024年政府工作报告\n各位代表：\n过去一年，国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。技术合同成交额增长28.6%。\n";
    assert_eq!(extract(gwr).genre, Genre::GovernmentWorkReport);
    assert_eq!(basis_on(gwr), Vec::<String>::new());
    let bulletin = "2023年国民经济和社会发展统计公报\n一、综合\n全年城市居民人均消费性支出18045.23元,增长13.0%;农民人均生活消费支出5905元,增长9.2%。\n";
    assert_eq!(extract(bulletin).genre, Genre::StatisticalBulletin);
    assert_eq!(basis_on(bulletin), Vec::<String>::new());
}

#[test]
fn deadline_only_for_rule_of_law_reports() {
    let rol = "某县2023年法治政府建设情况报告\n一、主要举措和成效\n办理行政复议案件12件。\n某县人民政府\n2024年4月20日\n";
    let x = extract(rol);
    assert_eq!(x.genre, Genre::RuleOfLawReport);
    let d = x.deadline.expect("a 法治政府建设 report with a date");
    assert_eq!(
        (d.date.as_str(), d.due.as_str()),
        ("2024-04-20", "2024-04-01")
    );
    // The same dates on a 政务公开 annual report and a 统计公报: the rule is not theirs.
    for title in [
        "某县2023年政府信息公开工作年度报告",
        "某县2023年国民经济和社会发展统计公报",
    ] {
        let t = rol.replace("某县2023年法治政府建设情况报告", title);
        let x = extract(&t);
        assert_ne!(x.genre, Genre::RuleOfLawReport, "{title}");
        assert_eq!(x.deadline, None, "{title}");
        // The table still gives its publication date, and no five parts.
        let row = zhibiao::table::row("a.txt", &t, &x);
        assert_eq!(row.published.as_deref(), Some("2024-04-20"), "{title}");
        assert_eq!(row.deadline, None);
        assert!(row.parts.iter().all(|p| p.status == "na"), "{title}");
    }
}

#[test]
fn arithmetic_findings_carry_their_tolerance() {
    // 001: a rate written with two decimals passes within 0.01.
    let f = one(
        "2023年,排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.87%。",
        CheckKind::Rate,
        "97.87%",
    );
    assert_eq!(f.tolerance, Some(0.01));
    // A total of exact counts must be met exactly.
    let f = one(
        "全年办理行政复议案件18件,其中撤销5件,维持6件,确认违法2件,其他1件。",
        CheckKind::Sum,
        "18件",
    );
    assert_eq!(f.tolerance, Some(0.0));
    assert!(extract("全年地区生产总值增长8.5%。")
        .checks
        .iter()
        .all(|f| f.tolerance.is_none()));
}

#[test]
fn thin_part_only_in_rule_of_law_reports() {
    let report = "某县2023年法治政府建设情况报告\n一、主要举措和成效\n(一)推进依法行政。办理行政复议案件12件。\n二、存在的不足和原因\n虽然取得了一定成效,但法治意识仍有待提高。\n三、2024年工作安排\n一是深化改革;二是加强监督。\n";
    let x = extract(report);
    assert_eq!(x.genre, Genre::RuleOfLawReport);
    let thin: Vec<_> = x
        .checks
        .iter()
        .filter(|f| f.kind == CheckKind::Thin)
        .collect();
    assert_eq!(thin.len(), 1, "{:?}", x.checks);
    assert!(thin[0].message.contains("存在的不足和原因"));
    let parts: Vec<(&str, usize, usize)> =
        x.parts.iter().map(|p| (p.id, p.figures, p.items)).collect();
    assert_eq!(parts[0], ("measures", 1, 1));
    assert_eq!(parts[1], ("shortcomings", 0, 0));
    assert_eq!(parts[3], ("plans", 0, 2));
    // The same outline in a work summary: no five-parts check.
    let summary = report.replace("法治政府建设情况报告", "工作总结");
    let x = extract(&summary);
    assert_eq!(x.genre, Genre::Other);
    assert!(x.checks.iter().all(|f| f.kind != CheckKind::Thin));
}

#[test]
fn year_of_title_against_date_and_body() {
    let dated = "某县2024年度法治政府建设情况报告\n2024年,某县坚持推进法治政府建设。\n某县人民政府\n2023年12月20日\n";
    let x = extract(dated);
    let years: Vec<_> = x
        .checks
        .iter()
        .filter(|f| f.kind == CheckKind::Year)
        .collect();
    assert_eq!(years.len(), 1, "{:?}", x.checks);
    assert!(years[0].message.contains("2023-12-20"));
    let opening = "某县2024年度法治政府建设情况报告\n2023年,某县坚持推进法治政府建设。\n某县人民政府\n2025年3月20日\n";
    let x = extract(opening);
    let years: Vec<_> = x
        .checks
        .iter()
        .filter(|f| f.kind == CheckKind::Year)
        .collect();
    assert_eq!(years.len(), 1, "{:?}", x.checks);
    assert_eq!(years[0].message, "标题为2024年度，正文开头却是2023年");
    let right = "某县2024年度法治政府建设情况报告\n2024年,某县坚持推进法治政府建设。\n某县人民政府\n2025年3月20日\n";
    assert!(extract(right)
        .checks
        .iter()
        .all(|f| f.kind != CheckKind::Year));
    // A 政府工作报告 reviews the year before its title's: no check.
    let gwr = "2026年政府工作报告\n各位代表：\n2025年,是极不平凡的一年。\n";
    assert!(extract(gwr)
        .checks
        .iter()
        .all(|f| f.kind != CheckKind::Year));
}

#[test]
fn targets_of_a_government_work_report() {
    // p07.
    let text = "政府工作报告\n各位代表：\n过去一年，国内生产总值增长5.2%。\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右。\n经济增长预期目标为5%左右。\n";
    let x = extract(text);
    assert_eq!(x.genre, Genre::GovernmentWorkReport);
    let marked: Vec<(&str, bool)> = x
        .indicators
        .iter()
        .map(|i| (i.span.of(text), i.target))
        .collect();
    assert_eq!(
        marked,
        [
            ("5.2%", false),
            ("5%", true),
            ("1200万人", true),
            ("5.5%", true),
            ("5%", true)
        ]
    );
    // Not in another genre.
    let other = text.replace("政府工作报告\n各位代表：\n", "");
    assert!(extract(&other).indicators.iter().all(|i| !i.target));
}

// genre on every text we have

fn genre_of(path: &str) -> Option<Genre> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(extract(text.trim_start_matches('\u{feff}')).genre)
}

#[test]
fn genre_on_every_text() {
    use Genre::*;
    let mut seen = 0;
    // The dev corpus: five 法治政府建设 reports (three of them without a title).
    for entry in std::fs::read_dir("../shared/corpus")
        .into_iter()
        .flatten()
        .flatten()
    {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "txt") {
            assert_eq!(
                genre_of(p.to_str().unwrap()),
                Some(RuleOfLawReport),
                "{p:?}"
            );
            seen += 1;
        }
    }
    // public/: 政府工作报告 except one 统计公报.
    for entry in std::fs::read_dir("../shared/corpus/public")
        .into_iter()
        .flatten()
        .flatten()
    {
        let p = entry.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".txt") {
            let want = if name.contains("stat-bulletin") {
                StatisticalBulletin
            } else {
                GovernmentWorkReport
            };
            assert_eq!(genre_of(p.to_str().unwrap()), Some(want), "{name}");
            seen += 1;
        }
    }
    // The excerpts (tests/fixtures/excerpts/SOURCES.md says what each is): court reports, news
    // items, notices, plans, summaries and assessments are `other`.
    let excerpts = [
        ("h01_jinghai", RuleOfLawReport),
        ("h02_wenzhou", Other),
        ("h03_tieling", Other),
        ("h04_beijing", Other),
        ("h05_nanyang", Other),
        ("h06_qingdao", Other),
        ("h07_minhang", RuleOfLawReport),
        ("h08_sifabu", RuleOfLawReport),
        ("h09_sifaju", Other),
        ("h10_zizhou", StatisticalBulletin),
        ("h11_ningyuan", StatisticalBulletin),
        ("h12_gongxinju", Other),
        ("h13_qijiang", RuleOfLawReport),
        ("h14_rongchang", RuleOfLawReport),
        ("h15_chongqing", RuleOfLawReport),
        ("h16_jinchang", Other),
        ("h17_chengdu", Other),
        ("h18_heshan", Other),
        ("h19_tiexi", Other),
        ("h20_yuhuan", StatisticalBulletin),
        ("h21_changzhi", StatisticalBulletin),
        ("h22_renkou", StatisticalBulletin),
    ];
    for (name, want) in excerpts {
        let path = format!("tests/fixtures/excerpts/{name}.txt");
        assert_eq!(genre_of(&path), Some(want), "{name}");
    }
    // The corpus copy in the fixtures.
    for entry in std::fs::read_dir("tests/fixtures/corpus")
        .into_iter()
        .flatten()
        .flatten()
    {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "txt") {
            assert_eq!(
                genre_of(p.to_str().unwrap()),
                Some(RuleOfLawReport),
                "{p:?}"
            );
        }
    }
    // ../shared is outside the repository: in CI it may be missing, the fixtures are not.
    assert!(seen == 0 || seen == 31, "{seen} shared texts");
}

#[test]
fn genre_without_a_title() {
    let cases = [
        (
            "2022年,司法局坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,扎实推进法治政府建设,法治政府建设取得新成效。",
            Genre::RuleOfLawReport,
        ),
        (
            "各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。",
            Genre::GovernmentWorkReport,
        ),
        (
            "一、综合\n经初步核算,全年地区生产总值123亿元,比上年增长5%。\n二、农业\n全年粮食产量10万吨。",
            Genre::StatisticalBulletin,
        ),
        (
            "本报讯 记者从市司法局获悉,市政府日前发布法治政府建设年度报告。",
            Genre::Other,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(extract(text).genre, want, "{text}");
    }
}

// The generator

/// A small seeded generator (xorshift64*), so the test is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() as usize % items.len()]
    }
}

/// `x` written with `d` decimals.
fn fixed(x: f64, d: usize) -> String {
    format!("{x:.d$}")
}

/// One generated sentence: the text, the stated figure as written, and whether it is consistent.
struct Case {
    text: String,
    stated: String,
    consistent: bool,
}

/// The stated figure for a computed value `c` at `d` decimals: the correctly rounded value, or
/// (inconsistent) that value moved by 2 to 60 units of its last digit, never below zero. One
/// unit either way is what a report may write by truncating or rounding up, so an inconsistent
/// figure is at least two units off.
fn stated(rng: &mut Rng, c: f64, d: usize, consistent: bool) -> f64 {
    let unit = 10f64.powi(-(d as i32));
    let right = (c / unit).round() * unit;
    if consistent {
        return right;
    }
    let k = rng.int(2, 60) as f64 * unit;
    if right - k > unit && rng.next() % 2 == 0 {
        right - k
    } else {
        right + k
    }
}

fn generate(rng: &mut Rng, consistent: bool) -> Case {
    let kind = rng.int(0, 7);
    let d = rng.int(0, 2) as usize;
    match kind {
        // rate: 受理A件,办结B件,办结率R%
        0 | 1 => {
            let (verb_a, verb_b, rate) = [
                ("受理行政复议案件", "办结", "办结率"),
                ("排查调处各类矛盾纠纷", "调解成功", "调解成功率"),
                ("抽检食品", "合格", "合格率达"),
                ("发生行政应诉案件", "负责人出庭应诉", "出庭应诉率为"),
                ("受理12345热线诉求", "按期办结", "按期办结率"),
            ][rng.int(0, 4) as usize];
            let unit = if verb_a == "抽检食品" {
                "批次"
            } else {
                "件"
            };
            let a = rng.int(20, 20000);
            let b = rng.int(a / 2, a);
            let r = stated(rng, 100.0 * b as f64 / a as f64, d, consistent);
            let text = format!(
                "全年{verb_a}{a}{unit},{verb_b}{b}{unit},{rate}{}%。",
                fixed(r, d)
            );
            Case {
                text,
                stated: format!("{}%", fixed(r, d)),
                consistent,
            }
        }
        // share: T件,其中X类B件,占比R%
        2 => {
            let t = rng.int(100, 50000);
            let b = rng.int(1, t);
            let r = stated(rng, 100.0 * b as f64 / t as f64, d.max(1), consistent);
            let what = rng.pick(&["城市管理类", "物业管理类", "行政许可类"]);
            let text = format!(
                "共受理工单{t}件,其中{what}{b}件,占比{}%。",
                fixed(r, d.max(1))
            );
            Case {
                text,
                stated: format!("{}%", fixed(r, d.max(1))),
                consistent,
            }
        }
        // sum: T人,其中男性A人,女性B人 / T件,其中…,其他C件
        3 => {
            let (names, unit, lead) = if rng.next() % 2 == 0 {
                (&["男性", "女性"][..], "人", "培训执法人员")
            } else {
                (
                    &["撤销", "维持", "驳回", "其他"][..],
                    "件",
                    "办结行政复议案件",
                )
            };
            let parts: Vec<u64> = names.iter().map(|_| rng.int(1, 5000)).collect();
            let sum: u64 = parts.iter().sum();
            let total = if consistent {
                sum
            } else {
                let k = rng.int(1, 300);
                if sum > k + 1 && rng.next() % 2 == 0 {
                    sum - k
                } else {
                    sum + k
                }
            };
            let list: Vec<String> = names
                .iter()
                .zip(&parts)
                .map(|(n, p)| format!("{n}{p}{unit}"))
                .collect();
            let text = format!("全年{lead}{total}{unit},其中{}。", list.join(","));
            Case {
                text,
                stated: format!("{total}{unit}"),
                consistent,
            }
        }
        // change: 由A件增加到B件,增长C% / B件(2023年A件),同比增长C% / B件,较上年的A件增长C%
        4 | 5 => {
            let a = rng.int(50, 90000);
            let b = rng.int(a / 3, a * 3).max(1);
            let c = 100.0 * (b as f64 / a as f64 - 1.0);
            let s = stated(rng, c.abs(), d, consistent);
            let (up, down) = if c >= 0.0 {
                ("增加", "增长")
            } else {
                ("减少", "下降")
            };
            let sw = fixed(s, d);
            let text = match rng.int(0, 2) {
                0 => format!("受理案件由{a}件{up}到{b}件,{down}{sw}%。"),
                1 => format!("受理案件{b}件(2023年{a}件),同比{down}{sw}%。"),
                _ => format!("受理案件{b}件,较上年的{a}件{down}{sw}%。"),
            };
            Case {
                text,
                stated: format!("{sw}%"),
                consistent,
            }
        }
        // points: 由A%提高到B%,提高C个百分点
        6 => {
            let a = rng.int(100, 900) as f64 / 10.0;
            let b = rng.int(100, 990) as f64 / 10.0;
            let c = b - a;
            let s = stated(rng, c.abs(), 1, consistent);
            let (verb, again) = if c >= 0.0 {
                ("提高到", "提高")
            } else {
                ("下降到", "下降")
            };
            let text = format!(
                "覆盖率由{}%{verb}{}%,{again}{}个百分点。",
                fixed(a, 1),
                fixed(b, 1),
                fixed(s, 1)
            );
            Case {
                text,
                stated: format!("{}个百分点", fixed(s, 1)),
                consistent,
            }
        }
        // growth: V元,比上年增加X元,增长Y%
        _ => {
            let v = rng.int(1000, 90000);
            let x = rng.int(10, v / 2);
            let y = stated(rng, 100.0 * x as f64 / (v - x) as f64, 1, consistent);
            let text = format!(
                "城镇居民人均可支配收入{v}元,比上年增加{x}元,增长{}%。",
                fixed(y, 1)
            );
            Case {
                text,
                stated: format!("{}%", fixed(y, 1)),
                consistent,
            }
        }
    }
}

#[test]
fn generated_sentences_half_consistent_half_not() {
    let mut rng = Rng(0x5EED_2026_1203_0013);
    let n = 2000;
    let (mut bad, mut caught, mut false_alarms) = (0, 0, Vec::new());
    for k in 0..n {
        let case = generate(&mut rng, k % 2 == 0);
        let x = extract(&case.text);
        let on_stated = arithmetic(&x)
            .iter()
            .any(|f| f.spans[0].of(&case.text) == case.stated);
        if case.consistent {
            if !arithmetic(&x).is_empty() {
                false_alarms.push(case.text);
            }
        } else {
            bad += 1;
            caught += usize::from(on_stated);
        }
    }
    let recall = caught as f64 / bad as f64;
    eprintln!(
        "generator: {caught}/{bad} inconsistent flagged ({recall:.3}), {} false alarms",
        false_alarms.len()
    );
    assert!(false_alarms.is_empty(), "{false_alarms:#?}");
    assert!(recall >= 0.9, "{caught}/{bad}");
}
