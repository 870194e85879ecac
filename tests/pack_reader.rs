//! The hand-written pack reader (`content::read`) against the serde reader
//! it replaced (postcard, kept natively to write packs): the same pack from
//! every shipped pack and the format-1 fixture, and the same error, never a
//! panic, for cut and corrupted copies of them.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::content::{
    compile_pack, parse, read, read_pack_file, Lang, Pack, Question, Rule, PACK_MAGIC,
};
use proptest::prelude::*;

/// What serde's reader made of these bytes: the pack, or postcard's words.
fn serde_reads(body: &[u8]) -> Result<Pack, String> {
    postcard::from_bytes::<Pack>(body).map_err(|e| e.to_string())
}

fn ours(body: &[u8]) -> Result<Pack, String> {
    read::pack(body).map_err(|e| e.to_string())
}

/// The pack after `PACK_MAGIC` and the format byte.
fn body(file: &[u8]) -> &[u8] {
    &file[PACK_MAGIC.len() + 1..]
}

fn shipped() -> Vec<(String, Vec<u8>)> {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packs/compiled-format-1.pack"
    );
    let mut files: Vec<(String, Vec<u8>)> = Lang::ALL
        .iter()
        .map(|lang| {
            let file = lang.compiled_pack_file().expect("the pack parsed at build");
            (lang.code().to_owned(), file)
        })
        .collect();
    files.push((
        "compiled-format-1.pack".into(),
        std::fs::read(fixture).unwrap_or_else(|e| panic!("{fixture}: {e}")),
    ));
    files
}

#[test]
fn every_shipped_pack_and_the_format_1_fixture_read_as_serde_read_them() {
    for (name, file) in shipped() {
        let theirs = serde_reads(body(&file)).unwrap_or_else(|e| panic!("{name}: serde: {e}"));
        let mine = ours(body(&file)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(mine, theirs, "{name}");
        assert!(!mine.questions.is_empty() && !mine.ui.is_empty(), "{name}");
    }
}

#[test]
fn the_built_in_packs_read_as_their_json_source() {
    for lang in Lang::ALL {
        let path = format!(
            "{}/content/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let from_json = parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let file = lang.compiled_pack_file().expect("parsed at build");
        assert_eq!(ours(body(&file)), Ok(from_json), "{path}");
    }
}

/// Every way of writing each kind of value reads back: options both ways,
/// every rule variant, a long string (a two-byte length) and a map out of
/// order with a repeated key (sorted, the later value kept, as serde's
/// reader and `ById` do).
#[test]
fn every_field_kind_reads_back() {
    let mut pack = Lang::En
        .compiled_pack_file()
        .map(|f| ours(body(&f)))
        .expect("en")
        .expect("reads");
    pack.meta.sources[0].url = None;
    pack.meta.sources[1].checked = None;
    pack.guide.treatments.items[0].when = Some("x".repeat(300));
    let factor = |id: &str| Rule::Factor {
        id: id.into(),
        is: vec!["a".into(), "b".into()],
    };
    pack.questions[0].rule = Some(Rule::Any(vec![
        Rule::Always(false),
        Rule::All(vec![factor("her2"), Rule::Always(true)]),
        Rule::Goal {
            id: "shrink".into(),
            is: vec![],
        },
        Rule::Treatment {
            id: "hormonal".into(),
            is: vec!["ask".into()],
        },
    ]));
    pack.questions[1].rule = None;
    pack.questions[1].sensitive = true;
    pack.guide.factors.items[0].multiple = !pack.guide.factors.items[0].multiple;
    let file = compile_pack(&pack).expect("compiles");
    assert_eq!(ours(body(&file)), Ok(pack.clone()));
    assert_eq!(ours(body(&file)), serde_reads(body(&file)));

    // A map written out of order, with a key twice: rewrite the ui map's
    // entries as (b, 1), (a, 2), (b, 3) by hand in a tiny pack.
    let mut tiny = pack.clone();
    tiny.ui = [("k".to_owned(), "v".to_owned())].into_iter().collect();
    let file = compile_pack(&tiny).expect("compiles");
    let entry = [&[1u8, b'k', 1, b'v'][..]].concat();
    let at = find(&file, &[&[1u8][..], &entry].concat()).expect("the map's bytes");
    let hostile = [
        &file[..at],
        &[3, 1, b'b', 1, b'1', 1, b'a', 1, b'2', 1, b'b', 1, b'3'],
        &file[at + 1 + entry.len()..],
    ]
    .concat();
    let mine = ours(body(&hostile)).expect("reads");
    assert_eq!(
        mine.ui
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>(),
        ["a=2", "b=3"]
    );
    assert_eq!(Ok(mine), serde_reads(body(&hostile)));
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Every cut of the fixture, and a spread of cuts of the English pack,
/// fails as serde's reader failed, and bytes after a whole pack are
/// ignored by both.
#[test]
fn a_cut_pack_fails_as_serde_failed() {
    for (name, file) in shipped() {
        let whole = body(&file);
        let step = if whole.len() > 30_000 { 7 } else { 1 };
        for len in (0..whole.len()).step_by(step) {
            let mine = ours(&whole[..len]);
            assert!(mine.is_err(), "{name}: cut at {len} read");
            assert_eq!(mine, serde_reads(&whole[..len]), "{name}: cut at {len}");
        }
        let longer = [whole, b"trailing bytes"].concat();
        assert_eq!(ours(&longer), serde_reads(whole), "{name}");
    }
}

/// A question's rule nested 100,000 deep (serde's reader recursed without
/// a limit: this would overflow its stack) is refused at 64; 64 levels read.
#[test]
fn rules_nested_too_deep_are_refused_without_recursing() {
    let mut pack = parse(include_str!("fixtures/packs/valid_minimal.json")).expect("fixture");
    pack.questions = vec![Question {
        id: "q".into(),
        topic: "t".into(),
        text: "Q?".into(),
        sources: vec![],
        sensitive: false,
        rule: Some(Rule::Always(true)),
    }];
    pack.glossary.clear();
    pack.readiness.clear();
    let file = compile_pack(&pack).expect("compiles");
    // The file ends: Some (1), Always (0) true (1), no glossary (0), no readiness (0).
    let (head, tail) = file.split_at(file.len() - 5);
    assert_eq!(tail, [1, 0, 1, 0, 0]);
    let nested = |depth: usize| {
        let all_of_one = [4u8, 1].repeat(depth);
        [head, &[1], &all_of_one, &[0, 1, 0, 0]].concat()
    };
    let deepest_read = ours(body(&nested(read::MAX_RULE_DEPTH - 1))).expect("64 levels read");
    assert_eq!(
        Ok(deepest_read),
        serde_reads(body(&nested(read::MAX_RULE_DEPTH - 1)))
    );
    for depth in [read::MAX_RULE_DEPTH, 100_000] {
        let error = read_pack_file(&nested(depth)).expect_err("too deep");
        assert!(
            error.contains("nested more than 64 deep") && error.contains("damaged"),
            "{error}"
        );
    }
}

/// Counts and lengths far beyond the bytes end at the end of the bytes:
/// no huge allocation, no long loop, the same error as serde's reader.
#[test]
fn huge_counts_and_lengths_fail_at_once() {
    let file = Lang::En.compiled_pack_file().expect("en");
    let whole = body(&file);
    // schema 1, then the lang's length as the largest 32-bit varint.
    let long_string = [&[1u8, 0xff, 0xff, 0xff, 0xff, 0x0f][..], &whole[2..]].concat();
    assert_eq!(
        ours(&long_string),
        Err("Hit the end of buffer, expected more data".into())
    );
    assert_eq!(ours(&long_string), serde_reads(&long_string));
    // A varint of eleven bytes never ends.
    let endless = [&[1u8][..], &[0xff; 11], &whole[2..]].concat();
    assert_eq!(ours(&endless), serde_reads(&endless));
    assert!(ours(&endless).is_err_and(|e| e.contains("varint")));
    // The publishers list claims 2^32 entries, of one byte each at best.
    let pack = ours(whole).expect("reads");
    let before_publishers = 1 + [
        &pack.lang,
        &pack.meta.title,
        &pack.meta.tagline,
        &pack.meta.last_reviewed,
        &pack.meta.review_by,
    ]
    .iter()
    .map(|s| varint_len(s.len()) + s.len())
    .sum::<usize>();
    let many = [
        &whole[..before_publishers],
        &[0xff, 0xff, 0xff, 0xff, 0x0f],
        &whole[before_publishers + 1..],
    ]
    .concat();
    let started = std::time::Instant::now();
    assert!(ours(&many).is_err());
    assert_eq!(ours(&many), serde_reads(&many));
    assert!(started.elapsed().as_secs() < 5, "linear in the bytes");
}

fn varint_len(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()).max(1).div_ceil(7) as usize
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// One to four bytes of a shipped pack changed: our reader never
    /// panics, and reads or fails exactly as serde's reader did.
    #[test]
    fn a_corrupted_pack_reads_or_fails_as_serde_did(
        which in 0usize..3,
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..5),
    ) {
        let files = shipped();
        let whole = body(&files[which].1);
        let mut bytes = whole.to_vec();
        for (at, value) in &changes {
            let i = at.index(bytes.len());
            bytes[i] = *value;
        }
        prop_assert_eq!(ours(&bytes), serde_reads(&bytes));
    }

    /// Random bytes, after a valid start or on their own: the same outcome.
    #[test]
    fn random_bytes_read_or_fail_as_serde_did(
        keep in 0usize..400,
        noise in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let file = Lang::En.compiled_pack_file().expect("en");
        let bytes = [&body(&file)[..keep], &noise].concat();
        prop_assert_eq!(ours(&bytes), serde_reads(&bytes));
    }
}
