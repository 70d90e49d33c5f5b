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

/// A text of fewer than `max` pieces drawn from `alphabet` by `rng` (one draw for how many,
/// one for each piece): the randomized tests' inputs.
pub fn random_text(rng: &mut impl FnMut() -> u64, alphabet: &[&str], max: u64) -> String {
    let mut t = String::new();
    for _ in 0..rng() % max {
        t.push_str(alphabet[rng() as usize % alphabet.len()]);
    }
    t
}
