//! The person's own words stay on the device: the boxes for their own
//! question and for notes, and the question bank's search, ask the browser
//! not to spellcheck them (some browsers send such text to an online
//! service) and not to keep them for autocomplete (a shared computer would
//! offer them to the next person).
//! Rendered through Yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::by_id::ById;
use mbc_guide::components::{
    goals_step, profile_step, render_view, ListEntry, OwnQuestion, QuestionBank,
};
use mbc_guide::content::{builtin, Lang};
use mbc_guide::state::{Entry, State, MAX_NOTE_CHARS, MAX_TREATMENT_NOW_CHARS};
use yew::Callback;

type OwnProps = <OwnQuestion as yew::BaseComponent>::Properties;
type EntryProps = <ListEntry as yew::BaseComponent>::Properties;
type BankProps = <QuestionBank as yew::BaseComponent>::Properties;

/// Every `<textarea …>` tag in `html`.
fn textareas(html: &str) -> Vec<&str> {
    html.match_indices("<textarea")
        .filter_map(|(at, _)| html.get(at..).and_then(|rest| rest.split('>').next()))
        .collect()
}

fn assert_private(html: &str, what: &str) {
    let boxes = textareas(html);
    assert!(!boxes.is_empty(), "{what}: no text box rendered");
    for tag in boxes {
        assert!(tag.contains(r#"spellcheck="false""#), "{what}: {tag}");
        assert!(tag.contains(r#"autocomplete="off""#), "{what}: {tag}");
    }
}

#[tokio::test]
async fn the_own_question_box_is_not_spellchecked_or_remembered() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let html = yew::LocalServerRenderer::<OwnQuestion>::with_props(yew::props!(OwnProps {
        pack,
        on_action: Callback::noop(),
        prefix: "t",
    }))
    .hydratable(false)
    .render()
    .await;
    assert_private(&html, "own question");
}

#[tokio::test]
async fn a_note_box_is_not_spellchecked_or_remembered() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let entry = Entry {
        id: 1,
        question: None,
        text: Some("Can I travel in June?".into()),
        top: false,
        note: "Ask about the dose".into(),
    };
    let html = yew::LocalServerRenderer::<ListEntry>::with_props(yew::props!(EntryProps {
        pack,
        entry: Rc::new(entry),
        number: 1,
        first: true,
        last: true,
        on_action: Callback::noop(),
        prefix: "t",
    }))
    .hydratable(false)
    .render()
    .await;
    assert_private(&html, "note");
}

#[tokio::test]
async fn the_treatment_now_box_is_labelled_limited_and_not_spellchecked_or_remembered() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let label = pack.ui("treatment_now_label").to_owned();
    let hint = pack.ui("treatment_now_hint").to_owned();
    let html = render_view(profile_step(
        &pack,
        &State::default(),
        &Callback::noop(),
        "t",
    ))
    .await;
    assert_private(&html, "treatment now");
    let tag = textareas(&html)[0];
    assert!(tag.contains(r#"id="t-treatment-now""#), "{tag}");
    assert!(
        tag.contains(&format!(r#"maxlength="{MAX_TREATMENT_NOW_CHARS}""#)),
        "{tag}"
    );
    assert!(
        tag.contains(r#"aria-describedby="t-treatment-now-hint""#),
        "{tag}"
    );
    assert!(html.contains(&format!(r#"<label for="t-treatment-now">{label}</label>"#)));
    assert!(html.contains(&hint), "the hint");
    // It follows the treatments had, before the questions after them.
    let box_at = html.find("t-treatment-now").unwrap_or(0);
    assert!(html.find("t-factor-grew_on").unwrap_or(usize::MAX) < box_at);
    assert!(box_at < html.find("t-factor-symptoms").unwrap_or(0));
}

#[tokio::test]
async fn the_anything_else_box_of_step_1_is_limited_and_not_spellchecked_or_remembered() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let html = render_view(goals_step(&pack, &State::default(), &Callback::noop(), "g")).await;
    assert_private(&html, "anything else that matters");
    let tag = textareas(&html)[0];
    assert!(
        tag.contains(&format!(r#"maxlength="{MAX_NOTE_CHARS}""#)),
        "{tag}"
    );
}

/// What someone searches the bank for ("how long", "hospice") says as much
/// as a note.
#[tokio::test]
async fn the_bank_search_is_not_spellchecked_or_remembered() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let html = yew::LocalServerRenderer::<QuestionBank>::with_props(yew::props!(BankProps {
        pack,
        in_list: Rc::new(ById::new()),
        show_sensitive: false,
        on_action: Callback::noop(),
        prefix: "t",
    }))
    .hydratable(false)
    .render()
    .await;
    let tags: Vec<&str> = html
        .split('<')
        .filter(|tag| tag.starts_with("input") && tag.contains(r#"type="search""#))
        .filter_map(|tag| tag.split('>').next())
        .collect();
    assert_eq!(tags.len(), 1, "one search box");
    assert!(tags[0].contains(r#"spellcheck="false""#), "{}", tags[0]);
    assert!(tags[0].contains(r#"autocomplete="off""#), "{}", tags[0]);
}
