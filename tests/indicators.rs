//! Indicator recognition on real report sentences: one test per item of the extraction issue
//! (numbers, Chinese numerals, units, approximation, ranges, changes, metrics) and one per
//! exclusion. Sentences come from the corpus and the public reports; full-width variants are
//! the same sentences as pasted from web pages.

use zhibiao::{extract, Direction, Indicator, Kind};

/// The indicators of `text` as (span text, value).
fn found(text: &str) -> Vec<(String, Option<f64>)> {
    extract(text)
        .indicators
        .iter()
        .map(|i| (i.span.of(text).to_string(), i.value))
        .collect()
}

fn spans(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(s, _)| s).collect()
}

/// The only indicator of `text` whose span is `span`.
fn one(text: &str, span: &str) -> Indicator {
    let x = extract(text);
    let hits: Vec<_> = x
        .indicators
        .into_iter()
        .filter(|i| i.span.of(text) == span)
        .collect();
    assert_eq!(hits.len(), 1, "{span} in {text}");
    hits.into_iter().next().unwrap()
}

fn unit(i: &Indicator) -> Option<&str> {
    i.unit.as_deref()
}

// 1. Arabic numbers

#[test]
fn arabic_integers_and_decimals() {
    let t = "全市自查自评行政执法案卷13169件,集中抽查评查150件,合格率达98.7%。";
    assert_eq!(
        found(t),
        [
            ("13169件".into(), Some(13169.0)),
            ("150件".into(), Some(150.0)),
            ("98.7%".into(), Some(98.7)),
        ]
    );
    assert_eq!(found("政务服务窗口好评率99.993%。")[0].1, Some(99.993));
}

#[test]
fn thousands_separators() {
    assert_eq!(
        found("全年办理各类案件1,234件。"),
        [("1,234件".into(), Some(1234.0))]
    );
    assert_eq!(
        found("全年办理各类案件1，234件。"),
        [("1，234件".into(), Some(1234.0))]
    );
    // A comma before a clause is not a separator.
    assert_eq!(spans("办结12件,345件正在办理"), ["12件", "345件"]);
}

#[test]
fn full_width_digits_and_point() {
    let t = "调解纠纷２３２１件，成功率９５．４３％，";
    assert_eq!(
        found(t),
        [
            ("２３２１件".into(), Some(2321.0)),
            ("９５．４３％".into(), Some(95.43))
        ]
    );
    assert_eq!(unit(&one(t, "９５．４３％")), Some("%"));
}

#[test]
fn spaces_inside() {
    assert_eq!(found("审批时限压缩2.5 %。"), [("2.5 %".into(), Some(2.5))]);
    assert_eq!(
        spans("组织专题培训班 3 期,覆盖干部 680余人次"),
        ["3 期", "680余人次"]
    );
}

// 2. Chinese numerals and mixed forms

#[test]
fn chinese_numerals() {
    assert_eq!(
        found("率先在三个功能区成立依法治区办"),
        [("三个".into(), Some(3.0))]
    );
    assert_eq!(found("明确十二项重点任务"), [("十二项".into(), Some(12.0))]);
    assert_eq!(
        found("累计培训二百零五人次"),
        [("二百零五人次".into(), Some(205.0))]
    );
    assert_eq!(found("惠及群众两万人"), [("两万人".into(), Some(20000.0))]);
    assert_eq!(
        found("落实资金三千五百万元"),
        [("三千五百万元".into(), Some(35_000_000.0))]
    );
}

#[test]
fn multipliers_and_mixed_forms() {
    let t = "2024年办理行政许可事项4.6万件,接受警示教育总人数1.2万人次,发行国债0.25亿元,安置3万4000人。";
    assert_eq!(
        found(t),
        [
            ("4.6万件".into(), Some(46000.0)),
            ("1.2万人次".into(), Some(12000.0)),
            ("0.25亿元".into(), Some(25_000_000.0)),
            ("3万4000人".into(), Some(34000.0)),
        ]
    );
    let i = one("太阳能电池(光伏电池)产量6.8亿千瓦,增长15.7%", "6.8亿千瓦");
    assert_eq!((i.value, unit(&i)), (Some(680_000_000.0), Some("千瓦")));
    let i = one("新增税费优惠超过2.5万亿元,", "2.5万亿元");
    assert_eq!(i.value, Some(2.5e12));
}

#[test]
fn yu_and_duo_in_every_position() {
    for (t, span, value) in [
        ("轮训执法人员9000余人次;", "9000余人次", 9000.0),
        ("惠及30余万人次,", "30余万人次", 300_000.0),
        ("受理各类案件12.3万余件,", "12.3万余件", 123_000.0),
        ("共协调到位资金60余万元。", "60余万元", 600_000.0),
        ("涉及金额90万余元。", "90万余元", 900_000.0),
        ("兑付奖补资金1560余万元,", "1560余万元", 15_600_000.0),
        ("贷款提标降息惠及1100多万学生。", "1100多万", 11_000_000.0),
    ] {
        let i = one(t, span);
        assert_eq!(i.value, Some(value), "{t}");
        assert_eq!(
            i.approx,
            Some(&span[span.find(['余', '多']).unwrap()..][..3])
        );
    }
}

// 3. Units and kinds

#[test]
fn measure_words() {
    let t = "执法辅助设备631台(执法记录仪473台,相机47台、录音笔29支,其他82台),检察建议23份,示范户188户,法治文化轻骑兵17支,普法口袋书27500余册,青少年模拟法庭200期";
    assert_eq!(
        spans(t),
        [
            "631台",
            "473台",
            "47台",
            "29支",
            "82台",
            "23份",
            "188户",
            "17支",
            "27500余册",
            "200期"
        ]
    );
    assert!(extract(t).indicators.iter().all(|i| i.kind == Kind::Count));
}

#[test]
fn bracketed_alternative_units() {
    let t = "办理告知承诺制等服务事项2.44万件(次)。";
    let i = one(t, "2.44万件(次)");
    assert_eq!((i.value, unit(&i)), (Some(24400.0), Some("件(次)")));
    let t = "乡级队伍配备应急救援装备5707台（套）。";
    assert_eq!(unit(&one(t, "5707台（套）")), Some("台(套)"));
}

#[test]
fn money_is_multiplied_out_to_yuan() {
    let i = one("本年度兑付资金537.97万元,惠及市场主体1666户", "537.97万元");
    assert_eq!(
        (i.value, unit(&i), i.kind),
        (Some(5_379_700.0), Some("元"), Kind::Money)
    );
    let i = one("年末国家外汇储备32024亿美元,", "32024亿美元");
    assert_eq!((unit(&i), i.kind), (Some("美元"), Kind::Money));
    let i = one("全员劳动生产率为173898元/人,比上年提高4.9%", "173898元/人");
    assert_eq!((unit(&i), i.kind), (Some("元/人"), Kind::Money));
}

#[test]
fn measures() {
    for (t, span, u) in [
        ("铺设自来水管道85公里,", "85公里", "公里"),
        ("新增商业营业面积50万平方米,", "50万平方米", "平方米"),
        ("完成土地流转10.7万亩。", "10.7万亩", "亩"),
        ("全年粮食产量70650万吨,", "70650万吨", "吨"),
        ("审批时间压缩至5个工作日,", "5个工作日", "个工作日"),
        ("旅游收入是2010年的2.6倍,", "2.6倍", "倍"),
        (
            "PM2.5年均浓度为26.3微克/立方米",
            "26.3微克/立方米",
            "微克/立方米",
        ),
        ("平均气温比上年上升0.19℃。", "0.19℃", "℃"),
        ("新建22个750千伏输变电工程", "750千伏", "千伏"),
    ] {
        let i = one(t, span);
        assert_eq!((unit(&i), i.kind), (Some(u), Kind::Measure), "{t}");
    }
}

#[test]
fn traditional_and_rare_measure_words() {
    let i = one("全年收购烟叶21.43万担,实现烟农收入3.2亿元。", "21.43万担");
    assert_eq!(
        (i.value, unit(&i), i.kind),
        (Some(214300.0), Some("担"), Kind::Measure)
    );
    // A measure word missing from the lexicon still ends the span when it ends the clause.
    let i = one("增殖放流鱼苗120万尾、贝类30万粒。", "30万粒");
    assert_eq!((i.value, unit(&i)), (Some(300000.0), Some("粒")));
    // A noun that runs on is not a measure word; neither are grammatical words.
    assert_eq!(unit(&one("惠及6000万农民,", "6000万")), None);
    assert_eq!(unit(&one("总投资超过3300万的,", "3300万")), None);
}

#[test]
fn percent_forms() {
    let i = one("出生率为6.77‰;", "6.77‰");
    assert_eq!((unit(&i), i.kind), (Some("‰"), Kind::Percent));
    let i = one("自然增长率为-0.99‰。", "-0.99‰");
    assert_eq!(i.value, Some(-0.99));
    let i = one("营业收入利润率为5.39%,下降0.30个百分点。", "0.30个百分点");
    assert_eq!((unit(&i), i.kind), (Some("个百分点"), Kind::Percent));
    // The percentage-point family is one unit each: the longer unit wins over 个.
    for (t, span, u) in [
        (
            "人口自然增长率为1.2‰,比上年下降0.35个千分点。",
            "0.35个千分点",
            "个千分点",
        ),
        ("出生率比上年回落0.8千分点", "0.8千分点", "千分点"),
        ("贷款市场报价利率下调25个基点", "25个基点", "个基点"),
        ("一年期利率下调10基点", "10基点", "基点"),
    ] {
        let i = one(t, span);
        assert_eq!((unit(&i), i.kind), (Some(u), Kind::Percent), "{t}");
    }
    let i = one("群众满意率达到百分之九十", "百分之九十");
    assert_eq!((i.value, unit(&i)), (Some(90.0), Some("%")));
    let i = one("全市财政支出八成以上投向民生领域", "八成");
    assert_eq!(
        (i.value, unit(&i), i.approx),
        (Some(8.0), Some("成"), Some("以上"))
    );
    // 成 inside a word is not a unit.
    assert!(spans("组建三成员小组").is_empty());
}

// 4. Approximation

#[test]
fn approximation_outside_the_span() {
    for (t, span, approx) in [
        ("投资项目类审批效率总体提升了80%以上,", "80%", "以上"),
        ("国内生产总值增长5%左右;", "5%", "左右"),
        ("光伏产品出口增长近30%。", "30%", "近"),
        ("国内生产总值超过126万亿元,", "126万亿元", "超过"),
        ("受训人员约1200人,", "1200人", "约"),
        ("商业从业人员突破6万人。", "6万人", "突破"),
        ("控制在3%以内,", "3%", "以内"),
        ("新增就业逾5000人,", "5000人", "逾"),
        ("惠及上千万人。", "千万人", "上"),
        ("全年人均地区生产总值约合1.2万美元。", "1.2万美元", "约"),
        ("粮食作物播种面积约为32.6万亩,", "32.6万亩", "约"),
        ("第三产业增加值约占45.3%,", "45.3%", "约"),
    ] {
        assert_eq!(one(t, span).approx, Some(approx), "{t}");
    }
    assert_eq!(one("调解员1143名。", "1143名").approx, None);
    let i = one("吸引上万人次参与", "万人次");
    assert_eq!((i.value, i.approx), (Some(10000.0), Some("上")));
    assert!(spans("比上年增长,党员干部走千家入万户,经济总量迈上万亿元台阶").is_empty());
    // The same characters inside other words are not qualifiers.
    assert_eq!(one("招商引资签约3个项目", "3个").approx, None);
    assert_eq!(one("最近3次评查", "3次").approx, None);
    // 折合 converts; it does not approximate.
    assert_eq!(
        one("能源消费总量折合标准煤3.5万吨,", "3.5万吨").approx,
        None
    );
    assert_eq!(one("将近3000人参加", "3000人").approx, Some("近"));
}

// 5. Ranges

#[test]
fn ranges_are_one_indicator() {
    let i = one("地区生产总值增长4.5%—5%,", "4.5%—5%");
    assert_eq!((i.value, i.value_max), (Some(4.5), Some(5.0)));
    let i = one("每个乡镇配备10-15个调解组织", "10-15个");
    assert_eq!(
        (i.value, i.value_max, unit(&i)),
        (Some(10.0), Some(15.0), Some("个"))
    );
    let i = one("每村聘请3至5家律师事务所", "3至5家");
    assert_eq!((i.value, i.value_max), (Some(3.0), Some(5.0)));
    let i = one("培训10~20人", "10~20人");
    assert_eq!(i.value_max, Some(20.0));
    let i = one("奖励3—5万元", "3—5万元");
    assert_eq!((i.value, i.value_max), (Some(30000.0), Some(50000.0)));
    // 左右 alone is an approximation, not a range.
    assert_eq!(one("增长5%左右", "5%").value_max, None);
}

// 6. Change

#[test]
fn change_direction_and_basis() {
    let t = "2024年办理行政复议案件80件,比2023年同比上升70.2%。";
    let c = one(t, "70.2%").change.unwrap();
    assert_eq!((c.direction, c.basis.as_str()), (Direction::Up, "同比"));
    let c = one("今年新增3件,比2023年增加5件。", "5件").change.unwrap();
    assert_eq!((c.direction, c.basis.as_str()), (Direction::Up, "2023年"));
    let c = one("出生人口954万人,较上年下降5.6%", "5.6%")
        .change
        .unwrap();
    assert_eq!((c.direction, c.basis.as_str()), (Direction::Down, "上年"));
    let c = one("各项贷款余额比年初增加18.1万亿元", "18.1万亿元")
        .change
        .unwrap();
    assert_eq!(c.basis, "年初");
    let c = one("新建商品住宅销售价格环比下降0.3%", "0.3%")
        .change
        .unwrap();
    assert_eq!(c.basis, "环比");
    let c = one("审批时限压缩60%,", "60%").change.unwrap();
    assert_eq!((c.direction, c.basis.as_str()), (Direction::Down, ""));
    let c = one("审批环节精简20%,", "20%").change.unwrap();
    assert_eq!(c.direction, Direction::Down);
    // The basis of a second change is found in the same sentence.
    let t = "接收各类问题共34450件,同比增加5662件,上升19.67%。";
    assert_eq!(one(t, "5662件").change.unwrap().basis, "同比");
    assert_eq!(one(t, "19.67%").change.unwrap().basis, "同比");
    assert!(one(t, "34450件").change.is_none());
    // A list of values shares the change before the first.
    let t = "城乡居民人均可支配收入分别增长8.7%和8.6%。";
    assert_eq!(one(t, "8.6%").change.unwrap().direction, Direction::Up);
    assert_eq!(
        one(t, "8.6%").metric.as_deref(),
        Some("城乡居民人均可支配收入")
    );
    let t = "比2010年分别降低5.2%、11.5%和3%。";
    assert_eq!(one(t, "3%").change.unwrap().basis, "2010年");
    // A footnote between the verb and the number.
    let c = one("固定资产投资520916亿元,比上年增长[41]3.1%。", "3.1%").change;
    assert_eq!(c.unwrap().basis, "上年");
    // 提高到 gives the new level, not a change.
    assert!(one("城镇化率提高到66.2%。", "66.2%").change.is_none());
}

// 7. Metric

#[test]
fn metric_is_the_rate_noun_before_the_value() {
    for (t, span, metric) in [
        ("查评查150件,合格率达98.7%。", "98.7%", "合格率"),
        (
            "行政机关负责人出庭应诉率达到98.33%。",
            "98.33%",
            "行政机关负责人出庭应诉率",
        ),
        ("调解率100%,成功率95.43%,", "95.43%", "成功率"),
        (
            "行政机关负责人出庭应诉率为100%",
            "100%",
            "行政机关负责人出庭应诉率",
        ),
    ] {
        assert_eq!(one(t, span).metric.as_deref(), Some(metric), "{t}");
    }
    let i = one("学法考勤参考率、合格率均为100%,", "100%");
    assert_eq!(i.metric.as_deref(), Some("学法考勤参考率、合格率"));
    let i = one("报备率、报备及时率、规范率均达100%。", "100%");
    assert_eq!(i.metric.as_deref(), Some("报备率、报备及时率、规范率"));
    let i = one("报送率和公开率均实现100%。", "100%");
    assert_eq!(i.metric.as_deref(), Some("报送率和公开率"));
}

#[test]
fn metric_is_the_object_before_the_number_else_after_the_unit() {
    let t =
        "公布市级行政许可事项238项,调解纠纷2321件,全市共聘请11名执业律师,向7个省级经济开发区赋权";
    let x = extract(t);
    let m: Vec<_> = x.indicators.iter().map(|i| i.metric.as_deref()).collect();
    assert_eq!(
        m,
        [
            Some("公布市级行政许可事项"),
            Some("调解纠纷"),
            Some("执业律师"),
            Some("省级经济开发区赋权")
        ]
    );
    let t = "市委、市政府共聘请11名执业律师及10名公职人员(专家学者)担任法律顾问";
    assert_eq!(one(t, "10名").metric.as_deref(), Some("公职人员(专家学者)"));
    let t = "印发《民法典》《法律援助法漫画读本》等普法口袋书27500余册。";
    assert_eq!(one(t, "27500余册").metric.as_deref(), Some("普法口袋书"));
    // 由…增加到…: the new level has the same metric.
    let t =
        "国内生产总值从１９９７年的７．４万亿元增加到２００２年的１０．２万亿元，按可比价格计算";
    assert_eq!(
        one(t, "１０．２万亿元").metric.as_deref(),
        Some("国内生产总值")
    );
    assert_eq!(
        one("城镇调查失业率平均为5.2%。", "5.2%").metric.as_deref(),
        Some("城镇调查失业率")
    );
    // A change after a value is about the value's metric.
    let t = "第一产业增加值91414亿元,比上年增长3.5%;";
    assert_eq!(one(t, "3.5%").metric.as_deref(), Some("第一产业增加值"));
}

#[test]
fn metric_names_are_words_not_punctuation_or_verbs() {
    let metric = |t: &str, span: &str| one(t, span).metric;
    // A value after a bracket is named by the words before the bracket.
    let t = "社会消费品零售总额43.11亿元,完成年度任务（111.3亿元）的38.7%。";
    assert_eq!(metric(t, "38.7%").as_deref(), Some("完成年度任务"));
    // A one-character filler inside the noun (公共, 在职) does not cut it.
    let t = "全区21家公共法律服务工作站提供法律咨询3.2万人次。";
    assert_eq!(metric(t, "21家").as_deref(), Some("公共法律服务工作站"));
    let t = "机关本级215人(在职在编160人、退休人员12人)。";
    assert_eq!(metric(t, "160人").as_deref(), Some("在职在编"));
    // A forecast is not the name of what is forecast.
    let t = "1-6月,全县工业总产值为88.5亿元,预测增长12.3%;预测工业增加值21.4亿元。";
    assert_eq!(metric(t, "12.3%").as_deref(), Some("工业总产值"));
    assert_eq!(metric(t, "21.4亿元").as_deref(), Some("工业增加值"));
    // A verb of result ends no name; an adverb before a verb ends the noun after the unit.
    let t = "地区生产总值完成198.5亿元,同比增长22.3%;";
    assert_eq!(metric(t, "198.5亿元").as_deref(), Some("地区生产总值"));
    assert_eq!(metric(t, "22.3%").as_deref(), Some("地区生产总值"));
    let t = "实施惠及3000多万农村义务教育阶段学生的营养改善计划";
    assert_eq!(
        metric(t, "3000多万").as_deref(),
        Some("农村义务教育阶段学生")
    );
    let t = "改造老旧小区120个,3万多居民群众直接受益。";
    assert_eq!(metric(t, "3万多").as_deref(), Some("居民群众"));
    // A month or a range of months frames the clause; it names nothing.
    let t = "1-5月全区纳统在库项目127个,1—11月份规模以上工业增加值增长6.1%。";
    assert_eq!(metric(t, "127个").as_deref(), Some("纳统在库项目"));
    assert_eq!(metric(t, "6.1%").as_deref(), Some("规模以上工业增加值"));
    // 分别 pairs the items of the list before it with the values after it, in order.
    let t = "调解、排查和预防纠纷量分别为23.9万件、35.05万件和2.3万件。";
    let m: Vec<_> = extract(t)
        .indicators
        .into_iter()
        .map(|i| i.metric)
        .collect();
    assert_eq!(
        m,
        [
            Some("调解".into()),
            Some("排查".into()),
            Some("预防纠纷量".into())
        ]
    );
    let t = "全年受理、审结案件同比分别增长20.98%和17.33%。";
    assert_eq!(metric(t, "17.33%").as_deref(), Some("审结案件"));
    // A list of values is not a list of names.
    let t = "城乡居民人均可支配收入分别从46503元、16935元增加到58794元、23184元。";
    assert_ne!(metric(t, "23184元").as_deref(), Some("16935元"));
    // A list inside a bracket belongs to the name.
    let t = "全省新时代文明实践中心（所、站）达2.8万个。";
    assert_eq!(
        metric(t, "2.8万个").as_deref(),
        Some("新时代文明实践中心（所、站）")
    );
    // A long name is shortened, but never inside a quoted term.
    let t = "全年对共建“一带一路”国家非金融类直接投资额2399亿元,增长6.5%。";
    assert_eq!(
        metric(t, "2399亿元").as_deref(),
        Some("“一带一路”国家非金融类直接投资额")
    );
}

#[test]
fn metric_ids_from_the_taxonomy() {
    let t =
        "行政机关负责人出庭应诉率达到98.33%,败诉率8.7%,调解成功率97.87%,承办各类法律援助案件719件";
    let ids: Vec<_> = extract(t).indicators.iter().map(|i| i.metric_id).collect();
    assert_eq!(
        ids,
        [
            Some("appearance_rate"),
            Some("litigation_loss_rate"),
            Some("mediation_success_rate"),
            Some("legal_aid_cases")
        ]
    );
}

// 8. Not indicators

#[test]
fn years_and_dates_are_dates() {
    let t = "荔波县人民政府2023年度法治政府建设工作情况报告\n生成日期: | 2024-03-04 |\n于9月23日召开,《纲要(2021-2025)》,实施方案(2021-2025),2024年3月1日";
    let x = extract(t);
    assert!(x.indicators.is_empty(), "{:?}", x.indicators);
    let iso: Vec<_> = x.dates.iter().map(|d| d.iso.as_str()).collect();
    assert_eq!(
        iso,
        ["2023", "2024-03-04", "--09-23", "2021/2025", "2024-03-01"]
    );
    let t = "荔波县人民政府\n二〇二六年一月二十七日";
    assert_eq!(extract(t).dates[0].iso, "2026-01-27");
}

#[test]
fn ordinals_are_not_counts() {
    assert!(spans("实质化解行政争议案件数量位列全省第三。第二批省级法治文化示范基地").is_empty());
    assert!(spans("在第十四届全国人民代表大会第二次会议上").is_empty());
}

#[test]
fn slogans_and_fixed_terms() {
    for t in [
        "实现行政诉讼案件“两降一升”目标",
        "深入推进“一网一窗通办”改革",
        "全面推行行政执法“三项制度”,落实三项制度",
        "构建“1+5”工作体系",
        "开展“五减”行动",
        "推行“一村一警”",
        "持续推进“四所一庭”联动",
        "打造“三个一”工程",
        "加快推进三台融合建设",
        "严格落实中央八项规定精神",
        "防止干预司法“三个规定”",
    ] {
        assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
    }
}

#[test]
fn names_phases_sessions_and_outline_counts() {
    for t in [
        "国家会议中心二期、首都国际会议中心建成",
        "稳妥推进二轮土地承包到期后再延长",
        "十三届全国人大三次会议在人民大会堂召开",
        "按照十二届市委八次全会部署",
        "着重抓好五个方面:一是",
        "促进三次产业融合发展",
        "在和平共处五项原则基础上",
        "为全区60岁以上在籍老人发放补贴",
        "发布时间:2025年02月10日 07时41分",
        "0—6岁儿童孤独症筛查全面开展,15-59岁（含不满15周岁）人口减少",
        "年营业收入2000万元以上的企业",
        "推进5000万元以上重点项目建设",
        "发挥千亿级开发区龙头引领作用,培育五百亿级产业集群,壮大100亿级企业",
        "提升15分钟社区生活圈功能,政务服务实现24小时“不打烊”,用好240小时过境免签政策",
    ] {
        assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
    }
    // Real counts next to them stay.
    assert_eq!(spans("稳健的货币政策,两次全面降准"), ["两次"]);
    assert_eq!(spans("人均预期寿命达到75岁。"), ["75岁"]);
    assert_eq!(
        spans("每天校内体育活动时间不低于2小时,2小时内响应"),
        ["2小时", "2小时"]
    );
    assert_eq!(
        spans("城镇新增就业1200万人以上,养老助餐点覆盖九成以上城乡社区"),
        ["1200万人", "九成"]
    );
}

#[test]
fn articles_are_not_counts() {
    for t in [
        "我始终将法治政府建设作为一项重要的政治任务来抓",
        "解决一批群众急难愁盼问题",
        "新一轮机构改革",
        "吸引数十家企业,几十个项目",
        "每年进行一次主体公告工作",
    ] {
        assert!(spans(t).is_empty(), "{t}");
    }
}

#[test]
fn hotlines_and_plan_and_congress_names() {
    for t in [
        "按期听取“12345”政务热线工作汇报",
        "12345热线运行平稳",
        "“十四五”规划目标任务全面完成",
        "八五普法中期评估",
        "全面贯彻党的二十大精神",
        "学习贯彻党的十九届五中全会精神",
    ] {
        assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
    }
    // The hotline is not a count, what it received is.
    assert_eq!(spans("接待12348热线咨询3874件"), ["3874件"]);
}

#[test]
fn document_and_index_numbers_and_versions() {
    for t in [
        "依据厅字〔2019〕28号文件",
        "索 引 号: | 000014349/2024-351576 | 信息分类: | 其他公告 |",
        "“赣服通”3.0版上线运行",
    ] {
        assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
    }
}

#[test]
fn numbers_inside_citations() {
    let t = "印发《法治政府建设实施纲要(2021-2025年)》《十项重点任务清单》,开展活动5次";
    assert_eq!(spans(t), ["5次"]);
}

#[test]
fn footnote_markers_are_never_inside_a_span() {
    let t = "国内生产总值[2]1349084亿元,国民总收入［3］1339672亿元";
    assert_eq!(spans(t), ["1349084亿元", "1339672亿元"]);
    assert_eq!(spans("合格率达98.7%[3]。"), ["98.7%"]);
}

#[test]
fn time_frames_and_model_names() {
    for t in [
        "一年来,我们坚持",
        "前三年累计",
        "一季度国内生产总值",
        "5G用户普及率超过50%",
        "国产大飞机C919投入商业运营",
        "每百元营业收入中的成本",
        "提升行政执法质量三年行动",
    ] {
        let s = spans(t);
        assert!(s.iter().all(|s| s == "50%"), "{t}: {s:?}");
    }
}

// Offsets for JavaScript

#[test]
fn utf16_offsets_after_emoji_and_ext_b() {
    let t = "😀𠀀公布市级行政许可事项238项,合格率达98.7%";
    let json = zhibiao::output::to_json(t);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let utf16: Vec<u16> = t.encode_utf16().collect();
    let items = v["indicators"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    for item in items {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&utf16[s..e]).unwrap(),
            item["text"].as_str().unwrap()
        );
    }
    assert_eq!(items[0]["start"], 14); // 😀 and 𠀀 are two code units each
    assert_eq!(items[0]["unit"], "项");
}

// Robustness

#[test]
fn empty_binary_and_pathological_input() {
    assert!(extract("").indicators.is_empty());
    let garbage: String = (0u32..2000).filter_map(char::from_u32).collect();
    let _ = extract(&garbage);
    let long = "１".repeat(200_000) + "件";
    let x = extract(&long);
    assert_eq!(x.indicators.len(), 1);
    assert_eq!(x.indicators[0].value, None);
    let many = "三个一".repeat(50_000) + &"98.7%,".repeat(50_000);
    assert_eq!(extract(&many).indicators.len(), 50_000);
}

/// Random texts over the characters the recognizers look at (digits in both widths, numerals,
/// multipliers, units, brackets, quotes, dashes, astral characters): `extract` must not panic,
/// spans must lie on char boundaries, indicators must be sorted and disjoint.
#[test]
fn random_texts_never_break_the_invariants() {
    const ALPHABET: &[&str] = &[
        "1",
        "0",
        "9",
        "１",
        "．",
        ".",
        ",",
        "，",
        "%",
        "％",
        "‰",
        "一",
        "二",
        "两",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "〇",
        "零",
        "余",
        "多",
        "个",
        "件",
        "次",
        "(",
        ")",
        "（",
        "）",
        "元",
        "/",
        "／",
        "人",
        "项",
        "年",
        "月",
        "日",
        "度",
        "-",
        "—",
        "~",
        "至",
        "到",
        "第",
        "每",
        "前",
        "《",
        "》",
        "“",
        "”",
        "\"",
        "[",
        "]",
        "［",
        "］",
        "〔",
        "〕",
        "率",
        "达",
        "为",
        "、",
        "。",
        "\n",
        "\r\n",
        " ",
        "\u{3000}",
        "同比",
        "比",
        "较",
        "上年",
        "增长",
        "下降",
        "了",
        "近",
        "约",
        "以上",
        "左右",
        "的",
        "😀",
        "𠀀",
        "G",
        "+",
        "成",
        "百分之",
        "个百分点",
        "岁",
        "期",
        "周年",
        "千瓦",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..8_000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        let x = extract(&text);
        let mut last = 0;
        for i in &x.indicators {
            assert!(text.is_char_boundary(i.span.start) && text.is_char_boundary(i.span.end));
            assert!(
                i.span.start >= last && i.span.start < i.span.end,
                "{text:?}"
            );
            last = i.span.end;
        }
        for d in &x.dates {
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
        let _ = zhibiao::output::to_json(&text);
    }
}
