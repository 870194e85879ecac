//! Keeping the person's answers on this device, in `localStorage`, without
//! ever failing: storage may be blocked (private mode, sandboxed frame,
//! cookies off) or full, and the widget then works in memory and says so.
//!
//! Keys, all under one namespace so two widgets or two hospitals on one
//! origin never collide:
//! - `mbc-guide:<ns>:state`: the saved state (`stored` format);
//! - `mbc-guide:<ns>:damaged`: a saved state that could not be read in
//!   full, kept aside until the person decides;
//! - `mbc-guide:<ns>:dont-save`: present when the person chose not to save;
//! - `mbc-guide:<ns>:cleared`: set for a moment by "Clear everything", so
//!   other tabs clear too. Any other removal (another script's
//!   `localStorage.clear()`, say) is not the person's choice: the screen
//!   stays, and is written back.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::session::Saving;
use crate::state::{Action, State};
use crate::stored::{self, Restored};

/// How long typing must pause before a save; saving never blocks typing.
const SAVE_DELAY_MS: u32 = 250;

/// A revision above this was not written by us (ours count saves from 1):
/// it is read as 0, so saving and the other tabs carry on from there. JSON
/// numbers stop being whole numbers well above it.
const MAX_REV: u64 = 1 << 50;

/// The longest save or tab-sync message read: far above any real list, well
/// below what would take long to read.
const MAX_SAVE_BYTES: usize = crate::share::MAX_FRAGMENT_BYTES;

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
    /// Persistent storage is asked for once, after the first real save.
    asked_persist: Cell<bool>,
}

impl Store {
    /// Opens the store for a namespace. Never fails: without usable storage
    /// the status is `Blocked`.
    pub fn open(namespace: &str) -> Store {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
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
            _ => (None, Saving::Blocked),
        };
        Store::with(namespace, storage, status)
    }

    /// A store for a host that turned saving off: nothing is read or
    /// written, and the status is `Off`.
    pub fn off(namespace: &str) -> Store {
        Store::with(namespace, None, Saving::Off)
    }

    fn with(namespace: &str, storage: Option<web_sys::Storage>, status: Saving) -> Store {
        let store = Store {
            status: Cell::new(status),
            storage,
            prefix: format!("mbc-guide:{namespace}:"),
            hold: Cell::new(false),
            rev: Cell::new(0),
            synced: RefCell::new(None),
            latest: RefCell::new(None),
            pending: RefCell::new(None),
            asked_persist: Cell::new(false),
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
        let mut restored = if text.len() > MAX_SAVE_BYTES {
            stored::decode("")
        } else {
            stored::decode(&text)
        };
        if restored.rev > MAX_REV {
            restored.rev = 0;
        }
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

    /// A change not yet saved is saved now (the widget is going away).
    pub fn flush(&self) {
        if self.pending.borrow_mut().take().is_some() {
            let latest = self.latest.borrow().clone();
            if let Some(state) = latest {
                self.save_now(&state);
            }
        }
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
                if **state != State::default() {
                    self.ask_to_persist();
                }
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
    /// saving here too (reported through `report`), without clearing. A
    /// save removed by anything else (another script, `localStorage.clear()`)
    /// is written back from what this tab shows. The listener is removed
    /// when the returned value is dropped.
    pub fn watch_other_tabs(
        self: &Rc<Self>,
        dispatch: Callback<Action>,
        report: Callback<Saving>,
    ) -> Option<EventListener> {
        let window = web_sys::window()?;
        let store = Rc::downgrade(self);
        let key = self.key("state");
        let dont_save = self.key("dont-save");
        let cleared = self.key("cleared");
        Some(EventListener::new(&window, "storage", move |event| {
            let Some(store) = store.upgrade() else { return };
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            // sessionStorage's events are not about our saves.
            if event
                .storage_area()
                .is_some_and(|area| Some(&area) != store.storage.as_ref())
            {
                return;
            }
            match (event.key(), event.new_value()) {
                (Some(k), Some(text)) if k == key => {
                    if text.len() > MAX_SAVE_BYTES {
                        return;
                    }
                    let restored = stored::decode(&text);
                    if !restored.is_damaged()
                        && restored.rev <= MAX_REV
                        && restored.rev > store.rev.get()
                    {
                        // A save still pending here is older: it must not
                        // overwrite the other tab's.
                        store.pending.borrow_mut().take();
                        store.rev.set(restored.rev);
                        let state = Rc::new(restored.state);
                        *store.synced.borrow_mut() = Some(state.clone());
                        *store.latest.borrow_mut() = Some(state.clone());
                        dispatch.emit(Action::Replace(Box::new((*state).clone())));
                    }
                }
                // "Clear everything" in another tab.
                (Some(k), Some(_)) if k == cleared => {
                    store.pending.borrow_mut().take();
                    let empty = Rc::new(State::default());
                    *store.synced.borrow_mut() = Some(empty.clone());
                    *store.latest.borrow_mut() = Some(empty);
                    dispatch.emit(Action::Clear);
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
                // Removed by something other than the person's choice: what
                // is on the screen is the last copy, so it is saved again.
                (Some(k), None) if k == key => store.write_back(),
                (None, _) => store.write_back(),
                _ => {}
            }
        }))
    }

    /// Saves what this tab shows again, after something else removed it.
    fn write_back(&self) {
        self.pending.borrow_mut().take();
        *self.synced.borrow_mut() = None;
        let latest = self.latest.borrow().clone();
        if let Some(state) = latest {
            self.save_now(&state);
        }
    }

    /// Asks the browser to keep this origin's storage when space runs low
    /// (`navigator.storage.persist()`). Browsers that do not know it, or say
    /// no, change nothing.
    fn ask_to_persist(&self) {
        if self.asked_persist.replace(true) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(manager) = js_sys::Reflect::get(&window.navigator(), &"storage".into()) else {
            return;
        };
        let persist = js_sys::Reflect::get(&manager, &"persist".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(persist) = persist {
            if let Ok(promise) = persist.call0(&manager) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    // A refusal is not an error: saving works as before.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                    });
                }
            }
        }
    }

    /// "Clear everything on this device": nothing of the person's remains.
    /// With saving off (the host's `save="false"`, or "Don't save") this
    /// still removes what an earlier visit saved; other tabs clear too.
    pub fn clear_everything(&self) {
        self.pending.borrow_mut().take();
        let storage = self.storage.clone().or_else(|| {
            web_sys::window()
                .and_then(|w| w.local_storage().ok())
                .flatten()
        });
        if let Some(storage) = storage {
            let _ = storage.set_item(&self.key("cleared"), "1");
            for name in ["state", "damaged", "cleared"] {
                let _ = storage.remove_item(&self.key(name));
            }
        }
        self.hold.set(false);
        let empty = Rc::new(State::default());
        *self.synced.borrow_mut() = Some(empty.clone());
        *self.latest.borrow_mut() = Some(empty);
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
            // No copy of the person's list stays, the damaged one included.
            self.remove("state");
            self.remove("damaged");
            self.hold.set(false);
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
