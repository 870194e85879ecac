//! CONTRIBUTING.md, "Keep the wasm small": a hook's start value is a
//! function path (`use_state_eq(bool::default)`, `use_state_eq(String::new)`),
//! not a closure (`|| false`). Yew's state hooks are generic over the start
//! function, and each closure is a type of its own, so `|| false` written in
//! two places brings two copies of the hook into the wasm where
//! `bool::default` brings one. This reads `src/` and fails on a closure
//! whose value a function path gives: `false`, a zero, `""`, or a call of
//! `…::new()` or `…::default()` with no arguments. A closure that captures
//! something (`|| props.moved`) is fine: no path can replace it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

mod common;
use common::rust_files;

/// Yew's hooks that take a start function.
const HOOKS: [&str; 5] = [
    "use_state",
    "use_state_eq",
    "use_mut_ref",
    "use_reducer",
    "use_reducer_eq",
];

/// The text between the parenthesis at the start of `text` and its match.
fn argument(text: &str) -> &str {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..i];
                }
            }
            _ => {}
        }
    }
    ""
}

/// Whether a closure's body is a value a function path gives.
fn has_a_path(body: &str) -> bool {
    let body = body.trim();
    let body = body
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .map_or(body, str::trim);
    let zero = body.starts_with('0')
        && body
            .trim_start_matches(['0', '.', '_'])
            .chars()
            .all(|c| c.is_ascii_alphanumeric());
    let empty_call = body.ends_with("::new()") || body.ends_with("::default()");
    body == "false" || body == "\"\"" || zero || (empty_call && !body.contains(' '))
}

/// Each hook call in `code` whose start value is a closure `has_a_path`
/// could replace, as written.
fn closures_with_a_path(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for hook in HOOKS {
        let call = format!("{hook}(");
        let mut rest = code;
        while let Some(at) = rest.find(&call) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + hook.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // a longer name, such as `my_use_state(`
            }
            let arg = argument(rest).trim().trim_end_matches(',').trim_end();
            let arg = arg.strip_prefix("move").map_or(arg, str::trim_start);
            if let Some(body) = arg.strip_prefix("||") {
                if has_a_path(body) {
                    found.push(format!("{hook}({arg})"));
                }
            }
        }
    }
    found
}

#[test]
fn hook_start_values_are_function_paths_where_one_exists() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut bad = Vec::new();
    for path in files {
        let code = std::fs::read_to_string(&path).expect("a source file");
        for call in closures_with_a_path(&code) {
            bad.push(format!("{}: {call}", path.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "write the start value as a function path (bool::default, u32::default, String::new), \
         not a closure (CONTRIBUTING.md, \"Keep the wasm small\"):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_knows_a_closure_from_a_path() {
    for bad in [
        "use_state_eq(|| false)",
        "use_state(move || 0)",
        "use_mut_ref(|| 0u32)",
        "use_state_eq(|| String::new())",
        "use_state_eq(|| { Vec::new() })",
        "use_state_eq(\n        || false,\n    )",
        "use_reducer(|| State::default())",
    ] {
        assert_eq!(closures_with_a_path(bad).len(), 1, "{bad}");
    }
    for good in [
        "use_state_eq(bool::default)",
        "use_state_eq(String::new)",
        "use_mut_ref(|| props.moved)",
        "use_state_eq(|| found.saved_on.clone())",
        "use_mut_ref(|| true)",
        "use_state(|| None::<(Rc<State>, AttrValue)>)",
        "my_use_state(|| false)",
        "use_state_eq(|| if IN_A_BROWSER { 0 } else { count })",
    ] {
        assert_eq!(closures_with_a_path(good), Vec::<String>::new(), "{good}");
    }
}
