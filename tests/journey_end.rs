//! The end of the journey, rendered natively through Yew's server renderer:
//! "Check your answers" says what the person knows as the sheet's "About me"
//! statements, each with its own "Change"; the printed sheet puts the reason
//! for the visit, what I know and the treatment now first, then the top 3,
//! then the rest, then (for a second opinion) what to bring, then the
//! sources; and it prints a code only when the person asked for one.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::components::{render_view, CheckAnswers, PrintSheetArgs};
use mbc_guide::content::{builtin, Lang, Pack};
use mbc_guide::state::{Action, State, Visit};
use mbc_guide::{about_me, sheet};
use yew::Callback;

type CheckProps = <CheckAnswers as yew::BaseComponent>::Properties;

fn pack(lang: Lang) -> Rc<Pack> {
    Rc::new(builtin(lang).expect("built-in pack"))
}

/// HER2-low, spread to bone, a treatment now, a reason for the visit, and
/// four questions (one most important).
fn patient(visit: Visit) -> State {
    let choose = |factor: &str, option: &str| Action::ChooseFactor {
        factor: factor.into(),
        option: option.into(),
        multiple: true,
        chosen: true,
    };
    [
        choose("her2", "low"),
        choose("spread", "bone"),
        Action::SetTreatmentNow("Letrozole and ribociclib".into()),
        Action::SetVisit(Some(visit)),
        Action::AddQuestion("goals-main-aim".into()),
        Action::AddQuestion("her2-retest".into()),
        Action::AddQuestion("side-effects-common".into()),
        Action::AddOwn("Can I keep working?".into()),
        Action::SetTop { id: 1, top: true },
    ]
    .into_iter()
    .fold(State::default(), |s, a| s.apply(a))
}

async fn check_answers(pack: Rc<Pack>, state: State) -> String {
    yew::LocalServerRenderer::<CheckAnswers>::with_props(yew::props!(CheckProps {
        pack,
        state: Rc::new(state),
        on_action: Callback::noop(),
        on_take: Callback::noop(),
        prefix: "t",
    }))
    .hydratable(false)
    .render()
    .await
}

async fn print_sheet(pack: &Pack, state: &State, qr: bool) -> String {
    let sheet = sheet::build(pack, state, "2026-11-30");
    let code = qr
        .then(|| mbc_guide::qr::qr("https://example.org/#mbc=3.abc"))
        .flatten();
    assert_eq!(code.is_some(), qr, "a code for the test link");
    render_view(mbc_guide::components::print_sheet(PrintSheetArgs {
        sheet: &sheet,
        to_ask: &about_me::to_ask(pack, state),
        large: false,
        qr: code.as_ref(),
        qr_label: pack.ui("share_qr_label"),
        about_label: pack.ui("print_about"),
        rest_label: pack.ui("print_rest"),
    }))
    .await
}

#[tokio::test]
async fn check_your_answers_says_what_i_know_as_statements_each_with_a_change_button() {
    for lang in [Lang::En, Lang::Es] {
        let pack = pack(lang);
        let state = patient(Visit::SecondOpinion);
        let html = check_answers(pack.clone(), state.clone()).await;
        let her2 = pack.factor("her2").expect("her2");
        assert!(
            !html.contains(her2.title.as_str()),
            "{lang:?}: not the checklist's question"
        );
        // Each statement as the sheet prints it, with its own Change.
        let mut rows: Vec<(String, String)> = about_me::facts(&pack, &state);
        rows.push((
            pack.ui("about_treatment_now").to_owned(),
            "Letrozole and ribociclib".to_owned(),
        ));
        rows.push((
            pack.ui("about_visit").to_owned(),
            pack.ui("visit_second_opinion").to_owned(),
        ));
        for (label, value) in &rows {
            let row = format!("<dt>{label}</dt><dd class=\"mbc-summary__value\">{value}</dd>");
            assert!(html.contains(&row), "{lang:?}: {row} in {html}");
            let change = format!(
                "{}<span class=\"mbc-visually-hidden\"> {label}</span>",
                pack.ui("change")
            );
            assert!(html.contains(&change), "{lang:?}: {change}");
        }
        // The reason comes first; the code on paper is a choice, off at first.
        let reason = html.find(pack.ui("about_visit")).unwrap_or(usize::MAX);
        assert!(reason < html.find(pack.ui("step_goals")).unwrap_or(0));
        let qr = html
            .find(pack.ui("print_qr_choice"))
            .expect("the code is a choice");
        let checkbox = &html[..qr];
        let input = &checkbox[checkbox.rfind("<input").unwrap_or(0)..];
        assert!(
            input.contains("type=\"checkbox\"") && !input.contains("checked"),
            "{input}"
        );
    }
}

#[tokio::test]
async fn the_sheet_for_a_second_opinion_reads_about_me_top_rest_what_to_bring_sources() {
    let pack = pack(Lang::En);
    let state = patient(Visit::SecondOpinion);
    let html = print_sheet(&pack, &state, false).await;
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {html}"))
    };
    let q = |id: &str| {
        pack.question(id)
            .map(|q| q.text.clone())
            .unwrap_or_default()
    };
    let order = [
        at(pack.ui("print_about")),
        at(pack.ui("about_visit")),
        at(pack.ui("visit_second_opinion")),
        at(pack.ui("about_her2")),
        at("Letrozole and ribociclib"),
        at(pack.ui("print_top")),
        at(&q("her2-retest")),
        at(pack.ui("print_rest")),
        at(&q("goals-main-aim")),
        at(pack.ui("bring_heading")),
        at(pack.ui("bring_slides")),
        at("mbc-print__sources"),
        at("American Cancer Society"),
    ];
    let mut sorted = order;
    sorted.sort_unstable();
    assert_eq!(order, sorted, "in this order: {html}");
    assert!(!html.contains("<svg"), "no code unless asked for");
}

#[tokio::test]
async fn a_visit_with_my_own_team_has_nothing_to_bring_and_a_code_only_when_asked() {
    let pack = pack(Lang::En);
    let state = patient(Visit::OwnTeam);
    let html = print_sheet(&pack, &state, false).await;
    assert!(html.contains(pack.ui("visit_own_team")));
    assert!(!html.contains(pack.ui("bring_heading")));
    assert!(!html.contains("<svg"));
    let with_code = print_sheet(&pack, &state, true).await;
    let foot = &with_code[with_code.find("mbc-print__foot").expect("a foot")..];
    assert!(foot.contains("<svg"), "the code sits in the foot");
    assert!(foot.contains(pack.ui("share_qr_label")));
}
