//! A hospital's own content pack, read with the widget's own JSON parser
//! (the path the browser takes): used when sound, refused with a reason
//! when not, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::content::{builtin, parse, read_hospital_pack, Lang, Library, Question};

fn en_text() -> String {
    std::fs::read_to_string("content/en.json").expect("content/en.json")
}

fn reference() -> mbc_guide::content::Pack {
    builtin(Lang::En).expect("built-in English")
}

#[test]
fn our_parser_reads_the_packs_exactly_as_serde_json_does() {
    for file in ["content/en.json", "content/es.json"] {
        let text = std::fs::read_to_string(file).expect("pack file");
        let ours = read_hospital_pack(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(ours, parse(&text).expect("serde_json reads it"), "{file}");
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
    let text = serde_json::to_string(&pack).expect("serialises");
    let read = read_hospital_pack(&text).unwrap_or_else(|e| panic!("refused: {e}"));
    let library = Library::builtin().expect("built-in").with_pack(read);
    assert!(library.pack(Lang::En).question("local-parking").is_some());
    assert!(
        library.pack(Lang::Es).question("local-parking").is_none(),
        "Spanish stays built-in"
    );
}

#[test]
fn hostile_packs_are_refused_with_a_reason() {
    let script = en_text().replacen(
        "\"tagline\": \"",
        "\"tagline\": \"<script>alert(1)</script>",
        1,
    );
    let bidi = en_text().replacen("\"tagline\": \"", "\"tagline\": \"\u{202E}", 1);
    let huge = format!("{{\"schema\": 1, \"x\": \"{}\"}}", "a".repeat(10 << 20));
    let cases = [
        (script, "markup"),
        (bidi, "bidi"),
        (huge, "bytes"),
        ("{\"schema\": 1".to_owned(), "JSON"),
        ("{\"schema\": 1, \"surprise\": true}".to_owned(), "shape"),
        (
            en_text().replacen("\"lang\": \"en\"", "\"lang\": \"fr\"", 1),
            "lang",
        ),
    ];
    for (text, why) in cases {
        let error = read_hospital_pack(&text).expect_err(why);
        assert!(!error.is_empty(), "{why}: a reason is given");
        println!("{why}: {}", error.chars().take(160).collect::<String>());
    }
}
