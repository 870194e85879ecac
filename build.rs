//! Turns the built-in content packs (`content/*.json`) into postcard bytes
//! for `include_bytes!`, so the wasm carries no JSON parser for them.
//!
//! The wasm carries only the English pack; the others are files fetched
//! when someone picks their language (`mbc-postbuild` writes them next to the
//! wasm). Each file's name holds a hash of its bytes, given to the crate as
//! `MBC_PACK_FILE_<LANG>`, so a changed pack gets a new name and caches never
//! serve an old one.
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
        println!(
            "cargo:rustc-env=MBC_PACK_FILE_{}=mbc-guide-{lang}-{:016x}.pack",
            lang.to_uppercase(),
            fnv1a(&bytes)
        );
        if let Err(e) = fs::write(out.join(format!("{lang}.pack")), bytes) {
            println!("cargo:warning=cannot write the {lang} pack: {e}");
        }
    }
}

/// FNV-1a, 64 bits: enough to tell one build's pack from another's.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
