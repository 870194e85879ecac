//! Keeping the person's answers on this device, in `localStorage`, without
//! ever failing: storage may be blocked (private mode, sandboxed frame,
//! cookies off) or full, and the widget then works in memory and says so.
//!
//! Keys, all under one namespace so two widgets or two hospitals on one
//! origin never collide:
//! - `mbc-guide:<ns>:state`: the saved state (`stored` format);
//! - `mbc-guide:<ns>:damaged`: a saved state that could not be read in
//!   full, kept aside until the person decides;
//! - `mbc-guide:<ns>:dont-save`: present when the person chose not to save.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::session::Saving;
use crate::state::{Action, State};
use crate::stored::{self, Restored};

/// How long typing must pause before a save; saving never blocks typing.
const SAVE_DELAY_MS: u32 = 250;

/// The `storage` event listener, kept alive as long as the store.
type StorageListener = Closure<dyn Fn(web_sys::StorageEvent)>;

pub struct Store {
    storage: Option<web_sys::Storage>,
    prefix: String,
    status: Cell<Saving>,
    /// Saving waits while a damaged original has not been set aside.
    hold: Cell<bool>,
    /// The revision this tab last wrote or adopted.
    rev: Cell<u64>,
    /// The state last written or adopted, so adopting another tab's state
    /// is never written back.
    synced: RefCell<Option<Rc<State>>>,
    /// The newest state the app has shown, saved or not.
    latest: RefCell<Option<Rc<State>>>,
    pending: RefCell<Option<Timeout>>,
    listener: RefCell<Option<StorageListener>>,
}

impl Store {
    /// Opens the store for a namespace. Never fails: without usable storage
    /// the status is `Blocked`.
    pub fn open(namespace: &str) -> Store {
        Store::open_with(namespace, true)
    }

    /// As `open`, but with `allowed` false (the host turned saving off)
    /// nothing is read or written, and the status is `Off`.
    pub fn open_with(namespace: &str, allowed: bool) -> Store {
        let storage = web_sys::window()
            .filter(|_| allowed)
            .and_then(|w| w.local_storage().ok().flatten());
        // Some browsers hand out storage that throws on every write.
        let probe = storage.as_ref().map(|s| {
            let probe = "mbc-guide:probe";
            let written = s.set_item(probe, "1");
            let _ = s.remove_item(probe);
            written
        });
        let (storage, status) = match probe {
            Some(Ok(())) => (storage, Saving::On),
            // Full is not blocked: what is saved can still be read back,
            // and saving resumes once there is room.
            Some(Err(e)) if is_quota_error(&e) => (storage, Saving::Full),
            _ if !allowed => (None, Saving::Off),
            _ => (None, Saving::Blocked),
        };
        let store = Store {
            status: Cell::new(status),
            storage,
            prefix: format!("mbc-guide:{namespace}:"),
            hold: Cell::new(false),
            rev: Cell::new(0),
            synced: RefCell::new(None),
            latest: RefCell::new(None),
            pending: RefCell::new(None),
            listener: RefCell::new(None),
        };
        if store.get("dont-save").is_some() {
            store.status.set(Saving::Off);
        }
        store
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn get(&self, name: &str) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&self.key(name))
            .ok()
            .flatten()
    }

    fn remove(&self, name: &str) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(&self.key(name));
        }
    }

    pub fn status(&self) -> Saving {
        self.status.get()
    }

    /// Reads the saved state. A damaged one is copied aside first, so it is
    /// not overwritten until the person chooses; if even that copy cannot
    /// be made, saving waits.
    pub fn load(&self) -> Option<Restored> {
        let text = self.get("state")?;
        let restored = stored::decode(&text);
        if restored.is_damaged() {
            let copied = self
                .storage
                .as_ref()
                .is_some_and(|s| s.set_item(&self.key("damaged"), &text).is_ok());
            self.hold.set(!copied);
        }
        self.rev.set(restored.rev);
        *self.synced.borrow_mut() = Some(Rc::new(restored.state.clone()));
        Some(restored)
    }

    /// Saves after a short pause in changes, then reports how it went.
    pub fn save_soon(self: &Rc<Self>, state: Rc<State>, report: Callback<Saving>) {
        *self.latest.borrow_mut() = Some(state.clone());
        if self.synced.borrow().as_deref() == Some(&*state) {
            // Back to what is saved: a pending save would write a state
            // that no longer shows.
            self.pending.borrow_mut().take();
            return;
        }
        let store = self.clone();
        let timeout = Timeout::new(SAVE_DELAY_MS, move || {
            store.pending.borrow_mut().take();
            report.emit(store.save_now(&state));
        });
        // Replacing the pending timeout cancels it.
        *self.pending.borrow_mut() = Some(timeout);
    }

    fn save_now(&self, state: &Rc<State>) -> Saving {
        let Some(storage) = &self.storage else {
            return Saving::Blocked;
        };
        if self.status.get() == Saving::Off || self.hold.get() {
            return self.status.get();
        }
        let result = if **state == State::default() {
            // Nothing of the person's: leave nothing behind.
            storage.remove_item(&self.key("state"))
        } else {
            let rev = self.rev.get() + 1;
            let text = stored::encode(state, rev, js_sys::Date::now());
            storage
                .set_item(&self.key("state"), &text)
                .map(|()| self.rev.set(rev))
        };
        let status = match result {
            Ok(()) => {
                *self.synced.borrow_mut() = Some(state.clone());
                Saving::On
            }
            Err(e) if is_quota_error(&e) => Saving::Full,
            Err(_) => Saving::Blocked,
        };
        self.status.set(status);
        status
    }

    /// Another tab's save shows up here; a newer one replaces ours. A clear
    /// in another tab clears this one too. "Don't save" in another tab stops
    /// saving here too (reported through `report`), without clearing.
    pub fn watch_other_tabs(self: &Rc<Self>, dispatch: Callback<Action>, report: Callback<Saving>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let store = Rc::downgrade(self);
        let key = self.key("state");
        let dont_save = self.key("dont-save");
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                let Some(store) = store.upgrade() else { return };
                match (event.key(), event.new_value()) {
                    (Some(k), Some(text)) if k == key => {
                        let restored = stored::decode(&text);
                        if !restored.is_damaged() && restored.rev > store.rev.get() {
                            // A save still pending here is older: it must not
                            // overwrite the other tab's.
                            store.pending.borrow_mut().take();
                            store.rev.set(restored.rev);
                            *store.synced.borrow_mut() = Some(Rc::new(restored.state.clone()));
                            dispatch.emit(Action::Replace(Box::new(restored.state)));
                        }
                    }
                    // "Don't save on this device" in another tab: this tab
                    // stops saving too, and keeps what is on its screen.
                    (Some(k), Some(_)) if k == dont_save => {
                        store.pending.borrow_mut().take();
                        store.status.set(Saving::Off);
                        *store.synced.borrow_mut() = None;
                        report.emit(Saving::Off);
                    }
                    (Some(k), None) if k == dont_save => {
                        store.status.set(Saving::On);
                        report.emit(Saving::On);
                    }
                    // The save removed because saving was turned off (the
                    // mark is set first) is not a clear.
                    (Some(k), None) if k == key && store.get("dont-save").is_some() => {}
                    (Some(k), None) if k == key => {
                        store.pending.borrow_mut().take();
                        *store.synced.borrow_mut() = Some(Rc::new(State::default()));
                        dispatch.emit(Action::Clear);
                    }
                    (None, _) => dispatch.emit(Action::Clear),
                    _ => {}
                }
            });
        let _ =
            window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        *self.listener.borrow_mut() = Some(listener);
    }

    /// "Clear everything on this device": nothing of the person's remains.
    pub fn clear_everything(&self) {
        self.pending.borrow_mut().take();
        for name in ["state", "damaged"] {
            self.remove(name);
        }
        self.hold.set(false);
        *self.synced.borrow_mut() = Some(Rc::new(State::default()));
    }

    /// The person's choice about a damaged save.
    pub fn resolve_damaged(&self, keep_copy: bool) {
        if !keep_copy {
            self.remove("damaged");
        }
        self.hold.set(false);
    }

    /// "Don't save on this device": remove what is saved and stop saving.
    pub fn set_dont_save(&self, off: bool) {
        let Some(storage) = &self.storage else {
            return;
        };
        if off {
            self.pending.borrow_mut().take();
            let _ = storage.set_item(&self.key("dont-save"), "1");
            self.remove("state");
            self.status.set(Saving::Off);
            *self.synced.borrow_mut() = None;
        } else {
            self.remove("dont-save");
            self.status.set(Saving::On);
            *self.synced.borrow_mut() = None;
            let latest = self.latest.borrow().clone();
            if let Some(state) = latest {
                self.save_now(&state);
            }
        }
    }
}

fn is_quota_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}
