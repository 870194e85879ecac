//! Feeds anything to the share-link and import readers: they must return a
//! list or a typed error, never panic, hang or run out of memory.
//!
//! `cargo +nightly fuzz run share_decode` (from the repository root).
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use libfuzzer_sys::fuzz_target;
use mbc_guide::share::{decode, import_file};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode(&text);
    let _ = import_file(&text);
    // The bytes as a link's compressed data: reaches the decompressor.
    let _ = decode(&format!("mbc=1.{}", URL_SAFE_NO_PAD.encode(data)));
    // The bytes as the JSON inside a good link: reaches the reader and the
    // salvage, whose result must always be a valid list.
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 1);
    if let Ok(restored) = decode(&format!("mbc=1.{}", URL_SAFE_NO_PAD.encode(packed))) {
        assert_eq!(restored.state.clone().normalise(), restored.state);
    }
});
