//! The printed sheet: what goes on paper (and into the text and Markdown
//! exports), decided once from the person's list and the pack, so the print
//! view and the exports can never disagree.
//!
//! Pure: no clock (the caller passes the date), no browser. Only what the
//! person filled in is listed; the sheet has no empty sections, except the
//! "get help right away" box and the review dates, which every sheet
//! carries.
//!
//! Order: the "most important" questions first, in list order; then the
//! rest grouped by bank topic, in the pack's topic order; then the person's
//! own questions. Numbers run 1..n across all of them. A sheet for a
//! second opinion also lists what to bring, and cites where that comes from.

use crate::answers::Mark;
use crate::content::{fill, Pack};
use crate::state::{Entry, State, Visit};

/// Everything printed, in the pack's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub title: String,
    /// "Date printed: 2026-11-29".
    pub date_line: String,
    /// "Please go through these questions with me."
    pub to_team: String,
    /// The questions marked most important, in list order.
    pub top: Vec<SheetQuestion>,
    /// The other questions, by topic; own questions last.
    pub groups: Vec<SheetGroup>,
    /// Each rated goal and its rating's label, in the pack's goal order.
    pub goals: Vec<(String, String)>,
    /// "Anything else that matters", if the person wrote something.
    pub goals_other: Option<String>,
    /// Each answered factor as a statement ("HER2 status"), with the chosen
    /// answers' labels joined with ", ", in the pack's factor order: the
    /// same rows as the printed About me (`about_me::facts`).
    pub profile: Vec<(String, String)>,
    /// Each marked treatment and its mark's label.
    pub treatments: Vec<(String, String)>,
    /// "Reason for this visit" and the reason ("A second opinion"), if the
    /// person gave one. First in "About me".
    pub visit: Option<(String, String)>,
    /// "Treatment now" and the person's words, if they wrote any.
    pub treatment_now: Option<(String, String)>,
    /// "What to bring": only on the sheet for a second opinion.
    pub bring: Vec<String>,
    /// "Org: Title (url)" for each source the listed questions cite, in the
    /// order they are first cited.
    pub sources: Vec<String>,
    /// "Get help right away": the signs that need a call now, when the pack
    /// has them. Printed on every sheet, filled in or not.
    pub urgent: Option<SheetUrgent>,
    /// "Last reviewed: November 30, 2026. Next review by: May 31, 2027."
    /// (`dates::reviewed_line`).
    pub reviewed: String,
    /// Headings and labels, so the exports need no pack.
    pub labels: SheetLabels,
}

/// The things to bring to a second opinion, as the sheet lists them.
const BRING: [&str; 5] = [
    "bring_records",
    "bring_scans",
    "bring_slides",
    "bring_tests",
    "bring_treatments",
];

/// The words around the content, from the pack's `ui` keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetLabels {
    /// `print_top`: "Most important to me".
    pub top: String,
    /// `print_patient`: "My name".
    pub patient: String,
    /// `print_doctor`: "Doctor's name".
    pub doctor: String,
    /// `print_visit`: "Visit date".
    pub visit: String,
    /// `note_label`: "My notes or the answer".
    pub note: String,
    /// `print_goals`: "What matters most to me".
    pub goals: String,
    /// `print_profile`: "What I know about my cancer".
    pub profile: String,
    /// `step_treatments`: "Treatments to talk about".
    pub treatments: String,
    /// `sources_heading`: "Sources".
    pub sources: String,
    /// `bring_heading`: "What to bring".
    pub bring: String,
}

/// The "get help right away" box, as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetUrgent {
    pub heading: String,
    pub intro: String,
    pub signs: Vec<String>,
    /// Who to call, and when to call emergency services.
    pub action: String,
}

/// A group of questions under one heading (a bank topic, or "My own
/// questions").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetGroup {
    pub title: String,
    pub questions: Vec<SheetQuestion>,
}

/// One question as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetQuestion {
    /// 1-based, continuous across the top questions and every group.
    pub number: usize,
    pub text: String,
    /// The person's note, as typed; empty if none.
    pub note: String,
    /// Marked most important.
    pub top: bool,
}

/// The person's own words as one paragraph for paper: each line they typed,
/// trimmed, the blank ones left out, joined by "; " (or by a space after a
/// line that ends in a stop, comma, colon, semicolon, "?" or "!"). Every word stays;
/// only the line breaks go, so 300 characters typed one item a line take
/// three or four printed lines, not thirty, and the one-page sheet stays one
/// page.
pub fn run_on(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(last) = out.as_bytes().last() {
            out.push_str(if b".,;:?!".contains(last) { " " } else { "; " });
        }
        out.push_str(line);
    }
    out
}

/// Where a non-top question is grouped.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// A topic the pack lists, by its position there.
    Topic(usize),
    /// A topic the pack does not list (a damaged pack), by its id.
    Unlisted(String),
    /// The person's own question, or one whose bank question is unknown.
    Own,
}

/// Builds the sheet for `state`, in `pack`'s language, printed on `date`
/// (an ISO date the caller supplies).
pub fn build(pack: &Pack, state: &State, date: &str) -> Sheet {
    let mut number = 0;
    let mut next = |entry: &Entry, text: String| {
        number += 1;
        SheetQuestion {
            number,
            text,
            note: entry.note.clone(),
            top: entry.top,
        }
    };

    // Each entry with something to print, and where it goes.
    let printable: Vec<(&Entry, String, Place)> = state
        .list()
        .iter()
        .filter_map(|entry| {
            let bank = entry.question.as_deref().and_then(|id| pack.question(id));
            let text = entry
                .text
                .clone()
                .or_else(|| bank.map(|q| q.text.clone()))?;
            let place = match bank {
                Some(q) => match pack.topics.iter().position(|t| t.id == q.topic) {
                    Some(at) => Place::Topic(at),
                    None => Place::Unlisted(q.topic.clone()),
                },
                None => Place::Own,
            };
            Some((&**entry, text, place))
        })
        .collect();

    // Printed order: top entries as listed, then the rest by group (a
    // stable sort keeps list order within each group).
    let (tops, rest): (Vec<_>, Vec<_>) = printable.iter().partition(|(e, ..)| e.top);
    let rest: Vec<_> = crate::by_id::stable_order(rest.len(), &|a, b| rest[a].2 < rest[b].2)
        .into_iter()
        .map(|i| rest[i])
        .collect();

    let top: Vec<SheetQuestion> = tops
        .iter()
        .map(|(entry, text, _)| next(entry, text.clone()))
        .collect();
    let mut groups: Vec<SheetGroup> = Vec::new();
    let mut current: Option<&Place> = None;
    for (entry, text, place) in &rest {
        if current != Some(place) {
            current = Some(place);
            groups.push(SheetGroup {
                title: group_title(pack, place),
                questions: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.questions.push(next(entry, text.clone()));
        }
    }
    let cited = tops.iter().chain(&rest).map(|(entry, ..)| *entry);
    let second_opinion = state.visit == Some(Visit::SecondOpinion);
    let mut sources = sources(pack, cited);
    if second_opinion {
        // "What to bring" rests on the guide's second-opinion section.
        for line in source_lines(pack, &pack.guide.second_opinion.sources) {
            if !sources.contains(&line) {
                sources.push(line);
            }
        }
    }

    Sheet {
        title: pack.ui("print_title").to_owned(),
        date_line: fill(
            pack.ui("print_date"),
            &[("date", &crate::dates::long(pack.language(), date))],
        ),
        to_team: pack.ui("print_to_team").to_owned(),
        top,
        groups,
        goals: goals(pack, state),
        goals_other: Some(state.answers().goals_other.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        profile: crate::about_me::facts(pack, state),
        treatments: treatments(pack, state),
        visit: state.visit.map(|v| {
            (
                pack.ui("about_visit").to_owned(),
                pack.ui(v.ui_key()).to_owned(),
            )
        }),
        treatment_now: Some(state.treatment_now().trim())
            .filter(|t| !t.is_empty())
            .map(|t| (pack.ui("about_treatment_now").to_owned(), t.to_owned())),
        bring: if second_opinion {
            BRING.iter().map(|key| pack.ui(key).to_owned()).collect()
        } else {
            Vec::new()
        },
        sources,
        urgent: pack.urgent().map(|u| SheetUrgent {
            heading: u.heading.clone(),
            intro: u.intro.clone(),
            signs: u.signs.clone(),
            action: u.action.clone(),
        }),
        reviewed: crate::dates::reviewed_line(pack),
        labels: SheetLabels {
            top: pack.ui("print_top").to_owned(),
            patient: pack.ui("print_patient").to_owned(),
            doctor: pack.ui("print_doctor").to_owned(),
            visit: pack.ui("print_visit").to_owned(),
            note: pack.ui("note_label").to_owned(),
            goals: pack.ui("print_goals").to_owned(),
            profile: pack.ui("print_profile").to_owned(),
            treatments: pack.ui("step_treatments").to_owned(),
            sources: pack.ui("sources_heading").to_owned(),
            bring: pack.ui("bring_heading").to_owned(),
        },
    }
}

impl Sheet {
    /// Every question in printed order: the top ones, then each group's.
    pub fn questions(&self) -> impl Iterator<Item = &SheetQuestion> {
        self.top
            .iter()
            .chain(self.groups.iter().flat_map(|g| g.questions.iter()))
    }
}

fn group_title(pack: &Pack, place: &Place) -> String {
    match place {
        Place::Topic(at) => pack
            .topics
            .get(*at)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        Place::Unlisted(id) => id.clone(),
        Place::Own => pack.ui("print_own").to_owned(),
    }
}

fn goals(pack: &Pack, state: &State) -> Vec<(String, String)> {
    let rated = &state.answers().goals;
    let known = pack.guide.goals.items.iter().map(|i| i.id.as_str());
    // The pack's goals in its order; then any the pack does not know, which
    // are left out: their id means nothing to a reader.
    known
        .filter_map(|id| {
            let rating = rated.get(id)?;
            Some((
                pack.item_title(id).to_owned(),
                pack.ui(rating.ui_key()).to_owned(),
            ))
        })
        .collect()
}

fn treatments(pack: &Pack, state: &State) -> Vec<(String, String)> {
    let marks = &state.answers().treatments;
    pack.guide
        .treatments
        .items
        .iter()
        .map(|i| i.id.as_str())
        .chain(crate::answers::EXTRA_TREATMENTS)
        .filter_map(|id| {
            let mark: &Mark = marks.get(id)?;
            Some((
                pack.item_title(id).to_owned(),
                pack.ui(mark.ui_key()).to_owned(),
            ))
        })
        .collect()
}

/// The sources cited by the printed bank questions (edited ones too: the
/// topic is the same), each once, in order of first citation.
fn sources<'a>(pack: &Pack, entries: impl Iterator<Item = &'a Entry>) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    for entry in entries {
        let Some(question) = entry.question.as_deref().and_then(|id| pack.question(id)) else {
            continue;
        };
        for id in &question.sources {
            if !seen.contains(&id.as_str()) {
                seen.push(id);
            }
        }
    }
    source_lines(pack, seen)
}

/// "Org: Title (url)" for each of these sources the pack knows.
fn source_lines<S: AsRef<str>>(pack: &Pack, ids: impl IntoIterator<Item = S>) -> Vec<String> {
    ids.into_iter()
        .filter_map(|id| pack.source(id.as_ref()))
        .map(|s| match &s.url {
            Some(url) => format!("{}: {} ({url})", s.org, s.title),
            None => format!("{}: {}", s.org, s.title),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Rating;
    use crate::content::{builtin, Lang};
    use crate::state::Action;

    fn pack() -> Pack {
        match builtin(Lang::En) {
            Ok(pack) => pack,
            Err(e) => panic!("built-in pack: {e}"),
        }
    }

    fn state(actions: impl IntoIterator<Item = Action>) -> State {
        actions
            .into_iter()
            .fold(State::default(), |s, a| s.apply(a))
    }

    fn texts(sheet: &Sheet) -> Vec<(usize, String)> {
        sheet
            .questions()
            .map(|q| (q.number, q.text.clone()))
            .collect()
    }

    #[test]
    fn top_questions_lead_then_topics_in_pack_order_then_own() {
        let pack = pack();
        let state = state([
            Action::AddOwn("Mine first?".into()),
            Action::AddQuestion("cost-work".into()),
            Action::AddQuestion("goals-main-aim".into()),
            Action::AddQuestion("spread-where".into()),
            Action::AddQuestion("goals-cure-or-control".into()),
            Action::SetTop { id: 3, top: true },
        ]);
        let sheet = build(&pack, &state, "2026-11-29");
        let q = |id: &str| {
            pack.question(id)
                .map(|q| q.text.clone())
                .unwrap_or_default()
        };
        assert_eq!(sheet.top.len(), 1);
        assert_eq!(sheet.top[0].text, q("spread-where"));
        assert!(sheet.top[0].top);
        let titles: Vec<&str> = sheet.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Goals and what to expect",
                "Cost and practical help",
                pack.ui("print_own")
            ]
        );
        assert_eq!(
            texts(&sheet),
            [
                (1, q("spread-where")),
                (2, q("goals-main-aim")),
                (3, q("goals-cure-or-control")),
                (4, q("cost-work")),
                (5, "Mine first?".to_owned()),
            ]
        );
        assert_eq!(sheet.date_line, "Date printed: November 29, 2026");
    }

    #[test]
    fn an_edited_bank_question_keeps_its_topic_and_shows_the_new_words() {
        let pack = pack();
        let state = state([
            Action::AddQuestion("cost-work".into()),
            Action::Edit {
                id: 0,
                text: "Can I keep working?".into(),
            },
        ]);
        let sheet = build(&pack, &state, "2026-11-29");
        assert_eq!(sheet.groups[0].title, "Cost and practical help");
        assert_eq!(sheet.groups[0].questions[0].text, "Can I keep working?");
    }

    #[test]
    fn an_unknown_bank_question_without_words_is_left_out() {
        let pack = pack();
        let state = state([
            Action::AddQuestion("no-such-question".into()),
            Action::AddQuestion("cost-work".into()),
        ]);
        let sheet = build(&pack, &state, "2026-11-29");
        assert_eq!(sheet.questions().count(), 1);
        assert_eq!(sheet.questions().next().map(|q| q.number), Some(1));
    }

    #[test]
    fn only_what_was_filled_in_is_listed() {
        let pack = pack();
        let empty = build(&pack, &State::default(), "2026-11-29");
        assert!(empty.top.is_empty() && empty.groups.is_empty());
        assert!(empty.goals.is_empty() && empty.profile.is_empty());
        assert!(empty.treatments.is_empty() && empty.sources.is_empty());
        assert_eq!(empty.goals_other, None);

        let state = state([
            Action::RateGoal {
                goal: "quality".into(),
                rating: Some(Rating::Very),
            },
            Action::SetGoalsOther("   ".into()),
            Action::ChooseFactor {
                factor: "her2".into(),
                option: "low".into(),
                multiple: false,
                chosen: true,
            },
            Action::MarkTreatment {
                treatment: "supportive".into(),
                mark: Some(Mark::Ask),
            },
        ]);
        let sheet = build(&pack, &state, "2026-11-29");
        assert_eq!(
            sheet.goals,
            [(
                "Ease symptoms and feel well".to_owned(),
                "Very important".to_owned()
            )]
        );
        assert_eq!(sheet.goals_other, None, "blank text is not an answer");
        assert_eq!(sheet.profile.len(), 1);
        // As statements, the same as the printed About me, not the
        // checklist's question ("What is your HER2 status?").
        assert_eq!(sheet.profile[0].0, "HER2 status");
        assert_eq!(
            sheet.treatments,
            [(
                "Supportive and palliative care".to_owned(),
                "Ask about it".to_owned()
            )]
        );
    }

    #[test]
    fn every_sheet_carries_the_urgent_box_and_both_review_dates() {
        let mut pack = pack();
        pack.meta.review_by = "2027-05-31".into();
        pack.guide.urgent = crate::content::Urgent {
            heading: "Get help right away".into(),
            intro: "Call now if you have one of these signs.".into(),
            signs: vec!["A fever while you get chemo.".into()],
            action: "If you cannot reach them, call 911.".into(),
            sources: vec![pack.meta.sources[0].id.clone()],
        };
        let sheet = build(&pack, &State::default(), "2026-11-30");
        let urgent = sheet.urgent.expect("the box is on an empty sheet too");
        assert_eq!(urgent.heading, "Get help right away");
        assert_eq!(urgent.signs, ["A fever while you get chemo."]);
        assert_eq!(urgent.action, "If you cannot reach them, call 911.");
        assert_eq!(sheet.reviewed, crate::dates::reviewed_line(&pack));
        assert!(
            sheet.reviewed.contains("May 31, 2027"),
            "{}",
            sheet.reviewed
        );
        let text = crate::export::plain_text(&build(&pack, &State::default(), "2026-11-30"));
        assert!(text.contains("Get help right away\n---"), "{text}");
        assert!(text.contains("- A fever while you get chemo."), "{text}");
        pack.guide.urgent = Default::default();
        assert_eq!(build(&pack, &State::default(), "2026-11-30").urgent, None);
    }

    #[test]
    fn sources_are_those_of_the_listed_questions_once_each() {
        let pack = pack();
        let state = state([
            Action::AddQuestion("goals-main-aim".into()),
            Action::AddQuestion("goals-how-much-time".into()),
            Action::AddOwn("Mine".into()),
        ]);
        let sheet = build(&pack, &state, "2026-11-29");
        // Each cited source once, in order of first citation; own questions
        // cite nothing.
        let mut cited: Vec<&str> = Vec::new();
        for id in ["goals-main-aim", "goals-how-much-time"] {
            for source in &pack.question(id).expect("in the pack").sources {
                if !cited.contains(&source.as_str()) {
                    cited.push(source);
                }
            }
        }
        let expected: Vec<String> = cited
            .iter()
            .map(|id| {
                let s = pack.source(id).expect("cited sources exist");
                format!(
                    "{}: {} ({})",
                    s.org,
                    s.title,
                    s.url.as_deref().unwrap_or("?")
                )
            })
            .collect();
        assert!(
            expected.len() >= 2,
            "the two questions share a source but not all"
        );
        assert_eq!(sheet.sources, expected);
    }

    #[test]
    fn own_words_run_on_as_one_paragraph_keeping_every_word() {
        assert_eq!(run_on("Letrozole"), "Letrozole");
        assert_eq!(
            run_on("Letrozole\n Ribociclib 400 mg \r\n\n\nDenosumab\n"),
            "Letrozole; Ribociclib 400 mg; Denosumab"
        );
        assert_eq!(
            run_on("Since May.\nDose lowered,\nthen stopped:\nnow none"),
            "Since May. Dose lowered, then stopped: now none"
        );
        assert_eq!(
            run_on("Is it OK?\nWhy not!\nNext"),
            "Is it OK? Why not! Next"
        );
        assert_eq!(run_on(" \n \n"), "");
    }

    #[test]
    fn the_reason_and_treatment_now_print_and_a_second_opinion_adds_what_to_bring() {
        let pack = pack();
        let plain = build(&pack, &State::default(), "2026-11-30");
        assert_eq!(plain.visit, None);
        assert_eq!(plain.treatment_now, None);
        assert!(plain.bring.is_empty());

        let own_team = state([
            Action::SetVisit(Some(Visit::OwnTeam)),
            Action::SetTreatmentNow("  Letrozole  ".into()),
        ]);
        let sheet = build(&pack, &own_team, "2026-11-30");
        assert_eq!(
            sheet.visit,
            Some((
                "Reason for this visit".to_owned(),
                "A visit with my own care team".to_owned()
            ))
        );
        assert_eq!(
            sheet.treatment_now,
            Some(("Treatment now".to_owned(), "Letrozole".to_owned()))
        );
        assert!(sheet.bring.is_empty(), "only a second opinion lists it");
        assert!(sheet.sources.is_empty());

        let second = own_team.apply(Action::SetVisit(Some(Visit::SecondOpinion)));
        let sheet = build(&pack, &second, "2026-11-30");
        assert_eq!(
            sheet.visit.map(|v| v.1),
            Some("A second opinion".to_owned())
        );
        assert_eq!(sheet.bring.len(), BRING.len());
        assert!(
            sheet.bring[0].contains("pathology report"),
            "{:?}",
            sheet.bring
        );
        assert_eq!(sheet.labels.bring, "What to bring");
        // Its sources are the guide's second-opinion section's, once each.
        let expected = source_lines(&pack, &pack.guide.second_opinion.sources);
        assert!(!expected.is_empty());
        assert_eq!(sheet.sources, expected);
        assert!(sheet
            .sources
            .iter()
            .any(|s| s.starts_with("American Cancer Society")));
    }
}
