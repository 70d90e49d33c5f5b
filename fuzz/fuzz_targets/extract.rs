//! Fuzz target: any bytes, decoded as the CLI's `--lossy` does, through `extract`,
//! `Output::new` and JSON, then every invariant of `tests/common/mod.rs` (the same checks as
//! the property tests). Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run extract` (see README).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check(&text);
});
