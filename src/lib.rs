//! mbc-guide: a checklist and second-opinion question builder for people
//! with metastatic breast cancer, as a Yew widget.
//!
//! The core (content, answers, rules) is plain Rust and tested natively.
//! Components render what the core decides. Everything that touches the
//! browser lives in `web`, compiled only for wasm.

pub mod about_me;
pub mod announce;
pub mod answers;
pub mod by_id;
pub mod components;
pub mod config;
pub mod content;
pub mod dates;
pub mod export;
pub mod incoming;
pub mod json;
pub mod plural;
pub mod progress;
pub mod qr;
pub mod rules;
pub mod session;
pub mod share;
pub mod sheet;
pub mod state;
pub mod stored;
pub mod text;
pub mod zlib;

#[cfg(target_arch = "wasm32")]
pub mod web;

// A smaller allocator than Rust's default dlmalloc (docs/SIZE.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
