//! A hospital's own content pack, compiled by `mbc-validate-pack --compile`
//! and read at run time: used when sound, refused with a reason when not,
//! never a panic.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::content::{
    builtin, compile_pack, read_pack_file, Lang, Library, Question, PACK_FORMAT, PACK_MAGIC,
};

fn reference() -> mbc_guide::content::Pack {
    builtin(Lang::En).expect("built-in English")
}

#[test]
fn compiled_packs_read_back_exactly() {
    for lang in Lang::ALL {
        let pack = builtin(lang).expect("built-in");
        let read = read_pack_file(&compile_pack(&pack).expect("compiles"))
            .unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_eq!(read, pack);
    }
}

#[test]
fn a_pack_with_a_local_question_is_used_for_its_language() {
    let mut pack = reference();
    pack.questions.push(Question {
        id: "local-parking".into(),
        topic: "cost".into(),
        text: "Is there free parking for my visits?".into(),
        sources: vec![pack.meta.sources[0].id.clone()],
        sensitive: false,
        rule: None,
    });
    let read = read_pack_file(&compile_pack(&pack).expect("compiles"))
        .unwrap_or_else(|e| panic!("refused: {e}"));
    let library = Library::builtin().expect("built-in").with_pack(read);
    assert!(library
        .pack_or_english(Lang::En)
        .question("local-parking")
        .is_some());
    assert!(
        library
            .pack_or_english(Lang::Es)
            .question("local-parking")
            .is_none(),
        "Spanish stays built-in"
    );
}

#[test]
fn hostile_or_broken_packs_are_refused_with_a_reason() {
    let with = |change: fn(&mut mbc_guide::content::Pack)| {
        let mut pack = reference();
        change(&mut pack);
        compile_pack(&pack).expect("compiles")
    };
    let mut truncated = compile_pack(&reference()).expect("compiles");
    truncated.truncate(truncated.len() / 2);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            with(|p| p.meta.tagline = "<script>alert(1)</script>".into()),
            "plain",
        ),
        (
            with(|p| p.questions[0].text = "\u{202E}evil".into()),
            "plain",
        ),
        (with(|p| p.glossary[0].text = "x".repeat(3000)), "plain"),
        (with(|p| p.lang = "fr".into()), "lang"),
        (with(|p| p.schema = 9), "version"),
        (
            with(|p| {
                p.ui.remove("print_button");
            }),
            "print_button",
        ),
        (with(|p| p.guide.goals.items.truncate(2)), "goal"),
        (truncated, "damaged"),
        (b"{\"schema\": 1}".to_vec(), "compiled pack"),
        (vec![b'x'; 3 << 20], "bytes"),
    ];
    for (bytes, why) in cases {
        let error = read_pack_file(&bytes).expect_err(why);
        assert!(error.contains(why), "{why}: {error}");
    }
}

/// The build's own language files (written by `mbc-postbuild`, fetched by the
/// wasm when someone picks the language) read back as the same pack, and
/// their names change when their bytes do.
#[test]
fn the_language_files_of_the_build_read_back_whole() {
    for lang in Lang::ALL {
        let file = lang
            .compiled_pack_file()
            .expect("the pack parsed at build time");
        let read = read_pack_file(&file).unwrap_or_else(|e| panic!("{lang:?} refused: {e}"));
        assert_eq!(read, builtin(lang).expect("built-in"), "{lang:?}");
        let name = lang.pack_file();
        let hash = name
            .strip_prefix(&format!("mbc-guide-{}-", lang.code()))
            .and_then(|rest| rest.strip_suffix(".pack"))
            .unwrap_or_else(|| panic!("{name} is not mbc-guide-<lang>-<hash>.pack"));
        assert!(
            hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()),
            "{name}"
        );
    }
    assert_ne!(Lang::En.pack_file(), Lang::Es.pack_file());
}

/// A library without a language's pack (as the wasm starts) still has
/// English, and takes the pack in once it is fetched.
#[test]
fn a_library_takes_in_a_fetched_language() {
    let full = Library::builtin().expect("built-in");
    let start = full.without(Lang::Es);
    assert!(start.pack(Lang::Es).is_none());
    assert_eq!(start.pack_or_english(Lang::Es).lang, "en");
    assert!(
        full.without(Lang::En).pack(Lang::En).is_some(),
        "English always stays"
    );
    let es = read_pack_file(&Lang::Es.compiled_pack_file().expect("parsed")).expect("reads");
    let later = start.with_pack(es);
    assert_eq!(later.pack(Lang::Es).expect("now at hand").lang, "es");
    assert!(later != start);
}

/// Issue 17 item 11: a pack compiled in another pack format is refused
/// with both formats and the command to run, not called damaged. The
/// fixture was compiled by the format-1 `compile_pack` before the format
/// was read: while `PACK_FORMAT` is 1 it must read back (so a change to the
/// model without a bump fails here); once the format is bumped, it is the
/// older pack that must be refused by name.
#[test]
fn a_pack_of_another_format_names_both_formats_and_the_command() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packs/compiled-format-1.pack"
    );
    let format_1 = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let refused = |bytes: &[u8], found: u8| {
        let error = read_pack_file(bytes)
            .err()
            .unwrap_or_else(|| panic!("a pack of format {found} was read"));
        for part in [
            format!("pack format {found}"),
            format!("reads pack format {PACK_FORMAT}"),
            "mbc-validate-pack <pack.json> --compile <out.pack>".to_owned(),
        ] {
            assert!(error.contains(&part), "{part:?} not in {error:?}");
        }
        assert!(!error.contains("damaged"), "{error}");
    };
    if PACK_FORMAT == 1 {
        // Read, or refused only for interface words added since (named,
        // with the command): never "damaged".
        match read_pack_file(&format_1) {
            Ok(pack) => assert_eq!(pack.meta.title, "A hospital pack compiled in pack format 1"),
            Err(e) => assert!(
                e.contains("no interface words for") && e.contains("--compile <out.pack>"),
                "format 1: {e}"
            ),
        }
    } else {
        refused(&format_1, 1);
    }
    // The same file as a newer and an older format would mark it.
    let at = PACK_MAGIC.len();
    let mut newer = format_1.clone();
    newer[at] = PACK_FORMAT + 1;
    refused(&newer, PACK_FORMAT + 1);
    let mut older = format_1;
    older[at] = PACK_FORMAT - 1;
    refused(&older, PACK_FORMAT - 1);
}
