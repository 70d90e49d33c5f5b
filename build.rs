//! Copies the word lists of `data/` into `OUT_DIR` with their comment lines emptied, for
//! `include_str!` in src/lexicon.rs and src/genre.rs.
//!
//! Why: the files explain themselves in long `#` headers (a third of their 45 KB), and the
//! lists are compiled into the WebAssembly the page downloads. A comment line becomes an empty
//! line, so line numbers in the lexicon's error messages still point into `data/`.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let entries = fs::read_dir("data").expect("data/ is readable");
    for entry in entries {
        let path = entry.expect("data/ is readable").path();
        if path.extension().is_some_and(|e| e == "tsv") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("a data file is UTF-8");
            let mut stripped = String::with_capacity(text.len());
            for line in text.split_inclusive('\n') {
                if line.trim_start().starts_with('#') {
                    stripped.push_str(if line.ends_with("\r\n") {
                        "\r\n"
                    } else if line.ends_with('\n') {
                        "\n"
                    } else {
                        ""
                    });
                } else {
                    stripped.push_str(line);
                }
            }
            let name = path.file_name().expect("a file has a name");
            fs::write(Path::new(&out).join(name), stripped).expect("OUT_DIR is writable");
        }
    }
}
