//! The browser edge: reading the host's settings, mounting (standalone page,
//! iframe, or `<mbc-guide>` element with its own shadow root), storage, the
//! panic message. Only compiled for wasm; nothing here decides anything.

pub mod storage;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps};
use crate::config::{self, Config};
use crate::content::{Lang, Library, Pack};
use crate::session::{LangFetch, Opened, RestoreNotice, Saving};
use crate::state::{Action, State};
use storage::Store;

/// The id of the element the standalone page mounts into.
pub const ROOT_ID: &str = "mbc-guide";

thread_local! {
    /// Where to put the panic message, and its words: every mounted widget.
    static PANIC_TARGETS: RefCell<Vec<(web_sys::Element, String, String)>> = const { RefCell::new(Vec::new()) };
    /// Storage namespaces in use on this page, to keep two widgets apart.
    static NAMESPACES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static NEXT_WIDGET: Cell<u32> = const { Cell::new(1) };
    /// Each widget's way to show "a new version is ready".
    static UPDATE_LISTENERS: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// Called by `static/boot.js` when a new service worker is installed and
/// waiting: every widget shows its "update ready" notice.
#[wasm_bindgen]
pub fn update_ready() {
    UPDATE_LISTENERS.with(|l| l.borrow().iter().for_each(|cb| cb.emit(())));
}

/// The person chose to update: `boot.js` listens for this event and tells the
/// waiting service worker to take over, then reloads.
fn apply_update() {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("mbc-guide:apply-update") {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// Mounts the widget into `#mbc-guide` on the standalone page (also the
/// iframe target), replacing the prerendered first screen. Settings come
/// from the URL (`?lang=es&org-name=…`). Called by `static/boot.js`.
#[wasm_bindgen]
pub fn mount_standalone() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("mbc-guide: no window")?;
    let document = window.document().ok_or("mbc-guide: no document")?;
    let root = document.get_element_by_id(ROOT_ID).ok_or_else(|| {
        JsValue::from_str("mbc-guide: the page has no element with id=\"mbc-guide\"")
    })?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(lang) = document
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
    {
        pairs.push(("lang".into(), lang));
    }
    if let Ok(params) =
        web_sys::UrlSearchParams::new_with_str(&window.location().search().unwrap_or_default())
    {
        for name in config::ATTRIBUTES {
            if let Some(value) = params.get(name) {
                pairs.push((name.into(), value));
            }
        }
    }
    let config = read_config(&pairs);
    // Our other files (a language's pack) are found next to the page.
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let slot = start(root.clone(), config, "mbc".into(), base, true)?;
    std::mem::forget(slot); // the page lives as long as the widget
    report_height_to_parent(&window);
    Ok(())
}

/// A widget mounted in a `<mbc-guide>` element.
#[wasm_bindgen]
pub struct Widget {
    slot: SlotRef,
    /// Its storage namespace, free again once it is unmounted.
    namespace: String,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget (the element left the page, or moved: a moved
    /// element mounts again and must find its own namespace free, or it
    /// would lose its answers).
    pub fn destroy(&mut self) {
        if let Slot::Mounted(handle) = self.slot.replace(Slot::Gone) {
            handle.destroy();
        }
        NAMESPACES.with(|ns| {
            let mut ns = ns.borrow_mut();
            if let Some(at) = ns.iter().position(|n| *n == self.namespace) {
                ns.remove(at);
            }
        });
    }
}

/// Mounts the widget inside `host`'s open shadow root, with our stylesheet
/// from `stylesheet` (a URL next to the loader). Settings come from the
/// element's attributes. Called by the `mbc-guide.js` loader.
#[wasm_bindgen]
pub fn mount_element(host: web_sys::HtmlElement, stylesheet: String) -> Result<Widget, JsValue> {
    let document = host
        .owner_document()
        .ok_or("mbc-guide: the element has no document")?;
    let pairs: Vec<(String, String)> = config::ATTRIBUTES
        .iter()
        .filter_map(|&name| host.get_attribute(name).map(|v| (name.to_owned(), v)))
        .collect();
    let mut config = read_config(&pairs);
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &stylesheet)?;
    shadow.append_child(&link)?;
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;

    let n = NEXT_WIDGET.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    // Two widgets on one page must not share a list: a namespace already in
    // use gets a suffix, and the host is told.
    let taken = NAMESPACES.with(|ns| ns.borrow().contains(&config.namespace));
    if taken {
        let renamed = format!("{}-{n}", config.namespace);
        warn(&format!(
            "mbc-guide: storage-namespace \"{}\" is already used by another widget on this page; this one uses \"{renamed}\". Give each widget its own storage-namespace.",
            config.namespace
        ));
        config.namespace = renamed;
    }
    let namespace = config.namespace.clone();
    // Our other files (a language's pack) are next to the stylesheet.
    let slot = start(root, config, format!("mbc{n}").into(), stylesheet, false)?;
    Ok(Widget { slot, namespace })
}

fn read_config(pairs: &[(String, String)]) -> Config {
    let (config, warnings) = config::read(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for warning in warnings {
        warn(&warning.to_string());
    }
    config
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// A widget's app: starting (its content being fetched, or its first render
/// waiting for its task), mounted, or gone before it started.
enum Slot {
    Starting,
    Mounted(AppHandle<App>),
    Gone,
}

type SlotRef = Rc<RefCell<Slot>>;

/// Starts the widget in `root`. With a `content-pack` set, the pack is
/// fetched first (a request only because the host asked); a pack that cannot
/// be fetched or read is named in the console and the built-in content is
/// used, with a notice on the page. A host language whose pack the wasm does
/// not hold is fetched from `base` first too; failing that, the widget starts
/// in English and says why.
///
/// The set-up (content, settings, what this device holds), each part of the
/// render (see `App`'s parts and `twin_of_prerendered`) and the swap run in
/// separate tasks: each is short, so none holds up a tap for long
/// (Lighthouse's Total Blocking Time).
fn start(
    root: web_sys::Element,
    mut config: Config,
    prefix: yew::AttrValue,
    base: String,
    page: bool,
) -> Result<SlotRef, JsValue> {
    // Taken now, not when the app renders: a second widget starting in the
    // same moment must see it is in use.
    NAMESPACES.with(|ns| ns.borrow_mut().push(config.namespace.clone()));
    let slot: SlotRef = Rc::new(RefCell::new(Slot::Starting));
    let filled = slot.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // The set-up in a task of its own, after the one that read the
        // host's settings.
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let mut library = match Library::builtin() {
            Ok(library) => library,
            Err(e) => {
                web_sys::console::error_1(&JsValue::from_str(&format!(
                    "mbc-guide: built-in content: {e}"
                )));
                return;
            }
        };
        let mut problems = Problems::default();
        if let Some(url) = config.content_pack.clone() {
            match fetch_pack(&url).await {
                Ok(pack) => library = library.with_pack(pack),
                Err(why) => {
                    pack_problem(&url, &why);
                    problems.pack = true;
                }
            }
        }
        let lang = config.lang;
        if library.pack(lang).is_none() {
            match fetch_lang(&base, lang).await {
                Ok(pack) => library = library.with_pack(pack),
                Err(why) => {
                    web_sys::console::error_1(&JsValue::from_str(&format!(
                        "mbc-guide: lang=\"{}\": {why}. The widget starts in English.",
                        lang.code()
                    )));
                    config.lang = Lang::En;
                    problems.lang = Some(LangFetch::Failed(lang));
                }
            }
        }
        // Past its review date, the content may be out of date: the host
        // is told, once, here; people using the widget see nothing.
        if let Some(message) = library
            .pack_or_english(config.lang)
            .review_overdue(&today())
        {
            warn(&message);
        }
        if matches!(*filled.borrow(), Slot::Gone) {
            return;
        }
        let target = match twin_of_prerendered(&root) {
            Ok(Some(twin)) => twin,
            Ok(None) => root,
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("mbc-guide: could not start:"), &e);
                return;
            }
        };
        let mut props = match prepare(&target, config, prefix, library, base, problems, page) {
            Ok(props) => props,
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("mbc-guide: could not start:"), &e);
                return;
            }
        };
        let shown = target.clone();
        props.on_shown = Callback::from(move |()| {
            let shown = shown.clone();
            // In a task of its own: the swap lays the whole widget out.
            wasm_bindgen_futures::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                reveal(&shown);
                // Tests and hosts wait for this: the interactive widget is in place.
                let _ = shown.set_attribute("data-ready", "true");
            });
        });
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        if matches!(*filled.borrow(), Slot::Gone) {
            return;
        }
        let handle = yew::Renderer::<App>::with_root_and_props(target, props).render();
        *filled.borrow_mut() = Slot::Mounted(handle);
    });
    Ok(slot)
}

/// Over a prerendered page, the app renders into a hidden twin of `root`
/// (the same element and attributes, no children) placed right after it. It
/// renders there part by part, each part in a task of its own, while the
/// prerendered page stays in view; `reveal` then puts the twin in its place
/// in one step. Clearing the prerendered page and rendering in place would
/// either be one long task or show the page half built. `None` when `root`
/// holds nothing to keep in view (an embed's fresh shadow root).
fn twin_of_prerendered(root: &web_sys::Element) -> Result<Option<web_sys::Element>, JsValue> {
    if root.first_element_child().is_none() {
        return Ok(None);
    }
    let twin: web_sys::HtmlElement = root.clone_node()?.dyn_into()?;
    // The CSSOM, not the `hidden` attribute, which our `display: block`
    // would override; allowed under style-src 'self'.
    twin.style().set_property("display", "none")?;
    root.after_with_node_1(&twin)?;
    Ok(Some(twin.into()))
}

/// Shows `target` in place of its prerendered twin, if it has one (the
/// element before it, with the same id), keeping focus on the same control.
fn reveal(target: &web_sys::Element) {
    let id = target.id();
    let old = target
        .previous_element_sibling()
        .filter(|old| !id.is_empty() && old.id() == id);
    let document = target.owner_document();
    let focused = old.as_ref().and_then(|old| {
        document
            .as_ref()?
            .active_element()
            .filter(|el| old.contains(Some(el)))
            .map(|el| el.id())
            .filter(|id| !id.is_empty())
    });
    if let Some(old) = old {
        old.remove();
    }
    if let Some(el) = target.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.style().remove_property("display");
    }
    // Only once in view: a hidden element cannot take focus.
    if let Some(el) = focused
        .and_then(|id| document?.get_element_by_id(&id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// What went wrong while fetching content at start, for the page's notices.
#[derive(Default)]
struct Problems {
    /// The host's content pack was not used.
    pack: bool,
    /// The host's language could not be fetched.
    lang: Option<LangFetch>,
}

/// Fetches and checks a compiled pack file.
async fn fetch_pack(url: &str) -> Result<Pack, String> {
    let bytes = fetch_bytes(url).await?;
    crate::content::read_pack_file(&bytes)
}

/// Fetches this build's pack for `lang`, found next to our other files.
async fn fetch_lang(base: &str, lang: Lang) -> Result<Pack, String> {
    let url = web_sys::Url::new_with_base(lang.pack_file(), base)
        .map_err(|_| format!("no address for {} next to \"{base}\"", lang.pack_file()))?
        .href();
    let pack = fetch_pack(&url)
        .await
        .map_err(|why| format!("{url} was not used: {why}"))?;
    if Lang::from_code(&pack.lang) != Some(lang) {
        return Err(format!("{url} holds lang \"{}\"", pack.lang));
    }
    Ok(pack)
}

fn pack_problem(url: &str, why: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "mbc-guide: content-pack=\"{url}\" was not used: {why}. The built-in content is shown."
    )));
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| {
            "it could not be fetched (offline, blocked, or not allowed by CORS)".to_owned()
        })?
        .dyn_into()
        .map_err(|_| "the answer was not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let body = response
        .array_buffer()
        .map_err(|_| "its bytes could not be read".to_owned())?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| "its bytes could not be read".to_owned())?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Everything the app needs, gathered: what this device holds, the
/// settings, and the callbacks that reach the browser. Rendering is left to
/// the caller, in a task of its own.
fn prepare(
    root: &web_sys::Element,
    config: Config,
    prefix: yew::AttrValue,
    library: Library,
    base: String,
    problems: Problems,
    page: bool,
) -> Result<AppProps, JsValue> {
    let lang = config.lang;
    let pack = library.pack_or_english(lang);
    install_panic_message(root, pack.ui("panic_message"), pack.ui("reload"));
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        // The CSSOM, not a style attribute: allowed under style-src 'self'.
        let _ = el.style().set_property("--mbc-host-accent", &config.accent);
    }

    let store = Rc::new(Store::open_with(&config.namespace, config.save));
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
        Callback::from(
            move |(dispatch, report): (Callback<Action>, Callback<Saving>)| {
                store.watch_other_tabs(dispatch, report)
            },
        )
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
    let window = web_sys::window().ok_or("mbc-guide: no window")?;
    let location = window.location();
    let href = location.href().unwrap_or_default();
    let page_url: yew::AttrValue = href.split('#').next().unwrap_or_default().to_owned().into();
    let hash = location.hash().unwrap_or_default();
    let opened = hash
        .contains(crate::share::PREFIX)
        .then(|| Opened::read(&hash, false));
    let on_opened_done = Callback::from(|()| forget_share_link());
    let on_opened_listen = Callback::from(|show: Callback<Opened>| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_hash = Closure::<dyn Fn()>::new(move || {
            let hash = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            if hash.contains(crate::share::PREFIX) {
                show.emit(Opened::read(&hash, false));
            }
        });
        let _ =
            window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        on_hash.forget();
    });
    let on_print_listen = Callback::from(|printing: Callback<bool>| {
        let Some(window) = web_sys::window() else {
            return;
        };
        for (event, value) in [("beforeprint", true), ("afterprint", false)] {
            let printing = printing.clone();
            let handler = Closure::<dyn Fn()>::new(move || printing.emit(value));
            let _ =
                window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
            handler.forget();
        }
    });
    let on_print = Callback::from(|()| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_copy =
        Callback::from(|(text, report): (String, Callback<bool>)| copy_text(text, report));
    let on_download = Callback::from(|(name, text, mime): (String, String, &'static str)| {
        if let Err(e) = download(&name, &text, mime) {
            web_sys::console::error_2(
                &JsValue::from_str("mbc-guide: could not save the file:"),
                &e,
            );
        }
    });
    let on_read_file = Callback::from(|(file, done): (web_sys::File, Callback<String>)| {
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            done.emit(text);
        });
    });
    let on_update_listen = Callback::from(|show: Callback<()>| {
        UPDATE_LISTENERS.with(|l| l.borrow_mut().push(show));
    });
    let on_update_apply = Callback::from(|()| apply_update());
    let on_fetch_pack = Callback::from(
        move |(lang, done): (Lang, Callback<Result<Pack, String>>)| {
            let base = base.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let got = fetch_lang(&base, lang).await;
                if let Err(why) = &got {
                    web_sys::console::error_1(&JsValue::from_str(&format!("mbc-guide: {why}")));
                }
                done.emit(got);
            });
        },
    );

    // The standalone page is the widget's own: its title and language
    // follow the language shown. A host's page is left alone.
    let on_lang_shown = Callback::from(move |(lang, title): (Lang, yew::AttrValue)| {
        if !page {
            return;
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        }
    });

    Ok(yew::props!(AppProps {
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
        on_update_listen,
        on_update_apply,
        today: yew::AttrValue::from(today()),
        page_url,
        opened,
        on_opened_listen,
        on_opened_done,
        on_print_listen,
        on_print,
        on_copy,
        on_download,
        on_read_file,
        config: Rc::new(config),
        pack_error: problems.pack,
        lang_fetch: problems.lang,
        on_fetch_pack,
        on_lang_shown,
        id_prefix: prefix,
    }))
}

/// Today in the person's own time zone, as an ISO date.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// After a shared list was taken in or set aside, take the link out of the
/// address bar, so a reload does not ask again and the list does not linger
/// in the address.
fn forget_share_link() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

fn copy_text(text: String, report: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        report.emit(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        report.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Saves `text` as a file on the device (a download; nothing is uploaded).
fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Inside an iframe, tell the host page our height whenever it changes, so
/// the frame can grow with its content (see EMBEDDING.md). Only a number
/// is sent, never anything the person entered.
fn report_height_to_parent(window: &web_sys::Window) {
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == *window {
        return;
    }
    let Some(html) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let Ok(measured) = html.clone().dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"mbc-guide:height".into());
        // The content's own height (offsetHeight), not scrollHeight, which is
        // never less than the frame: with it the frame could grow, not shrink.
        let _ = js_sys::Reflect::set(&message, &"height".into(), &measured.offset_height().into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
        std::mem::forget(observer);
    }
    on_resize.forget();
}

/// A panic must never leave a blank box: show a short message and a reload
/// button where each widget was.
fn install_panic_message(root: &web_sys::Element, message: &str, reload: &str) {
    PANIC_TARGETS.with(|t| {
        t.borrow_mut()
            .push((root.clone(), message.to_owned(), reload.to_owned()));
    });
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("mbc-guide: {info}")));
        PANIC_TARGETS.with(|t| {
            for (root, message, reload) in t.borrow().iter() {
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
    // A panic while the widget was still being built out of sight.
    reveal(root);
}
