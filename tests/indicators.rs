//! Indicators beyond the case lists: UTF-16 offsets in the JSON output, and robustness on
//! empty, binary, pathological and random input. The sentence-by-sentence cases (numbers,
//! units, approximation, ranges, change, metric, what is not an indicator) are data in
//! `tests/cases/*.txt`, run by `tests/cases.rs`.

use zhibiao::extract;

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
