//! Browser tests of the storage edge (`web::storage::Store`) in headless
//! Chromium: storage blocked, storage full, another tab's `storage` event,
//! the save debounce and a damaged save. Each test uses its own namespace
//! and puts back any browser API it replaced.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use mbc_guide::answers::Rating;
use mbc_guide::content::{Lang, Library};
use mbc_guide::session::Saving;
use mbc_guide::state::{Action, State};
use mbc_guide::stored;
use mbc_guide::web::storage::Store;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// Longer than the 250 ms save delay.
const AFTER_SAVE: Duration = Duration::from_millis(400);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn key(ns: &str, name: &str) -> String {
    format!("mbc-guide:{ns}:{name}")
}

fn stored_text(ns: &str, name: &str) -> Option<String> {
    storage().get_item(&key(ns, name)).unwrap()
}

fn forget(ns: &str) {
    for name in ["state", "damaged", "dont-save"] {
        storage().remove_item(&key(ns, name)).unwrap();
    }
}

/// Runs a piece of JavaScript with `window` in scope.
fn js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("the test's own JavaScript runs");
}

/// `window.localStorage` throws, as in a sandboxed frame or with cookies off.
fn block_storage() {
    js(
        "window.__mbcLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
        Object.defineProperty(window, 'localStorage', { configurable: true,
          get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
}

fn unblock_storage() {
    js("const d = window.__mbcLocalStorage;
        if (d) { Object.defineProperty(window, 'localStorage', d); } else { delete window.localStorage; }
        delete window.__mbcLocalStorage;");
}

/// `setItem` throws `error` for every key that starts with `prefix`.
fn fail_writes(prefix: &str, error: &str) {
    js(&format!(
        "window.__mbcSetItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function (k, v) {{
           if (String(k).startsWith({prefix:?})) {{ throw new DOMException('no', {error:?}); }}
           return window.__mbcSetItem.call(this, k, v);
         }};"
    ));
}

fn restore_writes() {
    js("Storage.prototype.setItem = window.__mbcSetItem; delete window.__mbcSetItem;");
}

/// Fires the event another tab's save or clear fires in this one.
fn storage_event(key: &str, new_value: Option<&str>) {
    let fire = js_sys::Function::new_with_args(
        "key, value",
        "window.dispatchEvent(new StorageEvent('storage', { key: key, newValue: value }));",
    );
    let value = new_value.map_or(JsValue::NULL, JsValue::from_str);
    fire.call2(&JsValue::NULL, &JsValue::from_str(key), &value)
        .unwrap();
}

/// A callback that records what it is given.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let cb = {
        let seen = seen.clone();
        Callback::from(move |v: T| seen.borrow_mut().push(v))
    };
    (cb, seen)
}

fn state_with(goal: &str, rating: Rating, own: &str) -> State {
    State::default()
        .apply(Action::RateGoal {
            goal: goal.into(),
            rating: Some(rating),
        })
        .apply(Action::AddOwn(own.into()))
}

fn saved(ns: &str) -> stored::Restored {
    stored::decode(&stored_text(ns, "state").expect("a saved state"))
}

#[wasm_bindgen_test]
async fn blocked_storage_is_reported_and_nothing_panics() {
    block_storage();
    let store = Rc::new(Store::open("t-blocked"));
    let status = store.status();
    let loaded = store.load();
    let (report, reports) = recorder::<Saving>();
    store.save_soon(Rc::new(state_with("shrink", Rating::Very, "Mine")), report);
    let _watching = store.watch_other_tabs(Callback::noop(), Callback::noop());
    yew::platform::time::sleep(AFTER_SAVE).await;
    store.set_dont_save(true);
    store.set_dont_save(false);
    store.resolve_damaged(false);
    store.clear_everything();
    let status_after = store.status();
    unblock_storage();
    assert_eq!(status_after, Saving::Blocked);

    assert_eq!(status, Saving::Blocked);
    assert!(loaded.is_none(), "nothing to load without storage");
    assert_eq!(*reports.borrow(), vec![Saving::Blocked]);
    assert_eq!(stored_text("t-blocked", "state"), None);
}

#[wasm_bindgen_test]
async fn storage_that_throws_on_every_write_counts_as_blocked() {
    fail_writes("mbc-guide:", "SecurityError");
    let store = Store::open("t-nowrite");
    let status = store.status();
    restore_writes();
    assert_eq!(status, Saving::Blocked);
}

#[wasm_bindgen_test]
async fn with_storage_blocked_the_whole_widget_says_so_and_works_in_memory() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_id(mbc_guide::web::ROOT_ID);
    document.body().unwrap().append_child(&root).unwrap();

    block_storage();
    // The same start as the standalone page: set-up and first render come
    // in tasks of their own, so storage stays blocked until it is ready.
    let mounted = mbc_guide::web::mount_standalone();
    for _ in 0..100 {
        if root.get_attribute("data-ready").is_some() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    yew::scheduler::flush().await;
    unblock_storage();
    mounted.expect("the widget mounts without storage");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));

    let pack = Library::builtin().unwrap().pack_or_english(Lang::En);
    let text = || root.text_content().unwrap_or_default();
    assert!(
        text().contains(pack.ui("storage_blocked")),
        "the blocked notice shows"
    );
    let dont_save = root
        .query_selector(".mbc-device input[type=checkbox]")
        .unwrap()
        .expect("the don't-save choice")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    assert!(
        dont_save.disabled(),
        "no don't-save choice when nothing can be saved"
    );

    // Choose an answer in step 1.
    let very = root
        .query_selector("input[type=radio][name=mbc-goal-shrink][value=very]")
        .unwrap()
        .expect("a 'very important' answer for the first goal")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    very.click();
    yew::scheduler::flush().await;
    assert!(very.checked());
    // One answer starts step 1; it is done only when all of it is answered.
    let started = mbc_guide::content::fill(
        pack.ui("progress"),
        &[("current", "1"), ("total", "5"), ("done", "0")],
    );
    assert!(text().contains(&started), "the progress line: {}", text());
    assert!(
        text().contains(pack.ui("status_started")),
        "step 1 is marked started"
    );

    // Open step 2 from the step list.
    let buttons = root.query_selector_all("nav button").unwrap();
    let step2 = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .contains(pack.ui("step_profile"))
        })
        .expect("a button for step 2");
    step2.click();
    yew::scheduler::flush().await;
    let heading = root
        .query_selector("h2[tabindex]")
        .unwrap()
        .expect("the step heading");
    assert_eq!(
        heading.text_content().unwrap_or_default().trim(),
        pack.ui("step_profile")
    );
    assert_eq!(step2.get_attribute("aria-current").as_deref(), Some("step"));

    // After the debounce nothing was written, and the answer stays.
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(stored_text("default", "state"), None);
    assert!(text().contains(pack.ui("storage_blocked")));
    // The app stays mounted (its handle is the page's); take its box away.
    root.remove();
}

#[wasm_bindgen_test]
async fn a_full_storage_reports_full_and_keeps_the_state_in_memory() {
    let ns = "t-full";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    assert_eq!(store.status(), Saving::On);

    fail_writes(&key(ns, ""), "QuotaExceededError");
    let (report, reports) = recorder::<Saving>();
    store.save_soon(
        Rc::new(state_with("quality", Rating::Very, "Full?")),
        report,
    );
    yew::platform::time::sleep(AFTER_SAVE).await;
    let status = store.status();
    restore_writes();

    assert_eq!(*reports.borrow(), vec![Saving::Full]);
    assert_eq!(status, Saving::Full);
    assert_eq!(stored_text(ns, "state"), None);

    // Space again: the next change is saved and saving is back on.
    let (report, reports) = recorder::<Saving>();
    let later = state_with("quality", Rating::Somewhat, "Full?");
    store.save_soon(Rc::new(later.clone()), report);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(*reports.borrow(), vec![Saving::On]);
    assert_eq!(saved(ns).state, later);
    forget(ns);
}

#[wasm_bindgen_test]
async fn a_storage_full_from_the_start_still_gives_back_what_it_holds() {
    let ns = "t-full-start";
    forget(ns);
    let earlier = state_with("longer", Rating::Very, "Kept while full");
    storage()
        .set_item(&key(ns, "state"), &stored::encode(&earlier, 3, 0.0))
        .unwrap();

    // Even the probe write fails, as it does on a full device.
    fail_writes("mbc-guide:", "QuotaExceededError");
    let store = Rc::new(Store::open(ns));
    let status = store.status();
    let loaded = store.load();
    let (report, reports) = recorder::<Saving>();
    store.save_soon(
        Rc::new(earlier.apply(Action::AddOwn("Another".into()))),
        report,
    );
    yew::platform::time::sleep(AFTER_SAVE).await;
    restore_writes();

    assert_eq!(status, Saving::Full, "full is not reported as blocked");
    assert_eq!(
        loaded.map(|r| r.state),
        Some(earlier.clone()),
        "the saved answers are read even though nothing can be written"
    );
    assert_eq!(*reports.borrow(), vec![Saving::Full]);
    assert_eq!(saved(ns).state, earlier, "the save is untouched");
    forget(ns);
}

#[wasm_bindgen_test]
async fn several_quick_changes_are_saved_once_with_the_last_state() {
    let ns = "t-debounce";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    assert!(store.load().is_none());
    let (report, reports) = recorder::<Saving>();
    let mut state = State::default();
    for text in ["a", "ab", "abc", "abcd"] {
        state = state.apply(Action::SetGoalsOther(text.into()));
        store.save_soon(Rc::new(state.clone()), report.clone());
        // Typing pauses, but for less than the delay.
        yew::platform::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(stored_text(ns, "state"), None, "no save while typing");
    }
    yew::platform::time::sleep(AFTER_SAVE).await;
    let first = saved(ns);
    assert_eq!(first.rev, 1, "written once");
    assert_eq!(first.state.answers().goals_other, "abcd");
    assert_eq!(*reports.borrow(), vec![Saving::On]);

    // Typing a letter and taking it out again leaves the save as it was.
    let typo = state.apply(Action::SetGoalsOther("abcdX".into()));
    store.save_soon(Rc::new(typo), report.clone());
    store.save_soon(Rc::new(state.clone()), report.clone());
    yew::platform::time::sleep(AFTER_SAVE).await;
    let second = saved(ns);
    assert_eq!(
        second.state.answers().goals_other,
        "abcd",
        "what shows is what is saved"
    );
    assert_eq!(second.rev, 1);

    // Back to nothing at all: nothing of the person's is left behind.
    store.save_soon(Rc::new(State::default()), report);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(stored_text(ns, "state"), None);
    forget(ns);
}

#[wasm_bindgen_test]
async fn another_tabs_newer_save_replaces_ours_and_an_older_one_does_not() {
    let ns = "t-tabs";
    forget(ns);
    let ours = state_with("shrink", Rating::Not, "Ours");
    storage()
        .set_item(&key(ns, "state"), &stored::encode(&ours, 5, 0.0))
        .unwrap();
    let store = Rc::new(Store::open(ns));
    assert_eq!(store.load().map(|r| r.rev), Some(5));
    let (dispatch, actions) = recorder::<Action>();
    let _watching = store.watch_other_tabs(dispatch, Callback::noop());

    // Older and equal revisions are stale: ignored.
    let stale = state_with("shrink", Rating::Somewhat, "Stale");
    for rev in [4, 5] {
        storage_event(&key(ns, "state"), Some(&stored::encode(&stale, rev, 0.0)));
    }
    // Another namespace, another key, and damaged text: ignored.
    let newer = state_with("shrink", Rating::Very, "Newer");
    storage_event(
        &key("t-other", "state"),
        Some(&stored::encode(&newer, 9, 0.0)),
    );
    storage_event(&key(ns, "damaged"), Some(&stored::encode(&newer, 9, 0.0)));
    storage_event(&key(ns, "state"), Some("{\"format\":\"mbc-guide/state\""));
    assert!(actions.borrow().is_empty(), "{:?}", actions.borrow());

    // A newer one replaces ours.
    storage_event(&key(ns, "state"), Some(&stored::encode(&newer, 6, 0.0)));
    assert_eq!(
        *actions.borrow(),
        vec![Action::Replace(Box::new(newer.clone()))]
    );
    // Having adopted rev 6, the same save again changes nothing.
    storage_event(&key(ns, "state"), Some(&stored::encode(&newer, 6, 0.0)));
    assert_eq!(actions.borrow().len(), 1);

    // The save removed by anything else (another script, another app's
    // `localStorage.clear()`): this tab's screen stays, and is saved again.
    storage().remove_item(&key(ns, "state")).unwrap();
    storage_event(&key(ns, "state"), None);
    storage().clear().unwrap();
    let js_null = js_sys::Function::new_no_args(
        "window.dispatchEvent(new StorageEvent('storage', { key: null, newValue: null }));",
    );
    js_null.call0(&JsValue::NULL).unwrap();
    assert_eq!(
        actions.borrow().len(),
        1,
        "no clear: {:?}",
        actions.borrow()
    );
    assert_eq!(
        saved(ns).state,
        newer,
        "what this tab shows is written back"
    );

    // "Clear everything" in the other tab clears this one.
    storage_event(&key(ns, "cleared"), Some("1"));
    assert_eq!(actions.borrow().last(), Some(&Action::Clear));
    forget(ns);
}

/// A listener dropped is a listener removed: a widget that is gone hears
/// nothing more.
#[wasm_bindgen_test]
async fn a_dropped_watch_hears_nothing() {
    let ns = "t-tabs-dropped";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    let (dispatch, actions) = recorder::<Action>();
    drop(store.watch_other_tabs(dispatch, Callback::noop()));
    let newer = state_with("shrink", Rating::Very, "Newer");
    storage_event(&key(ns, "state"), Some(&stored::encode(&newer, 6, 0.0)));
    storage_event(&key(ns, "cleared"), Some("1"));
    assert!(actions.borrow().is_empty(), "{:?}", actions.borrow());
    forget(ns);
}

/// "Don't save on this device" in another tab removes the save there: this
/// tab keeps its screen (it is not a clear), stops saving, and says so.
#[wasm_bindgen_test]
async fn another_tabs_dont_save_stops_saving_here_without_clearing() {
    let ns = "t-tabs-dont-save";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    let (dispatch, actions) = recorder::<Action>();
    let (report, reports) = recorder::<Saving>();
    let _watching = store.watch_other_tabs(dispatch, report);
    let (saved_report, _) = recorder::<Saving>();
    store.save_soon(
        Rc::new(state_with("quality", Rating::Very, "Mine")),
        saved_report,
    );
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert!(storage().get_item(&key(ns, "state")).unwrap().is_some());

    // What the other tab's `set_dont_save(true)` does, in its order.
    storage().set_item(&key(ns, "dont-save"), "1").unwrap();
    storage_event(&key(ns, "dont-save"), Some("1"));
    storage().remove_item(&key(ns, "state")).unwrap();
    storage_event(&key(ns, "state"), None);
    assert!(
        actions.borrow().is_empty(),
        "no clear: {:?}",
        actions.borrow()
    );
    assert_eq!(*reports.borrow(), vec![Saving::Off]);
    assert_eq!(store.status(), Saving::Off);

    // A change here is not written while saving is off.
    let (after, _) = recorder::<Saving>();
    store.save_soon(Rc::new(state_with("quality", Rating::Not, "Later")), after);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(storage().get_item(&key(ns, "state")).unwrap(), None);

    // Turned back on there: on here too.
    storage().remove_item(&key(ns, "dont-save")).unwrap();
    storage_event(&key(ns, "dont-save"), None);
    assert_eq!(reports.borrow().last(), Some(&Saving::On));
    // And a real clear there still clears here.
    storage_event(&key(ns, "cleared"), Some("1"));
    assert_eq!(*actions.borrow(), vec![Action::Clear]);
    forget(ns);
}

#[wasm_bindgen_test]
async fn a_pending_save_never_overwrites_another_tabs_newer_save() {
    let ns = "t-tabs-pending";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    assert!(store.load().is_none());
    let (dispatch, actions) = recorder::<Action>();
    let _watching = store.watch_other_tabs(dispatch, Callback::noop());

    // This tab changes something; before its save is due, another tab saves.
    let (report, _) = recorder::<Saving>();
    let ours = state_with("quality", Rating::Not, "Our stale edit");
    store.save_soon(Rc::new(ours), report);
    let theirs = state_with("quality", Rating::Very, "Their newer edit");
    let text = stored::encode(&theirs, 2, 0.0);
    storage().set_item(&key(ns, "state"), &text).unwrap();
    storage_event(&key(ns, "state"), Some(&text));
    assert_eq!(
        *actions.borrow(),
        vec![Action::Replace(Box::new(theirs.clone()))]
    );

    yew::platform::time::sleep(AFTER_SAVE).await;
    let now = saved(ns);
    assert_eq!(now.state, theirs, "the other tab's newer save stays");
    assert_eq!(now.rev, 2);
    forget(ns);
}

#[wasm_bindgen_test]
async fn a_damaged_save_is_set_aside_before_anything_is_written() {
    let ns = "t-damaged";
    forget(ns);
    let original = r#"{"format":"mbc-guide/state","version":1,"rev":4,"saved_at":0,"state":{"answers":{"goals":{"shrink":"very"}},"list":"oops","next_id":0,"step":"profile"}}"#;
    storage().set_item(&key(ns, "state"), original).unwrap();

    let store = Rc::new(Store::open(ns));
    let restored = store.load().expect("something to load");
    assert!(restored.is_damaged());
    assert_eq!(
        restored.state.answers().goals.get("shrink"),
        Some(&Rating::Very),
        "the readable part is kept"
    );
    assert_eq!(
        stored_text(ns, "damaged").as_deref(),
        Some(original),
        "the original is copied aside, exactly"
    );
    assert_eq!(stored_text(ns, "state").as_deref(), Some(original));

    // The person keeps working: that is saved, and the copy is untouched.
    let (report, reports) = recorder::<Saving>();
    let next = restored
        .state
        .apply(Action::AddOwn("After the damage".into()));
    store.save_soon(Rc::new(next.clone()), report.clone());
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(*reports.borrow(), vec![Saving::On]);
    assert_eq!(saved(ns).state, next);
    assert!(saved(ns).rev > 4, "newer than the damaged save");
    assert_eq!(stored_text(ns, "damaged").as_deref(), Some(original));

    // "Keep a copy for now" keeps it; "Delete the damaged part" removes it.
    store.resolve_damaged(true);
    assert_eq!(stored_text(ns, "damaged").as_deref(), Some(original));
    store.resolve_damaged(false);
    assert_eq!(stored_text(ns, "damaged"), None);
    forget(ns);
}

#[wasm_bindgen_test]
async fn a_damaged_save_that_cannot_be_copied_is_not_overwritten_until_the_person_chooses() {
    let ns = "t-damaged-hold";
    forget(ns);
    let original = r#"{"format":"mbc-guide/state","version":1,"rev":2,"state":{"answers":{"goals":{"longer":"somewhat","quality":42}},"list":[{"id":0,"text":"Mine","note":7}],"next_id":1}}"#;
    storage().set_item(&key(ns, "state"), original).unwrap();

    fail_writes(&key(ns, "damaged"), "QuotaExceededError");
    let store = Rc::new(Store::open(ns));
    let restored = store.load().expect("something to load");
    restore_writes();
    assert!(restored.is_damaged());
    assert_eq!(restored.state.list().len(), 1, "the question survives");
    assert_eq!(stored_text(ns, "damaged"), None, "the copy failed");

    let (report, _) = recorder::<Saving>();
    let next = restored.state.apply(Action::AddOwn("Later".into()));
    store.save_soon(Rc::new(next.clone()), report.clone());
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(
        stored_text(ns, "state").as_deref(),
        Some(original),
        "held: the only copy of the original stays"
    );

    store.resolve_damaged(false);
    let later = next.apply(Action::AddOwn("Even later".into()));
    store.save_soon(Rc::new(later.clone()), report);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(saved(ns).state, later, "saving resumes after the choice");
    forget(ns);
}

#[wasm_bindgen_test]
async fn clear_everything_and_dont_save_leave_nothing_of_the_person() {
    let ns = "t-clear";
    forget(ns);
    let store = Rc::new(Store::open(ns));
    store.load();
    let (report, _) = recorder::<Saving>();
    let state = state_with("shrink", Rating::Very, "Private");
    store.save_soon(Rc::new(state.clone()), report.clone());
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert!(stored_text(ns, "state").is_some());

    store.clear_everything();
    assert_eq!(stored_text(ns, "state"), None);
    assert_eq!(stored_text(ns, "damaged"), None);

    // "Don't save": the save goes and nothing new is written.
    store.save_soon(Rc::new(state.clone()), report.clone());
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert!(stored_text(ns, "state").is_some());
    store.set_dont_save(true);
    assert_eq!(store.status(), Saving::Off);
    assert_eq!(stored_text(ns, "state"), None);
    store.save_soon(Rc::new(state.apply(Action::AddOwn("More".into()))), report);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(stored_text(ns, "state"), None);
    // The choice itself is remembered on reopening.
    assert_eq!(Store::open(ns).status(), Saving::Off);
    store.set_dont_save(false);
    assert_eq!(store.status(), Saving::On);
    assert!(stored_text(ns, "state").is_some(), "saved again at once");

    // "Don't save" removes the damaged copy too.
    storage().set_item(&key(ns, "damaged"), "{broken").unwrap();
    store.set_dont_save(true);
    assert_eq!(stored_text(ns, "damaged"), None);
    store.set_dont_save(false);

    // With saving turned off by the host, "Clear everything" still removes
    // a list an earlier visit saved.
    storage()
        .set_item(&key(ns, "state"), &stored::encode(&state, 3, 0.0))
        .unwrap();
    let off = Store::off(ns);
    assert_eq!(off.status(), Saving::Off);
    off.clear_everything();
    assert_eq!(stored_text(ns, "state"), None);
    assert_eq!(
        stored_text(ns, "cleared"),
        None,
        "the marker is gone at once"
    );
    forget(ns);
}

/// A save whose `rev` no save of ours could have (a foreign script, or
/// damage) is read as 0, so the next save is 1 and other tabs follow it.
#[wasm_bindgen_test]
async fn a_huge_rev_is_read_as_zero() {
    let ns = "t-huge-rev";
    forget(ns);
    let state = state_with("shrink", Rating::Very, "Mine");
    storage()
        .set_item(
            &key(ns, "state"),
            &stored::encode(&state, 9_000_000_000_000_000, 0.0),
        )
        .unwrap();
    let store = Rc::new(Store::open(ns));
    assert_eq!(store.load().map(|r| r.rev), Some(0));
    let (report, _) = recorder::<Saving>();
    store.save_soon(Rc::new(state.apply(Action::AddOwn("More".into()))), report);
    yew::platform::time::sleep(AFTER_SAVE).await;
    assert_eq!(saved(ns).rev, 1);
    forget(ns);
}
