//! A hospital's own content pack, compiled by `mbc-validate-pack --compile`
//! and read at run time: used when sound, refused with a reason when not,
//! never a panic.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::content::{builtin, compile_pack, read_pack_file, Lang, Library, Question};

fn reference() -> mbc_guide::content::Pack {
    builtin(Lang::En).expect("built-in English")
}

#[test]
fn compiled_packs_read_back_exactly() {
    for lang in Lang::ALL {
        let pack = builtin(lang).expect("built-in");
        let read = read_pack_file(&compile_pack(&pack)).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
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
    let read = read_pack_file(&compile_pack(&pack)).unwrap_or_else(|e| panic!("refused: {e}"));
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
        compile_pack(&pack)
    };
    let mut truncated = compile_pack(&reference());
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
