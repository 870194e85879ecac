//! The first screen, rendered to HTML natively through Yew's server
//! renderer: what a person reads before the wasm arrives.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::components::{App, AppProps};
use mbc_guide::content::{builtin, Lang, Library};

async fn render(lang: Lang) -> String {
    render_with(Library::builtin().expect("built-in packs parse"), lang).await
}

async fn render_with(library: Library, lang: Lang) -> String {
    let library = Rc::new(library);
    yew::LocalServerRenderer::<App>::with_props(yew::props!(AppProps { library, lang }))
        .hydratable(false)
        .render()
        .await
}

/// The text a reader sees: tags removed (glossary words are buttons inside
/// sentences, so a sentence spans several elements).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Yew escapes text; compare against the escaped form.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// How many times `needle` occurs in `text`.
fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

async fn render_state(state: mbc_guide::state::State) -> String {
    let library = Rc::new(Library::builtin().expect("built-in"));
    yew::LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
        library,
        lang: Lang::En,
        initial: Rc::new(state),
    }))
    .hydratable(false)
    .render()
    .await
}

/// With no script the page still reads as the whole guide: step 1 explains
/// each goal where it is rated, once; the kinds of treatment (explained in
/// step 3, which a reader with no script cannot open) are in `<noscript>`,
/// once.
#[tokio::test]
async fn the_prerendered_page_explains_each_goal_and_treatment_once() {
    let pack = builtin(Lang::En).expect("English pack");
    let html = render(Lang::En).await;
    let text = text_of(&html);

    assert_eq!(
        pack.guide.goals.items.len(),
        3,
        "the guide names three goals"
    );
    assert_eq!(
        pack.guide.treatments.items.len(),
        6,
        "the guide names six kinds of treatment"
    );
    for goal in &pack.guide.goals.items {
        assert!(
            html.contains(&format!("<legend>{}</legend>", escaped(&goal.title))),
            "step 1 rates {}",
            goal.id
        );
        assert_eq!(
            count(&text, &escaped(&goal.text)),
            1,
            "{} is explained once",
            goal.id
        );
    }
    let noscript = html
        .split_once("<noscript>")
        .and_then(|(_, rest)| rest.split_once("</noscript>"))
        .map(|(inside, _)| inside)
        .expect("the kinds of treatment, for readers with no script");
    for t in &pack.guide.treatments.items {
        let heading = format!("<h4 class=\"mbc-card__title\">{}</h4>", escaped(&t.title));
        assert!(noscript.contains(&heading), "missing {heading}");
        assert_eq!(
            count(&text, &escaped(&t.text)),
            1,
            "{} is explained once",
            t.id
        );
    }
    assert!(
        html.contains(&escaped(&pack.meta.disclaimer)),
        "the not-advice statement shows"
    );
}

/// The first screen says what the person gets and offers one Start button
/// before any background reading; a returning person gets "Continue".
#[tokio::test]
async fn the_first_screen_starts_with_what_you_get_and_one_button() {
    let pack = builtin(Lang::En).expect("English pack");
    let html = render(Lang::En).await;
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("missing {needle}"))
    };
    let start = at(&format!(">{}</button>", escaped(pack.ui("start_button"))));
    assert!(at(&escaped(pack.ui("start_lead"))) < start);
    assert!(at(&escaped(pack.ui("start_steps"))) < start);
    assert!(
        start < at("class=\"mbc-journey\""),
        "Start comes before the steps"
    );
    assert!(
        start < at(&escaped(&pack.guide.intro.heading)),
        "and before the background reading"
    );
    assert!(!html.contains(&escaped(pack.ui("continue_button"))));

    let returning = mbc_guide::state::State::default()
        .apply(mbc_guide::state::Action::AddOwn("Can I work?".into()));
    let html = render_state(returning).await;
    assert!(html.contains(&format!(
        ">{}</button>",
        escaped(pack.ui("continue_button"))
    )));
    assert!(!html.contains(&format!(">{}</button>", escaped(pack.ui("start_button")))));
}

#[tokio::test]
async fn first_screen_follows_the_language() {
    let es = builtin(Lang::Es).expect("Spanish pack");
    let html = render(Lang::Es).await;
    assert!(html.contains("lang=\"es\""));
    assert!(html.contains(&escaped(&es.guide.goals.items[0].title)));
    assert!(html.contains(&escaped(&es.meta.title)));
}

#[tokio::test]
async fn headings_form_an_outline() {
    let full = render(Lang::En).await;
    // The printed sheet (rendered only while printing, display:none on
    // screen, a document of its own on paper with its own h1) is not part
    // of the screen outline.
    let html = match full.find("class=\"mbc-print") {
        Some(at) => &full[..at],
        None => full.as_str(),
    };
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html.as_bytes().get(i + 2).copied())
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    assert_eq!(levels.first(), Some(&1), "one h1 comes first");
    assert_eq!(
        levels.iter().filter(|&&l| l == 1).count(),
        1,
        "exactly one h1"
    );
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading level is skipped: {levels:?}"
        );
    }
}

/// A host language whose pack is not at hand (it could not be fetched)
/// shows English, marked as English, with the Spanish button not pressed.
#[tokio::test]
async fn a_language_not_at_hand_shows_english_marked_as_english() {
    let library = Library::builtin().expect("built-in").without(Lang::Es);
    let html = render_with(library, Lang::Es).await;
    let en = builtin(Lang::En).expect("built-in");
    assert!(html.contains(&en.meta.title), "the English title shows");
    assert!(
        html.contains("<div lang=\"en\" class=\"mbc\">"),
        "marked as English"
    );
    assert!(
        html.contains("lang=\"es\" aria-pressed=\"false\""),
        "Spanish is not shown as chosen"
    );
}

/// The readiness step (rendered through the whole App, opened on that step)
/// names the source of its four questions, as every claim must.
#[tokio::test]
async fn the_readiness_step_names_its_source() {
    let library = Rc::new(Library::builtin().expect("built-in"));
    let pack = library.pack_or_english(Lang::En);
    let mut state = mbc_guide::state::State::default();
    state.step = mbc_guide::state::Step::Ready;
    let html = render_state(state).await;
    let text = text_of(&html);
    assert!(
        text.contains(&pack.readiness[0].text),
        "on the readiness step"
    );
    for id in &pack.readiness[0].sources {
        let source = pack.source(id).expect("the source is in the pack");
        assert!(
            text.contains(&source.org.replace('&', "&amp;")),
            "names {}",
            source.org
        );
    }
}

/// The prerendered page holds everything, the parts the browser adds a task
/// later too (`use_staged`): readers with no script need them.
#[tokio::test]
async fn the_prerendered_page_has_the_folded_guide_and_the_foot() {
    let html = render(Lang::En).await;
    let pack = builtin(Lang::En).expect("English pack");
    for class in ["mbc-footer", "mbc-glossary", "mbc-guide-more"] {
        assert!(html.contains(&format!("class=\"{class}\"")), "{class}");
    }
    let text = text_of(&html);
    assert!(
        text.contains(&mbc_guide::dates::long(Lang::En, &pack.meta.last_reviewed)),
        "the review date, written out"
    );
    assert!(
        text.contains(&pack.guide.second_opinion.bring[0]),
        "the folded second-opinion list"
    );
    assert!(
        text.contains(&pack.guide.intro.paragraphs[0]),
        "what metastatic breast cancer means, folded"
    );
}

/// The dialogs' and notices' rows of buttons have a class of their own;
/// `mbc-entry__actions` is an element of a list entry (`.mbc-entry`), and the
/// first screen has no list.
#[tokio::test]
async fn button_rows_outside_a_list_entry_have_their_own_class() {
    let html = render(Lang::En).await;
    assert!(
        !html.contains("mbc-entry__actions"),
        "a list entry's class outside a list entry"
    );
    assert!(html.contains(r#"class="mbc-actions""#), "the dialogs' rows");
}
