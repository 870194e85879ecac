//! A Spanish reader gets Spanish: the Spanish pack reads plainly by the
//! Spanish formulas, and every component, rendered in Spanish through Yew's
//! server renderer, says no English interface word.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::answers::{Answers, Mark, Rating};
use mbc_guide::by_id::ById;
use mbc_guide::components::*;
use mbc_guide::config::Config;
use mbc_guide::content::readability::{
    pack_report_es, ES_MAX_SENTENCE_WORDS, ES_MIN_INFLESZ, ES_MIN_WORDS,
};
use mbc_guide::content::{builtin, Lang, Library, Pack};
use mbc_guide::session::{LangFetch, RestoreNotice, Saving};
use mbc_guide::state::{Action, State, Step};
use mbc_guide::stored::Lost;
use yew::{html, AttrValue, BaseComponent, Callback, Html, NodeRef};

#[test]
fn every_spanish_passage_reads_at_inflesz_55_and_no_sentence_runs_over_20_words() {
    let pack = builtin(Lang::Es).unwrap_or_else(|e| panic!("content/es.json: {e}"));
    let report = pack_report_es(&pack);
    // "questions[12].text" also says the question's id, for the editors.
    let named = |path: &str| -> String {
        let id = |list: &str, ids: &mut dyn Iterator<Item = &str>| {
            let i: usize = path
                .strip_prefix(list)?
                .strip_prefix('[')?
                .split(']')
                .next()?
                .parse()
                .ok()?;
            ids.nth(i).map(str::to_owned)
        };
        id(
            "questions",
            &mut pack.questions.iter().map(|q| q.id.as_str()),
        )
        .or_else(|| id("glossary", &mut pack.glossary.iter().map(|t| t.id.as_str())))
        .map_or_else(|| path.to_owned(), |id| format!("{path} ({id})"))
    };
    let too_hard: Vec<String> = report
        .too_hard()
        .iter()
        .map(|(path, s)| {
            format!(
                "  INFLESZ {:>5.1}, {:>2} words  {}",
                s.inflesz,
                s.words,
                named(path)
            )
        })
        .collect();
    let too_long: Vec<String> = report
        .too_long()
        .iter()
        .map(|(path, s)| {
            format!(
                "  {:>2} words in one sentence  {}",
                s.longest_sentence,
                named(path)
            )
        })
        .collect();
    assert!(
        too_hard.is_empty() && too_long.is_empty(),
        "Spanish passages of {ES_MIN_WORDS}+ words below INFLESZ {ES_MIN_INFLESZ}:\n{}\n\
         Spanish sentences over {ES_MAX_SENTENCE_WORDS} words:\n{}\n\
         (run `cargo run --bin mbc-validate-pack -- content/es.json --readability`)",
        too_hard.join("\n"),
        too_long.join("\n")
    );
}

/// Words of the English interface that no Spanish sentence holds. Each is
/// matched as a whole word in any case, except words in capitals (names:
/// HER2, PET, the SURE test). "No", "tumor" and "doctor" are Spanish too,
/// so they are not here.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "your",
    "you",
    "my",
    "questions",
    "question",
    "add",
    "remove",
    "save",
    "step",
    "steps",
    "next",
    "back",
    "print",
    "list",
    "share",
    "copy",
    "download",
    "language",
    "loading",
    "could",
    "not",
    "what",
    "how",
    "treatment",
    "care",
    "team",
    "answers",
    "device",
    "clear",
    "cancel",
    "close",
    "edit",
    "undo",
    "move",
    "up",
    "down",
    "show",
    "hide",
    "important",
    "most",
    "sources",
    "reviewed",
    "date",
    "name",
    "sure",
    "yes",
    "ready",
    "update",
    "now",
    "link",
    "words",
    "meaning",
    "of",
    "to",
    "for",
    "with",
    "this",
    "is",
    "are",
    "be",
    "it",
    "on",
    "in",
    "about",
    "more",
    "all",
    "search",
    "marked",
    "large",
];

/// The words a reader sees in an HTML rendering: text between tags, and
/// the attributes a screen reader says (aria-label, title, placeholder,
/// alt).
fn read_words(html: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attribute in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                text.push_str(value.split('"').next().unwrap_or_default());
                text.push(' ');
            }
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// English interface words in a Spanish rendering, with a little of what
/// surrounds each.
fn english_in(html: &str) -> Vec<String> {
    let words = read_words(html);
    words
        .iter()
        .enumerate()
        // A word in capitals is a name ("SURE", the test's name), not prose.
        .filter(|(_, w)| w.chars().any(char::is_lowercase))
        .filter(|(_, w)| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
        .map(|(i, w)| {
            let from = i.saturating_sub(4);
            let to = (i + 5).min(words.len());
            format!("{w:?} in “{}”", words[from..to].join(" "))
        })
        .collect()
}

/// Texts that are not the widget's own words: citations (source titles,
/// publishers and addresses stay in their language, docs/CONTENT.md) are
/// taken out of the rendering before it is read.
fn without_citations(html: &str, pack: &Pack) -> String {
    let mut html = html.to_owned();
    let mut cited: Vec<String> = pack
        .meta
        .sources
        .iter()
        .flat_map(|s| {
            [s.title.clone(), s.org.clone()]
                .into_iter()
                .chain(s.url.clone())
        })
        .map(|t| {
            // Yew escapes text as html_escape::encode_text does.
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .collect();
    cited.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for text in cited {
        html = html.replace(&text, " ");
    }
    html
}

#[test]
fn the_word_list_finds_english_and_passes_spanish() {
    let english = "<p>Add to my list</p><button aria-label=\"Move up\">↑</button>";
    assert_eq!(english_in(english).len(), 6, "{:?}", english_in(english));
    let spanish =
        "<p>Agregar a mi lista</p><button aria-label=\"Subir\">↑</button><p>No. Tumor. HER2.</p>";
    assert_eq!(english_in(spanish), Vec::<String>::new());
}

/// Every component, rendered in Spanish through the server renderer (the
/// whole app, each step, the dialogs open, the printed sheet, the notices
/// and the page foot with a host's contact details).
#[tokio::test]
async fn every_component_rendered_in_spanish_has_no_english_interface_word() {
    let library = Rc::new(Library::builtin().expect("built-in packs"));
    let pack = library.pack(Lang::Es).expect("Spanish pack");
    let mut found = Vec::new();
    for (name, html) in ssr_gallery(library.clone(), Lang::Es).await {
        for word in english_in(&without_citations(&html, &pack)) {
            found.push(format!("  {name}: {word}"));
        }
    }
    assert!(
        found.is_empty(),
        "English in the Spanish interface:\n{}",
        found.join("\n")
    );
}

/// The same gallery in English does contain these words: the Spanish test
/// can fail.
#[tokio::test]
async fn the_english_rendering_is_caught_by_the_same_check() {
    let library = Rc::new(Library::builtin().expect("built-in packs"));
    let pack = library.pack(Lang::En).expect("English pack");
    let gallery = ssr_gallery(library, Lang::En).await;
    assert!(gallery.len() >= 10, "{} renderings", gallery.len());
    for (name, html) in gallery {
        assert!(
            !english_in(&without_citations(&html, &pack)).is_empty(),
            "{name} rendered in English has no English word: is it rendered at all?"
        );
    }
}

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    yew::LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

async fn piece(html: Html) -> String {
    render_view(html).await
}

/// The notices with no damaged save and no host pack error.
/// The notices with a save held back: a damaged save that could not be set
/// aside.
fn held_notices(pack: &Pack) -> Html {
    notices(NoticesArgs {
        pack,
        saving: Saving::Held,
        restore: Some(&RestoreNotice {
            lost: vec![Lost::NotOurs],
        }),
        pack_error: false,
        lang_fetch: None,
        on_restore_choice: &Callback::noop(),
        offer_copy: false,
        on_keep_copy: &Callback::noop(),
    })
}

fn plain_notices(
    pack: &Pack,
    saving: Saving,
    lang_fetch: Option<LangFetch>,
    offer_copy: bool,
) -> Html {
    notices(NoticesArgs {
        pack,
        saving,
        restore: None,
        pack_error: false,
        lang_fetch,
        on_restore_choice: &Callback::noop(),
        offer_copy,
        on_keep_copy: &Callback::noop(),
    })
}

/// The share dialog, open, with `link` and its code if any.
fn plain_share(pack: &Pack, link: &str, qr: Option<&mbc_guide::qr::Qr>, prefix: &str) -> Html {
    share_dialog(ShareDialogArgs {
        pack,
        dialog: &NodeRef::default(),
        open: true,
        link,
        qr,
        unsupported: false,
        on_copy: &Callback::noop(),
        on_copy_text: &Callback::noop(),
        on_download_text: &Callback::noop(),
        on_close: &Callback::noop(),
        prefix,
    })
}

/// A person far along, answering with the pack's own ids: every goal
/// rated, the first options of every factor, every treatment marked, three
/// bank questions and an own one (in Spanish: the person's words are not
/// interface words), one marked most important, notes, the sensitive
/// questions shown, readiness answered, one entry removed (so "Undo"
/// shows).
fn far_along(pack: &Pack, step: Step) -> State {
    let g = &pack.guide;
    let mut actions = vec![
        Action::ShowSensitive(true),
        Action::SetGoalsOther("La boda de mi hija.".into()),
    ];
    for goal in &g.goals.items {
        actions.push(Action::RateGoal {
            goal: goal.id.clone(),
            rating: Some(Rating::Very),
        });
    }
    for factor in &g.factors.items {
        if let Some(option) = factor.options.first() {
            actions.push(Action::ChooseFactor {
                factor: factor.id.clone(),
                option: option.id.clone(),
                multiple: false,
                chosen: true,
            });
        }
    }
    for (i, item) in g.treatments.items.iter().enumerate() {
        let mark = [Mark::Ask, Mark::Discussed, Mark::NotNow][i % 3];
        actions.push(Action::MarkTreatment {
            treatment: item.id.clone(),
            mark: Some(mark),
        });
    }
    for question in pack.questions.iter().take(4) {
        actions.push(Action::AddQuestion(question.id.clone()));
    }
    actions.push(Action::AddOwn(
        "¿Puedo llevar a mi hermana a las citas?".into(),
    ));
    actions.push(Action::SetTop { id: 1, top: true });
    actions.push(Action::SetNote {
        id: 2,
        note: "Preguntar otra vez.".into(),
    });
    for item in &pack.readiness {
        actions.push(Action::AnswerReadiness {
            item: item.id.clone(),
            yes: Some(false),
        });
    }
    actions.push(Action::Remove(3));
    actions.push(Action::GoTo(step));
    actions
        .into_iter()
        .fold(State::default(), |state, action| state.apply(action))
}

/// Every component, rendered through the server renderer in `lang`, by
/// name: the whole app at each step, and each component that the app shows
/// only later (dialogs open, notices, the printed sheet, the page foot with
/// a host's details) on its own.
async fn ssr_gallery(library: Rc<Library>, lang: Lang) -> Vec<(String, String)> {
    let pack = library.pack(lang).expect("pack");
    let mut out = Vec::new();
    for step in [
        Step::Goals,
        Step::Profile,
        Step::Treatments,
        Step::Questions,
        Step::Ready,
    ] {
        let props = yew::props!(AppProps {
            library: library.clone(),
            lang,
            initial: Rc::new(far_along(&pack, step)),
            saving: Saving::Blocked,
            restore: Some(Rc::new(RestoreNotice {
                lost: vec![Lost::Unreadable]
            })),
            pack_error: true,
        });
        out.push((format!("App at {step:?}"), render::<App>(props).await));
    }
    let state = Rc::new(far_along(&pack, Step::Questions));
    let prefix = AttrValue::from("t");
    let config = Rc::new(Config {
        org_name: Some("St Elsewhere".into()),
        phone: Some("555-0100".into()),
        hours: Some("9-17".into()),
        second_opinion_url: Some("https://example.org/segunda".into()),
        ..Config::default()
    });
    let sheet = mbc_guide::sheet::build(&pack, &state, "2026-11-30");
    let link = mbc_guide::share::link("https://example.org/", &state);
    let qr = mbc_guide::qr::qr(&link);
    let p = pack.clone();
    let pieces: Vec<(&str, Html)> = vec![
        (
            "Notices",
            notices(NoticesArgs {
                pack: &p,
                saving: Saving::Full,
                restore: Some(&RestoreNotice {
                    lost: vec![Lost::NotOurs],
                }),
                pack_error: true,
                lang_fetch: Some(LangFetch::Loading(lang)),
                on_restore_choice: &Callback::noop(),
                offer_copy: false,
                on_keep_copy: &Callback::noop(),
            }),
        ),
        (
            "Notices (failed)",
            plain_notices(&p, Saving::Blocked, Some(LangFetch::Failed(lang)), false),
        ),
        ("Notices (held)", held_notices(&p)),
        (
            "DeviceSettings (last saved)",
            device_settings(DeviceSettingsArgs {
                pack: &p,
                saving: Saving::On,
                saved_on: Some("2026-11-23"),
                on_dont_save: &Callback::noop(),
                on_clear: &Callback::noop(),
                prefix: &prefix,
            }),
        ),
        (
            "Notices (keep a copy)",
            plain_notices(&p, Saving::On, None, true),
        ),
        (
            "ReplaceUndo",
            html! { <ReplaceUndo pack={p.clone()} replaced={true} on_action={Callback::noop()} /> },
        ),
        ("UpdateNotice", update_notice(&p, &Callback::noop())),
        (
            "ClearDialog",
            clear_dialog(&p, &NodeRef::default(), &Callback::noop(), &prefix),
        ),
        ("ShareDialog", plain_share(&p, &link, qr.as_ref(), &prefix)),
        (
            "ShareDialog (too long)",
            plain_share(&p, &link, None, &prefix),
        ),
        (
            "IncomingDialog",
            incoming_dialog(IncomingDialogArgs {
                pack: &p,
                dialog: &NodeRef::default(),
                incoming: Some(&state),
                mine: &State::default(),
                error: None,
                on_choose: &Callback::noop(),
                prefix: &prefix,
            }),
        ),
        (
            "IncomingDialog (error)",
            incoming_dialog(IncomingDialogArgs {
                pack: &p,
                dialog: &NodeRef::default(),
                incoming: None,
                mine: &State::default(),
                error: Some(p.ui("share_error_damaged")),
                on_choose: &Callback::noop(),
                prefix: &prefix,
            }),
        ),
        (
            "PrintSheet",
            print_sheet(PrintSheetArgs {
                sheet: &sheet,
                to_ask: &[],
                large: true,
                qr: qr.as_ref(),
                qr_label: p.ui("share_qr_label"),
                about_label: "",
                rest_label: "",
            }),
        ),
        ("PageFooter", page_footer(&p, &config)),
        ("GuideMore", html! { <GuideMore pack={p.clone()} /> }),
        ("GlossaryList", glossary_list(&p)),
        (
            "MyList",
            html! { <MyList pack={p.clone()} state={state.clone()} moved={None::<(u32, i32, u64)>}
            on_action={Callback::noop()} prefix={prefix.clone()} /> },
        ),
        (
            "QuestionBank",
            html! { <QuestionBank pack={p.clone()} in_list={in_list(&state)} show_sensitive={state.show_sensitive}
            on_action={Callback::noop()} prefix={prefix.clone()} /> },
        ),
        (
            "Suggestions",
            html! { <Suggestions pack={p.clone()} answers={state.answers().clone()} show_sensitive={state.show_sensitive}
            in_list={in_list(&state)} on_action={Callback::noop()} prefix={prefix.clone()} /> },
        ),
        (
            "Suggestions (nothing answered)",
            html! { <Suggestions pack={p.clone()} answers={Answers::default()} show_sensitive={false}
            in_list={Rc::new(ById::new())} on_action={Callback::noop()} prefix={prefix.clone()} /> },
        ),
        (
            "MyList (empty)",
            html! { <MyList pack={p.clone()} state={Rc::new(State::default())} moved={None::<(u32, i32, u64)>}
            on_action={Callback::noop()} prefix={prefix.clone()} /> },
        ),
    ];
    for (name, html) in pieces {
        out.push((name.to_owned(), piece(html).await));
    }
    out
}

/// Issue 17 item 5: when the list was last saved, in each language's date
/// form, that the browser may delete it, and the offer to keep a copy; none
/// of it when saving is off or held back, or there is nothing stale.
#[tokio::test]
async fn the_last_save_and_the_offer_to_keep_a_copy_read_in_each_language() {
    let library = Rc::new(Library::builtin().expect("built-in packs"));
    for (lang, date) in [
        (Lang::En, "November 23, 2026"),
        (Lang::Es, "23 de noviembre de 2026"),
    ] {
        let p = library.pack(lang).expect("pack").clone();
        let status = |saving: Saving| {
            device_settings(DeviceSettingsArgs {
                pack: &p,
                saving,
                saved_on: Some("2026-11-23"),
                on_dont_save: &Callback::noop(),
                on_clear: &Callback::noop(),
                prefix: "mbc",
            })
        };
        let on = piece(status(Saving::On)).await;
        let saved = mbc_guide::content::fill(p.ui("saved_when"), &[("date", date)]);
        assert!(on.contains(&saved), "{on}");
        assert!(on.contains(p.ui("saved_may_clear")), "{on}");
        for off in [Saving::Off, Saving::Blocked, Saving::Held] {
            assert!(!piece(status(off)).await.contains(p.ui("saved_may_clear")));
        }
        // A save held back (a damaged one could not be set aside) is not a
        // save: no date, and the notice says the changes wait.
        let held = piece(status(Saving::Held)).await;
        assert!(!held.contains(&saved), "{held}");
        let notices = piece(held_notices(&p)).await;
        assert!(notices.contains(p.ui("storage_held")), "{notices}");
        assert!(notices.contains(p.ui("restore_discard")), "{notices}");
        let offer = |offer: bool| plain_notices(&p, Saving::On, None, offer);
        let shown = piece(offer(true)).await;
        for key in [
            "keep_copy_offer",
            "print_button",
            "download_txt",
            "share_button",
            "not_now",
        ] {
            assert!(shown.contains(p.ui(key)), "{key} in {shown}");
        }
        assert!(!piece(offer(false)).await.contains(p.ui("keep_copy_offer")));
    }
}
