//! Share links through the browser's own zlib (`CompressionStream` and
//! `DecompressionStream`, src/web/deflate.rs), in headless Chromium: lists
//! go round through a link, a link made by the guide's old encoder still
//! opens, and the decompression cap holds while the data streams.
#![cfg(target_arch = "wasm32")]

mod bomb;
mod realistic;

use std::rc::Rc;

use mbc_guide::session::Opened;
use mbc_guide::share::{self, MAX_JSON_BYTES};
use mbc_guide::state::{Action, State};
use mbc_guide::web::deflate::{self, InflateError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A small deterministic generator (the tests need no crate for it).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Text with whatever people type: accents, emoji, quotes, markup, line breaks.
fn odd_text(rng: &mut Rng, chars: usize) -> String {
    const PIECES: [&str; 10] = ["ñ", "🙂", "\"", "<b>", "\n", "—", "¿", "\\", "中", "&amp;"];
    let mut text = realistic::sentence(rng.next(), chars, '?');
    for _ in 0..rng.below(4) {
        let at = text
            .char_indices()
            .nth(rng.below(text.chars().count() as u64) as usize)
            .map_or(0, |(i, _)| i);
        text.insert_str(at, PIECES[rng.below(PIECES.len() as u64) as usize]);
    }
    text
}

/// A random list made the way a person makes one: through the reducer.
fn random_list(rng: &mut Rng, bank: &[String]) -> State {
    let mut state = State::default();
    for _ in 0..rng.below(40) {
        let action = match rng.below(6) {
            0 | 1 => Action::AddQuestion(bank[rng.below(bank.len() as u64) as usize].clone()),
            2 => {
                let chars = 10 + rng.below(120) as usize;
                Action::AddOwn(odd_text(rng, chars))
            }
            3 => {
                let (id, chars) = (rng.below(state.next_id().into()) as u32, rng.below(300));
                Action::SetNote {
                    id,
                    note: odd_text(rng, chars as usize),
                }
            }
            4 => Action::SetTop {
                id: rng.below(state.next_id().into()) as u32,
                top: true,
            },
            _ => Action::Move {
                id: rng.below(state.next_id().into()) as u32,
                by: rng.below(5) as i32 - 2,
            },
        };
        state = state.apply(action);
    }
    if rng.below(2) == 0 {
        state = state.apply(Action::SetGoalsOther(odd_text(rng, 40)));
    }
    state
}

async fn opened(link: &str) -> Option<Rc<State>> {
    match deflate::open(link, false).await {
        Opened::List(state) => Some(state),
        Opened::Unreadable(key) => panic!("{link}: {key}"),
    }
}

#[wasm_bindgen_test]
async fn three_hundred_random_lists_go_round_through_a_link() {
    assert!(deflate::supported(), "Chromium has the streams");
    let pack = mbc_guide::content::builtin(mbc_guide::content::Lang::En).expect("pack");
    let bank: Vec<String> = pack.questions.iter().map(|q| q.id.clone()).collect();
    let mut rng = Rng(16);
    for n in 0..300 {
        let state = random_list(&mut rng, &bank);
        let link = deflate::link("https://example.org/g/?x=1#old", &state)
            .await
            .expect("the browser compresses");
        assert!(
            link.starts_with("https://example.org/g/?x=1#mbc="),
            "{link}"
        );
        let back = opened(&link).await.expect("opens");
        assert_eq!(*back, state, "list {n}");
    }
    // A real list of 60 questions with notes, and the link as a file.
    let long = realistic::list_with_notes(60);
    let link = deflate::link(realistic::BASE, &long).await.expect("link");
    assert_eq!(opened(&link).await.as_deref(), Some(&long));
    let file = format!("My list:\n{link}\n");
    match deflate::open(&file, true).await {
        Opened::List(state) => assert_eq!(*state, long),
        Opened::Unreadable(key) => panic!("{key}"),
    }
}

/// Made by the guide's own zlib encoder (src/zlib.rs) before this change;
/// tests/share.rs opens the same link natively.
#[wasm_bindgen_test]
async fn a_link_made_by_the_old_encoder_opens_through_the_browser() {
    let link = include_str!("fixtures/stored/v2_own_zlib.link");
    let state = opened(link.trim()).await.expect("opens");
    assert_eq!(state.list().len(), 3);
    assert_eq!(
        state.list()[2].note,
        "Dr. said: ask again after the scan 🙂"
    );
    // And the v1 link of the saved format's first version.
    let v1 = include_str!("fixtures/stored/v1_hormonal_grew.link");
    assert_eq!(opened(v1.trim()).await.map(|s| s.list().len()), Some(1));
}

#[wasm_bindgen_test]
async fn the_cap_holds_while_the_data_streams() {
    // 50 MB of spaces in a few hundred kilobytes: stopped at the cap.
    let bomb = bomb::zlib_of_spaces(50_000_000);
    let started = js_sys::Date::now();
    assert_eq!(
        deflate::decompress(&bomb, MAX_JSON_BYTES).await,
        Err(InflateError::TooLarge)
    );
    // A figure, not a goal (timing goals live in bench scripts).
    let took = js_sys::Date::now() - started;
    web_sys::console::log_1(&format!("50 MB bomb stopped at the cap in {took} ms").into());
    // Exactly at the cap is read; one byte over is not.
    let at_cap = bomb::zlib_of_spaces(MAX_JSON_BYTES);
    let read = deflate::decompress(&at_cap, MAX_JSON_BYTES).await;
    assert_eq!(read.map(|r| r.len()), Ok(MAX_JSON_BYTES));
    assert_eq!(
        deflate::decompress(&at_cap, MAX_JSON_BYTES - 1).await,
        Err(InflateError::TooLarge)
    );
    // As a link, the person is told it is too large.
    let link = share::with_fragment("https://example.org/", &share::fragment(&bomb));
    assert_eq!(
        deflate::open(&link, false).await,
        Opened::Unreadable("share_error_too_large")
    );
}

#[wasm_bindgen_test]
async fn a_changed_or_cut_link_is_damaged() {
    let packed = deflate::compress(b"{\"answers\":{},\"list\":[]}")
        .await
        .expect("compresses");
    let mut changed = packed.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1; // the checksum
    assert_eq!(
        deflate::decompress(&changed, 1000).await,
        Err(InflateError::Damaged)
    );
    let cut = &packed[..packed.len() - 3];
    assert_eq!(
        deflate::decompress(cut, 1000).await,
        Err(InflateError::Damaged)
    );
    assert_eq!(
        deflate::decompress(b"not zlib at all", 1000).await,
        Err(InflateError::Damaged)
    );
}

#[wasm_bindgen_test]
async fn without_the_streams_a_link_is_said_to_need_a_newer_browser() {
    let global = js_sys::global();
    let name = JsValue::from_str("DecompressionStream");
    let kept = js_sys::Reflect::get(&global, &name).expect("present");
    js_sys::Reflect::delete_property(&global.clone().into(), &name).expect("deleted");
    let supported = deflate::supported();
    let link = include_str!("fixtures/stored/v2_own_zlib.link");
    let result = deflate::open(link.trim(), false).await;
    js_sys::Reflect::set(&global, &name, &kept).expect("put back");
    assert!(!supported);
    assert_eq!(result, Opened::Unreadable("share_error_unsupported"));
    assert!(deflate::supported());
}

/// An edge whose share links wait until the test makes them, in any order.
type Asked = Rc<std::cell::RefCell<Vec<(u32, yew::Callback<Option<String>>)>>>;

#[derive(Default)]
struct SlowLinks(Asked);

impl mbc_guide::components::Edge for SlowLinks {
    fn share_link(&self, _base: &str, state: &State, done: yew::Callback<Option<String>>) {
        self.0.borrow_mut().push((state.next_id(), done));
    }
}

#[derive(yew::Properties, PartialEq)]
struct LinkProps {
    edge: mbc_guide::components::EdgeHandle,
    wanted: Option<Rc<State>>,
}

/// Shows what `use_share_link` returns: the link, or "none".
#[yew::component]
fn ShowLink(props: &LinkProps) -> yew::Html {
    let made = mbc_guide::components::use_share_link(
        &props.edge,
        props.wanted.clone(),
        &yew::AttrValue::from("https://example.org/"),
    );
    let shown = made.and_then(|m| m.link.clone());
    yew::html! { <p>{ shown.unwrap_or_else(|| "none".into()) }</p> }
}

/// The browser makes a link a few tasks after it is asked: one that comes
/// back for a state no longer wanted is never shown, whatever the order
/// (the share dialog and the code on paper both rely on this).
#[wasm_bindgen_test]
async fn a_share_link_made_for_an_earlier_state_is_never_shown() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let asked = Asked::default();
    let edge = mbc_guide::components::EdgeHandle::new(SlowLinks(asked.clone()));
    let state = |n: usize| {
        let adds = (0..n).map(|i| Action::AddOwn(format!("Question {i}")));
        Rc::new(adds.fold(State::default(), |s, a| s.apply(a)))
    };
    let (first, second) = (state(1), state(2));
    let props = |wanted: &Option<Rc<State>>| LinkProps {
        edge: edge.clone(),
        wanted: wanted.clone(),
    };
    let mut handle =
        yew::Renderer::<ShowLink>::with_root_and_props(root.clone(), props(&Some(first.clone())))
            .render();
    let shown = || async {
        yew::scheduler::flush().await;
        root.text_content().unwrap_or_default()
    };
    assert_eq!(shown().await, "none", "nothing before the link is made");
    handle.update(props(&Some(second.clone())));
    assert_eq!(shown().await, "none");
    let answer = |next_id: u32, link: &str| {
        let at = asked.borrow().iter().position(|(n, _)| *n == next_id);
        let (_, done) = asked.borrow_mut().remove(at.expect("asked for"));
        done.emit(Some(link.to_owned()));
    };
    // The first state's link comes back last but one: it is dropped.
    answer(first.next_id(), "link-1");
    assert_eq!(shown().await, "none", "a link for an earlier state");
    answer(second.next_id(), "link-2");
    assert_eq!(shown().await, "link-2");
    // Back to the first: its earlier link is not reused for the second, and
    // a link that comes back once nothing is wanted is not shown.
    handle.update(props(&Some(first.clone())));
    assert_eq!(shown().await, "none");
    handle.update(props(&None));
    answer(first.next_id(), "link-1 again");
    assert_eq!(shown().await, "none", "nothing is wanted");
    handle.destroy();
    root.remove();
}
