//! Share links and import files: exact round trips, every kind of bad
//! input refused with a typed error (never a panic), and the link sizes.
//!
//! `cargo test --test share -- --nocapture` prints the link sizes for 5, 15
//! and 60 questions.
#![cfg(not(target_arch = "wasm32"))]

mod bomb;
mod realistic;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;

use mbc_guide::answers::{Answers, Mark, Rating};
use mbc_guide::by_id::ById;
use mbc_guide::json::Value;
use mbc_guide::share::{
    decode, encode, fits, import_file, link, ShareError, MAX_JSON_BYTES, PREFIX,
};
use mbc_guide::state::{
    Action, Entry, Parts, State, Step, Visit, MAX_NOTE_CHARS, MAX_QUESTION_CHARS,
};
use mbc_guide::stored::{self, Lost};

use bomb::zlib_of_spaces;
use realistic::{list_with_notes, BASE};

// Counts this thread's heap use, to show a decompression bomb is stopped
// without the memory it asks for. Per thread, so tests running side by side
// do not disturb each other's counts.

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call goes straight to `System`; we only add up sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        count(-(layout.size() as isize));
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, size) };
        if !q.is_null() {
            count(size as isize - layout.size() as isize);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns what it gave and the most heap it held at once
/// beyond what was in use before, on this thread.
fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(start));
    let out = f();
    let peak = PEAK.with(Cell::get);
    (out, usize::try_from(peak - start).unwrap_or(0))
}

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| s.apply(a))
}

/// A state with something in every field.
fn rich() -> State {
    let state = run(
        State::default(),
        [
            Action::RateGoal {
                goal: "shrink".into(),
                rating: Some(Rating::Not),
            },
            Action::RateGoal {
                goal: "quality".into(),
                rating: Some(Rating::Very),
            },
            Action::SetGoalsOther("Grandson's graduation in May — «важно» 😀\nand work".into()),
            Action::ChooseFactor {
                factor: "spread".into(),
                option: "bone".into(),
                multiple: true,
                chosen: true,
            },
            Action::ChooseFactor {
                factor: "spread".into(),
                option: "liver".into(),
                multiple: true,
                chosen: true,
            },
            Action::ChooseFactor {
                factor: "her2".into(),
                option: "not_sure".into(),
                multiple: false,
                chosen: true,
            },
            Action::MarkTreatment {
                treatment: "hormonal".into(),
                mark: Some(Mark::Discussed),
            },
            Action::MarkTreatment {
                treatment: "complementary".into(),
                mark: Some(Mark::NotNow),
            },
            Action::AddQuestion("goals-main-aim".into()),
            Action::AddOwn("Tab\there, \"quotes\", back\\slash, and\nnew lines".into()),
            Action::AddQuestion("her2-retest".into()),
            Action::AddQuestion("a-question-from-a-newer-pack".into()),
            Action::Edit {
                id: 2,
                text: "Can my HER2 be tested again?".into(),
            },
            Action::SetTop { id: 1, top: true },
            Action::SetNote {
                id: 0,
                note: "n".repeat(MAX_NOTE_CHARS),
            },
            Action::SetNote {
                id: 2,
                note: "control \u{1} \u{7f} and \u{2028} are taken out".into(),
            },
            Action::Remove(3),
            Action::ShowSensitive(true),
            Action::GoTo(Step::Ready),
            Action::AnswerReadiness {
                item: "sure".into(),
                yes: Some(false),
            },
            Action::SetLargePrint(true),
            Action::SetVisit(Some(Visit::SecondOpinion)),
            Action::SetTreatmentNow("Letrozole «daily»\nsince May".into()),
            Action::SetPrintQr(true),
        ],
    );
    // The undo is not saved, so not shared: as another tab takes it.
    State::default().apply(Action::Replace(Box::new(state)))
}

fn fragment_data(fragment: &str) -> &str {
    fragment.split_once('.').map_or("", |(_, data)| data)
}

fn fragment_of_bytes(version: u32, bytes: &[u8]) -> String {
    format!("{PREFIX}{version}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn fragment_of_json(json: &str) -> String {
    fragment_of_bytes(
        1,
        &miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6),
    )
}

// Round trips

#[test]
fn a_rich_state_comes_back_exactly() {
    let state = rich();
    assert_eq!(state.list().len(), 3);
    let restored = decode(&encode(&state)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.state, state);
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
}

#[test]
fn the_fragment_is_versioned_and_url_safe() {
    let fragment = encode(&rich());
    let version = stored::VERSION;
    assert!(
        fragment.starts_with(&format!("mbc={version}.")),
        "{fragment}"
    );
    assert!(fragment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
}

#[test]
fn a_link_reads_back_with_or_without_the_hash_and_through_pasted_line_breaks() {
    let state = rich();
    let link = link(BASE, &state);
    let fragment = encode(&state);
    assert_eq!(link, format!("{BASE}#{fragment}"));
    let wrapped: String = fragment
        .as_bytes()
        .chunks(70)
        .map(|line| format!("  {}\r\n", String::from_utf8_lossy(line)))
        .collect();
    for text in [
        link.clone(),
        fragment.clone(),
        format!("#{fragment}"),
        wrapped,
    ] {
        assert_eq!(decode(&text).map(|r| r.state), Ok(state.clone()), "{text}");
    }
}

#[test]
fn the_empty_list_round_trips() {
    assert_eq!(
        decode(&encode(&State::default())).map(|r| r.state),
        Ok(State::default())
    );
}

#[test]
fn html_and_script_in_text_come_back_as_the_same_text() {
    let hostile = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
    let state = run(
        State::default(),
        [
            Action::AddOwn(hostile.into()),
            Action::SetNote {
                id: 0,
                note: format!("</textarea>{hostile}&amp;"),
            },
            Action::SetGoalsOther(hostile.into()),
        ],
    );
    let restored = decode(&encode(&state)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.state.list()[0].text.as_deref(), Some(hostile));
    assert_eq!(
        restored.state.list()[0].note,
        format!("</textarea>{hostile}&amp;")
    );
    assert_eq!(restored.state.answers().goals_other, hostile);
}

/// Issue 17 item 12 (review L5): a link made by an older build, or by
/// hand, with control and bidi characters in the person's words opens with
/// them taken out and its line ends as `\n`: in a question's own text, in a
/// note on a question whose text is clean, and in the answers.
#[test]
fn control_and_bidi_characters_in_a_link_are_taken_out() {
    let text = |s: &str| Value::Text(s.to_owned());
    let entry = |id: f64, own: &str, note: &str| {
        Value::map([
            ("id", Value::Number(id)),
            ("text", text(own)),
            ("note", text(note)),
        ])
    };
    let tree = Value::map([
        (
            "answers",
            Value::map([("goals_other", text("\u{2067}May\u{2069}\u{7}"))]),
        ),
        (
            "list",
            Value::List(vec![
                entry(
                    0.0,
                    "Call \u{202e}5550100\u{202c} today\u{1b}[2J",
                    "one\rtwo",
                ),
                entry(1.0, "A clean question", "one\rtwo\r\nthree\u{9b}\u{200b}"),
            ]),
        ),
        ("next_id", Value::Number(2.0)),
    ]);
    let restored = decode(&fragment_of_json(&tree.to_json())).unwrap_or_else(|e| panic!("{e}"));
    let got = &restored.state;
    assert_eq!(got.list()[0].text.as_deref(), Some("Call 5550100 today[2J"));
    assert_eq!(got.list()[0].note, "one\ntwo");
    assert_eq!(got.list()[1].note, "one\ntwo\nthree");
    assert_eq!(got.answers().goals_other, "May");
}

// Bad links

#[test]
fn a_truncated_link_is_refused_as_damaged() {
    let fragment = encode(&list_with_notes(15));
    for cut in [1, 2, 3, 4, 10, fragment.len() / 2, fragment.len() - 8] {
        let short = &fragment[..fragment.len() - cut];
        let error = decode(short).err();
        assert!(
            matches!(
                error,
                Some(ShareError::Damaged | ShareError::BadEncoding | ShareError::BadVersion)
            ),
            "cut {cut}: {error:?}"
        );
        if let Some(error) = error {
            assert_eq!(error.ui_key(), "share_error_damaged");
        }
    }
}

#[test]
fn a_tampered_link_is_caught_by_the_checksum() {
    let fragment = encode(&list_with_notes(15));
    let at = fragment.len() / 2;
    let mut tampered = fragment.clone().into_bytes();
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap_or_default();
    assert_eq!(decode(&tampered).err(), Some(ShareError::Damaged));
}

#[test]
fn no_single_changed_character_gives_a_different_list() {
    let state = list_with_notes(5);
    let fragment = encode(&state);
    let start = fragment.find('.').map_or(0, |dot| dot + 1);
    for at in start..fragment.len() {
        let mut changed = fragment.clone().into_bytes();
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap_or_default();
        match decode(&changed) {
            // Only bits that carry nothing (padding at the very end) may
            // change without notice; then the list is the same.
            Ok(restored) => assert_eq!(restored.state, state, "at {at}"),
            Err(e) => assert!(
                matches!(e, ShareError::Damaged | ShareError::BadEncoding),
                "at {at}: {e:?}"
            ),
        }
    }
}

#[test]
fn invalid_base64_is_refused() {
    for text in [
        "mbc=1.abc$def",
        "mbc=1.eJy<script>",
        "mbc=1.a",
        "mbc=1.%20%20",
        "mbc=1.++//",
    ] {
        assert_eq!(decode(text).err(), Some(ShareError::BadEncoding), "{text}");
    }
}

#[test]
fn a_link_from_a_future_version_says_so() {
    let data = fragment_data(&encode(&rich())).to_owned();
    assert_eq!(
        decode(&format!("mbc=9.{data}")).err(),
        Some(ShareError::FutureVersion(9))
    );
    let next = stored::VERSION + 1;
    assert_eq!(
        decode(&format!("#mbc={next}.anything")).err(),
        Some(ShareError::FutureVersion(next))
    );
    assert_eq!(ShareError::FutureVersion(9).ui_key(), "share_error_newer");
}

#[test]
fn a_missing_or_broken_version_is_refused() {
    let data = fragment_data(&encode(&rich())).to_owned();
    for text in [
        format!("mbc={data}"),
        format!("mbc=.{data}"),
        format!("mbc=0.{data}"),
        format!("mbc=v1.{data}"),
        format!("mbc=-1.{data}"),
    ] {
        assert_eq!(decode(&text).err(), Some(ShareError::BadVersion), "{text}");
    }
}

#[test]
fn text_that_is_not_a_share_link_is_refused() {
    for text in [
        "",
        "   ",
        "#",
        "https://example.org/mbc-guide/",
        "https://example.org/#section-2",
        "mbc1.abc",
        "MBC=1.abc",
    ] {
        assert_eq!(
            decode(text).err(),
            Some(ShareError::NotAShareLink),
            "{text:?}"
        );
    }
}

#[test]
fn a_decompression_bomb_stops_at_the_cap_quickly_and_small() {
    let bomb = fragment_of_bytes(1, &zlib_of_spaces(50_000_000));
    assert!(
        bomb.len() < 500_000,
        "the bomb itself is small: {}",
        bomb.len()
    );
    let started = Instant::now();
    let (result, peak) = peak_heap(|| decode(&bomb));
    assert_eq!(result.err(), Some(ShareError::TooLarge));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // The cap, plus the base64-decoded input and the decompressor's state.
    assert!(
        peak < MAX_JSON_BYTES + 2 * bomb.len() + (256 << 10),
        "held {peak} bytes at once"
    );
    assert_eq!(ShareError::TooLarge.ui_key(), "share_error_too_large");
}

#[test]
fn the_hand_made_bomb_is_a_real_50_mb_stream() {
    let bomb = zlib_of_spaces(50_000_000);
    let all = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bomb, 60_000_000)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 50_000_000);
    assert!(all.iter().all(|&b| b == b' '));
}

#[test]
fn json_that_is_not_a_saved_list_is_unreadable() {
    for json in [
        "not json",
        "[1,2,3]",
        "{\"hello\": \"world\"}",
        "{\"answers\": {}}",
        "\"a string\"",
        "{\"answers\":{},\"list\":[]",
    ] {
        assert_eq!(
            decode(&fragment_of_json(json)).err(),
            Some(ShareError::Unreadable),
            "{json}"
        );
    }
    let not_utf8 = fragment_of_bytes(
        1,
        &miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe, 0x00], 6),
    );
    assert_eq!(decode(&not_utf8).err(), Some(ShareError::Unreadable));
}

#[test]
fn a_crafted_list_is_salvaged_like_a_damaged_save() {
    let json = r#"{"answers": {"goals": {"shrink": "very", "quality": 7}},
        "list": [{"id": 0, "question": "goals-main-aim", "note": 5},
                 {"id": 1, "text": "<b>kept as text</b>", "top": "yes"}, 42],
        "step": "nowhere"}"#;
    let restored = decode(&fragment_of_json(json)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.state.list().len(), 2);
    assert_eq!(
        restored.state.list()[1].text.as_deref(),
        Some("<b>kept as text</b>")
    );
    assert_eq!(
        restored.state.answers().goals.get("shrink"),
        Some(&Rating::Very)
    );
    assert!(restored.lost.contains(&Lost::Answers(1)));
    assert!(restored.lost.contains(&Lost::Notes(1)));
    assert!(restored.lost.contains(&Lost::Other(1)));
}

#[test]
fn far_too_long_text_is_refused_before_any_work() {
    let huge = format!("mbc=1.{}", "A".repeat(mbc_guide::share::MAX_FRAGMENT_BYTES));
    assert_eq!(decode(&huge).err(), Some(ShareError::TooLarge));
    assert_eq!(import_file(&huge).err(), Some(ShareError::TooLarge));
}

#[test]
fn a_list_too_big_for_a_link_is_known_before_sharing() {
    let long_note = "😀".repeat(MAX_NOTE_CHARS); // 4 bytes each in JSON
    let mut state = State::default();
    for i in 0..80 {
        state = state.apply(Action::AddOwn(format!("Question {i}")));
        state = state.apply(Action::SetNote {
            id: i,
            note: long_note.clone(),
        });
    }
    assert!(!fits(&state));
    assert_eq!(decode(&encode(&state)).err(), Some(ShareError::TooLarge));
    assert!(fits(&list_with_notes(60)));
}

// Import files

#[test]
fn an_import_file_may_hold_a_save_or_a_link() {
    let state = rich();
    let save = stored::encode(&state, 4, 1_700_000_000_000.0);
    let from_save = import_file(&save).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_save.state, state);
    assert_eq!(from_save.rev, 4);

    let note = format!(
        "Here is my list:\n\n{}\n\nOpen it on your phone.",
        link(BASE, &state)
    );
    assert_eq!(import_file(&note).map(|r| r.state), Ok(state.clone()));
    assert_eq!(
        import_file(&format!("\u{feff}{}\n", encode(&state))).map(|r| r.state),
        Ok(state)
    );
}

#[test]
fn a_malformed_import_file_is_refused_with_a_reason() {
    assert_eq!(
        import_file("{\"format\": \"mbc-guide/state\", \"version\": 1, \"state\": {\"list\": [")
            .err(),
        Some(ShareError::Unreadable)
    );
    assert_eq!(
        import_file("{\"format\": \"someone-else\", \"state\": {}}").err(),
        Some(ShareError::NotAShareLink)
    );
    assert_eq!(
        import_file("My questions for my care team\n1. [ ] What is HER2?").err(),
        Some(ShareError::NotAShareLink)
    );
    assert_eq!(import_file("").err(), Some(ShareError::NotAShareLink));
    assert_eq!(
        import_file("see mbc=1.!!!").err(),
        Some(ShareError::BadEncoding)
    );
    let future = "{\"format\": \"mbc-guide/state\", \"version\": 7, \"state\": {}}";
    assert_eq!(
        import_file(future).err(),
        Some(ShareError::FutureVersion(7))
    );
}

/// A link made by the guide's own zlib encoder (src/zlib.rs, before the
/// browser's CompressionStream replaced it) still opens. The browser test
/// (tests/browser.rs) opens the same link through DecompressionStream.
#[test]
fn a_link_made_by_the_old_encoder_opens() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stored/v2_own_zlib.link"
    );
    let link = std::fs::read_to_string(path).expect("the v2 link fixture");
    let restored = decode(&link).unwrap_or_else(|e| panic!("{e}"));
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    let list = restored.state.list();
    assert_eq!(list.len(), 3);
    assert!(list[0].top);
    assert_eq!(list[2].note, "Dr. said: ask again after the scan 🙂");
    assert_eq!(
        restored.state.answers().goals_other,
        "Seeing my grandson's wedding"
    );
}

/// A link made by version 1 of the saved format, before "grew on" was its
/// own question: it opens, with `hormonal_grew` migrated as a save would be.
#[test]
fn a_version_1_link_opens_with_its_answers_migrated() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stored/v1_hormonal_grew.link"
    );
    let link = std::fs::read_to_string(path).expect("the v1 link fixture");
    assert!(link.contains("#mbc=1."), "{link}");
    for read in [decode(&link), import_file(&link)] {
        let restored = read.unwrap_or_else(|e| panic!("{e}"));
        assert!(restored.lost.is_empty(), "{:?}", restored.lost);
        let factors = &restored.state.answers().factors;
        assert_eq!(
            factors.get("past_treatments"),
            Some(&vec!["hormonal".to_owned(), "chemo".to_owned()])
        );
        assert_eq!(factors.get("grew_on"), Some(&vec!["hormonal".to_owned()]));
        assert_eq!(restored.state.list().len(), 1);
    }
    // The same list, shared again, travels as the current version.
    let again = decode(&link).expect("opens");
    let fresh = encode(&again.state);
    assert!(fresh.starts_with(&format!("mbc={}.", stored::VERSION)));
    assert_eq!(decode(&fresh).expect("reads back").state, again.state);
}

/// A link made before the reason for the visit and the treatment now
/// (version 2) still opens, with neither; a link made now carries both.
#[test]
fn a_version_2_link_opens_and_a_new_link_carries_the_visit_and_treatment_now() {
    let json = r#"{"answers": {"factors": {"her2": ["low"]}}, "list": [{"id": 0, "question": "goals-main-aim"}], "next_id": 1}"#;
    let old = fragment_of_bytes(
        2,
        &miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6),
    );
    let opened = decode(&old).unwrap_or_else(|e| panic!("{e}"));
    assert!(opened.lost.is_empty(), "{:?}", opened.lost);
    assert_eq!(opened.state.list().len(), 1);
    assert_eq!(opened.state.visit, None);
    assert_eq!(opened.state.treatment_now(), "");

    let state = rich();
    let opened = decode(&encode(&state)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened.state.visit, Some(Visit::SecondOpinion));
    assert_eq!(opened.state.treatment_now(), "Letrozole «daily»\nsince May");
}

#[test]
fn a_damaged_save_file_gives_what_could_be_read() {
    let save = r#"{"format": "mbc-guide/state", "version": 1, "rev": 2, "saved_at": 0,
        "state": {"list": [{"id": 0, "text": "Mine"}, {"id": "x"}], "step": 3}}"#;
    let restored = import_file(save).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.state.list().len(), 1);
    assert!(restored.is_damaged());
}

#[test]
fn every_error_has_a_sentence_key() {
    let errors = [
        ShareError::NotAShareLink,
        ShareError::FutureVersion(2),
        ShareError::BadVersion,
        ShareError::BadEncoding,
        ShareError::Damaged,
        ShareError::TooLarge,
        ShareError::Unreadable,
    ];
    let packs = mbc_guide::content::Lang::ALL
        .map(|lang| mbc_guide::content::builtin(lang).expect("built-in pack"));
    for error in errors {
        assert!(error.ui_key().starts_with("share_error_"));
        for pack in &packs {
            assert!(pack.ui.contains_key(error.ui_key()), "{}", error.ui_key());
        }
        assert!(!error.to_string().is_empty());
    }
}

// Sizes

/// How many of the list's questions are the person's own.
fn own_share(state: &State) -> f64 {
    let own = state.list().iter().filter(|e| e.question.is_none()).count();
    own as f64 / state.list().len().max(1) as f64
}

#[test]
fn link_sizes_for_5_15_and_60_questions_with_notes() {
    let mut sizes = Vec::new();
    for n in [5, 15, 60] {
        let state = list_with_notes(n);
        assert_eq!(state.list().len(), n);
        let own = own_share(&state);
        // 30% of the list, rounded: 2 of 5, 5 of 15, 18 of 60.
        assert_eq!((own * n as f64).round() as usize, (n * 3 + 5) / 10);
        let link = link(BASE, &state);
        let json = stored::state_tree(&state).to_json().len();
        println!(
            "{n:>2} questions with notes: link {} characters (state JSON {json} bytes, {:.0}% own questions)",
            link.len(),
            own * 100.0
        );
        sizes.push(link.len());
        assert_eq!(decode(&link).map(|r| r.state), Ok(state));
    }
    assert!(sizes[1] < 2_000, "15 questions: {} characters", sizes[1]);
}

// Properties

/// Text of up to `max` characters of any kind (control characters, line
/// breaks, emoji, right-to-left…).
fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("(?s:.){{0,{max}}}")).unwrap_or_else(|e| panic!("{e}"))
}

/// An id: one the packs use, or anything short.
fn any_id(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(known).prop_map(str::to_owned),
        any_text(12),
    ]
}

const GOALS: &[&str] = &["shrink", "quality", "longer"];
const FACTORS: &[&str] = &["her2", "spread", "menopause", "symptoms"];
const OPTIONS: &[&str] = &["low", "bone", "liver", "not_sure", "none", "post"];
const TREATMENTS: &[&str] = &["hormonal", "chemo", "supportive", "complementary"];
const QUESTIONS: &[&str] = &[
    "goals-main-aim",
    "her2-retest",
    "cost-work",
    "spread-where",
    "trials-fit-me",
];
const ITEMS: &[&str] = &["sure", "understand", "values", "support"];

fn any_rating() -> impl Strategy<Value = Rating> {
    proptest::sample::select(Rating::ALL.to_vec())
}

fn any_mark() -> impl Strategy<Value = Mark> {
    proptest::sample::select(Mark::ALL.to_vec())
}

fn any_entry() -> impl Strategy<Value = std::rc::Rc<Entry>> {
    (
        any::<u32>(),
        proptest::option::of(any_id(QUESTIONS)),
        proptest::option::weighted(0.4, any_text(MAX_QUESTION_CHARS.min(120))),
        any::<bool>(),
        prop_oneof![
            4 => any_text(80),
            1 => any_text(600),
        ],
    )
        .prop_map(|(id, question, text, top, note)| {
            std::rc::Rc::new(Entry {
                id,
                question,
                text,
                top,
                note,
            })
        })
}

fn by_id<V: std::fmt::Debug>(
    keys: &'static [&'static str],
    value: impl Strategy<Value = V>,
) -> impl Strategy<Value = ById<V>> {
    proptest::collection::vec((any_id(keys), value), 0..6).prop_map(|pairs| {
        let mut map = ById::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    })
}

/// Any state the guide could hold, made valid by `normalise` as every
/// state from outside is.
fn any_state() -> impl Strategy<Value = State> {
    let answers = (
        by_id(GOALS, any_rating()),
        any_text(200),
        by_id(FACTORS, proptest::collection::vec(any_id(OPTIONS), 0..4)),
        by_id(TREATMENTS, any_mark()),
    );
    (
        answers,
        proptest::collection::vec(any_entry(), 0..=60),
        any::<u32>(),
        any::<bool>(),
        proptest::sample::select(Step::ALL.to_vec()),
        by_id(ITEMS, any::<bool>()),
        any::<bool>(),
        (
            proptest::option::of(proptest::sample::select(Visit::ALL.to_vec())),
            any_text(300),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (goals, goals_other, factors, treatments),
                list,
                next_id,
                show_sensitive,
                step,
                readiness,
                large_print,
                (visit, treatment_now, print_qr),
            )| {
                let mut state = State::from(Parts {
                    answers: Answers {
                        goals,
                        goals_other,
                        factors,
                        treatments,
                    },
                    list,
                    next_id,
                    readiness,
                    treatment_now,
                });
                state.show_sensitive = show_sensitive;
                state.step = step;
                state.large_print = large_print;
                state.visit = visit;
                state.print_qr = print_qr;
                state
            },
        )
}

/// Any JSON value, a few levels deep.
fn any_loose() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1e6f64..1e12).prop_map(|n| Value::Number(n.trunc())),
        any_text(20).prop_map(Value::Text),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            proptest::collection::vec(
                (any_id(&["id", "text", "note", "top", "question"]), inner),
                0..6
            )
            .prop_map(Value::Map),
        ]
    })
}

proptest! {
    // No failure files: a failing case is printed, and CI runs from a clean
    // tree anyway.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_state_round_trips_exactly(state in any_state()) {
        let restored = decode(&encode(&state));
        prop_assert!(restored.is_ok(), "{:?}", restored.err());
        let restored = restored.unwrap_or_default();
        prop_assert_eq!(&restored.state, &state);
        prop_assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    }

    #[test]
    fn any_bytes_never_panic_the_readers(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode(&text);
        let _ = decode(&format!("mbc=1.{text}"));
        let _ = import_file(&text);
        // Past the base64 step, into the decompressor.
        let _ = decode(&fragment_of_bytes(1, &bytes));
        // Past the checksum, into the JSON reader.
        let _ = decode(&fragment_of_bytes(1, &miniz_oxide::deflate::compress_to_vec_zlib(&bytes, 1)));
    }

    #[test]
    fn any_string_never_panics_the_readers(text in any_text(300)) {
        let _ = decode(&text);
        let _ = decode(&format!("#mbc=1.{text}"));
        let _ = import_file(&text);
        let _ = import_file(&format!("{{{text}"));
    }

    #[test]
    fn any_json_tree_is_salvaged_or_refused(
        answers in any_loose(),
        list in proptest::collection::vec(any_loose(), 0..8),
        extra in any_loose(),
    ) {
        let tree = Value::Map(vec![
            ("answers".into(), answers),
            ("list".into(), Value::List(list)),
            ("step".into(), extra),
        ]);
        // A well-formed link always opens, whatever its parts hold: what is
        // valid is kept, and what comes out is a valid state.
        let restored = decode(&fragment_of_json(&tree.to_json()));
        prop_assert!(restored.is_ok(), "{:?}", restored.err());
        let restored = restored.unwrap_or_default();
        prop_assert_eq!(restored.state.clone().normalise(), restored.state);
    }
}

// Hostile input stays cheap (issue 17): reading is linear, with caps.

/// A save whose answers hold `n` different ids, in reverse order (inserting
/// them one by one into a sorted map would move it each time): as options
/// of one factor, or as goal and factor keys. A merged hostile link ends up
/// in a save like this, read at every start.
fn save_with_many(n: usize, options: bool) -> String {
    let ids: Vec<String> = (0..n).rev().map(|i| format!("\"x{i:06}\"")).collect();
    let answers = if options {
        format!(
            r#"{{"goals":{{}},"goals_other":"","factors":{{"spread":[{}]}},"treatments":{{}}}}"#,
            ids.join(",")
        )
    } else {
        let goals: Vec<String> = ids.iter().map(|id| format!("{id}:\"very\"")).collect();
        let factors: Vec<String> = ids.iter().map(|id| format!("{id}:[\"yes\"]")).collect();
        format!(
            r#"{{"goals":{{{}}},"goals_other":"","factors":{{{}}},"treatments":{{}}}}"#,
            goals.join(","),
            factors.join(",")
        )
    };
    format!(
        r#"{{"format":"mbc-guide/state","version":1,"rev":1,"saved_at":0,"state":{{"answers":{answers},"list":[{{"id":0,"text":"Who reads my scans?","top":false,"note":""}}],"next_id":1}}}}"#
    )
}

#[test]
fn a_save_of_50000_options_keeps_the_first_64_of_a_factor() {
    let restored = stored::decode(&save_with_many(50_000, true));
    let spread = restored
        .state
        .answers()
        .factors
        .get("spread")
        .expect("spread");
    assert_eq!(spread.len(), mbc_guide::state::MAX_OPTIONS);
    assert_eq!(spread[0], "x049999", "the first ones, in their order");
    assert_eq!(
        restored.state.list().len(),
        1,
        "the rest of the list is kept"
    );
}

#[test]
fn a_save_of_25000_goals_and_factors_in_reverse_order_keeps_them_all_in_order() {
    // Read through `ById`'s collect (sorted once), not one insert at a time;
    // by_id.rs has the test that fails on quadratic reading.
    let restored = stored::decode(&save_with_many(25_000, false));
    let goals = &restored.state.answers().goals;
    assert_eq!(goals.len(), 25_000);
    assert_eq!(restored.state.answers().factors.len(), 25_000);
    assert!(goals.keys().zip(goals.keys().skip(1)).all(|(a, b)| a < b));
}

#[test]
fn a_link_longer_than_the_cap_is_refused_before_any_work() {
    let long = fragment_of_bytes(1, &vec![0u8; mbc_guide::share::MAX_LINK_BYTES]);
    let (result, peak) = peak_heap(|| decode(&long));
    assert_eq!(result.err(), Some(ShareError::TooLarge));
    assert!(peak < 1024, "nothing was decoded: {peak} bytes");
}
