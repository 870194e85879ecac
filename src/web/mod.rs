//! The browser edge: finding the mount point, storage, the panic message.
//! Only compiled for wasm; nothing here decides anything.

pub mod storage;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::components::{App, AppProps};
use crate::content::{Lang, Library};
use crate::session::{RestoreNotice, Saving};
use crate::state::{Action, State};
use storage::Store;

/// The id of the element the standalone page mounts into.
pub const ROOT_ID: &str = "mbc-guide";

thread_local! {
    /// Where to put the panic message, and its words.
    static PANIC_TARGET: RefCell<Option<(web_sys::Element, String, String)>> = const { RefCell::new(None) };
}

/// Mounts the widget into `#mbc-guide` on the standalone page, replacing
/// the prerendered first screen. Called by `static/boot.js`.
#[wasm_bindgen]
pub fn mount_standalone() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("mbc-guide: no document to mount into"))?;
    let root = document.get_element_by_id(ROOT_ID).ok_or_else(|| {
        JsValue::from_str("mbc-guide: the page has no element with id=\"mbc-guide\"")
    })?;
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    mount(root, lang, "default")
}

/// Starts the app in `root`: restores what this device holds, and wires
/// saving, other tabs and clearing to the store.
fn mount(root: web_sys::Element, lang: Lang, namespace: &str) -> Result<(), JsValue> {
    let library = Library::builtin()
        .map_err(|e| JsValue::from_str(&format!("mbc-guide: built-in content: {e}")))?;
    let pack = library.pack(lang);
    install_panic_message(&root, pack.ui("panic_message"), pack.ui("reload"));

    let store = Rc::new(Store::open(namespace));
    let restored = store.load();
    let saving = store.status();
    let restore = restored.as_ref().filter(|r| r.is_damaged()).map(|r| {
        Rc::new(RestoreNotice {
            lost: r.lost.clone(),
        })
    });
    let initial = Rc::new(restored.map(|r| r.state).unwrap_or_default());

    let on_save = {
        let store = store.clone();
        Callback::from(move |(state, report): (Rc<State>, Callback<Saving>)| {
            store.save_soon(state, report)
        })
    };
    let on_start = {
        let store = store.clone();
        Callback::from(move |dispatch: Callback<Action>| store.watch_other_tabs(dispatch))
    };
    let on_clear_device = {
        let store = store.clone();
        Callback::from(move |()| store.clear_everything())
    };
    let on_restore_choice = {
        let store = store.clone();
        Callback::from(move |keep: bool| store.resolve_damaged(keep))
    };
    let on_dont_save = {
        let store = store.clone();
        Callback::from(move |off: bool| store.set_dont_save(off))
    };

    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        yew::props!(AppProps {
            library: Rc::new(library),
            lang,
            initial,
            saving,
            restore,
            on_save,
            on_start,
            on_clear_device,
            on_restore_choice,
            on_dont_save,
        }),
    )
    .render();
    // Tests and hosts wait for this: the interactive widget has replaced the
    // prerendered page.
    root.set_attribute("data-ready", "true")
}

/// A panic must never leave a blank box: show a short message and a reload
/// button where the widget was.
fn install_panic_message(root: &web_sys::Element, message: &str, reload: &str) {
    PANIC_TARGET.with(|t| {
        *t.borrow_mut() = Some((root.clone(), message.to_owned(), reload.to_owned()));
    });
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("mbc-guide: {info}")));
        PANIC_TARGET.with(|t| {
            if let Some((root, message, reload)) = t.borrow().as_ref() {
                show_panic_message(root, message, reload);
            }
        });
    }));
}

fn show_panic_message(root: &web_sys::Element, message: &str, reload: &str) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let (Ok(box_), Ok(text), Ok(button)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("button"),
    ) else {
        return;
    };
    let _ = box_.set_attribute("role", "alert");
    let _ = box_.set_attribute("class", "mbc mbc-panic");
    text.set_text_content(Some(message));
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("class", "mbc-button");
    button.set_text_content(Some(reload));
    let on_click = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    let _ = box_.append_child(&text);
    let _ = box_.append_child(&button);
    root.set_text_content(None);
    let _ = root.append_child(&box_);
}
