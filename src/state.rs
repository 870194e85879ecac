//! Everything the person enters, as one plain value, and the only place it
//! changes: `State::apply` (wrapped by `Reducible::reduce` for Yew).
//!
//! The reducer is pure: no web-sys, no clock, no randomness. Saving and
//! loading live in `stored` (the format) and `web::storage` (the browser).

use crate::by_id::ById;
use std::rc::Rc;

use yew::Reducible;

use crate::answers::{Answers, Mark, Rating};

/// The most questions marked "most important".
pub const MAX_TOP: usize = 3;
/// The most questions a list may hold. Far above any real list; it bounds
/// the work a damaged or hostile saved list can cause.
pub const MAX_ENTRIES: usize = 500;
/// The longest question text, in characters.
pub const MAX_QUESTION_CHARS: usize = 500;
/// The longest note, and the longest "anything else" text, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;
/// The longest "treatment now" text, in characters: a few lines on the
/// one-page sheet.
pub const MAX_TREATMENT_NOW_CHARS: usize = 300;
/// The most options one factor answer keeps (the longest factor has about
/// a dozen): the rest of a hostile list is dropped, so reading it stays
/// linear.
pub const MAX_OPTIONS: usize = 64;

/// The steps of the journey, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Goals,
    Profile,
    Treatments,
    Questions,
    Ready,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Goals,
        Step::Profile,
        Step::Treatments,
        Step::Questions,
        Step::Ready,
    ];

    /// 1-based position.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn ui_key(self) -> &'static str {
        match self {
            Step::Goals => "step_goals",
            Step::Profile => "step_profile",
            Step::Treatments => "step_treatments",
            Step::Questions => "step_questions",
            Step::Ready => "step_ready",
        }
    }

    /// The interface key of the sentence under the step's heading. The last
    /// step has its parts' own headings instead.
    pub fn intro_key(self) -> Option<&'static str> {
        match self {
            Step::Goals => Some("step_goals_intro"),
            Step::Profile => Some("step_profile_intro"),
            Step::Treatments => Some("step_treatments_intro"),
            Step::Questions => Some("step_questions_intro"),
            Step::Ready => None,
        }
    }
}

/// Why the person is going to the visit the sheet is for. A second opinion
/// adds "What to bring" to the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visit {
    SecondOpinion,
    OwnTeam,
}

impl Visit {
    pub const ALL: [Visit; 2] = [Visit::SecondOpinion, Visit::OwnTeam];

    /// The id used in stored data.
    pub fn id(self) -> &'static str {
        match self {
            Visit::SecondOpinion => "second_opinion",
            Visit::OwnTeam => "own_team",
        }
    }

    /// The interface key of its label ("A second opinion").
    pub fn ui_key(self) -> &'static str {
        match self {
            Visit::SecondOpinion => "visit_second_opinion",
            Visit::OwnTeam => "visit_own_team",
        }
    }

    pub fn from_id(id: &str) -> Option<Visit> {
        Visit::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// One question in the person's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Unique within the list; never reused while the list exists.
    pub id: u32,
    /// The bank question this came from, if any.
    pub question: Option<String>,
    /// The person's own words: their own question, or their edit of a bank
    /// question. `None` shows the bank text in the current language.
    pub text: Option<String>,
    /// Marked "most important". Top entries always lead the list.
    pub top: bool,
    /// A note, or the answer the doctor gave.
    pub note: String,
}

/// Everything the person enters. Plain data: cloned, compared, saved.
///
/// Entries are shared (`Rc`): a change copies the list's pointers, not its
/// text, and an entry that did not change stays the same allocation, so
/// comparing two states (and a list row's props) is a pointer check per
/// entry. `Eq` matters: `Rc<T: Eq>` compares by pointer first.
///
/// The fields that carry the invariants `normalise` lists are private, so
/// nothing outside this module can break them: they are read through
/// methods, changed only by `apply`, and set from outside only through
/// `State::from(Parts)`, which normalises. The settings that take any value
/// stay public.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    answers: Answers,
    /// The person's questions, top entries first.
    list: Vec<Rc<Entry>>,
    /// The next `Entry::id` to hand out.
    next_id: u32,
    /// Has the person chosen to see sensitive questions?
    pub show_sensitive: bool,
    /// Where the person is in the journey.
    pub step: Step,
    /// The "how ready do I feel?" answers, by readiness item id.
    readiness: ById<bool>,
    /// Print in 18 pt.
    pub large_print: bool,
    /// The reason for the visit, if the person gave one.
    pub visit: Option<Visit>,
    /// The treatment the person has now, in their own words; may be empty.
    treatment_now: String,
    /// Print a code that opens the list on a phone. Off unless chosen.
    pub print_qr: bool,
    /// The last removed entry and where it was, for undo. Not saved.
    undo: Option<(usize, Rc<Entry>)>,
    /// Everything as it was before the person chose "Replace my list", for
    /// `UndoReplace` right after. Not saved; the next change drops it.
    replaced: Option<Rc<State>>,
}

/// The parts of a `State` that carry invariants, as read from outside (a
/// save, a link, a test), unchecked. `State::from(parts)` makes them valid.
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub answers: Answers,
    pub list: Vec<Rc<Entry>>,
    pub next_id: u32,
    pub readiness: ById<bool>,
    pub treatment_now: String,
}

impl From<Parts> for State {
    fn from(parts: Parts) -> State {
        State {
            answers: parts.answers,
            list: parts.list,
            next_id: parts.next_id,
            readiness: parts.readiness,
            treatment_now: parts.treatment_now,
            ..State::default()
        }
        .normalise()
    }
}

/// Every change the person can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    RateGoal {
        goal: String,
        rating: Option<Rating>,
    },
    SetGoalsOther(String),
    /// Choose or un-choose an answer to a factor. With `multiple` false the
    /// answer replaces any other. "not_sure" and "none" exclude the others.
    /// `chosen` says which way, so repeating an action changes nothing.
    ChooseFactor {
        factor: String,
        option: String,
        multiple: bool,
        chosen: bool,
    },
    MarkTreatment {
        treatment: String,
        mark: Option<Mark>,
    },
    /// Add a bank question (ignored if already in the list).
    AddQuestion(String),
    /// Add several bank questions at once, skipping any already there.
    AddQuestions(Vec<String>),
    /// Add the person's own question (ignored if blank).
    AddOwn(String),
    /// Change an entry's text (blank text is ignored).
    Edit {
        id: u32,
        text: String,
    },
    Remove(u32),
    /// Put back the last removed entry where it was.
    Undo,
    /// Move an entry up (-1) or down (+1) within its group (top or rest).
    /// A bigger step stops at the group's edge; it never crosses into the
    /// other group.
    Move {
        id: u32,
        by: i32,
    },
    /// Mark or unmark "most important" (at most `MAX_TOP`).
    SetTop {
        id: u32,
        top: bool,
    },
    SetNote {
        id: u32,
        note: String,
    },
    ShowSensitive(bool),
    GoTo(Step),
    AnswerReadiness {
        item: String,
        yes: Option<bool>,
    },
    SetLargePrint(bool),
    /// Give (or take back) the reason for the visit.
    SetVisit(Option<Visit>),
    /// The treatment the person has now, as typed (cut to its limit).
    SetTreatmentNow(String),
    SetPrintQr(bool),
    /// Start again with nothing (after "clear everything").
    Clear,
    /// Take a whole state (another tab's newer save).
    Replace(Box<State>),
    /// The person chose "Replace my list" for a shared list: as `Replace`,
    /// but what was here can be put back (`UndoReplace`) until the next
    /// change.
    ReplaceMine(Box<State>),
    /// Put back everything as it was before `ReplaceMine`.
    UndoReplace,
    /// Add a shared list to this one: its questions that are not already
    /// here go at the end (with their notes), and its answers fill in only
    /// what this list has not answered. This list's choices always win.
    Merge(Box<State>),
}

impl Step {
    /// The id used in stored data (`"goals"`, `"profile"`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Step::Goals => "goals",
            Step::Profile => "profile",
            Step::Treatments => "treatments",
            Step::Questions => "questions",
            Step::Ready => "ready",
        }
    }

    /// The step with this stored id, if there is one.
    pub fn from_id(id: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The longest id of a goal, factor, option, treatment, readiness item or
/// bank question, in characters. Real ids are short words; the bound keeps a
/// damaged saved state from carrying megabytes in its keys.
pub const MAX_ID_CHARS: usize = 100;

/// The factor options that exclude every other option of the same factor.
pub const EXCLUSIVE_OPTIONS: [&str; 2] = ["not_sure", "none"];

/// Entry ids above this are renumbered by `normalise`, so that handing out
/// new ids can never run out.
const MAX_SANE_ID: u32 = u32::MAX / 2;

impl State {
    /// The pure transition. Always returns a valid state; out-of-range ids
    /// and over-long text are ignored or trimmed, never a panic.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        let replaced = next.replaced.take();
        let keeps_replaced = !matches!(action, Action::ReplaceMine(_) | Action::UndoReplace);
        match action {
            Action::RateGoal { goal, rating } => match rating {
                Some(rating) if is_id(&goal) => {
                    next.answers.goals.insert(goal, rating);
                }
                Some(_) => {}
                None => {
                    next.answers.goals.remove(&goal);
                }
            },
            Action::SetGoalsOther(text) => {
                next.answers.goals_other = cut(&text, MAX_NOTE_CHARS);
            }
            Action::ChooseFactor {
                factor,
                option,
                multiple,
                chosen,
            } => {
                if is_id(&factor) && is_id(&option) {
                    let chosen_now = next.answers.factors.remove(&factor).unwrap_or_default();
                    let options = choose(chosen_now, option, multiple, chosen);
                    if !options.is_empty() {
                        next.answers.factors.insert(factor, options);
                    }
                }
            }
            Action::MarkTreatment { treatment, mark } => match mark {
                Some(mark) if is_id(&treatment) => {
                    next.answers.treatments.insert(treatment, mark);
                }
                Some(_) => {}
                None => {
                    next.answers.treatments.remove(&treatment);
                }
            },
            Action::AddQuestion(question) => next.add_question(question),
            Action::AddQuestions(questions) => {
                for question in questions {
                    next.add_question(question);
                }
            }
            Action::AddOwn(text) => {
                if let Some(text) = own_text(&text) {
                    next.add_entry(None, Some(text));
                }
            }
            Action::Edit { id, text } => {
                if let (Some(text), Some(entry)) = (own_text(&text), next.entry_mut(id)) {
                    entry.text = Some(text);
                }
            }
            Action::Remove(id) => {
                if let Some(index) = next.position(id) {
                    let entry = next.list.remove(index);
                    next.undo = Some((index, entry));
                }
            }
            Action::Undo => {
                if let Some((index, mut entry)) = next.undo.take() {
                    if next.can_restore(&entry) {
                        if entry.top && next.top_count() >= MAX_TOP {
                            Rc::make_mut(&mut entry).top = false;
                        }
                        let index = index.min(next.list.len());
                        next.list.insert(index, entry);
                        next.tops_first();
                    }
                }
            }
            Action::Move { id, by } => {
                if let Some(from) = next.position(id) {
                    let group = next.group_of(from);
                    let to = clamp_move(from, by, group.start, group.end);
                    if to != from {
                        let entry = next.list.remove(from);
                        next.list.insert(to, entry);
                    }
                }
            }
            Action::SetTop { id, top } => {
                let full = top && next.top_count() >= MAX_TOP;
                if let Some(from) = next.position(id).filter(|_| !full) {
                    if next.list.get(from).is_some_and(|e| e.top != top) {
                        let mut entry = next.list.remove(from);
                        Rc::make_mut(&mut entry).top = top;
                        // The end of the top group, or the start of the rest.
                        let to = next.top_count();
                        next.list.insert(to, entry);
                    }
                }
            }
            Action::SetNote { id, note } => {
                if let Some(entry) = next.entry_mut(id) {
                    entry.note = cut(&note, MAX_NOTE_CHARS);
                }
            }
            Action::ShowSensitive(show) => next.show_sensitive = show,
            Action::GoTo(step) => next.step = step,
            Action::AnswerReadiness { item, yes } => match yes {
                Some(yes) if is_id(&item) => {
                    next.readiness.insert(item, yes);
                }
                Some(_) => {}
                None => {
                    next.readiness.remove(&item);
                }
            },
            Action::SetLargePrint(large) => next.large_print = large,
            Action::SetVisit(visit) => next.visit = visit,
            Action::SetTreatmentNow(text) => {
                next.treatment_now = cut(&text, MAX_TREATMENT_NOW_CHARS);
            }
            Action::SetPrintQr(on) => next.print_qr = on,
            Action::Clear => next = State::default(),
            Action::Replace(state) => {
                next = state.normalise();
                next.undo = None;
            }
            Action::ReplaceMine(state) => {
                let mut before = next;
                before.undo = None;
                next = state.normalise();
                next.undo = None;
                next.replaced = Some(Rc::new(before));
            }
            Action::UndoReplace => {
                if let Some(before) = &replaced {
                    next = State::clone(before);
                }
            }
            Action::Merge(incoming) => {
                let incoming = incoming.normalise();
                let answers = &mut next.answers;
                for (goal, rating) in incoming.answers.goals.iter() {
                    if !answers.goals.contains_key(goal) {
                        answers.goals.insert(goal.clone(), *rating);
                    }
                }
                if answers.goals_other.trim().is_empty() {
                    answers.goals_other = incoming.answers.goals_other.clone();
                }
                if next.visit.is_none() {
                    next.visit = incoming.visit;
                }
                if next.treatment_now.trim().is_empty() {
                    next.treatment_now = incoming.treatment_now.clone();
                }
                for (factor, options) in incoming.answers.factors.iter() {
                    if !answers.factors.contains_key(factor) {
                        answers.factors.insert(factor.clone(), options.clone());
                    }
                }
                for (treatment, mark) in incoming.answers.treatments.iter() {
                    if !answers.treatments.contains_key(treatment) {
                        answers.treatments.insert(treatment.clone(), *mark);
                    }
                }
                for (item, yes) in incoming.readiness.iter() {
                    if !next.readiness.contains_key(item) {
                        next.readiness.insert(item.clone(), *yes);
                    }
                }
                for entry in incoming.list {
                    let duplicate =
                        next.list
                            .iter()
                            .any(|mine| match (&entry.question, &mine.question) {
                                (Some(theirs), Some(ours)) => theirs == ours,
                                _ => entry.text.is_some() && mine.text == entry.text,
                            });
                    if !duplicate && next.list.len() < MAX_ENTRIES {
                        let id = next.next_id;
                        next.next_id = next.next_id.saturating_add(1);
                        next.list.push(Rc::new(Entry {
                            id,
                            ..Rc::unwrap_or_clone(entry)
                        }));
                    }
                }
                next = next.normalise();
            }
        }
        if keeps_replaced && replaced.is_some() {
            // A change that changes nothing (a repeated tick) keeps it.
            next.replaced = replaced;
            if next != *self {
                next.replaced = None;
            }
        }
        next
    }

    /// Makes any state valid: what `apply` keeps true, enforced on a state
    /// that came from outside (a save, another tab, an import).
    ///
    /// - entries with neither a bank question nor text of their own go;
    /// - a bank question appears at most once (the first stays);
    /// - at most `MAX_ENTRIES` entries (the first stay);
    /// - text, notes and ids are within their limits (over-long ones are cut),
    ///   and the person's words are clean (`text::clean`);
    /// - at most `MAX_TOP` entries are marked most important (the first
    ///   stay marked), and they lead the list;
    /// - entry ids are unique and `next_id` is above all of them;
    /// - no factor has an empty or repeated answer.
    ///
    /// A pending undo survives only if its entry could still be put back.
    pub fn normalise(mut self) -> State {
        self.replaced = None;
        let mut seen_questions = std::collections::BTreeSet::new();
        let list = std::mem::take(&mut self.list);
        for mut entry in list {
            if self.list.len() >= MAX_ENTRIES {
                break;
            }
            // Copied only if something in it must change.
            let untidy = entry.question.as_deref().is_some_and(|q| !is_id(q))
                || entry
                    .text
                    .as_deref()
                    .is_some_and(|t| own_text(t).as_deref() != Some(t))
                || !fits(&entry.note, MAX_NOTE_CHARS)
                || matches!(crate::text::clean(&entry.note), std::borrow::Cow::Owned(_));
            if untidy {
                let entry = Rc::make_mut(&mut entry);
                entry.question = entry.question.take().filter(|q| is_id(q));
                entry.text = entry.text.as_deref().and_then(own_text);
                entry.note = cut(&entry.note, MAX_NOTE_CHARS);
            }
            let fresh = match &entry.question {
                Some(question) => seen_questions.insert(question.clone()),
                None => entry.text.is_some(),
            };
            if fresh {
                self.list.push(entry);
            }
        }
        let mut tops = 0;
        for entry in self.list.iter_mut().filter(|e| e.top) {
            tops += 1;
            if tops > MAX_TOP {
                Rc::make_mut(entry).top = false;
            }
        }
        self.tops_first();
        self.unique_ids();
        if let Some((_, entry)) = &self.undo {
            if entry.id >= self.next_id || !self.can_restore(entry) {
                self.undo = None;
            }
        }

        self.answers.goals.retain(|goal, _| is_id(goal));
        self.answers.goals_other = cut(&self.answers.goals_other, MAX_NOTE_CHARS);
        self.treatment_now = cut(&self.treatment_now, MAX_TREATMENT_NOW_CHARS);
        self.answers
            .treatments
            .retain(|treatment, _| is_id(treatment));
        self.readiness.retain(|item, _| is_id(item));
        let factors = std::mem::take(&mut self.answers.factors);
        for (factor, options) in factors {
            let mut kept: Vec<String> = Vec::with_capacity(options.len());
            for option in options {
                if kept.len() >= MAX_OPTIONS {
                    break;
                }
                if is_id(&option) && !kept.contains(&option) {
                    kept.push(option);
                }
            }
            if is_id(&factor) && !kept.is_empty() {
                self.answers.factors.insert(factor, kept);
            }
        }
        self
    }

    /// Goal ratings, factor answers and treatment marks.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The person's questions, top entries first.
    pub fn list(&self) -> &[Rc<Entry>] {
        &self.list
    }

    /// The next `Entry::id` to hand out: above every id in the list.
    pub fn next_id(&self) -> u32 {
        self.next_id
    }

    /// The "how ready do I feel?" answers, by readiness item id.
    pub fn readiness(&self) -> &ById<bool> {
        &self.readiness
    }

    /// The treatment the person has now, in their own words; may be empty.
    pub fn treatment_now(&self) -> &str {
        &self.treatment_now
    }

    /// The id of the last removed entry, while `Undo` can put it back.
    pub fn removed_id(&self) -> Option<u32> {
        self.undo.as_ref().map(|(_, e)| e.id)
    }

    /// Can `UndoReplace` put back what "Replace my list" replaced?
    pub fn can_undo_replace(&self) -> bool {
        self.replaced.is_some()
    }

    /// How many of the five steps have any answer, for the progress line.
    pub fn steps_with_answers(&self) -> usize {
        Step::ALL.iter().filter(|s| self.has_answers(**s)).count()
    }

    /// Has the person answered anything in this step?
    pub fn has_answers(&self, step: Step) -> bool {
        match step {
            Step::Goals => {
                !self.answers.goals.is_empty() || !self.answers.goals_other.trim().is_empty()
            }
            Step::Profile => {
                self.answers.factors.values().any(|o| !o.is_empty())
                    || !self.treatment_now.trim().is_empty()
            }
            Step::Treatments => !self.answers.treatments.is_empty(),
            Step::Questions => !self.list.is_empty(),
            Step::Ready => !self.readiness.is_empty() || self.visit.is_some(),
        }
    }

    /// How many entries are marked most important.
    pub fn top_count(&self) -> usize {
        self.list.iter().filter(|e| e.top).count()
    }

    pub fn contains_question(&self, question_id: &str) -> bool {
        self.list
            .iter()
            .any(|e| e.question.as_deref() == Some(question_id))
    }

    /// The entry with this id, if it is in the list.
    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.list.iter().find(|e| e.id == id).map(|e| &**e)
    }

    /// The entry with this id, to change: a copy of it alone if it is
    /// shared with an earlier state.
    fn entry_mut(&mut self, id: u32) -> Option<&mut Entry> {
        self.list.iter_mut().find(|e| e.id == id).map(Rc::make_mut)
    }

    fn position(&self, id: u32) -> Option<usize> {
        self.list.iter().position(|e| e.id == id)
    }

    /// The index range of the group (top or rest) holding `index`.
    fn group_of(&self, index: usize) -> std::ops::Range<usize> {
        let tops = self.top_count();
        if index < tops {
            0..tops
        } else {
            tops..self.list.len()
        }
    }

    fn add_question(&mut self, question: String) {
        if is_id(&question) && !self.contains_question(&question) {
            self.add_entry(Some(question), None);
        }
    }

    /// Appends a new entry, unless the list is full or ids have run out.
    fn add_entry(&mut self, question: Option<String>, text: Option<String>) {
        if self.list.len() >= MAX_ENTRIES {
            return;
        }
        let Some(after) = self.next_id.checked_add(1) else {
            return;
        };
        self.list.push(Rc::new(Entry {
            id: self.next_id,
            question,
            text,
            top: false,
            note: String::new(),
        }));
        self.next_id = after;
    }

    /// Could this removed entry go back without breaking an invariant?
    fn can_restore(&self, entry: &Entry) -> bool {
        self.list.len() < MAX_ENTRIES
            && self.entry(entry.id).is_none()
            && !entry
                .question
                .as_deref()
                .is_some_and(|q| self.contains_question(q))
    }

    /// Top entries lead the list; the order within each group stays.
    fn tops_first(&mut self) {
        // Two groups, each in list order: a partition costs the wasm far
        // less than a stable sort.
        let (mut list, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.list)
            .into_iter()
            .partition(|e| e.top);
        list.extend(rest);
        self.list = list;
    }

    /// Gives repeated ids fresh ones and puts `next_id` above every id,
    /// renumbering from 0 if the ids have grown absurdly large.
    fn unique_ids(&mut self) {
        let mut seen = std::collections::BTreeSet::new();
        let highest = self.list.iter().map(|e| e.id).max();
        let mut fresh = match highest {
            Some(highest) => self.next_id.max(highest.saturating_add(1)),
            None => self.next_id,
        };
        for entry in &mut self.list {
            if !seen.insert(entry.id) {
                Rc::make_mut(entry).id = fresh;
                fresh = fresh.saturating_add(1);
            }
        }
        self.next_id = fresh;
        if self.next_id > MAX_SANE_ID {
            for (id, entry) in (0..).zip(self.list.iter_mut()) {
                if entry.id != id {
                    Rc::make_mut(entry).id = id;
                }
            }
            self.next_id = u32::try_from(self.list.len()).unwrap_or(MAX_SANE_ID);
            self.undo = None;
        }
    }
}

/// Is this a plausible content id (not blank, not absurdly long)? The one
/// check for ids, in the reducer and in reading saves.
pub(crate) fn is_id(id: &str) -> bool {
    !id.trim().is_empty() && fits(id, MAX_ID_CHARS)
}

/// Within the limit, counted in characters, not bytes.
pub(crate) fn fits(text: &str, max: usize) -> bool {
    // Cheap first: no text of `max` chars is longer than `4 * max` bytes.
    text.len() <= max || (text.len() <= 4 * max && text.chars().count() <= max)
}

/// At most `max` characters of `text`, cut on a character boundary, with
/// no control or bidi characters (`text::clean`).
fn cut(text: &str, max: usize) -> String {
    let text = crate::text::clean(text);
    match text.char_indices().nth(max) {
        Some((end, _)) => text.get(..end).unwrap_or_default().to_owned(),
        None => text.into_owned(),
    }
}

/// The person's own question text: cleaned, trimmed, cut to length, never
/// blank.
fn own_text(text: &str) -> Option<String> {
    let text = crate::text::clean(text);
    let text = text.trim();
    (!text.is_empty()).then(|| cut(text, MAX_QUESTION_CHARS).trim_end().to_owned())
}

/// A factor's options after choosing or un-choosing `option`.
fn choose(mut options: Vec<String>, option: String, multiple: bool, chosen: bool) -> Vec<String> {
    if !chosen {
        options.retain(|o| *o != option);
    } else if !multiple || EXCLUSIVE_OPTIONS.contains(&option.as_str()) {
        options = vec![option];
    } else {
        options.retain(|o| !EXCLUSIVE_OPTIONS.contains(&o.as_str()));
        if !options.contains(&option) {
            options.push(option);
        }
    }
    options
}

/// Where an entry at `from` lands when moved `by` places inside the group
/// `start..end`: clamped to the group, so it never crosses into the other.
fn clamp_move(from: usize, by: i32, start: usize, end: usize) -> usize {
    let last = end.saturating_sub(1).max(start);
    let to = i64::try_from(from)
        .unwrap_or(i64::MAX)
        .saturating_add(i64::from(by));
    let to = usize::try_from(to.max(0)).unwrap_or(usize::MAX);
    to.clamp(start, last)
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(state: &State, actions: impl IntoIterator<Item = Action>) -> State {
        actions
            .into_iter()
            .fold(state.clone(), |state, action| state.apply(action))
    }

    fn add(ids: &[&str]) -> State {
        let actions = ids.iter().map(|id| Action::AddQuestion((*id).to_owned()));
        run(&State::default(), actions)
    }

    fn order(state: &State) -> Vec<u32> {
        state.list.iter().map(|e| e.id).collect()
    }

    fn tops(state: &State) -> Vec<u32> {
        state.list.iter().filter(|e| e.top).map(|e| e.id).collect()
    }

    fn choose(state: &State, option: &str, multiple: bool, chosen: bool) -> State {
        state.apply(Action::ChooseFactor {
            factor: "spread".into(),
            option: option.into(),
            multiple,
            chosen,
        })
    }

    fn spread(state: &State) -> Vec<&str> {
        state
            .answers
            .factors
            .get("spread")
            .map(|o| o.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    fn set_top(state: &State, id: u32, top: bool) -> State {
        state.apply(Action::SetTop { id, top })
    }

    fn moved(state: &State, id: u32, by: i32) -> State {
        state.apply(Action::Move { id, by })
    }

    fn own(n: usize) -> String {
        format!("my question {n}")
    }

    // Goals

    #[test]
    fn rating_a_goal_keeps_the_rating_and_unrating_removes_it() {
        let rated = State::default().apply(Action::RateGoal {
            goal: "quality".into(),
            rating: Some(Rating::Very),
        });
        assert_eq!(rated.answers.goals.get("quality"), Some(&Rating::Very));
        let unrated = rated.apply(Action::RateGoal {
            goal: "quality".into(),
            rating: None,
        });
        assert!(unrated.answers.goals.is_empty());
    }

    #[test]
    fn the_anything_else_text_is_kept_as_typed_but_cut_to_the_note_limit() {
        let typed = State::default().apply(Action::SetGoalsOther("seeing my grandson ".into()));
        assert_eq!(typed.answers.goals_other, "seeing my grandson ");
        let long = "é".repeat(MAX_NOTE_CHARS + 10);
        let cut = typed.apply(Action::SetGoalsOther(long));
        assert_eq!(cut.answers.goals_other.chars().count(), MAX_NOTE_CHARS);
    }

    // Profile

    #[test]
    fn a_single_answer_factor_replaces_the_earlier_answer() {
        let state = choose(&State::default(), "positive", false, true);
        let state = choose(&state, "negative", false, true);
        assert_eq!(spread(&state), ["negative"]);
    }

    #[test]
    fn unchoosing_the_only_answer_forgets_the_factor() {
        let state = choose(&State::default(), "positive", false, true);
        let state = choose(&state, "positive", false, false);
        assert!(state.answers.factors.is_empty());
    }

    #[test]
    fn several_sites_can_be_chosen_in_the_order_they_were_chosen() {
        let state = choose(&State::default(), "liver", true, true);
        let state = choose(&state, "bone", true, true);
        let state = choose(&state, "liver", true, true);
        assert_eq!(spread(&state), ["liver", "bone"]);
    }

    #[test]
    fn unchoosing_one_site_keeps_the_others() {
        let state = choose(&State::default(), "liver", true, true);
        let state = choose(&state, "bone", true, true);
        let state = choose(&state, "liver", true, false);
        assert_eq!(spread(&state), ["bone"]);
        let state = choose(&state, "bone", true, false);
        assert!(state.answers.factors.is_empty());
    }

    #[test]
    fn choosing_not_sure_for_spread_clears_the_other_sites() {
        let state = choose(&State::default(), "liver", true, true);
        let state = choose(&state, "bone", true, true);
        let state = choose(&state, "not_sure", true, true);
        assert_eq!(spread(&state), ["not_sure"]);
    }

    #[test]
    fn choosing_a_site_after_none_clears_none() {
        let state = choose(&State::default(), "none", true, true);
        let state = choose(&state, "brain", true, true);
        assert_eq!(spread(&state), ["brain"]);
    }

    // Treatments

    #[test]
    fn marking_a_treatment_keeps_the_mark_and_unmarking_removes_it() {
        let marked = State::default().apply(Action::MarkTreatment {
            treatment: "endocrine".into(),
            mark: Some(Mark::Ask),
        });
        assert_eq!(marked.answers.treatments.get("endocrine"), Some(&Mark::Ask));
        let unmarked = marked.apply(Action::MarkTreatment {
            treatment: "endocrine".into(),
            mark: None,
        });
        assert!(unmarked.answers.treatments.is_empty());
    }

    // Adding questions

    #[test]
    fn adding_a_question_gives_it_a_fresh_id_at_the_end() {
        let state = add(&["q_a", "q_b"]);
        assert_eq!(order(&state), [0, 1]);
        assert_eq!(state.next_id, 2);
        assert_eq!(state.list[1].question.as_deref(), Some("q_b"));
        assert_eq!(state.list[1].text, None);
        assert!(!state.list[1].top);
    }

    #[test]
    fn a_question_cannot_be_added_twice() {
        let state = add(&["q_a", "q_a"]);
        assert_eq!(state.list.len(), 1);
        assert_eq!(state.next_id, 1);
    }

    #[test]
    fn adding_several_questions_skips_those_already_there() {
        let state = add(&["q_b"]).apply(Action::AddQuestions(vec![
            "q_a".into(),
            "q_b".into(),
            "q_c".into(),
            "q_a".into(),
        ]));
        let questions: Vec<_> = state
            .list
            .iter()
            .filter_map(|e| e.question.as_deref())
            .collect();
        assert_eq!(questions, ["q_b", "q_a", "q_c"]);
    }

    #[test]
    fn a_full_list_takes_no_more_questions() {
        let actions = (0..MAX_ENTRIES + 5).map(|n| Action::AddOwn(own(n)));
        let state = run(&State::default(), actions);
        assert_eq!(state.list.len(), MAX_ENTRIES);
        let after = state.apply(Action::AddQuestion("q_a".into()));
        assert_eq!(after, state);
    }

    #[test]
    fn an_own_question_is_trimmed_and_cut_to_length() {
        let state = State::default().apply(Action::AddOwn("  Can I travel?  ".into()));
        assert_eq!(state.list[0].text.as_deref(), Some("Can I travel?"));
        assert_eq!(state.list[0].question, None);
        let long = "a".repeat(MAX_QUESTION_CHARS * 2);
        let state = state.apply(Action::AddOwn(long));
        let kept = state.list[1].text.as_deref().unwrap_or_default();
        assert_eq!(kept.chars().count(), MAX_QUESTION_CHARS);
    }

    #[test]
    fn a_blank_own_question_is_ignored() {
        let state = State::default().apply(Action::AddOwn(" \n\t ".into()));
        assert_eq!(state, State::default());
    }

    #[test]
    fn own_questions_cut_on_a_character_boundary() {
        let long = "ñ".repeat(MAX_QUESTION_CHARS + 1);
        let state = State::default().apply(Action::AddOwn(long));
        assert_eq!(state.list[0].text, Some("ñ".repeat(MAX_QUESTION_CHARS)));
    }

    // Editing

    #[test]
    fn editing_a_bank_question_keeps_the_persons_words() {
        let state = add(&["q_a"]).apply(Action::Edit {
            id: 0,
            text: " In my words ".into(),
        });
        assert_eq!(state.list[0].text.as_deref(), Some("In my words"));
        assert_eq!(state.list[0].question.as_deref(), Some("q_a"));
    }

    #[test]
    fn a_blank_edit_or_an_unknown_id_changes_nothing() {
        let state = add(&["q_a"]);
        let blank = state.apply(Action::Edit {
            id: 0,
            text: "  ".into(),
        });
        assert_eq!(blank, state);
        let unknown = state.apply(Action::Edit {
            id: 9,
            text: "x".into(),
        });
        assert_eq!(unknown, state);
    }

    // Sharing (issue 16: no deep copy of the list per keystroke)

    #[test]
    fn a_change_to_one_entry_leaves_the_others_shared_and_the_old_state_as_it_was() {
        let before = run(&add(&["q_a", "q_b", "q_c"]), [Action::AddOwn(own(1))]);
        let noted = before.apply(Action::SetNote {
            id: 1,
            note: "ask again".into(),
        });
        for (old, new) in before.list.iter().zip(&noted.list) {
            assert_eq!(Rc::ptr_eq(old, new), old.id != 1, "entry {}", old.id);
        }
        assert_eq!(before.list[1].note, "");
        assert_eq!(noted.list[1].note, "ask again");
        // A move copies pointers, not entries.
        let moved = moved(&noted, 3, -2);
        assert_eq!(order(&moved), [0, 3, 1, 2]);
        for entry in &moved.list {
            let same = noted.list.iter().any(|e| Rc::ptr_eq(e, entry));
            assert!(same, "entry {} was copied", entry.id);
        }
    }

    #[test]
    fn marking_most_important_copies_only_that_entry() {
        let before = add(&["q_a", "q_b", "q_c"]);
        let after = set_top(&before, 2, true);
        assert_eq!(order(&after), [2, 0, 1]);
        assert!(!Rc::ptr_eq(&after.list[0], &before.list[2]));
        assert!(Rc::ptr_eq(&after.list[1], &before.list[0]));
        assert!(Rc::ptr_eq(&after.list[2], &before.list[1]));
        assert!(!before.list[2].top);
    }

    // Removing and undo

    #[test]
    fn removing_a_question_takes_it_out_and_offers_undo() {
        let state = add(&["q_a", "q_b", "q_c"]).apply(Action::Remove(1));
        assert_eq!(order(&state), [0, 2]);
        assert_eq!(state.undo.as_ref().map(|(i, e)| (*i, e.id)), Some((1, 1)));
    }

    #[test]
    fn undo_puts_a_removed_question_back_where_it_was() {
        let before = add(&["q_a", "q_b", "q_c"]).apply(Action::SetNote {
            id: 1,
            note: "ask about fatigue".into(),
        });
        let state = before.apply(Action::Remove(1)).apply(Action::Undo);
        assert_eq!(state, before);
        assert_eq!(state.undo, None);
    }

    #[test]
    fn only_the_last_removal_can_be_undone() {
        let state = run(
            &add(&["q_a", "q_b", "q_c"]),
            [
                Action::Remove(0),
                Action::Remove(2),
                Action::Undo,
                Action::Undo,
            ],
        );
        assert_eq!(order(&state), [1, 2]);
    }

    #[test]
    fn undo_stays_available_after_other_changes() {
        let state = run(
            &add(&["q_a", "q_b", "q_c"]),
            [
                Action::Remove(2),
                Action::AddOwn("mine".into()),
                Action::GoTo(Step::Ready),
            ],
        );
        assert!(state.undo.is_some());
        let state = state.apply(Action::Undo);
        assert_eq!(order(&state), [0, 1, 2, 3]);
    }

    #[test]
    fn undo_after_the_list_shrank_puts_the_question_at_the_end() {
        let state = run(
            &add(&["q_a", "q_b", "q_c"]),
            [Action::Remove(2), Action::Remove(1)],
        );
        // Only the last removal (q_b at 1) is kept; remove another to shrink.
        let state = run(&state, [Action::Remove(0), Action::Undo]);
        assert_eq!(order(&state), [0]);
        let mut state = add(&["q_a", "q_b", "q_c"]).apply(Action::Remove(2));
        state.list.clear();
        let state = state.apply(Action::Undo);
        assert_eq!(order(&state), [2]);
    }

    #[test]
    fn an_undone_top_question_rejoins_the_top_group() {
        let state = run(
            &add(&["q_a", "q_b", "q_c"]),
            [
                Action::SetTop { id: 1, top: true },
                Action::SetTop { id: 2, top: true },
                Action::Remove(1),
            ],
        );
        // The removed top entry was at index 0; put two others ahead of it.
        let state = run(&state, [Action::Move { id: 2, by: -1 }, Action::Undo]);
        assert_eq!(tops(&state), [1, 2]);
        assert_eq!(order(&state), [1, 2, 0]);
    }

    #[test]
    fn an_undone_top_question_is_unmarked_if_three_are_already_marked() {
        let state = run(
            &add(&["q_a", "q_b", "q_c", "q_d"]),
            [
                Action::SetTop { id: 0, top: true },
                Action::Remove(0),
                Action::SetTop { id: 1, top: true },
                Action::SetTop { id: 2, top: true },
                Action::SetTop { id: 3, top: true },
                Action::Undo,
            ],
        );
        assert_eq!(tops(&state), [1, 2, 3]);
        assert_eq!(order(&state), [1, 2, 3, 0]);
    }

    #[test]
    fn undo_does_not_bring_back_a_question_added_again_since() {
        let state = run(
            &add(&["q_a"]),
            [
                Action::Remove(0),
                Action::AddQuestion("q_a".into()),
                Action::Undo,
            ],
        );
        assert_eq!(order(&state), [1]);
        assert_eq!(state.undo, None);
    }

    #[test]
    fn undo_with_nothing_removed_changes_nothing() {
        let state = add(&["q_a"]);
        assert_eq!(state.apply(Action::Undo), state);
    }

    #[test]
    fn removing_an_unknown_question_keeps_the_earlier_undo() {
        let state = add(&["q_a", "q_b"]).apply(Action::Remove(0));
        let after = state.apply(Action::Remove(42));
        assert_eq!(after, state);
    }

    // Moving

    #[test]
    fn moving_a_question_down_swaps_it_with_the_next() {
        let state = moved(&add(&["q_a", "q_b", "q_c"]), 0, 1);
        assert_eq!(order(&state), [1, 0, 2]);
    }

    #[test]
    fn moving_the_first_top_question_up_does_nothing() {
        let state = run(&add(&["q_a", "q_b"]), [Action::SetTop { id: 1, top: true }]);
        assert_eq!(moved(&state, 1, -1), state);
    }

    #[test]
    fn the_last_top_question_cannot_move_down_into_the_rest() {
        let state = set_top(&add(&["q_a", "q_b", "q_c"]), 1, true);
        assert_eq!(order(&state), [1, 0, 2]);
        assert_eq!(moved(&state, 1, 1), state);
    }

    #[test]
    fn the_first_of_the_rest_cannot_move_up_into_the_tops() {
        let state = set_top(&add(&["q_a", "q_b", "q_c"]), 1, true);
        assert_eq!(moved(&state, 0, -1), state);
    }

    #[test]
    fn a_big_move_stops_at_the_edge_of_the_group() {
        let state = add(&["q_a", "q_b", "q_c", "q_d"]);
        assert_eq!(order(&moved(&state, 1, i32::MAX)), [0, 2, 3, 1]);
        assert_eq!(order(&moved(&state, 2, i32::MIN)), [2, 0, 1, 3]);
        let topped = set_top(&state, 3, true);
        assert_eq!(order(&moved(&topped, 2, i32::MIN)), [3, 2, 0, 1]);
    }

    #[test]
    fn moving_an_unknown_question_does_nothing() {
        let state = add(&["q_a", "q_b"]);
        assert_eq!(moved(&state, 7, 1), state);
    }

    // Most important

    #[test]
    fn marking_a_question_most_important_moves_it_to_the_end_of_the_tops() {
        let state = add(&["q_a", "q_b", "q_c", "q_d"]);
        let state = set_top(&state, 2, true);
        let state = set_top(&state, 3, true);
        assert_eq!(order(&state), [2, 3, 0, 1]);
        assert_eq!(tops(&state), [2, 3]);
    }

    #[test]
    fn unmarking_moves_it_to_the_start_of_the_rest() {
        let state = add(&["q_a", "q_b", "q_c", "q_d"]);
        let state = run(
            &state,
            [
                Action::SetTop { id: 2, top: true },
                Action::SetTop { id: 3, top: true },
                Action::SetTop { id: 2, top: false },
            ],
        );
        assert_eq!(order(&state), [3, 2, 0, 1]);
        assert_eq!(tops(&state), [3]);
    }

    #[test]
    fn marking_a_fourth_question_most_important_changes_nothing() {
        let state = run(
            &add(&["q_a", "q_b", "q_c", "q_d"]),
            (0..3).map(|id| Action::SetTop { id, top: true }),
        );
        assert_eq!(state.top_count(), MAX_TOP);
        assert_eq!(set_top(&state, 3, true), state);
    }

    #[test]
    fn marking_an_already_marked_question_again_changes_nothing() {
        let state = set_top(&add(&["q_a", "q_b", "q_c"]), 2, true);
        let state = set_top(&state, 0, true);
        assert_eq!(set_top(&state, 2, true), state);
        assert_eq!(set_top(&state, 1, false), state);
    }

    // Notes

    #[test]
    fn a_note_is_kept_as_typed_and_cut_to_the_limit() {
        let state = add(&["q_a"]).apply(Action::SetNote {
            id: 0,
            note: "Dr said: scan in 3 months ".into(),
        });
        assert_eq!(state.list[0].note, "Dr said: scan in 3 months ");
        let state = state.apply(Action::SetNote {
            id: 0,
            note: "x".repeat(MAX_NOTE_CHARS + 1),
        });
        assert_eq!(state.list[0].note.len(), MAX_NOTE_CHARS);
    }

    #[test]
    fn typed_or_pasted_text_loses_control_and_bidi_characters() {
        let state = add(&["q_a"])
            .apply(Action::SetNote {
                id: 0,
                note: "scan\u{202e} in 3\r\nmonths\u{0}".into(),
            })
            .apply(Action::AddOwn("\u{200f}\u{1b}".into()))
            .apply(Action::AddOwn(" \u{2066}Can I travel?\u{2069}".into()))
            .apply(Action::SetGoalsOther("work\u{7f}".into()));
        assert_eq!(state.list[0].note, "scan in 3\nmonths");
        assert_eq!(
            state.list.len(),
            2,
            "a question of hidden characters is blank"
        );
        assert_eq!(state.list[1].text.as_deref(), Some("Can I travel?"));
        assert_eq!(state.answers.goals_other, "work");
    }

    #[test]
    fn a_note_for_an_unknown_question_is_ignored() {
        let state = add(&["q_a"]);
        let after = state.apply(Action::SetNote {
            id: 5,
            note: "x".into(),
        });
        assert_eq!(after, state);
    }

    // Settings and readiness

    #[test]
    fn settings_and_the_current_step_are_set() {
        let state = run(
            &State::default(),
            [
                Action::ShowSensitive(true),
                Action::GoTo(Step::Treatments),
                Action::SetLargePrint(true),
            ],
        );
        assert!(state.show_sensitive);
        assert_eq!(state.step, Step::Treatments);
        assert!(state.large_print);
        let state = state.apply(Action::ShowSensitive(false));
        assert!(!state.show_sensitive);
    }

    #[test]
    fn a_readiness_answer_is_kept_and_can_be_taken_back() {
        let state = State::default().apply(Action::AnswerReadiness {
            item: "know_goals".into(),
            yes: Some(false),
        });
        assert_eq!(state.readiness.get("know_goals"), Some(&false));
        let state = state.apply(Action::AnswerReadiness {
            item: "know_goals".into(),
            yes: None,
        });
        assert!(state.readiness.is_empty());
    }

    // Starting again and taking another state

    #[test]
    fn clearing_starts_again_with_nothing_and_no_undo() {
        let state = run(
            &add(&["q_a", "q_b"]),
            [
                Action::Remove(0),
                Action::SetLargePrint(true),
                Action::Clear,
            ],
        );
        assert_eq!(state, State::default());
    }

    /// Issue 17 item 5 (review M4): "Replace my list" can be undone right
    /// after, and the undo brings back answers and settings too.
    #[test]
    fn replacing_my_list_can_be_undone_until_the_next_change() {
        let mine = add(&["q_a", "q_b"])
            .apply(Action::RateGoal {
                goal: "longer".into(),
                rating: Some(Rating::Very),
            })
            .apply(Action::SetLargePrint(true))
            .apply(Action::Remove(0));
        let theirs = add(&["q_c"]).apply(Action::ShowSensitive(true));
        let replaced = mine.apply(Action::ReplaceMine(Box::new(theirs.clone())));
        assert_eq!(replaced.list, theirs.list);
        assert!(replaced.show_sensitive && !replaced.large_print);
        assert_eq!(replaced.undo, None);
        let back = replaced.apply(Action::UndoReplace);
        assert_eq!(
            back,
            State {
                undo: None,
                ..mine.clone()
            }
        );
        assert_eq!(back.apply(Action::UndoReplace), back, "once only");

        // A change that changes nothing keeps the undo; a real one drops it.
        let same = replaced.apply(Action::ShowSensitive(true));
        assert!(same.replaced.is_some());
        let changed = same.apply(Action::GoTo(Step::Ready));
        assert_eq!(changed.replaced, None);
        assert_eq!(changed.apply(Action::UndoReplace), changed);
    }

    #[test]
    fn another_tabs_replace_offers_no_undo() {
        let state = add(&["q_a"]).apply(Action::Replace(Box::new(add(&["q_b"]))));
        assert_eq!(state.replaced, None);
        assert_eq!(state.apply(Action::UndoReplace), state);
    }

    #[test]
    fn replacing_takes_the_other_state_and_drops_undo() {
        let mine = add(&["q_a", "q_b"]).apply(Action::Remove(0));
        let theirs = add(&["q_x"]).apply(Action::GoTo(Step::Ready));
        let state = mine.apply(Action::Replace(Box::new(theirs.clone())));
        assert_eq!(state, theirs);
        assert_eq!(state.undo, None);
    }

    #[test]
    fn replacing_with_a_broken_state_makes_it_valid() {
        let entry = |id: u32, question: Option<&str>, top: bool| {
            Rc::new(Entry {
                id,
                question: question.map(str::to_owned),
                text: None,
                top,
                note: String::new(),
            })
        };
        let broken = State {
            list: vec![
                entry(4, Some("q_a"), false),
                entry(4, Some("q_b"), true),
                entry(1, None, true),
                entry(2, Some("q_a"), true),
                entry(3, Some("q_c"), true),
                entry(5, Some("q_d"), true),
                entry(6, Some("q_e"), true),
            ],
            next_id: 0,
            ..State::default()
        };
        let state = State::default().apply(Action::Replace(Box::new(broken)));
        let questions: Vec<_> = state
            .list
            .iter()
            .filter_map(|e| e.question.as_deref())
            .collect();
        assert_eq!(questions, ["q_b", "q_c", "q_d", "q_a", "q_e"]);
        assert_eq!(tops(&state).len(), MAX_TOP);
        let mut ids = order(&state);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), state.list.len());
        assert!(state.list.iter().all(|e| e.id < state.next_id));
    }

    // Normalising

    #[test]
    fn normalising_keeps_only_the_first_max_entries() {
        let list = (0..MAX_ENTRIES as u32 + 20)
            .map(|id| {
                Rc::new(Entry {
                    id,
                    question: None,
                    text: Some(own(id as usize)),
                    top: false,
                    note: String::new(),
                })
            })
            .collect();
        let state = State {
            list,
            ..State::default()
        }
        .normalise();
        assert_eq!(state.list.len(), MAX_ENTRIES);
        assert_eq!(state.list[0].text.as_deref(), Some("my question 0"));
        assert_eq!(state.next_id, MAX_ENTRIES as u32);
    }

    #[test]
    fn normalising_cuts_long_text_and_drops_empty_entries() {
        let state = State {
            list: vec![
                Rc::new(Entry {
                    id: 0,
                    question: None,
                    text: Some("   ".into()),
                    top: false,
                    note: "lost with its entry".into(),
                }),
                Rc::new(Entry {
                    id: 1,
                    question: None,
                    text: Some("b".repeat(MAX_QUESTION_CHARS + 3)),
                    top: false,
                    note: "n".repeat(MAX_NOTE_CHARS + 3),
                }),
            ],
            ..State::default()
        }
        .normalise();
        assert_eq!(order(&state), [1]);
        assert_eq!(
            state.list[0].text.as_ref().map(String::len),
            Some(MAX_QUESTION_CHARS)
        );
        assert_eq!(state.list[0].note.len(), MAX_NOTE_CHARS);
        assert_eq!(state.next_id, 2);
    }

    #[test]
    fn normalising_renumbers_ids_that_would_run_out() {
        let state = State {
            list: vec![Rc::new(Entry {
                id: u32::MAX,
                question: Some("q_a".into()),
                text: None,
                top: false,
                note: String::new(),
            })],
            next_id: u32::MAX,
            ..State::default()
        }
        .normalise();
        assert_eq!(order(&state), [0]);
        let state = state.apply(Action::AddQuestion("q_b".into()));
        assert_eq!(order(&state), [0, 1]);
    }

    #[test]
    fn normalising_tidies_factor_answers() {
        let mut state = State::default();
        state.answers.factors.insert(
            "spread".into(),
            vec!["bone".into(), "bone".into(), "liver".into()],
        );
        state.answers.factors.insert("her2".into(), vec![]);
        let state = state.normalise();
        assert_eq!(spread(&state), ["bone", "liver"]);
        assert!(!state.answers.factors.contains_key("her2"));
    }

    #[test]
    fn a_valid_state_is_unchanged_by_normalising() {
        let state = run(
            &add(&["q_a", "q_b", "q_c"]),
            [
                Action::AddOwn("mine".into()),
                Action::SetTop { id: 2, top: true },
                Action::SetNote {
                    id: 0,
                    note: "note".into(),
                },
                Action::Remove(1),
            ],
        );
        assert_eq!(state.clone().normalise(), state);
    }

    // Progress

    #[test]
    fn progress_counts_each_step_with_any_answer() {
        let state = State::default();
        assert_eq!(state.steps_with_answers(), 0);
        let state = state.apply(Action::SetGoalsOther("  ".into()));
        assert_eq!(state.steps_with_answers(), 0, "blank text is no answer");
        let state = run(
            &state,
            [
                Action::SetGoalsOther("family".into()),
                Action::AddQuestion("q_a".into()),
            ],
        );
        assert_eq!(state.steps_with_answers(), 2);
        let state = run(
            &state,
            [
                Action::ChooseFactor {
                    factor: "her2".into(),
                    option: "low".into(),
                    multiple: false,
                    chosen: true,
                },
                Action::MarkTreatment {
                    treatment: "chemo".into(),
                    mark: Some(Mark::Discussed),
                },
                Action::AnswerReadiness {
                    item: "know_goals".into(),
                    yes: Some(true),
                },
            ],
        );
        assert_eq!(state.steps_with_answers(), 5);
    }

    #[test]
    fn steps_have_stable_stored_ids() {
        for step in Step::ALL {
            assert_eq!(Step::from_id(step.id()), Some(step));
        }
        assert_eq!(Step::from_id("nope"), None);
    }

    #[test]
    fn the_reducer_hands_back_the_same_state_when_nothing_changed() {
        let state = Rc::new(add(&["q_a"]));
        let same = state.clone().reduce(Action::AddQuestion("q_a".into()));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn merging_a_shared_list_adds_new_questions_and_keeps_my_answers() {
        let mut mine = State::default()
            .apply(Action::AddQuestion("a".into()))
            .apply(Action::RateGoal {
                goal: "longer".into(),
                rating: Some(Rating::Very),
            });
        mine = mine.apply(Action::SetNote {
            id: 0,
            note: "mine".into(),
        });
        let theirs = State::default()
            .apply(Action::AddQuestion("a".into()))
            .apply(Action::AddQuestion("b".into()))
            .apply(Action::AddOwn("Own one?".into()))
            .apply(Action::RateGoal {
                goal: "longer".into(),
                rating: Some(Rating::Not),
            })
            .apply(Action::RateGoal {
                goal: "quality".into(),
                rating: Some(Rating::Somewhat),
            });
        let merged = mine.apply(Action::Merge(Box::new(theirs)));
        let questions: Vec<_> = merged
            .list
            .iter()
            .map(|e| (e.question.clone(), e.text.clone()))
            .collect();
        assert_eq!(
            questions,
            vec![
                (Some("a".into()), None),
                (Some("b".into()), None),
                (None, Some("Own one?".into())),
            ]
        );
        assert_eq!(merged.list[0].note, "mine", "my entry stays as it was");
        assert_eq!(
            merged.answers.goals.get("longer"),
            Some(&Rating::Very),
            "my answer wins"
        );
        assert_eq!(
            merged.answers.goals.get("quality"),
            Some(&Rating::Somewhat),
            "a gap is filled"
        );
        let ids: Vec<u32> = merged.list.iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![0, 1, 2], "new entries get fresh ids");
    }

    #[test]
    fn the_visit_reason_treatment_now_and_qr_choice_are_kept_and_taken_back() {
        let state = run(
            &State::default(),
            [
                Action::SetVisit(Some(Visit::SecondOpinion)),
                Action::SetTreatmentNow("Letrozole and ribociclib".into()),
                Action::SetPrintQr(true),
            ],
        );
        assert_eq!(state.visit, Some(Visit::SecondOpinion));
        assert_eq!(state.treatment_now, "Letrozole and ribociclib");
        assert!(state.print_qr);
        let state = run(
            &state,
            [
                Action::SetVisit(Some(Visit::OwnTeam)),
                Action::SetPrintQr(false),
            ],
        );
        assert_eq!(state.visit, Some(Visit::OwnTeam));
        assert!(!state.print_qr);
        assert_eq!(state.apply(Action::SetVisit(None)).visit, None);
        assert!(!State::default().print_qr, "no code on paper unless chosen");
    }

    #[test]
    fn treatment_now_is_cut_to_its_limit_on_a_character_boundary() {
        let long = "é".repeat(MAX_TREATMENT_NOW_CHARS + 5);
        let state = State::default().apply(Action::SetTreatmentNow(long));
        assert_eq!(state.treatment_now.chars().count(), MAX_TREATMENT_NOW_CHARS);
        let broken = State {
            treatment_now: "x".repeat(MAX_TREATMENT_NOW_CHARS * 2),
            ..State::default()
        };
        assert_eq!(
            broken.normalise().treatment_now.len(),
            MAX_TREATMENT_NOW_CHARS
        );
    }

    #[test]
    fn visit_ids_are_stable() {
        for visit in Visit::ALL {
            assert_eq!(Visit::from_id(visit.id()), Some(visit));
        }
        assert_eq!(Visit::SecondOpinion.id(), "second_opinion");
        assert_eq!(Visit::OwnTeam.id(), "own_team");
        assert_eq!(Visit::from_id("tuesday"), None);
    }

    #[test]
    fn merging_fills_in_the_visit_and_treatment_now_only_when_mine_are_empty() {
        let theirs = run(
            &State::default(),
            [
                Action::SetVisit(Some(Visit::OwnTeam)),
                Action::SetTreatmentNow("Theirs".into()),
                Action::SetPrintQr(true),
            ],
        );
        let filled = State::default().apply(Action::Merge(Box::new(theirs.clone())));
        assert_eq!(filled.visit, Some(Visit::OwnTeam));
        assert_eq!(filled.treatment_now, "Theirs");
        assert!(!filled.print_qr, "a device setting is not merged");
        let mine = run(
            &State::default(),
            [
                Action::SetVisit(Some(Visit::SecondOpinion)),
                Action::SetTreatmentNow("Mine".into()),
            ],
        );
        let kept = mine.apply(Action::Merge(Box::new(theirs)));
        assert_eq!(kept.visit, Some(Visit::SecondOpinion));
        assert_eq!(kept.treatment_now, "Mine");
    }

    #[test]
    fn merging_twice_adds_nothing_the_second_time() {
        let theirs = State::default().apply(Action::AddOwn("Same?".into()));
        let once = State::default().apply(Action::Merge(Box::new(theirs.clone())));
        let twice = once.apply(Action::Merge(Box::new(theirs)));
        assert_eq!(once, twice);
    }
}
