//! The browser edge: reading the host's settings, mounting (standalone page,
//! iframe, or `<mbc-guide>` element with its own shadow root), storage, the
//! panic message, and `Browser`, the `Edge` through which the app reaches
//! the browser. Only compiled for wasm. Nothing here decides about the
//! person's list; the edge makes two start-up choices of its own: a second
//! widget's storage namespace (renamed, and the host told), and English
//! when the host's language cannot be fetched.

pub mod deflate;
pub mod storage;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps, EdgeHandle};
use crate::config::{self, Config};
use crate::content::{Lang, Library, Pack};
use crate::export::Download;
use crate::session::{LangFetch, Opened, RestoreNotice, Saving};
use crate::state::{Action, State};
use storage::Store;

/// The id of the element the standalone page mounts into.
pub const ROOT_ID: &str = "mbc-guide";

/// Where a widget's panic message goes, and its words.
struct PanicTarget {
    widget: u32,
    root: web_sys::Element,
    message: String,
    reload: String,
}

thread_local! {
    /// Where to put the panic message, and its words: every mounted widget.
    static PANIC_TARGETS: RefCell<Vec<PanicTarget>> = const { RefCell::new(Vec::new()) };
    /// Storage namespaces in use on this page, to keep two widgets apart.
    static NAMESPACES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static NEXT_WIDGET: Cell<u32> = const { Cell::new(1) };
    /// Each widget's way to show "a new version is ready", by widget.
    static UPDATE_LISTENERS: RefCell<Vec<(u32, Callback<()>)>> = const { RefCell::new(Vec::new()) };
}

/// Called by `static/boot.js` when a new service worker is installed and
/// waiting: every widget shows its "update ready" notice.
#[wasm_bindgen]
pub fn update_ready() {
    let listeners: Vec<Callback<()>> =
        UPDATE_LISTENERS.with(|l| l.borrow().iter().map(|(_, cb)| cb.clone()).collect());
    listeners.iter().for_each(|cb| cb.emit(()));
}

/// The frame's height observer and the closure it calls.
type HeightObserver = (web_sys::ResizeObserver, Closure<dyn Fn()>);

/// Everything one widget added to the page outside its own element: window
/// listeners (storage, hashchange, print), the height observer, its "update
/// ready" listener, its panic target, its store. `end` removes them all, so
/// a removed `<mbc-guide>` leaves nothing running, and one that comes back
/// starts afresh.
struct Lifetime {
    widget: u32,
    /// Dropping an `EventListener` removes it from its target.
    listeners: RefCell<Vec<EventListener>>,
    resize: RefCell<Option<HeightObserver>>,
    store: RefCell<Option<Rc<Store>>>,
}

impl Lifetime {
    fn new(widget: u32) -> Rc<Lifetime> {
        Rc::new(Lifetime {
            widget,
            listeners: RefCell::new(Vec::new()),
            resize: RefCell::new(None),
            store: RefCell::new(None),
        })
    }

    fn hold(&self, listener: EventListener) {
        self.listeners.borrow_mut().push(listener);
    }

    /// Removes everything; a change not yet saved is saved first.
    fn end(&self) {
        self.listeners.borrow_mut().clear();
        if let Some((observer, _)) = self.resize.borrow_mut().take() {
            observer.disconnect();
        }
        let widget = self.widget;
        UPDATE_LISTENERS.with(|l| l.borrow_mut().retain(|(w, _)| *w != widget));
        PANIC_TARGETS.with(|t| t.borrow_mut().retain(|t| t.widget != widget));
        if let Some(store) = self.store.borrow_mut().take() {
            store.flush();
        }
    }
}

/// Listens on the window for as long as the widget lives.
fn window_listener(
    lifetime: &Lifetime,
    event: &'static str,
    handler: impl FnMut(&web_sys::Event) + 'static,
) {
    if let Some(window) = web_sys::window() {
        lifetime.hold(EventListener::new(&window, event, handler));
    }
}

/// The person chose to update: `boot.js` listens for this event and tells the
/// waiting service worker to take over, then reloads.
fn apply_update() {
    tell_page("mbc-guide:apply-update");
}

/// Tells the standalone page's `boot.js` something: an event on the window.
fn tell_page(event: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(event)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Mounts the widget into `#mbc-guide` on the standalone page (also the
/// iframe target), replacing the prerendered first screen. Called by
/// `static/boot.js`, with the share link it took out of the address first.
///
/// Settings come from the deployment: `mbc-settings.json` next to the page,
/// then, in a frame, the `src` the host page set. At the top level only
/// `lang` comes from the address (see `settings_from_address`).
#[wasm_bindgen]
pub fn mount_standalone_with(link: Option<String>) -> Result<(), JsValue> {
    let link = link.or_else(take_shared_link);
    let window = web_sys::window().ok_or("mbc-guide: no window")?;
    let document = window.document().ok_or("mbc-guide: no document")?;
    let root = document.get_element_by_id(ROOT_ID).ok_or_else(|| {
        JsValue::from_str("mbc-guide: the page has no element with id=\"mbc-guide\"")
    })?;
    let page_lang = document
        .document_element()
        .and_then(|h| h.get_attribute("lang"));
    let address = settings_from_address(&window);
    // Our other files (a language's pack, the settings) are next to the page.
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    // A link opened on our own page comes back to it, without the settings
    // in its query (a framed page's are the host's) but in its language.
    let location = window.location();
    let page = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    wasm_bindgen_futures::spawn_local(async move {
        let mut pairs: Vec<(String, String)> = page_lang
            .map(|lang| ("lang".to_owned(), lang))
            .into_iter()
            .collect();
        pairs.extend(settings_file(&base).await);
        pairs.extend(address);
        let config = read_config(&pairs);
        let share_page = if config.lang == Lang::En {
            page
        } else {
            format!("{page}?lang={}", config.lang.code())
        };
        let lifetime = Lifetime::new(0);
        let mount = Mount {
            base,
            share_page,
            link,
            lifetime: lifetime.clone(),
            page: true,
        };
        match start(root, config, "mbc".into(), mount) {
            // The page lives as long as the widget.
            Ok(slot) => std::mem::forget(slot),
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("mbc-guide: could not start:"), &e)
            }
        }
        if let Some(window) = web_sys::window() {
            report_height_to_parent(&window, &lifetime);
        }
        std::mem::forget(lifetime);
    });
    Ok(())
}

/// The deployment's settings file, next to the page.
const SETTINGS_FILE: &str = "mbc-settings.json";
/// Far more than ten short settings need.
const MAX_SETTINGS_BYTES: usize = 16 << 10;

/// The settings in `mbc-settings.json` next to the page: a JSON object with
/// the names of the attributes (`{"org-name": "…", "phone": "…"}`). The
/// build ships an empty one. One that cannot be read is named in the
/// console, and no setting comes from it.
async fn settings_file(base: &str) -> Vec<(String, String)> {
    let Ok(url) = web_sys::Url::new_with_base(SETTINGS_FILE, base) else {
        return Vec::new();
    };
    let bytes = match fetch_bytes(&url.href(), MAX_SETTINGS_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return Vec::new(),
    };
    let tree = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| crate::json::parse(text).ok());
    let Some(pairs) = tree.as_ref().and_then(|t| t.as_map()) else {
        warn(&format!(
            "mbc-guide: {SETTINGS_FILE} was not used: it must be a JSON object of settings, such as {{\"org-name\": \"St Mary's\"}}."
        ));
        return Vec::new();
    };
    pairs
        .iter()
        .filter(|(name, _)| config::ATTRIBUTES.contains(&name.as_str()))
        .filter_map(|(name, value)| Some((name.clone(), value.as_text()?.to_owned())))
        .collect()
}

/// As `mount_standalone_with`, taking a share link from the address itself.
#[wasm_bindgen]
pub fn mount_standalone() -> Result<(), JsValue> {
    mount_standalone_with(None)
}

/// The settings the page's address may give. At the top level anyone can
/// make a link to our page, so only the language comes from it: a link must
/// not put another phone number, second-opinion link, content pack or save
/// mode on the hospital's own page. In a frame, the address is the `src` the
/// host page set, so every setting comes from it.
fn settings_from_address(window: &web_sys::Window) -> Vec<(String, String)> {
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| parent != *window);
    let Ok(params) =
        web_sys::UrlSearchParams::new_with_str(&window.location().search().unwrap_or_default())
    else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for name in config::ATTRIBUTES {
        if let Some(value) = params.get(name) {
            if framed || name == "lang" {
                pairs.push((name.to_owned(), value));
            } else {
                warn(&format!(
                    "mbc-guide: {name} in the page's address was not used: on the page opened on its own, only lang comes from the address. Set the others in the iframe's src (see EMBEDDING.md)."
                ));
            }
        }
    }
    pairs
}

/// A share link in this page's address (`#mbc=…`), taken out of the address
/// at once, so no script reads it there and a reload does not ask again. The
/// page's history state is kept as it was (routers of host pages use it).
#[wasm_bindgen]
pub fn take_shared_link() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    if !hash.contains(crate::share::PREFIX) {
        return None;
    }
    let history = window.history().ok()?;
    let state = history.state().unwrap_or(JsValue::NULL);
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let _ = history.replace_state_with_url(&state, "", Some(&url));
    Some(hash)
}

/// A widget mounted in a `<mbc-guide>` element.
#[wasm_bindgen]
pub struct Widget {
    slot: SlotRef,
    /// Its storage namespace, free again once it is unmounted.
    namespace: String,
    lifetime: Rc<Lifetime>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget (the element left the page, or moved: a moved
    /// element mounts again and must find its own namespace free, or it
    /// would lose its answers), and removes everything it added to the page.
    pub fn destroy(&mut self) {
        if let Slot::Mounted(handle) = self.slot.replace(Slot::Gone) {
            handle.destroy();
        }
        self.lifetime.end();
        NAMESPACES.with(|ns| {
            let mut ns = ns.borrow_mut();
            if let Some(at) = ns.iter().position(|n| *n == self.namespace) {
                ns.remove(at);
            }
        });
    }
}

/// Mounts the widget inside `host`'s open shadow root, with our stylesheet
/// from `stylesheet` (a URL next to the loader), which must have the bytes
/// `integrity` names (Subresource Integrity; fetched with CORS, so it may
/// come from another origin that allows it). Settings come from the
/// element's attributes. `link` is a share link the loader took out of the
/// host page's address (links made before they pointed at our own page).
/// Called by the `mbc-guide.js` loader.
#[wasm_bindgen]
pub fn mount_element(
    host: web_sys::HtmlElement,
    stylesheet: String,
    integrity: String,
    link: Option<String>,
) -> Result<Widget, JsValue> {
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
    // Node by node, not `innerHTML = ""`: a host that enforces Trusted Types
    // refuses any write to innerHTML.
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let link_el = document.create_element("link")?;
    link_el.set_attribute("rel", "stylesheet")?;
    link_el.set_attribute("integrity", &integrity)?;
    link_el.set_attribute("crossorigin", "anonymous")?;
    link_el.set_attribute("href", &stylesheet)?;
    shadow.append_child(&link_el)?;
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    mark_private(&host);

    let n = NEXT_WIDGET.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    // Two widgets on one page must not share a list. Of the elements that
    // name one namespace, the first in the document keeps it; each later one
    // gets a suffix of its own (its id, or its place), whichever order they
    // mount in, and the host is told.
    let first_of_kind = first_with_namespace(&document, &config.namespace);
    let taken = NAMESPACES.with(|ns| ns.borrow().contains(&config.namespace));
    if taken || first_of_kind.is_some_and(|first| first != *host) {
        let renamed = format!("{}-{}", config.namespace, stable_suffix(&host, &document));
        warn(&format!(
            "mbc-guide: storage-namespace \"{}\" is already used by another widget on this page; this one uses \"{renamed}\". Give each widget its own storage-namespace.",
            config.namespace
        ));
        config.namespace = renamed;
    }
    let namespace = config.namespace.clone();
    // Share links lead to our own page, never to the host's: by default the
    // index.html next to the loader, or the `share-page` the hospital set.
    let share_page = config
        .share_page
        .as_deref()
        .and_then(|page| web_sys::Url::new_with_base(page, &document.base_uri().ok()??).ok())
        .or_else(|| web_sys::Url::new_with_base("./index.html", &stylesheet).ok())
        .map(|url| {
            url.set_hash("");
            url.href()
        })
        .unwrap_or_default();
    let lifetime = Lifetime::new(n);
    // Our other files (a language's pack) are next to the stylesheet.
    let slot = start(
        root,
        config,
        format!("mbc{n}").into(),
        Mount {
            base: stylesheet,
            share_page,
            link,
            lifetime: lifetime.clone(),
            page: false,
        },
    )?;
    Ok(Widget {
        slot,
        namespace,
        lifetime,
    })
}

/// The first `<mbc-guide>` of the document whose storage namespace is
/// `namespace` (attributes read as `config::read` reads them).
fn first_with_namespace(document: &web_sys::Document, namespace: &str) -> Option<web_sys::Element> {
    let all = document.query_selector_all("mbc-guide").ok()?;
    (0..all.length())
        .filter_map(|i| all.get(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|el| {
            let attribute = el.get_attribute("storage-namespace");
            attribute.as_deref().and_then(config::namespace) == Some(namespace)
                || (namespace == config::DEFAULT_NAMESPACE
                    && attribute.as_deref().and_then(config::namespace).is_none())
        })
}

/// A suffix for a second widget with a namespace already in use, the same
/// whatever order the widgets mount in: its id (letters, digits, - and _),
/// else its place among the page's `<mbc-guide>` elements.
fn stable_suffix(host: &web_sys::HtmlElement, document: &web_sys::Document) -> String {
    let id = host.id();
    if !id.is_empty()
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return id;
    }
    let place = document
        .query_selector_all("mbc-guide")
        .ok()
        .and_then(|all| (0..all.length()).find(|&i| all.get(i).is_some_and(|el| el == ***host)))
        .unwrap_or(0);
    format!("{}", place + 1)
}

/// Attributes that session-replay tools read as "do not record this
/// element's content" (EMBEDDING.md names the documentation of each):
/// LogRocket, Hotjar, Datadog, Sentry, Microsoft Clarity.
const PRIVACY_ATTRIBUTES: [(&str, &str); 5] = [
    ("data-private", ""),
    ("data-hj-suppress", ""),
    ("data-dd-privacy", "mask"),
    ("data-sentry-mask", ""),
    ("data-clarity-mask", "true"),
];
/// Classes with the same meaning: rrweb (and tools built on it), FullStory,
/// PostHog, Sentry.
const PRIVACY_CLASSES: [&str; 4] = ["rr-block", "fs-exclude", "ph-no-capture", "sentry-block"];

/// Marks the element for the privacy masking of common session-replay and
/// analytics tools (EMBEDDING.md lists them, with their documentation):
/// whatever the person types or picks stays out of their recordings.
fn mark_private(host: &web_sys::HtmlElement) {
    for (name, value) in PRIVACY_ATTRIBUTES {
        if !host.has_attribute(name) {
            let _ = host.set_attribute(name, value);
        }
    }
    let mut class = host.get_attribute("class").unwrap_or_default();
    for name in PRIVACY_CLASSES {
        if !class.split_whitespace().any(|c| c == name) {
            if !class.is_empty() {
                class.push(' ');
            }
            class.push_str(name);
        }
    }
    let _ = host.set_attribute("class", &class);
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
    mount: Mount,
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
                tell_page(FAILED);
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
            match fetch_lang(&mount.base, lang).await {
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
        let target = twin_of_prerendered(&root).unwrap_or(root);
        let lifetime = mount.lifetime.clone();
        let props = match prepare(&target, config, prefix, library, mount, problems) {
            Ok(props) => props,
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("mbc-guide: could not start:"), &e);
                tell_page(FAILED);
                return;
            }
        };
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        if matches!(*filled.borrow(), Slot::Gone) {
            // Removed while it was being set up: what `prepare` added goes too.
            lifetime.end();
            return;
        }
        let handle = yew::Renderer::<App>::with_root_and_props(target, props).render();
        *filled.borrow_mut() = Slot::Mounted(handle);
    });
    Ok(slot)
}

/// Over a prerendered page, the app renders into a hidden twin of `root`
/// (the same element and attributes, no children, no id yet) right after
/// it, which the standalone page's boot.js made (`buildTwin`) once the wasm
/// was loaded, marking `root` with `PRERENDERED`. It renders there part by
/// part, each part in a task of its own, while the prerendered page stays in
/// view and usable; `reveal` then has the twin take its place in one step.
/// Clearing the prerendered page and rendering in place would either be one
/// long task or show the page half built. So that no two elements ever share
/// an id, boot.js gave the prerendered page's inner ids (and the labels and
/// ARIA references to them) the suffix `--prerendered`, and the twin takes
/// `root`'s id only when `root` is gone. `None` when there is no twin (an
/// embed's fresh shadow root). In JavaScript, not here, because it is
/// smaller there (docs/SIZE.md).
fn twin_of_prerendered(root: &web_sys::Element) -> Option<web_sys::Element> {
    root.has_attribute(PRERENDERED)
        .then(|| root.next_element_sibling())
        .flatten()
}

/// Marks the prerendered page while its twin is built (set by boot.js).
const PRERENDERED: &str = "data-mbc-prerendered";

/// Told to the page (`tell_page`) when the app in the twin is ready to be
/// shown. The standalone page's boot.js (`takeOver`) then, in one step:
/// shows the twin, does again in it what the person ticked or typed on the
/// prerendered page (through the events their own input fires), moves focus
/// to the same control, removes the prerendered page and gives the twin its
/// id.
pub const TAKEOVER: &str = "mbc-guide:takeover";

/// Told to the page (`tell_page`) when the app could not start. Over a
/// prerendered page that has not been swapped yet, the standalone page's
/// boot.js (`restore`) then puts it back as it was: the twin goes and the
/// ids lose their suffix. Elsewhere nothing listens.
pub const FAILED: &str = "mbc-guide:failed";

/// The prerendered page `target` is built to replace (the element before
/// its twin), if there is one and the swap has not happened.
fn prerendered_before(target: &web_sys::Element) -> Option<web_sys::Element> {
    target
        .previous_element_sibling()
        .filter(|old| old.has_attribute(PRERENDERED))
}

/// Has `target` take the place of the prerendered page before it, if there
/// is one (marked `PRERENDERED`): the page's boot.js does it when told.
fn reveal(target: &web_sys::Element) {
    if prerendered_before(target).is_some() {
        tell_page(TAKEOVER);
    }
}

/// What a widget gets from the page around it, besides its settings.
struct Mount {
    /// Where our other files are (a language's pack).
    base: String,
    /// The page share links lead to: always our own page.
    share_page: String,
    /// A share link the page was opened with, already out of the address.
    link: Option<String>,
    lifetime: Rc<Lifetime>,
    /// The widget's own page (standalone or iframe), not a host's.
    page: bool,
}

/// What went wrong while fetching content at start, for the page's notices.
#[derive(Default)]
struct Problems {
    /// The host's content pack was not used.
    pack: bool,
    /// The host's language could not be fetched.
    lang: Option<LangFetch>,
}

/// The largest pack file fetched (`read_pack_file` reads at most as much).
const MAX_PACK_BYTES: usize = 2 << 20;

/// Fetches and checks a compiled pack file.
async fn fetch_pack(url: &str) -> Result<Pack, String> {
    let bytes = fetch_bytes(url, MAX_PACK_BYTES).await?;
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

/// Fetches a file of at most `max` bytes. A larger one is refused by its
/// `Content-Length` before its body is read, or once read if the server did
/// not say.
async fn fetch_bytes(url: &str, max: usize) -> Result<Vec<u8>, String> {
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
    let too_big = |size: u64| format!("it is {size} bytes; the most we read is {max}");
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|&n| n > max as u64) {
        return Err(too_big(size));
    }
    let body = response
        .array_buffer()
        .map_err(|_| "its bytes could not be read".to_owned())?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| "its bytes could not be read".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&body);
    if bytes.length() as usize > max {
        return Err(too_big(u64::from(bytes.length())));
    }
    Ok(bytes.to_vec())
}

/// Everything the app needs, gathered: what this device holds, the
/// settings, and the edge that reaches the browser. Rendering is left to
/// the caller, in a task of its own. Every listener the edge adds is held
/// by the widget's `Lifetime`.
fn prepare(
    root: &web_sys::Element,
    config: Config,
    prefix: yew::AttrValue,
    library: Library,
    mount: Mount,
    problems: Problems,
) -> Result<AppProps, JsValue> {
    let Mount {
        base,
        share_page,
        link,
        lifetime,
        page,
    } = mount;
    let lang = config.lang;
    let pack = library.pack_or_english(lang);
    install_panic_message(
        lifetime.widget,
        root,
        pack.ui("panic_message"),
        pack.ui("reload"),
    );
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        // The CSSOM, not a style attribute: allowed under style-src 'self'.
        let _ = el.style().set_property("--mbc-host-accent", &config.accent);
    }

    let store = Rc::new(if config.save {
        Store::open(&config.namespace)
    } else {
        Store::off(&config.namespace)
    });
    *lifetime.store.borrow_mut() = Some(store.clone());
    let restored = store.load();
    let saving = store.status();
    let restore = restored.as_ref().filter(|r| r.is_damaged()).map(|r| {
        Rc::new(RestoreNotice {
            lost: r.lost.clone(),
        })
    });
    let saved_on = restored
        .as_ref()
        .filter(|r| r.saved_at > 0.0)
        .map(|r| yew::AttrValue::from(local_date(&js_sys::Date::new(&r.saved_at.into()))));
    let initial = Rc::new(restored.map(|r| r.state).unwrap_or_default());
    let edge = EdgeHandle::new(Browser {
        store,
        lifetime,
        base,
        page,
        target: root.clone(),
        opened_with: RefCell::new(link),
    });
    Ok(yew::props!(AppProps {
        edge,
        library: Rc::new(library),
        lang,
        initial,
        saving,
        restore,
        today: yew::AttrValue::from(today()),
        saved_on,
        page_url: yew::AttrValue::from(share_page),
        config: Rc::new(config),
        pack_error: problems.pack,
        lang_fetch: problems.lang,
        id_prefix: prefix,
    }))
}

/// One widget's edge: its store, its `Lifetime` (which holds every listener
/// the app asks for, and removes them when the widget is unmounted), where
/// its other files are, and the element it renders into.
struct Browser {
    store: Rc<Store>,
    lifetime: Rc<Lifetime>,
    /// Where our other files are (a language's pack).
    base: String,
    /// The widget's own page (standalone or iframe), not a host's.
    page: bool,
    /// The element the app renders into (a hidden twin over a prerendered
    /// page).
    target: web_sys::Element,
    /// The share link the page was opened with, until the app listens for
    /// links (`watch_links`): the browser unpacks it a few tasks later.
    opened_with: RefCell<Option<String>>,
}

/// Opens a link (or a file's text) with the browser's own decompression,
/// then shows it.
fn open_then(text: String, from_file: bool, show: Callback<Opened>) {
    wasm_bindgen_futures::spawn_local(async move {
        show.emit(deflate::open(&text, from_file).await);
    });
}

impl crate::components::Edge for Browser {
    fn save(&self, state: Rc<State>, report: Callback<Saving>) {
        self.store.save_soon(state, report)
    }

    fn watch_other_tabs(&self, change: Callback<Action>, saving: Callback<Saving>) {
        if let Some(listener) = self.store.watch_other_tabs(change, saving) {
            self.lifetime.hold(listener);
        }
    }

    fn clear_device(&self) {
        self.store.clear_everything()
    }

    fn resolve_damaged(&self, keep: bool) -> bool {
        self.store.resolve_damaged(keep)
    }

    fn set_dont_save(&self, off: bool) {
        self.store.set_dont_save(off)
    }

    fn watch_links(&self, show: Callback<Opened>) {
        if let Some(link) = self.opened_with.borrow_mut().take() {
            open_then(link, false, show.clone());
        }
        // A link pasted into the address bar while the page is open: the
        // first widget to hear of it takes it out of the address, so only
        // that one asks.
        window_listener(&self.lifetime, "hashchange", move |_| {
            if let Some(hash) = take_shared_link() {
                open_then(hash, false, show.clone());
            }
        });
    }

    fn share_link(&self, base: &str, state: &State, done: Callback<Option<String>>) {
        let (base, json) = (base.to_owned(), crate::share::state_json(state));
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(deflate::link_for_json(&base, &json).await);
        });
    }

    fn can_share(&self) -> bool {
        deflate::supported()
    }

    fn watch_printing(&self, printing: Callback<bool>) {
        for (event, value) in [("beforeprint", true), ("afterprint", false)] {
            let printing = printing.clone();
            window_listener(&self.lifetime, event, move |_| printing.emit(value));
        }
    }

    fn watch_updates(&self, ready: Callback<()>) {
        let widget = self.lifetime.widget;
        UPDATE_LISTENERS.with(|l| l.borrow_mut().push((widget, ready)));
    }

    fn apply_update(&self) {
        apply_update()
    }

    fn print(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    fn copy(&self, text: String, report: Callback<bool>) {
        copy_text(text, report)
    }

    fn download(&self, file: Download) {
        if let Err(e) = download(&file) {
            web_sys::console::error_2(
                &JsValue::from_str("mbc-guide: could not save the file:"),
                &e,
            );
        }
    }

    fn read_file(&self, file: web_sys::File, done: Callback<Opened>) {
        // Looked at before it is read: a huge file is never copied into memory.
        if file.size() > crate::share::MAX_FRAGMENT_BYTES as f64 {
            open_then(crate::share::FILE_TOO_LARGE.to_owned(), true, done);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            done.emit(deflate::open(&text, true).await);
        });
    }

    fn fetch_pack(&self, lang: Lang, done: Callback<Result<Pack, String>>) {
        let base = self.base.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let got = fetch_lang(&base, lang).await;
            if let Err(why) = &got {
                web_sys::console::error_1(&JsValue::from_str(&format!("mbc-guide: {why}")));
            }
            done.emit(got);
        });
    }

    /// The standalone page is the widget's own: its title and language
    /// follow the language shown. A host's page is left alone.
    fn lang_shown(&self, lang: Lang, title: &str) {
        if !self.page {
            return;
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        }
    }

    fn shown(&self) {
        let shown = self.target.clone();
        // In a task of its own: the swap lays the whole widget out.
        wasm_bindgen_futures::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            reveal(&shown);
            // Tests and hosts wait for this: the interactive widget is in place.
            let _ = shown.set_attribute("data-ready", "true");
        });
    }
}

/// Today in the person's own time zone, as an ISO date.
fn today() -> String {
    local_date(&js_sys::Date::new_0())
}

/// The ISO date of `date` where the person is.
fn local_date(date: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
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

/// Saves a file on the device (a download; nothing is uploaded).
fn download(file: &Download) -> Result<(), JsValue> {
    let Download { name, text, mime } = file;
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
    // After a moment, not at once: some browsers start the download only
    // after the click has returned.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Inside an iframe, tell the host page our height whenever it changes, so
/// the frame can grow with its content (see EMBEDDING.md). Only a number
/// is sent, never anything the person entered, and only to the origin of
/// the page that framed us, never to `'*'`.
fn report_height_to_parent(window: &web_sys::Window, lifetime: &Lifetime) {
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == *window {
        return;
    }
    let Some(origin) = parent_origin(window) else {
        warn("mbc-guide: the page that frames this one is not known (no ancestorOrigins, no referrer), so the frame's height is not sent. Send a Referrer-Policy that keeps the origin (strict-origin-when-cross-origin).");
        return;
    };
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
        let _ = parent.post_message(&message, &origin);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
        *lifetime.resize.borrow_mut() = Some((observer, on_resize));
    }
}

/// The origin of the page that frames this one: `location.ancestorOrigins`
/// where the browser has it (Chromium, Safari), else the referrer's origin
/// (Firefox).
fn parent_origin(window: &web_sys::Window) -> Option<String> {
    let location = window.location();
    let from_ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|first| first.as_string());
    let origin = from_ancestors.or_else(|| {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin())
    })?;
    (origin.starts_with("https://") || origin.starts_with("http://")).then_some(origin)
}

/// A panic must never leave a blank box: show a short message and a reload
/// button where each widget was.
fn install_panic_message(widget: u32, root: &web_sys::Element, message: &str, reload: &str) {
    PANIC_TARGETS.with(|t| {
        t.borrow_mut().push(PanicTarget {
            widget,
            root: root.clone(),
            message: message.to_owned(),
            reload: reload.to_owned(),
        });
    });
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("mbc-guide: {info}")));
        PANIC_TARGETS.with(|t| {
            for target in t.borrow().iter() {
                show_panic_message(&target.root, &target.message, &target.reload);
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
    // A panic while the widget was still being built out of sight: the
    // prerendered page stays readable, put back as it was (boot.js), with
    // the message at its top.
    if let Some(old) = prerendered_before(root) {
        tell_page(FAILED);
        let _ = old.prepend_with_node_1(&box_);
        return;
    }
    root.set_text_content(None);
    let _ = root.append_child(&box_);
}
