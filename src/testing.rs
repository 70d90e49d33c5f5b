//! Helpers of the unit tests only (not compiled otherwise).

/// A xorshift64 generator from `seed` (nonzero): the same sequence on every run, so a failing
/// random case reproduces.
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
