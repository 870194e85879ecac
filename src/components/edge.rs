//! The one way the app reaches the browser: an [`Edge`], one handle given to
//! `App` (its `edge` prop) and passed to its hooks. `web` implements it for
//! the browser; the server renderer and native tests get [`NoEdge`], which
//! does nothing, so everything here renders and runs without a browser.
//!
//! A prop, not a Yew context: only `App`'s own hooks use it, and a
//! `ContextProvider` measured 3.6 KB gzip more in the wasm.
//!
//! The `watch_*` methods are subscriptions: the app calls each once, when it
//! is first rendered, and the edge keeps the callback for the widget's
//! whole life (in `web`, the widget's `Lifetime`, which drops it when the
//! widget is unmounted).

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Lang, Pack};
use crate::export::Download;
use crate::session::{Opened, Saving};
use crate::state::{Action, State};

/// What the app asks of the browser, and what it listens to there. Every
/// method does nothing unless an edge says otherwise.
pub trait Edge {
    /// Keep the state on this device; `report` says how it went.
    fn save(&self, _state: Rc<State>, _report: Callback<Saving>) {}
    /// Another tab changed the list (`change`) or turned saving off there.
    fn watch_other_tabs(&self, _change: Callback<Action>, _saving: Callback<Saving>) {}
    /// Remove everything of the person's from this device.
    fn clear_device(&self) {}
    /// The person's choice about a damaged save: keep the copy (true) or
    /// delete it (false). False while saving must still wait (the copy to
    /// keep could not be made).
    fn resolve_damaged(&self, _keep: bool) -> bool {
        true
    }
    /// "Don't save on this device" turned on (true) or off.
    fn set_dont_save(&self, _off: bool) {}
    /// A share link opened while the page is open (pasted into the address
    /// bar: only the fragment changes).
    fn watch_links(&self, _show: Callback<Opened>) {}
    /// The browser is about to print (true) or has printed (false), so the
    /// sheet is there for its own print command too.
    fn watch_printing(&self, _printing: Callback<bool>) {}
    /// A new version is ready.
    fn watch_updates(&self, _ready: Callback<()>) {}
    /// The person chose to update now.
    fn apply_update(&self) {}
    /// The browser's print dialog.
    fn print(&self) {}
    /// Copy text to the clipboard; `report` says whether it worked.
    fn copy(&self, _text: String, _report: Callback<bool>) {}
    /// Save a file on the device.
    fn download(&self, _file: Download) {}
    /// Read a picked file (a downloaded list, or a saved one) and open the
    /// list in it.
    fn read_file(&self, _file: web_sys::File, _done: Callback<Opened>) {}
    /// The share link for `state` on the page `base`: `None` where the
    /// browser cannot compress. The browser compresses with its own
    /// `CompressionStream` (`web::deflate`), a few tasks later; natively
    /// (the server renderer, tests) `share::link` does it at once.
    fn share_link(&self, base: &str, state: &State, done: Callback<Option<String>>) {
        #[cfg(not(target_arch = "wasm32"))]
        done.emit(Some(crate::share::link(base, state)));
        #[cfg(target_arch = "wasm32")]
        let _ = (base, state, done);
    }
    /// Can this browser make share links? (Older ones lack
    /// `CompressionStream`: the share dialog then offers the list's text.)
    fn can_share(&self) -> bool {
        true
    }
    /// Fetch a language's pack that the library lacks; `done` gets the
    /// pack, or why it could not be had.
    fn fetch_pack(&self, _lang: Lang, _done: Callback<Result<Pack, String>>) {}
    /// The language shown and its page title, on start and on every switch.
    fn lang_shown(&self, _lang: Lang, _title: &str) {}
    /// Everything in view is rendered: the edge may show the widget in place
    /// of the prerendered page. Called once.
    fn shown(&self) {}
}

/// The edge of the server renderer and of native tests: nothing happens.
pub struct NoEdge;

impl Edge for NoEdge {}

/// A shared handle to the edge. Two handles are equal
/// when they are the same edge.
#[derive(Clone)]
pub struct EdgeHandle(pub Rc<dyn Edge>);

impl EdgeHandle {
    pub fn new(edge: impl Edge + 'static) -> EdgeHandle {
        EdgeHandle(Rc::new(edge))
    }
}

impl Default for EdgeHandle {
    fn default() -> EdgeHandle {
        EdgeHandle::new(NoEdge)
    }
}

impl PartialEq for EdgeHandle {
    fn eq(&self, other: &EdgeHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for EdgeHandle {
    type Target = dyn Edge;
    fn deref(&self) -> &(dyn Edge + 'static) {
        &*self.0
    }
}
