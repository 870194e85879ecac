//! "Get help right away" and the review dates, rendered natively through
//! Yew's server renderer: the box is at the top of the prerendered page,
//! outside every step, and on the printed sheet; the foot of the page gives
//! both review dates. The built-in pack is given a box and a review date
//! here, so these tests hold whatever the content says.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::components::{print_sheet, render_view, App, AppProps, PrintSheetArgs};
use mbc_guide::content::{builtin, Lang, Library, Pack, Urgent};
use mbc_guide::sheet;
use mbc_guide::state::State;

fn with_urgent() -> Pack {
    let mut pack = builtin(Lang::En).expect("English pack");
    // No glossary, so the box's words are plain text in the page.
    pack.glossary.clear();
    pack.meta.review_by = "2027-05-31".into();
    pack.guide.urgent = Urgent {
        heading: "Get help right away".into(),
        intro: "Call your care team now if you have one of these signs.".into(),
        signs: vec![
            "New back pain with weak or numb legs.".into(),
            "A fever while you get chemo.".into(),
        ],
        action: "If you cannot reach them, call 911.".into(),
        sources: vec![pack.meta.sources[0].id.clone()],
    };
    pack
}

async fn render(pack: Pack) -> String {
    let library = Rc::new(Library::builtin().expect("built-in packs").with_pack(pack));
    yew::LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
        library,
        lang: Lang::En,
    }))
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_box_is_under_the_title_before_the_guide_and_the_steps() {
    let pack = with_urgent();
    let html = render(pack.clone()).await;
    let header_end = html.find("</header>").expect("a header");
    let urgent = html
        .find("<details id=\"mbc-urgent\" class=\"mbc-urgent no-print\">")
        .expect("the urgent box is on the first screen");
    let journey = html.find("mbc-journey").expect("the steps");
    assert!(
        header_end < urgent && urgent < journey,
        "at the top, outside the steps"
    );
    let summary = &html[urgent..];
    assert!(
        summary.contains(concat!(
            "<summary><h2 id=\"mbc-urgent-heading\">Get help right away</h2>",
            "<span aria-hidden=\"true\" class=\"mbc-cue\"><span class=\"mbc-cue__show\">Show</span>",
            "<span class=\"mbc-cue__hide\">Hide</span></span></summary>"
        )),
        "its heading is the button that opens it, with the expanders' cue: {}",
        &summary[..summary.len().min(400)]
    );
    for sign in &pack.guide.urgent.signs {
        assert!(summary.contains(&format!("<li>{sign}</li>")), "{sign}");
    }
    assert!(summary.contains("If you cannot reach them, call 911."));
    let source = &pack.meta.sources[0].org;
    assert!(summary.contains(source.as_str()), "it names its source");
}

#[tokio::test]
async fn no_box_when_the_pack_has_none() {
    let mut pack = with_urgent();
    pack.guide.urgent = Urgent::default();
    let html = render(pack).await;
    assert!(!html.contains("mbc-urgent"));
}

#[tokio::test]
async fn the_foot_of_the_page_gives_both_review_dates() {
    let pack = with_urgent();
    let html = render(pack.clone()).await;
    let footer = &html[html.find("<footer").expect("a footer")..];
    let line = mbc_guide::dates::reviewed_line(&pack);
    assert!(footer.contains(&line), "{line}");
    assert!(footer.contains("May 31, 2027"), "the next review's date");
}

#[tokio::test]
async fn the_printed_sheet_carries_the_box_and_both_dates_even_with_no_questions() {
    let pack = with_urgent();
    let sheet = sheet::build(&pack, &State::default(), "2026-11-30");
    let html = render_view(print_sheet(PrintSheetArgs {
        sheet: &sheet,
        to_ask: &[],
        large: false,
        qr: None,
        qr_label: "",
        about_label: "",
        rest_label: "",
    }))
    .await;
    // One short paragraph on the sheet (so a short list still fits a page):
    // the heading in bold, then the signs.
    assert!(
        html.contains("<strong>Get help right away. </strong>"),
        "{html}"
    );
    assert!(html.contains("A fever while you get chemo."));
    assert!(html.contains("If you cannot reach them, call 911."));
    assert!(html.contains(&mbc_guide::dates::reviewed_line(&pack)));
    assert!(html.contains("May 31, 2027"));
}
