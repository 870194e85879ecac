//! Browser tests (wasm-bindgen-test in headless Chromium): the widget mounts
//! into a real DOM, reacts to clicks, and fetches a language the wasm does
//! not hold only when someone picks it.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use mbc_guide::components::{App, AppProps, Edge, EdgeHandle};
use mbc_guide::content::{builtin, Lang, Library, Pack};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
fn the_wasm_holds_the_english_pack_and_no_other() {
    let pack = builtin(Lang::En).expect("the English pack reads in the wasm");
    assert_eq!(pack.guide.goals.items.len(), 3);
    assert!(pack.questions.len() >= 70);
    assert!(!Lang::Es.embedded(), "Spanish is a file fetched on demand");
    let library = Library::builtin().expect("built-in");
    assert!(library.pack(Lang::Es).is_none());
    assert!(Lang::Es.pack_file().starts_with("mbc-guide-es-"));
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
        assert!(restored.state.list().is_empty());
    }
}

/// A stand-in for the Spanish pack (the wasm has none): English text with a
/// Spanish title and `lang`.
fn stand_in_spanish(english: &mbc_guide::content::Pack) -> mbc_guide::content::Pack {
    let mut pack = english.clone();
    pack.lang = "es".into();
    pack.meta.title = "Guía de prueba".into();
    pack
}

type Pending = Rc<RefCell<Vec<(Lang, Callback<Result<Pack, String>>)>>>;

/// Waits until the app's takeover is over: its parts come a task apart, and
/// the foot of the page is the last.
async fn settled(root: &web_sys::Element) {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        let has = |s: &str| root.query_selector(s).ok().flatten().is_some();
        // The foot of the page is the app's last part, the glossary the
        // last of the folded guide's.
        if has(".mbc-footer") && has(".mbc-glossary") {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the widget never finished its first render");
}

/// The browser edge as these tests need it: a fetch that waits until the
/// test answers it, and "shown" handed to the test.
#[derive(Default)]
struct Double {
    fetches: Pending,
    shown: Callback<()>,
}

impl Edge for Double {
    fn fetch_pack(&self, lang: Lang, done: Callback<Result<Pack, String>>) {
        self.fetches.borrow_mut().push((lang, done));
    }

    fn shown(&self) {
        self.shown.emit(())
    }
}

/// Mounts the English app under `edge`.
fn mount(root: &web_sys::Element, edge: Double) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        yew::props!(AppProps {
            library: Rc::new(Library::builtin().unwrap()),
            lang: Lang::En,
            edge: EdgeHandle::new(edge),
        }),
    )
    .render()
}

/// Mounts the app with a fetch that waits until the test answers it.
fn mount_with_fetch(root: &web_sys::Element) -> (yew::AppHandle<App>, Pending) {
    let edge = Double::default();
    let pending = edge.fetches.clone();
    (mount(root, edge), pending)
}

fn language_button(root: &web_sys::Element, code: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("button[lang={code}]"))
        .unwrap()
        .expect("a button for the language")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
}

/// Whether the switch's button for `code` is pressed ("true" or "false").
fn pressed(root: &web_sys::Element, code: &str) -> Option<String> {
    language_button(root, code).get_attribute("aria-pressed")
}

/// Every goal of the English guide is in `text`.
fn assert_goals_show(text: &str) {
    let en = builtin(Lang::En).unwrap();
    for goal in &en.guide.goals.items {
        assert!(text.contains(&goal.title), "goal {} shows", goal.id);
    }
}

fn widget_lang(root: &web_sys::Element) -> Option<String> {
    root.first_element_child()
        .and_then(|e| e.get_attribute("lang"))
}

#[wasm_bindgen_test]
async fn picking_spanish_fetches_its_pack_then_switches() {
    let root = fresh_root();
    let (handle, pending) = mount_with_fetch(&root);
    settled(&root).await;
    assert_goals_show(&root.text_content().unwrap_or_default());
    let en = builtin(Lang::En).unwrap();
    assert_eq!(pressed(&root, "es").as_deref(), Some("false"));

    language_button(&root, "es").click();
    yew::scheduler::flush().await;
    assert_eq!(pending.borrow().len(), 1, "one fetch was asked for");
    assert_eq!(pending.borrow()[0].0, Lang::Es);
    let text = root.text_content().unwrap_or_default();
    // Said in the language asked for, before its pack is here.
    assert!(
        text.contains(Lang::Es.loading_notice()),
        "the wait is said in Spanish: {text}"
    );
    assert_eq!(
        widget_lang(&root).as_deref(),
        Some("en"),
        "no switch before the pack is here"
    );

    // A second press while it loads asks for nothing more.
    language_button(&root, "es").click();
    yew::scheduler::flush().await;
    assert_eq!(pending.borrow().len(), 1);

    let (_, done) = pending.borrow_mut().remove(0);
    done.emit(Ok(stand_in_spanish(&en)));
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Guía de prueba"), "the fetched pack shows");
    assert!(
        !text.contains(Lang::Es.loading_notice()),
        "the wait notice is gone"
    );
    assert_eq!(widget_lang(&root).as_deref(), Some("es"));
    assert_eq!(pressed(&root, "es").as_deref(), Some("true"));

    // Back to English and to Spanish again: the pack is kept, no new fetch.
    language_button(&root, "en").click();
    yew::scheduler::flush().await;
    language_button(&root, "es").click();
    yew::scheduler::flush().await;
    assert!(pending.borrow().is_empty());
    assert_eq!(widget_lang(&root).as_deref(), Some("es"));
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_language_that_cannot_be_fetched_is_said_and_english_stays() {
    let root = fresh_root();
    let (handle, pending) = mount_with_fetch(&root);
    settled(&root).await;
    language_button(&root, "es").click();
    yew::scheduler::flush().await;
    let (_, done) = pending.borrow_mut().remove(0);
    done.emit(Err("offline".into()));
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains(Lang::Es.failed_notice()),
        "the failure is said in Spanish: {text}"
    );
    assert_eq!(widget_lang(&root).as_deref(), Some("en"));
    assert_eq!(pressed(&root, "en").as_deref(), Some("true"));

    // Choosing it again tries again.
    language_button(&root, "es").click();
    yew::scheduler::flush().await;
    assert_eq!(pending.borrow().len(), 1, "a second try fetches again");
    handle.destroy();
    root.remove();
}

/// The takeover comes in parts, a task apart, so no task is long: first
/// almost nothing, then what is in view, which is when the app says it can
/// be shown, then the dialogs, the folded parts and the foot of the page.
#[wasm_bindgen_test]
async fn the_takeover_comes_in_parts_and_says_when_all_in_view_is_there() {
    let root = fresh_root();
    let shown: Rc<RefCell<Vec<Vec<bool>>>> = Rc::default();
    let has = {
        let root = root.clone();
        move |selector: &str| root.query_selector(selector).ok().flatten().is_some()
    };
    let in_view = [
        ".mbc-header",
        ".mbc-start",
        ".mbc-journey",
        ".mbc-options",
        ".mbc-device",
    ];
    let on_shown = {
        let (shown, has) = (shown.clone(), has.clone());
        Callback::from(move |()| {
            shown
                .borrow_mut()
                .push(in_view.iter().map(|s| has(s)).collect())
        })
    };
    let handle = mount(
        &root,
        Double {
            shown: on_shown,
            ..Double::default()
        },
    );
    yew::scheduler::flush().await;
    assert!(
        has("[role=status]"),
        "the live region is there from the start"
    );
    assert!(!has(".mbc-journey"), "the steps wait for a later task");
    assert!(shown.borrow().is_empty(), "not ready to show yet");

    settled(&root).await;
    assert_eq!(
        *shown.borrow(),
        vec![vec![true; in_view.len()]],
        "said once, when all of {in_view:?} was there"
    );
    assert!(has(".mbc-glossary"), "the glossary arrives");
    assert!(has(".mbc-guide-more"), "the folded guide arrives");
    assert!(has("dialog"), "the dialogs arrive");
    handle.destroy();
    root.remove();
}

/// On the standalone page the app is built out of sight next to the
/// prerendered page, which stays in view and usable meanwhile, then takes
/// its place in one step: what was ticked or typed there is kept, focus
/// stays on the same control, and no two elements ever share an id
/// (issue 17 item 8).
#[wasm_bindgen_test]
async fn the_standalone_page_swaps_the_prerendered_page_for_the_app_in_one_step() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("main").unwrap();
    root.set_id(mbc_guide::web::ROOT_ID);
    root.set_class_name("mbc-page");
    root.set_inner_html(
        "<div class=\"mbc\"><h2 id=\"mbc-step-heading\" tabindex=\"-1\">Prerendered</h2>\
         <input type=\"radio\" name=\"mbc-goal-longer\" value=\"very\">\
         <label for=\"mbc-goals-other\">Anything else</label><textarea id=\"mbc-goals-other\"></textarea></div>",
    );
    document.body().unwrap().append_child(&root).unwrap();
    let prerendered = document.get_element_by_id("mbc-step-heading").unwrap();
    // Ticked and typed before the app takes over.
    let radio: web_sys::HtmlInputElement = root
        .query_selector("input[type=radio]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    radio.set_checked(true);
    let typed: web_sys::HtmlTextAreaElement = document
        .get_element_by_id("mbc-goals-other")
        .unwrap()
        .dyn_into()
        .unwrap();
    typed.set_value("My son's wedding");
    prerendered
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();

    mbc_guide::web::mount_standalone().expect("the widget mounts");
    let widgets = || document.query_selector_all("#mbc-guide").unwrap();
    let duplicate_id = || {
        let all = document.query_selector_all("[id]").unwrap();
        let mut ids: Vec<String> = (0..all.length())
            .filter_map(|i| all.get(i)?.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.id())
            .collect();
        ids.sort();
        ids.windows(2).find(|w| w[0] == w[1]).map(|w| w[0].clone())
    };
    let mut saw_both = false;
    let mut ready = None;
    for _ in 0..200 {
        assert_eq!(duplicate_id(), None, "no two elements share an id");
        if let Some(twin) = root.next_element_sibling() {
            saw_both = true;
            let twin = twin.dyn_into::<web_sys::HtmlElement>().unwrap();
            assert_eq!(
                twin.style().get_property_value("display").unwrap(),
                "none",
                "the app is built out of sight"
            );
            assert!(root.is_connected(), "the prerendered page stays meanwhile");
        }
        if let Some(el) = document
            .query_selector("#mbc-guide[data-ready=true]")
            .unwrap()
        {
            ready = Some(el);
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let ready = ready.expect("the widget says it is ready");
    assert!(saw_both, "the app was built next to the prerendered page");
    assert_eq!(widgets().length(), 1, "one widget is left");
    assert!(!root.is_connected(), "the prerendered page is gone");
    assert!(!prerendered.is_connected());
    let ready = ready.dyn_into::<web_sys::HtmlElement>().unwrap();
    assert_eq!(
        ready.style().get_property_value("display").unwrap(),
        "",
        "the app is in view"
    );
    assert_eq!(
        ready.class_name(),
        "mbc-page",
        "with the element's own attributes"
    );
    assert_goals_show(&ready.text_content().unwrap_or_default());
    let focused = document.active_element().expect("something has focus");
    assert_eq!(
        focused.id(),
        "mbc-step-heading",
        "focus stays on the same control"
    );
    assert!(
        ready.contains(Some(&focused)),
        "in the app, not the old page"
    );
    // Kept: in the app's state, so a later render shows them too.
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    let kept: web_sys::HtmlInputElement = ready
        .query_selector("input[name=mbc-goal-longer][value=very]")
        .unwrap()
        .expect("the app's radio")
        .dyn_into()
        .unwrap();
    assert!(
        kept.checked(),
        "the rating ticked before the takeover is kept"
    );
    let kept: web_sys::HtmlTextAreaElement = document
        .get_element_by_id("mbc-goals-other")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(kept.value(), "My son's wedding", "and the text typed");
    assert_eq!(duplicate_id(), None);
}
