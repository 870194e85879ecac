//! Reading saves back: clean ones exactly, damaged ones part by part, and
//! nothing ever panics. Fixtures are in `tests/fixtures/stored/`; the huge
//! ones are built here at run time rather than kept in the repository.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::answers::{Mark, Rating};
use mbc_guide::state::{
    Action, State, Step, Visit, MAX_ENTRIES, MAX_NOTE_CHARS, MAX_QUESTION_CHARS, MAX_TOP,
};
use mbc_guide::stored::{decode, encode, summary, Lost, Restored, FORMAT, VERSION};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/stored/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn questions(state: &State) -> Vec<&str> {
    state
        .list()
        .iter()
        .map(|e| e.text.as_deref().or(e.question.as_deref()).unwrap_or("?"))
        .collect()
}

fn options<'a>(state: &'a State, factor: &str) -> Vec<&'a str> {
    state
        .answers()
        .factors
        .get(factor)
        .map(|o| o.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Every invariant `normalise` promises, checked from outside.
fn assert_valid(state: &State) {
    let tops = state.top_count();
    assert!(tops <= MAX_TOP, "{tops} tops");
    assert!(state.list().iter().take(tops).all(|e| e.top), "tops lead");
    assert!(state.list().len() <= MAX_ENTRIES);
    let mut ids: Vec<u32> = state.list().iter().map(|e| e.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), state.list().len(), "ids are unique");
    assert!(state.list().iter().all(|e| e.id < state.next_id()));
    for entry in state.list() {
        assert!(entry.question.is_some() || entry.text.is_some());
        assert!(entry.note.chars().count() <= MAX_NOTE_CHARS);
        let text = entry.text.as_deref().unwrap_or_default();
        assert!(text.chars().count() <= MAX_QUESTION_CHARS);
    }
}

/// A state with something in every field: answers, ten questions with
/// notes and tops, readiness, large print and a step.
fn rich_state() -> State {
    let mut actions = vec![
        Action::RateGoal {
            goal: "quality".into(),
            rating: Some(Rating::Very),
        },
        Action::RateGoal {
            goal: "longer".into(),
            rating: Some(Rating::Somewhat),
        },
        Action::SetGoalsOther("Travel to see my sister, \"soon\" — ñ ✓".into()),
        Action::ChooseFactor {
            factor: "her2".into(),
            option: "low".into(),
            multiple: false,
            chosen: true,
        },
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
        Action::MarkTreatment {
            treatment: "hormonal".into(),
            mark: Some(Mark::Discussed),
        },
        Action::MarkTreatment {
            treatment: "chemo".into(),
            mark: Some(Mark::NotNow),
        },
    ];
    for n in 0..7 {
        actions.push(Action::AddQuestion(format!("bank-question-{n}")));
    }
    for n in 0..3 {
        actions.push(Action::AddOwn(format!("My own question {n}?")));
    }
    for id in 0..10 {
        actions.push(Action::SetNote {
            id,
            note: format!("Note {id}\nsecond line"),
        });
    }
    actions.extend([
        Action::Edit {
            id: 2,
            text: "In my own words".into(),
        },
        Action::SetTop { id: 8, top: true },
        Action::SetTop { id: 3, top: true },
        Action::Move { id: 5, by: -2 },
        Action::AnswerReadiness {
            item: "sure".into(),
            yes: Some(true),
        },
        Action::AnswerReadiness {
            item: "support".into(),
            yes: Some(false),
        },
        Action::ShowSensitive(true),
        Action::SetLargePrint(true),
        Action::SetVisit(Some(Visit::SecondOpinion)),
        Action::SetTreatmentNow("Letrozole and ribociclib\nsince May".into()),
        Action::SetPrintQr(true),
        Action::GoTo(Step::Questions),
    ]);
    actions
        .into_iter()
        .fold(State::default(), |state, action| state.apply(action))
}

/// A save written by version 1, before "grew on" was its own question.
#[test]
fn a_version_1_save_migrates_hormonal_grew_to_taken_and_grown_on() {
    let restored = decode(&fixture("v1_hormonal_grew.json"));
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    let state = &restored.state;
    assert_eq!(options(state, "past_treatments"), ["hormonal", "chemo"]);
    assert_eq!(options(state, "grew_on"), ["hormonal"]);
    assert_eq!(options(state, "her2"), ["low"]);
    assert_eq!(options(state, "menopause"), ["post"]);
    assert_eq!(questions(state), ["goals-main-aim"]);
    assert_eq!(state.list()[0].note, "Ask first.");
    assert_eq!((restored.rev, state.step), (4, Step::Profile));
    // Saved again, it is the current version and reads back the same.
    let again = decode(&encode(state, 5, 0.0));
    assert_eq!(again.state, *state);
    assert!(encode(state, 5, 0.0).contains(&format!("\"version\":{VERSION}")));
}

/// A save written by version 2, before the reason for the visit, the
/// treatment now and the code on paper: it reads whole, with their defaults.
#[test]
fn a_version_2_save_reads_whole_with_no_reason_treatment_text_or_code() {
    let restored = decode(&fixture("v2_before_visit.json"));
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    let state = &restored.state;
    assert_eq!(restored.rev, 7);
    assert_eq!(state.list().len(), 4);
    assert_eq!(options(state, "spread"), ["bone", "liver"]);
    assert_eq!(state.visit, None);
    assert_eq!(state.treatment_now(), "");
    assert!(!state.print_qr);
    // Saved again, it is version 3 and an older guide would see that.
    assert!(encode(state, 8, 0.0).contains("\"version\":3"));
    assert_eq!(decode(&encode(state, 8, 0.0)).state, *state);
}

fn envelope(state: Value) -> String {
    json!({"format": FORMAT, "version": VERSION, "rev": 1, "saved_at": 0, "state": state})
        .to_string()
}

// Round trips

#[test]
fn a_rich_state_comes_back_exactly() {
    let state = rich_state();
    assert_eq!(state.list().len(), 10);
    assert_eq!(state.top_count(), 2);
    let restored = decode(&encode(&state, 41, 1_718_000_000_123.0));
    assert_eq!(restored.state, state);
    assert_eq!(restored.rev, 41);
    assert_eq!(restored.saved_at, 1_718_000_000_123.0);
    assert!(restored.lost.is_empty());
    assert!(!restored.is_damaged());
}

#[test]
fn an_empty_state_comes_back_exactly() {
    let restored = decode(&encode(&State::default(), 0, 0.0));
    assert_eq!(restored, Restored::default());
}

#[test]
fn a_pending_undo_is_not_saved() {
    let state = rich_state().apply(Action::Remove(4));
    assert!(state.removed_id().is_some());
    let restored = decode(&encode(&state, 1, 0.0));
    assert_eq!(restored.state.removed_id(), None);
    assert_eq!(restored.state.list(), state.list());
}

#[test]
fn a_broken_clock_is_saved_as_zero() {
    let restored = decode(&encode(&State::default(), 3, f64::NAN));
    assert_eq!(restored.saved_at, 0.0);
    assert_eq!(restored.rev, 3);
    assert!(restored.lost.is_empty());
}

#[test]
fn the_envelope_names_its_format_and_version() {
    let saved: Value = serde_json::from_str(&encode(&rich_state(), 9, 5.0)).unwrap_or_default();
    assert_eq!(saved["format"], "mbc-guide/state");
    assert_eq!(saved["version"], 3);
    assert_eq!(saved["rev"], 9);
    assert!(saved["state"]["list"].is_array());
    assert!(saved["state"].get("undo").is_none());
}

// Fixtures

#[test]
fn the_valid_fixture_keeps_everything() {
    let restored = decode(&fixture("valid.json"));
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    let state = &restored.state;
    assert_eq!(restored.rev, 12);
    assert_eq!(restored.saved_at, 1_718_000_000_000.0);
    assert_eq!(state.answers().goals.get("quality"), Some(&Rating::Very));
    assert_eq!(state.answers().goals.get("shrink"), Some(&Rating::Not));
    assert!(state.answers().goals_other.starts_with("Being well enough"));
    assert_eq!(options(state, "spread"), ["bone", "liver"]);
    assert_eq!(options(state, "her2"), ["low"]);
    assert_eq!(
        state.answers().treatments.get("radiation"),
        Some(&Mark::NotNow)
    );
    assert_eq!(
        questions(state),
        [
            "her2-retest",
            "What is the main aim of my treatment now?",
            "Can I keep working part time?",
            "biomarkers-esr1",
        ]
    );
    let ids: Vec<u32> = state.list().iter().map(|e| e.id).collect();
    assert_eq!(ids, [3, 0, 5, 1]);
    assert_eq!(state.top_count(), 2);
    assert_eq!(state.list()[3].note, "Blood test, results in 2 weeks.");
    assert_eq!(state.next_id(), 6);
    assert!(state.show_sensitive);
    assert_eq!(state.step, Step::Questions);
    assert_eq!(state.readiness().get("sure"), Some(&false));
    assert!(!state.large_print);
}

#[test]
fn a_truncated_save_is_unreadable_and_starts_empty() {
    let restored = decode(&fixture("truncated.json"));
    assert_eq!(restored.lost, [Lost::Unreadable]);
    assert_eq!(restored.state, State::default());
    assert!(restored.is_damaged());
    let damage = summary(&restored.lost);
    assert!(damage.nothing_read);
    assert_eq!(damage.parts_lost, 0);
}

#[test]
fn text_that_is_not_json_is_unreadable() {
    let restored = decode(&fixture("not_json.txt"));
    assert_eq!(restored.lost, [Lost::Unreadable]);
    assert_eq!(restored.state, State::default());
    assert_eq!(decode("").lost, [Lost::Unreadable]);
}

#[test]
fn json_of_another_shape_is_not_ours() {
    let restored = decode(&fixture("not_ours.json"));
    assert_eq!(restored.lost, [Lost::NotOurs]);
    assert_eq!(restored.state, State::default());
    for other in ["null", "42", "[]", "\"mbc-guide/state\"", "{}"] {
        assert_eq!(decode(other).lost, [Lost::NotOurs], "{other}");
    }
}

#[test]
fn a_bare_state_without_an_envelope_is_not_ours() {
    let bare = mbc_guide::stored::state_tree(&rich_state()).to_json();
    assert_eq!(decode(&bare).lost, [Lost::NotOurs]);
}

#[test]
fn a_version_that_never_existed_is_not_ours() {
    for version in [json!(0), json!("1"), json!(1.5), json!(-1), json!(null)] {
        let text = json!({"format": FORMAT, "version": version, "state": {}}).to_string();
        assert_eq!(decode(&text).lost, [Lost::NotOurs], "{version}");
    }
}

#[test]
fn our_envelope_without_a_state_is_unreadable() {
    for state in [json!(null), json!([]), json!("state")] {
        let text = json!({"format": FORMAT, "version": 1, "state": state}).to_string();
        assert_eq!(decode(&text).lost, [Lost::Unreadable], "{state}");
    }
    let missing = json!({"format": FORMAT, "version": 1}).to_string();
    assert_eq!(decode(&missing).lost, [Lost::Unreadable]);
}

#[test]
fn a_future_version_keeps_what_this_version_can_read() {
    let restored = decode(&fixture("future_version.json"));
    assert_eq!(
        restored.lost,
        [Lost::FutureVersion(99), Lost::Answers(1), Lost::Other(1)]
    );
    let state = &restored.state;
    assert_eq!(restored.rev, 40);
    assert_eq!(state.answers().goals.get("quality"), Some(&Rating::Very));
    assert!(!state.answers().goals.contains_key("shrink"));
    assert_eq!(options(state, "her2"), ["ultralow"]);
    assert_eq!(state.answers().treatments.get("hormonal"), Some(&Mark::Ask));
    assert_eq!(
        questions(state),
        ["her2-result", "Should I get a second opinion?"]
    );
    assert!(state.list()[0].top);
    assert_eq!(
        state.step,
        Step::Goals,
        "an unknown step starts at the start"
    );
    assert_eq!(state.readiness().get("sure"), Some(&true));
    assert!(state.large_print);
    assert!(summary(&restored.lost).from_newer_version);
}

#[test]
fn wrong_types_lose_only_their_own_part() {
    let restored = decode(&fixture("wrong_types.json"));
    assert_eq!(
        restored.lost,
        [
            Lost::Answers(7),
            Lost::Questions(4),
            Lost::Notes(2),
            Lost::Other(3)
        ]
    );
    assert_eq!(summary(&restored.lost).parts_lost, 16);
    let state = &restored.state;
    assert_valid(state);
    assert_eq!(restored.rev, 0);
    assert_eq!(restored.saved_at, 0.0);

    let goals: Vec<_> = state.answers().goals.iter().collect();
    assert_eq!(goals, [(&"quality".to_owned(), &Rating::Very)]);
    assert_eq!(state.answers().goals_other, "");
    assert!(!state.answers().factors.contains_key("her2"));
    assert_eq!(options(state, "spread"), ["bone", "lung"]);
    assert_eq!(options(state, "hormone_receptor"), ["positive"]);
    assert_eq!(state.answers().treatments.len(), 1);
    assert_eq!(state.readiness().get("values"), Some(&true));
    assert!(!state.readiness().contains_key("sure"));

    assert_eq!(
        questions(state),
        [
            "her2-retest",
            "Is my id a word?",
            "goals-main-aim",
            "Fine question"
        ]
    );
    // "top": "yes" loses the mark, not the question or its note.
    assert!(!state.list()[0].top);
    assert_eq!(state.list()[0].note, "keep this note");
    // A question with an unreadable id is kept with a fresh one.
    assert_eq!(state.list()[1].id, 5);
    assert_eq!(state.list()[2].note, "");
    assert_eq!(state.list()[3].note, "fine note");
    assert_eq!(state.next_id(), 6);
    assert!(!state.show_sensitive);
    assert_eq!(state.step, Step::Goals);
    assert!(!state.large_print);
}

#[test]
fn markup_in_text_is_kept_verbatim() {
    let restored = decode(&fixture("html_and_script.json"));
    assert!(restored.lost.is_empty(), "{:?}", restored.lost);
    let state = &restored.state;
    assert_eq!(
        state.answers().goals_other,
        "<img src=x onerror=alert(1)> & \"quotes\""
    );
    assert_eq!(
        state.list()[0].text.as_deref(),
        Some("<script>alert('hi')</script> Is this <b>bold</b>?")
    );
    assert_eq!(
        state.list()[0].note,
        "</textarea><a href=\"javascript:alert(1)\">x</a>"
    );
    assert_eq!(decode(&encode(state, 4, 0.0)).state, *state);
}

// Built at run time

#[test]
fn five_megabyte_strings_are_dropped_and_counted_and_the_rest_kept() {
    let huge = "a".repeat(5 * 1024 * 1024);
    let mut saved = fixture_json("valid.json");
    let state = &mut saved["state"];
    state["list"][0]["note"] = json!(huge);
    state["list"][2]["text"] = json!(huge);
    state["list"][3]["question"] = json!(huge);
    state["answers"]["goals_other"] = json!(huge);
    state["answers"]["goals"][huge.as_str()] = json!("very");
    state["readiness"][huge.as_str()] = json!(true);
    let restored = decode(&saved.to_string());

    assert_eq!(
        restored.lost,
        [Lost::Answers(3), Lost::Questions(2), Lost::Notes(2)]
    );
    let state = &restored.state;
    assert_valid(state);
    // The first question stays, without its note; the own-text question
    // and the question with a huge id are gone, with its note.
    assert_eq!(
        questions(state),
        ["her2-retest", "What is the main aim of my treatment now?"]
    );
    assert_eq!(state.list()[0].note, "");
    assert_eq!(state.answers().goals_other, "");
    assert_eq!(state.answers().goals.len(), 3);
    assert_eq!(state.readiness().len(), 2);
    assert_eq!(options(state, "spread"), ["bone", "liver"]);
    assert_eq!(state.step, Step::Questions);
}

#[test]
fn text_just_at_the_limits_is_kept_and_just_over_is_counted() {
    let at = |n: usize| "é".repeat(n);
    let text = envelope(json!({
        "answers": {"goals_other": at(MAX_NOTE_CHARS)},
        "list": [
            {"id": 0, "text": at(MAX_QUESTION_CHARS), "note": at(MAX_NOTE_CHARS)},
            {"id": 1, "text": at(MAX_QUESTION_CHARS + 1)},
            {"id": 2, "question": "q", "note": at(MAX_NOTE_CHARS + 1)}
        ]
    }));
    let restored = decode(&text);
    assert_eq!(restored.lost, [Lost::Questions(1), Lost::Notes(1)]);
    assert_eq!(restored.state.list().len(), 2);
    assert_eq!(restored.state.answers().goals_other, at(MAX_NOTE_CHARS));
    assert_eq!(restored.state.list()[0].note, at(MAX_NOTE_CHARS));
}

#[test]
fn ten_thousand_questions_keep_the_first_that_fit_and_count_the_rest() {
    let list: Vec<Value> = (0..10_000)
        .map(|n| json!({"id": n, "question": format!("q-{n}"), "top": false, "note": ""}))
        .collect();
    let restored = decode(&envelope(json!({"list": list, "next_id": 10_000})));
    assert_eq!(restored.lost, [Lost::TooMany(10_000 - MAX_ENTRIES)]);
    assert_eq!(restored.lost, [Lost::TooMany(9_500)]);
    let state = &restored.state;
    assert_valid(state);
    assert_eq!(state.list().len(), MAX_ENTRIES);
    assert_eq!(state.list()[0].question.as_deref(), Some("q-0"));
    assert_eq!(state.list()[499].question.as_deref(), Some("q-499"));
    assert_eq!(state.next_id(), 10_000);
}

#[test]
fn unreadable_entries_do_not_take_up_room_in_the_list() {
    let mut list: Vec<Value> = (0..10).map(|n| json!(n)).collect();
    list.extend((0..1_000).map(|n| json!({"id": n, "text": format!("Q{n}")})));
    let restored = decode(&envelope(json!({ "list": list })));
    assert_eq!(
        restored.lost,
        [Lost::Questions(10), Lost::TooMany(1_000 - MAX_ENTRIES)]
    );
    assert_eq!(restored.state.list().len(), MAX_ENTRIES);
    assert_eq!(restored.state.list()[0].text.as_deref(), Some("Q0"));
}

#[test]
fn a_repeated_question_and_a_fourth_top_are_counted() {
    let text = envelope(json!({
        "list": [
            {"id": 0, "question": "a", "top": true},
            {"id": 1, "question": "b", "top": true},
            {"id": 2, "question": "a", "note": "the repeat"},
            {"id": 3, "question": "c"},
            {"id": 4, "question": "d", "top": true},
            {"id": 5, "question": "e", "top": true}
        ],
        "next_id": 6
    }));
    let restored = decode(&text);
    assert_eq!(restored.lost, [Lost::Questions(2)]);
    let state = &restored.state;
    assert_valid(state);
    assert_eq!(questions(state), ["a", "b", "d", "c", "e"]);
    assert_eq!(state.top_count(), 3);
}

#[test]
fn repeated_ids_get_fresh_ones() {
    let text = envelope(json!({
        "list": [
            {"id": 7, "question": "a"},
            {"id": 7, "question": "b"},
            {"id": 4294967295u64, "question": "c"}
        ],
        "next_id": 0
    }));
    let restored = decode(&text);
    assert!(restored.lost.is_empty());
    assert_valid(&restored.state);
    assert_eq!(questions(&restored.state), ["a", "b", "c"]);
    let more = restored.state.apply(Action::AddQuestion("d".into()));
    assert_eq!(more.list().len(), 4);
}

#[test]
fn missing_fields_take_their_defaults_quietly() {
    let restored = decode(&envelope(json!({})));
    assert!(restored.lost.is_empty());
    assert_eq!(restored.state, State::default());
    let partial = envelope(json!({"answers": {"goals": {"quality": "very"}}}));
    let restored = decode(&partial);
    assert!(restored.lost.is_empty());
    assert_eq!(restored.state.steps_with_answers(), 1);
}

#[test]
fn deep_nesting_is_unreadable_not_a_crash() {
    let deep = format!(
        "{{\"format\":\"{FORMAT}\",\"version\":1,\"state\":{{\"x\":{}{}}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(decode(&deep).lost, [Lost::Unreadable]);
}

// Property-style: damaged text never panics

#[test]
fn every_truncation_of_a_save_is_unreadable_never_a_panic() {
    let saved = encode(&rich_state(), 8, 1_718_000_000_000.0);
    for end in 0..saved.len() {
        let Some(prefix) = saved.get(..end) else {
            continue; // not a character boundary
        };
        let restored = decode(prefix);
        assert_eq!(restored.lost, [Lost::Unreadable], "cut at {end}");
        assert_eq!(restored.state, State::default());
    }
}

#[test]
fn every_single_byte_deletion_gives_a_valid_state() {
    let saved = encode(&rich_state(), 8, 1_718_000_000_000.0);
    let bytes = saved.as_bytes();
    for at in 0..bytes.len() {
        let mut damaged = bytes.to_vec();
        damaged.remove(at);
        let text = String::from_utf8_lossy(&damaged);
        assert_valid(&decode(&text).state);
    }
}

#[test]
fn every_byte_replaced_by_a_quote_or_digit_gives_a_valid_state() {
    let saved = encode(&rich_state(), 8, 1_718_000_000_000.0);
    for at in 0..saved.len() {
        for with in [b'"', b'9', b'{', b'n'] {
            let mut damaged = saved.as_bytes().to_vec();
            if let Some(byte) = damaged.get_mut(at) {
                *byte = with;
            }
            let text = String::from_utf8_lossy(&damaged);
            assert_valid(&decode(&text).state);
        }
    }
}
