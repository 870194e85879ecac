//! One source of truth for interface words: `ui_keys::REQUIRED` is the list
//! of keys the code uses, every pack must carry them all
//! (`tests/content_packs.rs`, and `read_pack_file` at run time), and the
//! tests here tie that list to the code both ways, by reading `src/`:
//!
//! - every key in content/en.json and es.json is used somewhere in the code
//!   (its quoted name appears outside `ui_keys.rs` and outside test
//!   modules; `key_one`, the singular of a counted phrase, counts as used
//!   with `key`; `about_<id>` counts as used when the code writes a
//!   `"about_{…}"` template and `<id>` is a goal, factor or treatment);
//! - every key the code looks up by name (`ui("…")`, `ui_counted("…", …)`,
//!   and the names a `…key()` function returns) is in `REQUIRED`.
//!
//! A key reached some other way (through a variable) is checked as it is
//! looked up: `Pack::ui` asserts, in debug builds, that its key is in
//! `REQUIRED`, so every test that renders or announces checks its keys too.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;
use common::rust_files;
use mbc_guide::content::{builtin, ui_keys, Lang};

/// The code of `src/`, file by file: each file up to its test module
/// (`#[cfg(test)]`), and not `ui_keys.rs`, the list itself.
fn code() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files
        .into_iter()
        .filter(|path| !path.ends_with("content/ui_keys.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file");
            let code = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            (path, code)
        })
        .collect()
}

/// The string literals in `text`, in order (plain `"…"` literals; escapes
/// are kept as written, which is all a key needs).
fn literals(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// The literal right after each `call(` in `text`: `ui("page_title")`.
fn literal_arguments<'a>(text: &'a str, call: &str) -> Vec<&'a str> {
    let pattern = format!("{call}(\"");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&pattern) {
        let before = rest[..at].chars().last();
        let after = &rest[at + pattern.len()..];
        // `.ui(`, or `ui(` at the start of a word; not `fmt_ui(`.
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            if let Some(end) = after.find('"') {
                out.push(&after[..end]);
            }
        }
        rest = after;
    }
    out
}

/// The literals in the bodies of functions whose name ends in `_key`
/// (`ui_key`, `intro_key`): the keys they hand to `Pack::ui`.
fn literals_of_key_functions(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("fn ") {
        let after = &rest[at + 3..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        rest = after;
        if !name.ends_with("_key") {
            continue;
        }
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut close = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.extend(literals(&after[open..close]));
    }
    out
}

/// Every key either pack holds.
fn pack_keys() -> BTreeSet<String> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            let pack = builtin(lang).expect("built-in pack");
            pack.ui.keys().cloned().collect::<Vec<_>>()
        })
        .collect()
}

/// The ids of either pack's goals, factors and treatments: what the code
/// writes into a key template (`format!("about_{}", factor.id)`).
fn item_ids() -> BTreeSet<String> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            let guide = builtin(lang).expect("built-in pack").guide;
            let goals = guide.goals.items.into_iter().map(|i| i.id);
            let treatments = guide.treatments.items.into_iter().map(|i| i.id);
            let factors = guide.factors.items.into_iter().map(|f| f.id);
            goals.chain(treatments).chain(factors).collect::<Vec<_>>()
        })
        .collect()
}

/// Whether `key` is used by `code`'s literals: as itself, as the singular
/// (`_one`) of a counted phrase that is, or as a template's prefix (the text
/// before its first `{`, ending in `_`) followed by an item id.
fn used(key: &str, code: &BTreeSet<&str>, ids: &BTreeSet<String>) -> bool {
    let named = |key: &str| {
        code.contains(key)
            || code.iter().any(|literal| {
                literal.split_once('{').is_some_and(|(prefix, _)| {
                    prefix.ends_with('_')
                        && key.strip_prefix(prefix).is_some_and(|id| ids.contains(id))
                })
            })
    };
    named(key) || key.strip_suffix("_one").is_some_and(named)
}

#[test]
fn every_interface_word_in_the_packs_is_used_by_the_code() {
    let code = code();
    let found: BTreeSet<&str> = code.iter().flat_map(|(_, text)| literals(text)).collect();
    let ids = item_ids();
    let unused: Vec<String> = pack_keys()
        .into_iter()
        .filter(|key| !used(key, &found, &ids))
        .collect();
    assert!(
        unused.is_empty(),
        "interface words no code uses (remove them from content/*.json and \
         src/content/ui_keys.rs): {unused:?}"
    );
}

#[test]
fn every_key_the_code_looks_up_is_required_of_every_pack() {
    let mut unknown = Vec::new();
    let mut looked_up = 0;
    for (path, text) in code() {
        let keys = literal_arguments(&text, "ui")
            .into_iter()
            .chain(literal_arguments(&text, "ui_counted"))
            .chain(literals_of_key_functions(&text));
        for key in keys {
            looked_up += 1;
            if !ui_keys::REQUIRED.contains(&key) {
                unknown.push(format!("{}: {key:?}", path.display()));
            }
        }
    }
    // The scan finds the code's look-ups (well over a hundred), not nothing.
    assert!(looked_up > 100, "only {looked_up} look-ups found");
    assert!(
        unknown.is_empty(),
        "keys the code looks up that ui_keys::REQUIRED (and so the packs) may \
         lack: {unknown:?}"
    );
}

#[test]
fn every_required_key_is_in_both_packs_and_nothing_else_is() {
    let required: BTreeSet<String> = ui_keys::REQUIRED.iter().map(|k| k.to_string()).collect();
    for lang in Lang::ALL {
        let pack = builtin(lang).expect("built-in pack");
        let keys: BTreeSet<String> = pack.ui.keys().cloned().collect();
        assert_eq!(
            keys.symmetric_difference(&required).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "content/{}.json against ui_keys::REQUIRED",
            lang.code()
        );
    }
}
