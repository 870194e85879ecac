//! Turns the built-in content packs (`content/*.json`) into postcard bytes
//! for `include_bytes!`, so the wasm carries no JSON parser for them.
//!
//! A pack that does not parse never fails the build: the bytes are left
//! empty, the build prints a warning, and `content::builtin` reports the
//! problem at run time. That keeps `mbc-validate-pack` usable on a broken
//! pack, which is when editors need it most.

use std::{env, fs, path::PathBuf};

#[allow(dead_code)]
#[path = "src/by_id.rs"]
mod by_id;
#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/content/model.rs");
    for lang in ["en", "es"] {
        let source = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={source}");
        let bytes = fs::read_to_string(&source)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<model::Pack>(&text).map_err(|e| e.to_string()))
            .and_then(|pack| postcard::to_allocvec(&pack).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| {
                println!("cargo:warning={source} is not a valid pack ({e}); run `cargo run --bin mbc-validate-pack`");
                Vec::new()
            });
        if let Err(e) = fs::write(out.join(format!("{lang}.pack")), bytes) {
            println!("cargo:warning=cannot write the {lang} pack: {e}");
        }
    }
}
