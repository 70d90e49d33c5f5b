use std::time::Instant;
fn cpu_ns() -> f64 { std::fs::read_to_string("/proc/thread-self/schedstat").unwrap().split_whitespace().next().unwrap().parse::<f64>().unwrap() }

fn next_start_orig(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0xE0 {
            if b >= 0xF0 { i += 4; continue; }
            if i + 2 < bytes.len() && may_start(b, bytes[i + 1]) {
                let cp = (u32::from(b & 0x0F) << 12) | (u32::from(bytes[i + 1] & 0x3F) << 6) | u32::from(bytes[i + 2] & 0x3F);
                if is_start(cp) { return i; }
            }
            i += 3;
        } else if b < 0x80 {
            if b.is_ascii_digit() { return i; }
            i += 1;
        } else { i += if b >= 0xC0 { 2 } else { 1 }; }
    }
    bytes.len()
}
#[inline] fn may_start(b0: u8, b1: u8) -> bool { matches!((b0, b1), (0xE4, 0xB8..=0xBA) | (0xE5, 0x85 | 0x8D | 0x9B) | (0xE7, 0x99) | (0xEF, 0xBC)) }
#[inline] fn is_start(cp: u32) -> bool { matches!(cp, 0xFF10..=0xFF19 | 0x4E00 | 0x4E8C | 0x4E24 | 0x4E09 | 0x56DB | 0x4E94 | 0x516D | 0x4E03 | 0x516B | 0x4E5D | 0x5341 | 0x767E | 0x4E0A) }

// Variant: scan every byte position (keys start with a lead byte, never a continuation byte),
// with a 256-entry table for the first byte and an exact 3-byte key test.
static FIRST: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut d = b'0'; while d <= b'9' { t[d as usize] = 1; d += 1; }
    t[0xE4] = 2; t[0xE5] = 2; t[0xE7] = 2; t[0xEF] = 2;
    t
};
#[inline]
fn next_start_lut(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
    while i < n {
        match FIRST[bytes[i] as usize] {
            0 => i += 1,
            1 => return i,
            _ => {
                if i + 2 < n {
                    let key = u32::from_be_bytes([0, bytes[i], bytes[i + 1], bytes[i + 2]]);
                    if matches!(key, 0xEFBC90..=0xEFBC99 | 0xE4B880 | 0xE4BA8C | 0xE4B8A4 | 0xE4B889 | 0xE59B9B | 0xE4BA94 | 0xE585AD | 0xE4B883 | 0xE585AB | 0xE4B99D | 0xE58D81 | 0xE799BE | 0xE4B88A) { return i; }
                }
                i += 1;
            }
        }
    }
    n
}
// Variant: chunked: skip 8 bytes at a time when none is a digit or candidate lead byte.
#[inline]
fn next_start_chunk(bytes: &[u8], mut i: usize) -> usize {
    let n = bytes.len();
    while i + 8 <= n {
        let mut any = 0u8;
        for k in 0..8 { any |= FIRST[bytes[i + k] as usize]; }
        if any == 0 { i += 8; continue; }
        let end = i + 8;
        while i < end {
            match FIRST[bytes[i] as usize] {
                0 => i += 1,
                1 => return i,
                _ => {
                    if i + 2 < n {
                        let key = u32::from_be_bytes([0, bytes[i], bytes[i + 1], bytes[i + 2]]);
                        if matches!(key, 0xEFBC90..=0xEFBC99 | 0xE4B880 | 0xE4BA8C | 0xE4B8A4 | 0xE4B889 | 0xE59B9B | 0xE4BA94 | 0xE585AD | 0xE4B883 | 0xE585AB | 0xE4B99D | 0xE58D81 | 0xE799BE | 0xE4B88A) { return i; }
                    }
                    i += 1;
                }
            }
        }
    }
    next_start_lut(bytes, i)
}

fn main() {
    let mut text = String::new();
    let mut ps: Vec<_> = std::fs::read_dir("../shared/corpus/public").unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    ps.sort();
    for p in ps { text.push_str(&std::fs::read_to_string(p).unwrap()); }
    let b = text.as_bytes();
    for (name, f) in [("orig", next_start_orig as fn(&[u8], usize) -> usize), ("lut", next_start_lut), ("chunk", next_start_chunk)] {
        let c0 = cpu_ns();
        let mut hits = 0;
        for _ in 0..50 { let mut i = f(b, 0); while i < b.len() { hits += 1; i = f(b, i + 1); } }
        let c = (cpu_ns() - c0) / 1e9 / 50.0;
        println!("{name}: {:.2} ms, {:.0} MB/s, hits {}", c * 1e3, b.len() as f64 / c / 1e6, hits / 50);
    }
}
