//! Browser tests (wasm-bindgen-test in headless Chromium): the widget mounts
//! into a real DOM, reacts to clicks, and reads its packs through the
//! browser's JSON parser.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use mbc_guide::components::{App, AppProps};
use mbc_guide::content::{builtin, Lang, Library};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
fn packs_parse_with_the_browser_json_parser() {
    for lang in Lang::ALL {
        let pack = builtin(lang).expect("pack parses in the browser");
        assert_eq!(pack.guide.goals.items.len(), 3);
        assert!(pack.questions.len() >= 70);
    }
}

#[wasm_bindgen_test]
fn hostile_saved_text_is_an_error_not_a_panic_in_the_browser() {
    for text in [
        "{\"schema\": 1",
        "<script>alert(1)</script>",
        "[[[[[[[[",
        "",
    ] {
        let restored = mbc_guide::stored::decode(text);
        assert!(restored.is_damaged(), "{text:?} is reported as damaged");
        assert!(restored.state.list.is_empty());
    }
}

#[wasm_bindgen_test]
async fn the_widget_mounts_and_switches_language() {
    let root = fresh_root();
    let library = Rc::new(Library::builtin().unwrap());
    let en = library.pack(Lang::En);
    let es = library.pack(Lang::Es);
    let handle = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        yew::props!(AppProps {
            library,
            lang: Lang::En
        }),
    )
    .render();
    yew::scheduler::flush().await;

    let text = root.text_content().unwrap_or_default();
    for goal in &en.guide.goals.items {
        assert!(text.contains(&goal.title), "goal {} shows", goal.id);
    }

    let spanish = root
        .query_selector("button[lang=es]")
        .unwrap()
        .expect("a button for Spanish")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    assert_eq!(
        spanish.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    spanish.click();
    yew::scheduler::flush().await;

    let text = root.text_content().unwrap_or_default();
    assert!(text.contains(&es.meta.title), "the title is now in Spanish");
    assert_eq!(
        root.first_element_child()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("es")
    );
    handle.destroy();
    root.remove();
}
