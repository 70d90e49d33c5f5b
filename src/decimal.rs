//! Numbers with a fixed count of decimals: written (`97.89`, `-0.5`) for the explanations of
//! [`crate::checks`], and rounded (the double nearest `97.89`, not `97.89000000000001`).
//!
//! Why not `format!("{x:.2}")` and `str::parse::<f64>`: they link core's exact float printing
//! (Grisu with its Dragon4 fallback) and core's float parser with its 10 KB table of powers of
//! five into the WebAssembly, about 9 KB of the gzipped module for a few calls on short figures
//! (measured at a8541c2; serde_json writes the JSON's numbers with its own code either way).
//! Scaling to an integer does the same for the figures reports write. The results differ from
//! std only for a value within one unit in the last place of a tie (`x.xx5` exactly), where std
//! rounds the exact binary value and this rounds the scaled one.

/// 10ⁿ: from a table for the decimals a report writes, else computed (∞ beyond 10³⁰⁸).
pub fn pow10(n: usize) -> f64 {
    const P: [f64; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    P.get(n)
        .copied()
        .unwrap_or_else(|| 10f64.powi(n.min(400) as i32))
}

/// `x` rounded to `d` decimals, half away from zero: the double nearest the decimal number, as
/// `format!("{x:.d$}").parse()` gives it. Values already integral at that scale (beyond 2⁵³)
/// and non-finite values come back as they are.
pub fn round(x: f64, d: usize) -> f64 {
    let p = pow10(d);
    let y = x * p;
    if !y.is_finite() || y.abs() >= 9_007_199_254_740_992.0 {
        return x;
    }
    // An integer divided by a power of ten (both exact) is correctly rounded by IEEE division.
    y.round() / p
}

/// `x` written with exactly `d` decimals, as `format!("{x:.d$}")` writes it (`-0.0` keeps its
/// sign, `NaN`, `inf`). Beyond 3.4 × 10³⁸ at that scale the digits saturate.
pub fn fixed(x: f64, d: usize) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    // Exact: every integral double below 2¹²⁸ converts to u128 without loss.
    let digits = ((x.abs() * pow10(d)).round() as u128).to_string();
    if d == 0 {
        return format!("{sign}{digits}");
    }
    let digits = format!("{digits:0>w$}", w = d + 1);
    let (int, frac) = digits.split_at(digits.len() - d);
    format!("{sign}{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_like_std_for_report_figures() {
        for &x in &[
            0.0, 97.89, 98.7, 537.97, 4.6, 12.345, 0.05, -0.04, -3.2, 70.2, 1e-7, 134.9, 2.5e13,
        ] {
            for d in 0..6 {
                assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x} with {d} decimals");
                let std: f64 = format!("{x:.d$}").parse().unwrap();
                assert_eq!(round(x, d), std, "{x} rounded to {d}");
            }
        }
        assert_eq!(fixed(-0.0, 1), "-0.0");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(round(97.888, 2), 97.89);
        assert_eq!(round(f64::INFINITY, 2), f64::INFINITY);
        // Absurd scale: no panic, saturated digits.
        assert!(fixed(1e300, 30).len() > 30);
    }
}
