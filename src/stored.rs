//! The saved format: how a `State` is written to the device and read back,
//! even when what was saved is damaged, foreign or from a newer version.
//!
//! A save is one JSON object, the envelope:
//!
//! ```json
//! {"format": "mbc-guide/state", "version": 1, "rev": 7, "saved_at": 1700000000000,
//!  "state": {"answers": {...}, "list": [...], "next_id": 3, ...}}
//! ```
//!
//! - `format` says the text is ours; anything else is left alone.
//! - `version` says which shape `state` has. Older shapes are brought up to
//!   date by `migrate`, one step per version (see `MIGRATIONS`). Share
//!   links and import files carry the same version and go through the same
//!   steps.
//! - `rev` grows with every save, so two tabs can tell which save is newer.
//! - `saved_at` is when, in milliseconds since 1970, as the caller's clock
//!   said. This module never reads a clock.
//!
//! Reading never fails and never panics. `decode` parses into a `Value`
//! tree and salvages the state field by field: every answer, question, note
//! and setting that has the right type and fits the limits is kept; each one
//! that does not is left out and counted in `Restored::lost`, so the person
//! can be told, calmly, that part of their list could not be read. Text is
//! never cut short silently on the way in: a note over the limit is dropped
//! and counted, not truncated. Markup in text is kept as it is; the
//! interface renders it as text.

pub use crate::json::Value;

use std::rc::Rc;

use crate::answers::{Answers, Mark, Rating};
use crate::by_id::ById;
use crate::state::{
    fits, is_id, Entry, Parts, State, Step, Visit, MAX_ENTRIES, MAX_NOTE_CHARS, MAX_QUESTION_CHARS,
    MAX_TOP, MAX_TREATMENT_NOW_CHARS,
};

/// Marks a save as ours.
pub const FORMAT: &str = "mbc-guide/state";
/// The shape `State` is saved in today.
pub const VERSION: u32 = 3;

/// The text to save for `state`. Written by hand beside `salvage`, its
/// mirror, so the wasm needs no serializer; the round-trip tests keep the
/// two in step.
pub fn encode(state: &State, rev: u64, saved_at: f64) -> String {
    // JSON has no NaN or infinity; a broken clock is saved as 0.
    let saved_at = if saved_at.is_finite() {
        saved_at.trunc()
    } else {
        0.0
    };
    Value::map([
        ("format", Value::Text(FORMAT.to_owned())),
        ("version", Value::Number(f64::from(VERSION))),
        ("rev", Value::Number(rev as f64)),
        ("saved_at", Value::Number(saved_at)),
        ("state", state_tree(state)),
    ])
    .to_json()
}

/// The `state` part of a save.
pub fn state_tree(state: &State) -> Value {
    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }
    fn by_id<V>(map: &ById<V>, value: impl Fn(&V) -> Value) -> Value {
        Value::Map(map.iter().map(|(k, v)| (k.clone(), value(v))).collect())
    }
    let answers = state.answers();
    let entry = |e: &Entry| {
        let mut pairs = vec![("id".to_owned(), Value::Number(f64::from(e.id)))];
        if let Some(q) = &e.question {
            pairs.push(("question".to_owned(), text(q)));
        }
        if let Some(t) = &e.text {
            pairs.push(("text".to_owned(), text(t)));
        }
        pairs.push(("top".to_owned(), Value::Bool(e.top)));
        pairs.push(("note".to_owned(), text(&e.note)));
        Value::Map(pairs)
    };
    Value::map([
        (
            "answers",
            Value::map([
                ("goals", by_id(&answers.goals, |r| text(r.id()))),
                ("goals_other", text(&answers.goals_other)),
                (
                    "factors",
                    by_id(&answers.factors, |options| {
                        Value::List(options.iter().map(|o| text(o)).collect())
                    }),
                ),
                ("treatments", by_id(&answers.treatments, |m| text(m.id()))),
            ]),
        ),
        (
            "list",
            Value::List(state.list().iter().map(|e| entry(e)).collect()),
        ),
        ("next_id", Value::Number(f64::from(state.next_id()))),
        ("show_sensitive", Value::Bool(state.show_sensitive)),
        ("step", text(state.step.id())),
        (
            "readiness",
            by_id(state.readiness(), |&yes| Value::Bool(yes)),
        ),
        ("large_print", Value::Bool(state.large_print)),
        (
            "visit",
            state
                .visit
                .map_or(Value::Null, |v| Value::Text(v.id().to_owned())),
        ),
        ("treatment_now", text(state.treatment_now())),
        ("print_qr", Value::Bool(state.print_qr)),
    ])
}

/// What could be read back from a save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    /// Always valid (normalised), whatever the save held.
    pub state: State,
    /// The save's revision; 0 if it had none.
    pub rev: u64,
    /// When it was saved; 0 if unknown.
    pub saved_at: f64,
    /// What could not be read. Empty for a clean save.
    pub lost: Vec<Lost>,
}

impl Restored {
    /// Did reading lose anything (or might it have)?
    pub fn is_damaged(&self) -> bool {
        !self.lost.is_empty()
    }
}

/// One kind of thing a save lost on the way back. Counts are of parts the
/// person entered: one rating, one question, one note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lost {
    /// Not JSON at all, or cut off part way: nothing could be read.
    Unreadable,
    /// JSON, but not one of our saves (another format, or a version that
    /// never existed). Nothing was read from it.
    NotOurs,
    /// Saved by a newer version of the guide. What this version knows was
    /// read; anything newer was left out.
    FutureVersion(u32),
    /// Answers from steps 1–3 and the readiness check (a goal's rating, the
    /// "anything else" text, a factor's option, a treatment's mark, a
    /// readiness answer, the reason for the visit, the treatment now) with
    /// the wrong type, an unknown value or over-long.
    Answers(usize),
    /// Questions in the list that could not be read, or a part of one (its
    /// own wording, its "most important" mark).
    Questions(usize),
    /// Notes on questions that were unreadable or over the length limit.
    Notes(usize),
    /// Entries beyond `MAX_ENTRIES`, not kept.
    TooMany(usize),
    /// Settings (step, large print, sensitive questions, the code on paper)
    /// that could not be
    /// read and went back to their defaults.
    Other(usize),
}

impl Lost {
    /// How many of the person's parts this stands for (0 for the kinds that
    /// are about the save as a whole).
    pub fn parts(&self) -> usize {
        match self {
            Lost::Unreadable | Lost::NotOurs | Lost::FutureVersion(_) => 0,
            Lost::Answers(n)
            | Lost::Questions(n)
            | Lost::Notes(n)
            | Lost::TooMany(n)
            | Lost::Other(n) => *n,
        }
    }
}

/// What the interface needs to say about a damaged save, in one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Damage {
    /// How many parts (answers, questions, notes, settings) were left out.
    pub parts_lost: usize,
    /// Nothing could be read: the save was unreadable or not ours.
    pub nothing_read: bool,
    /// The save came from a newer version of the guide.
    pub from_newer_version: bool,
}

/// Sums up `lost` for the one calm sentence the interface shows.
pub fn summary(lost: &[Lost]) -> Damage {
    Damage {
        parts_lost: lost.iter().map(Lost::parts).sum(),
        nothing_read: lost
            .iter()
            .any(|l| matches!(l, Lost::Unreadable | Lost::NotOurs)),
        from_newer_version: lost.iter().any(|l| matches!(l, Lost::FutureVersion(_))),
    }
}

/// Reads a save. Never fails: what cannot be read is reported in `lost`.
pub fn decode(text: &str) -> Restored {
    let Ok(root) = crate::json::parse(text) else {
        return nothing(Lost::Unreadable);
    };
    if root.get("format").and_then(Value::as_text) != Some(FORMAT) {
        return nothing(Lost::NotOurs);
    }
    let Some(version) = root.get("version").and_then(Value::as_whole::<u32>) else {
        return nothing(Lost::NotOurs);
    };
    let mut root = root;
    let state = match root.remove("state") {
        Some(state @ Value::Map(_)) => state,
        _ => return nothing(Lost::Unreadable),
    };
    let restored = decode_state_tree(version, state);
    if summary(&restored.lost).nothing_read {
        return restored;
    }
    Restored {
        rev: root
            .get("rev")
            .and_then(Value::as_whole::<u64>)
            .unwrap_or(0),
        saved_at: root
            .get("saved_at")
            .and_then(Value::as_number)
            .filter(|t| t.is_finite())
            .unwrap_or(0.0),
        ..restored
    }
}

/// Reads a bare `state` tree, as `state_tree` writes it, in the shape of
/// format `version`: what a save holds inside its envelope, and what a share
/// link carries. Salvages exactly as `decode` does, and never fails.
pub fn decode_state_tree(version: u32, tree: Value) -> Restored {
    if tree.as_map().is_none() {
        return nothing(Lost::Unreadable);
    }
    let mut lost = Losses::default();
    let tree = if version > VERSION {
        lost.future = Some(version);
        tree
    } else {
        match migrate(version, tree) {
            Ok(tree) => tree,
            Err(why) => return nothing(why),
        }
    };
    let state = salvage(&tree, &mut lost);
    Restored {
        state,
        lost: lost.into_list(),
        ..Restored::default()
    }
}

/// An empty start, and why.
fn nothing(why: Lost) -> Restored {
    Restored {
        lost: vec![why],
        ..Restored::default()
    }
}

/// One migration: takes the `state` tree as version `n` saved it and returns
/// it as version `n + 1` would have.
type Migration = fn(Value) -> Result<Value, Lost>;

/// `MIGRATIONS[i]` turns a version `i + 1` state into version `i + 2`.
///
/// Adding a version means raising `VERSION` and adding one function here
/// (the array's length makes the compiler insist), plus a fixture saved by
/// the version before (tests/fixtures/stored/).
///
/// - 1 → 2: `split_hormonal_grew`.
/// - 2 → 3: `add_visit`.
const MIGRATIONS: [Migration; VERSION as usize - 1] = [split_hormonal_grew, add_visit];

/// Version 2 to 3. Version 3 adds the reason for the visit (`visit`), the
/// treatment the person has now (`treatment_now`) and the choice of a code
/// on paper (`print_qr`). A version 2 save has none of them, so each takes
/// its default (no reason, no text, no code) and nothing else moves. The
/// version still changes so that an older guide, reading a newer save,
/// says it came from a newer version and keeps a copy, instead of saving
/// over the person's new answers without them.
fn add_visit(state: Value) -> Result<Value, Lost> {
    Ok(state)
}

/// Version 1 to 2. Version 1 had one answer for "the cancer grew during
/// hormone therapy": `hormonal_grew` under `past_treatments`. Version 2 asks
/// what was taken (`past_treatments`) apart from what the cancer grew on (the
/// factor `grew_on`), for every kind of treatment. So `hormonal_grew`
/// becomes `hormonal` under `past_treatments` and `hormonal` under
/// `grew_on`. Anything else is left as it is, for salvage to judge.
fn split_hormonal_grew(mut state: Value) -> Result<Value, Lost> {
    const OLD: &str = "hormonal_grew";
    const NEW: &str = "hormonal";
    let Some(factors) = value_mut(&mut state, "answers").and_then(|a| value_mut(a, "factors"))
    else {
        return Ok(state);
    };
    let Some(Value::List(past)) = value_mut(factors, "past_treatments") else {
        return Ok(state);
    };
    let mut grew = false;
    for option in past.iter_mut() {
        if option.as_text() == Some(OLD) {
            // A repeat of `hormonal` is dropped, uncounted, by salvage.
            *option = Value::Text(NEW.to_owned());
            grew = true;
        }
    }
    if !grew {
        return Ok(state);
    }
    match value_mut(factors, "grew_on") {
        Some(Value::List(on)) => {
            if !on.iter().any(|o| o.as_text() == Some(NEW)) {
                on.push(Value::Text(NEW.to_owned()));
            }
        }
        // Not a list: salvage counts it as lost, as it would have.
        Some(_) => {}
        None => {
            if let Value::Map(pairs) = factors {
                pairs.push((
                    "grew_on".to_owned(),
                    Value::List(vec![Value::Text(NEW.to_owned())]),
                ));
            }
        }
    }
    Ok(state)
}

/// The value under `key` in a map (the last one, as `Value::get` reads).
fn value_mut<'t>(tree: &'t mut Value, key: &str) -> Option<&'t mut Value> {
    match tree {
        Value::Map(pairs) => pairs
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v),
        _ => None,
    }
}

/// Brings a `state` tree saved by `version` (at most `VERSION`) up to date.
fn migrate(version: u32, state: Value) -> Result<Value, Lost> {
    // Version 0 never existed: whatever says so is not ours.
    let first = usize::try_from(version)
        .ok()
        .and_then(|v| v.checked_sub(1))
        .ok_or(Lost::NotOurs)?;
    let steps = MIGRATIONS.get(first..).ok_or(Lost::NotOurs)?;
    steps.iter().try_fold(state, |state, step| step(state))
}

/// Counts of what salvage left out, by kind.
#[derive(Default)]
struct Losses {
    future: Option<u32>,
    answers: usize,
    questions: usize,
    notes: usize,
    too_many: usize,
    other: usize,
}

impl Losses {
    fn into_list(self) -> Vec<Lost> {
        let counted = [
            Lost::Answers(self.answers),
            Lost::Questions(self.questions),
            Lost::Notes(self.notes),
            Lost::TooMany(self.too_many),
            Lost::Other(self.other),
        ];
        self.future
            .map(Lost::FutureVersion)
            .into_iter()
            .chain(counted.into_iter().filter(|l| l.parts() > 0))
            .collect()
    }
}

/// Builds a `State` from whatever the tree holds, keeping every valid part.
/// A missing field takes its default quietly; a field that is present but
/// wrong is counted.
fn salvage(tree: &Value, lost: &mut Losses) -> State {
    let mut parts = Parts::default();
    if let Some(answers) = tree.get("answers") {
        salvage_answers(answers, &mut parts.answers, lost);
    }
    if let Some(list) = tree.get("list") {
        parts.list = salvage_list(list, lost);
    }
    parts.next_id = tree
        .get("next_id")
        .and_then(Value::as_whole::<u32>)
        .unwrap_or(0);
    if let Some(readiness) = tree.get("readiness") {
        parts.readiness = keyed(readiness, &mut lost.answers, Value::as_bool);
    }
    if let Some(text) = tree.get("treatment_now") {
        match text.as_text().filter(|t| fits(t, MAX_TREATMENT_NOW_CHARS)) {
            Some(text) => parts.treatment_now = text.to_owned(),
            None => lost.answers += 1,
        }
    }
    let mut state = State::from(parts);
    if let Some(show) = tree.get("show_sensitive") {
        setting(show.as_bool(), &mut state.show_sensitive, lost);
    }
    if let Some(step) = tree.get("step") {
        setting(
            step.as_text().and_then(Step::from_id),
            &mut state.step,
            lost,
        );
    }
    if let Some(large) = tree.get("large_print") {
        setting(large.as_bool(), &mut state.large_print, lost);
    }
    match tree.get("visit") {
        None | Some(Value::Null) => {}
        Some(visit) => match visit.as_text().and_then(Visit::from_id) {
            Some(visit) => state.visit = Some(visit),
            None => lost.answers += 1,
        },
    }
    if let Some(qr) = tree.get("print_qr") {
        setting(qr.as_bool(), &mut state.print_qr, lost);
    }
    state
}

fn setting<T>(read: Option<T>, into: &mut T, lost: &mut Losses) {
    match read {
        Some(value) => *into = value,
        None => lost.other += 1,
    }
}

fn salvage_answers(tree: &Value, answers: &mut Answers, lost: &mut Losses) {
    if tree.as_map().is_none() {
        lost.answers += 1;
        return;
    }
    if let Some(goals) = tree.get("goals") {
        answers.goals = keyed(goals, &mut lost.answers, |v| {
            let id = v.as_text()?;
            Rating::ALL.into_iter().find(|r| r.id() == id)
        });
    }
    if let Some(other) = tree.get("goals_other") {
        match other.as_text().filter(|t| fits(t, MAX_NOTE_CHARS)) {
            Some(text) => answers.goals_other = text.to_owned(),
            None => lost.answers += 1,
        }
    }
    if let Some(treatments) = tree.get("treatments") {
        answers.treatments = keyed(treatments, &mut lost.answers, |v| {
            let id = v.as_text()?;
            Mark::ALL.into_iter().find(|m| m.id() == id)
        });
    }
    let Some(factors) = tree.get("factors") else {
        return;
    };
    let Some(factors) = factors.as_map() else {
        lost.answers += 1;
        return;
    };
    let mut read = Vec::new();
    for (factor, options) in factors {
        let Some(options) = options.as_list().filter(|_| is_id(factor)) else {
            lost.answers += 1;
            continue;
        };
        let mut kept: Vec<String> = Vec::new();
        for option in options {
            match option.as_text().filter(|o| is_id(o)) {
                // Past the cap, the rest is dropped (linear time).
                Some(_) if kept.len() >= crate::state::MAX_OPTIONS => lost.answers += 1,
                Some(option) if !kept.iter().any(|k| k == option) => kept.push(option.to_owned()),
                Some(_) => {}
                None => lost.answers += 1,
            }
        }
        if !kept.is_empty() {
            read.push((factor.clone(), kept));
        }
    }
    // Collected, not inserted one by one: n log n for any key order.
    answers.factors = read.into_iter().collect();
}

/// A map of id to value, keeping each pair whose value `read` accepts and
/// counting the rest (or 1 if the whole thing is not a map).
fn keyed<T>(
    tree: &Value,
    lost: &mut usize,
    read: impl Fn(&Value) -> Option<T>,
) -> crate::by_id::ById<T> {
    let Some(pairs) = tree.as_map() else {
        *lost += 1;
        return crate::by_id::ById::new();
    };
    let mut kept = Vec::new();
    for (key, value) in pairs {
        match read(value).filter(|_| is_id(key)) {
            Some(value) => kept.push((key.clone(), value)),
            None => *lost += 1,
        }
    }
    // Collected, not inserted one by one: n log n for any key order.
    kept.into_iter().collect()
}

fn salvage_list(tree: &Value, lost: &mut Losses) -> Vec<Rc<Entry>> {
    let Some(items) = tree.as_list() else {
        lost.questions += 1;
        return Vec::new();
    };
    let mut list: Vec<Rc<Entry>> = Vec::new();
    let mut tops = 0;
    // Entries whose id was unreadable get one once every good id is known.
    let mut without_id = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if list.len() >= MAX_ENTRIES {
            lost.too_many = items.len() - index;
            break;
        }
        let Some((id, mut entry)) = salvage_entry(item, lost) else {
            continue;
        };
        if entry.question.is_some() && list.iter().any(|e| e.question == entry.question) {
            // Already in the list: the repeat (and its note) is left out.
            lost.questions += 1;
            continue;
        }
        if entry.top {
            if tops >= MAX_TOP {
                entry.top = false;
                lost.questions += 1;
            } else {
                tops += 1;
            }
        }
        if id.is_none() {
            without_id.push(list.len());
        }
        list.push(Rc::new(entry));
    }
    let mut fresh = list
        .iter()
        .map(|e| e.id)
        .max()
        .map_or(0, |id| id.saturating_add(1));
    for index in without_id {
        if let Some(entry) = list.get_mut(index) {
            Rc::make_mut(entry).id = fresh;
            fresh = fresh.saturating_add(1);
        }
    }
    list
}

/// One entry and its id, if its id was readable. `None` if nothing worth
/// keeping is left: no readable bank question and no readable own text.
fn salvage_entry(item: &Value, lost: &mut Losses) -> Option<(Option<u32>, Entry)> {
    if item.as_map().is_none() {
        lost.questions += 1;
        return None;
    }
    let id = item.get("id").and_then(Value::as_whole::<u32>);
    let mut damaged = false;
    let question = match item.get("question") {
        None | Some(Value::Null) => None,
        Some(q) => {
            let q = q.as_text().filter(|q| is_id(q));
            damaged |= q.is_none();
            q
        }
    };
    let text = match item.get("text") {
        None | Some(Value::Null) => None,
        Some(t) => {
            let t = t
                .as_text()
                .filter(|t| fits(t, MAX_QUESTION_CHARS) && !t.trim().is_empty());
            damaged |= t.is_none();
            t
        }
    };
    let top = match item.get("top") {
        None => false,
        Some(top) => {
            damaged |= top.as_bool().is_none();
            top.as_bool().unwrap_or(false)
        }
    };
    let note = match item.get("note") {
        None => Some(""),
        Some(note) => note.as_text().filter(|n| fits(n, MAX_NOTE_CHARS)),
    };
    if question.is_none() && text.is_none() {
        // The question itself is gone; so is any note on it.
        lost.questions += 1;
        if note.is_some_and(|n| !n.is_empty()) {
            lost.notes += 1;
        }
        return None;
    }
    if damaged {
        lost.questions += 1;
    }
    if note.is_none() {
        lost.notes += 1;
    }
    let entry = Entry {
        id: id.unwrap_or(0),
        question: question.map(str::to_owned),
        text: text.map(str::to_owned),
        top,
        note: note.unwrap_or_default().to_owned(),
    };
    Some((id, entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_must_fit_exactly() {
        assert_eq!(Value::Number(7.0).as_whole::<u32>(), Some(7));
        assert_eq!(Value::Number(7.5).as_whole::<u32>(), None);
        assert_eq!(Value::Number(-1.0).as_whole::<u32>(), None);
        assert_eq!(Value::Number(5e9).as_whole::<u32>(), None);
        assert_eq!(Value::Number(f64::NAN).as_whole::<u64>(), None);
        assert_eq!(Value::Number(1e300).as_whole::<u64>(), None);
    }

    fn factors(tree: &Value) -> String {
        tree.get("answers")
            .and_then(|a| a.get("factors"))
            .map(Value::to_json)
            .unwrap_or_default()
    }

    #[test]
    fn version_1_hormonal_grew_becomes_hormonal_taken_and_grown_on() {
        let v1 = crate::json::parse(
            r#"{"answers": {"factors": {"her2": ["low"],
                "past_treatments": ["chemo", "hormonal_grew", "hormonal"]}}}"#,
        )
        .expect("test JSON");
        let v2 = migrate(1, v1).expect("migrates");
        assert_eq!(
            factors(&v2),
            r#"{"her2":["low"],"past_treatments":["chemo","hormonal","hormonal"],"grew_on":["hormonal"]}"#
        );
        // Salvage keeps one `hormonal` and counts nothing lost.
        let read = decode_state_tree(
            1,
            crate::json::parse(
                r#"{"answers": {"factors":
            {"past_treatments": ["hormonal_grew", "hormonal"]}}}"#,
            )
            .expect("test JSON"),
        );
        assert!(read.lost.is_empty(), "{:?}", read.lost);
        assert_eq!(
            read.state.answers().factors.get("past_treatments"),
            Some(&vec!["hormonal".to_owned()])
        );
        assert_eq!(
            read.state.answers().factors.get("grew_on"),
            Some(&vec!["hormonal".to_owned()])
        );
    }

    #[test]
    fn version_1_without_hormonal_grew_or_of_odd_shape_is_left_alone() {
        for text in [
            r#"{"answers": {"factors": {"past_treatments": ["chemo"]}}}"#,
            r#"{"answers": {"factors": {"past_treatments": "hormonal_grew"}}}"#,
            r#"{"answers": {"factors": []}}"#,
            r#"{"answers": 3}"#,
            r#"{}"#,
        ] {
            let tree = crate::json::parse(text).expect("test JSON");
            assert_eq!(migrate(1, tree.clone()), Ok(tree), "{text}");
        }
        // A `grew_on` already there (it cannot be, in version 1) gains the answer once.
        let tree = crate::json::parse(
            r#"{"answers": {"factors": {"past_treatments": ["hormonal_grew"], "grew_on": ["hormonal"]}}}"#,
        )
        .expect("test JSON");
        assert_eq!(
            factors(&migrate(1, tree).expect("migrates")),
            r#"{"past_treatments":["hormonal"],"grew_on":["hormonal"]}"#
        );
    }

    #[test]
    fn version_2_gains_no_reason_no_treatment_text_and_no_code() {
        let v2 = crate::json::parse(r#"{"answers": {"goals_other": "June"}, "large_print": true}"#)
            .expect("test JSON");
        assert_eq!(migrate(2, v2.clone()), Ok(v2.clone()), "nothing moves");
        let read = decode_state_tree(2, v2);
        assert!(read.lost.is_empty(), "{:?}", read.lost);
        assert_eq!(read.state.visit, None);
        assert_eq!(read.state.treatment_now(), "");
        assert!(!read.state.print_qr);
        assert!(read.state.large_print);
    }

    #[test]
    fn the_visit_treatment_now_and_code_round_trip_and_bad_ones_are_counted() {
        let state = State::default()
            .apply(crate::state::Action::SetVisit(Some(Visit::SecondOpinion)))
            .apply(crate::state::Action::SetTreatmentNow("Letrozole".into()))
            .apply(crate::state::Action::SetPrintQr(true));
        let read = decode(&encode(&state, 1, 0.0));
        assert!(read.lost.is_empty(), "{:?}", read.lost);
        assert_eq!(read.state, state);
        // No reason saved as null reads back as none, quietly.
        let read = decode_state_tree(VERSION, state_tree(&State::default()));
        assert!(read.lost.is_empty(), "{:?}", read.lost);
        assert_eq!(read.state.visit, None);

        let long = "x".repeat(MAX_TREATMENT_NOW_CHARS + 1);
        for (bad, lost) in [
            (r#"{"visit": "tuesday"}"#.to_owned(), Lost::Answers(1)),
            (r#"{"visit": 2}"#.to_owned(), Lost::Answers(1)),
            (r#"{"treatment_now": 5}"#.to_owned(), Lost::Answers(1)),
            (
                format!(r#"{{"treatment_now": "{long}"}}"#),
                Lost::Answers(1),
            ),
            (r#"{"print_qr": "yes"}"#.to_owned(), Lost::Other(1)),
        ] {
            let tree = crate::json::parse(&bad).expect("test JSON");
            let read = decode_state_tree(VERSION, tree);
            assert_eq!(read.lost, [lost], "{bad}");
            assert_eq!(read.state, State::default(), "{bad}: the default stays");
        }
        // The good parts of a damaged save are kept.
        let tree =
            crate::json::parse(r#"{"visit": "own_team", "treatment_now": [], "print_qr": true}"#)
                .expect("test JSON");
        let read = decode_state_tree(VERSION, tree);
        assert_eq!(read.lost, [Lost::Answers(1)]);
        assert_eq!(read.state.visit, Some(Visit::OwnTeam));
        assert!(read.state.print_qr);
    }

    #[test]
    fn there_is_no_version_zero() {
        assert_eq!(migrate(0, Value::Null), Err(Lost::NotOurs));
        assert_eq!(migrate(VERSION, Value::Null), Ok(Value::Null));
    }

    #[test]
    fn a_bare_state_tree_reads_back_as_the_envelope_would() {
        let state = State::default()
            .apply(crate::state::Action::AddOwn("<b>mine</b>".into()))
            .apply(crate::state::Action::AddQuestion("q_a".into()));
        let read = decode_state_tree(VERSION, state_tree(&state));
        assert_eq!(read.state, state);
        assert!(read.lost.is_empty());
        assert_eq!(decode(&encode(&state, 3, 9.0)).state, read.state);
    }

    #[test]
    fn a_bare_state_tree_that_is_not_a_map_or_of_no_version_reads_nothing() {
        let read = decode_state_tree(VERSION, Value::List(vec![]));
        assert_eq!(read.lost, [Lost::Unreadable]);
        assert_eq!(read.state, State::default());
        let read = decode_state_tree(0, Value::map([]));
        assert_eq!(read.lost, [Lost::NotOurs]);
        let read = decode_state_tree(VERSION + 1, Value::map([]));
        assert_eq!(read.lost, [Lost::FutureVersion(VERSION + 1)]);
    }

    #[test]
    fn the_summary_adds_up_parts_and_notes_unreadable_saves() {
        let damage = summary(&[Lost::Answers(2), Lost::Notes(1), Lost::TooMany(3)]);
        assert_eq!(damage.parts_lost, 6);
        assert!(!damage.nothing_read);
        assert!(summary(&[Lost::Unreadable]).nothing_read);
        assert!(summary(&[Lost::FutureVersion(2)]).from_newer_version);
    }
}
