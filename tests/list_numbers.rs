//! The list's numbers are the entries' own text, not the `<ol>`'s markers:
//! with markers, moving one entry made the browser renumber and lay out
//! every entry after it (about 230 ms of layout a move at 4x CPU with 300
//! entries, bench/interactions.mjs --trace 1). Rendered through Yew's
//! server renderer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mbc_guide::components::MyList;
use mbc_guide::content::{builtin, Lang};
use mbc_guide::state::{Action, State};
use yew::Callback;

type ListProps = <MyList as yew::BaseComponent>::Properties;

#[tokio::test]
async fn each_entry_shows_its_place_and_the_list_keeps_its_role() {
    let pack = Rc::new(builtin(Lang::En).expect("English pack"));
    let state = ["first", "second", "third"]
        .into_iter()
        .fold(State::default(), |s, q| s.apply(Action::AddOwn(q.into())))
        .apply(Action::Move { id: 2, by: -1 });
    let html = yew::LocalServerRenderer::<MyList>::with_props(yew::props!(ListProps {
        pack,
        state: Rc::new(state),
        on_action: Callback::noop(),
        prefix: "t",
    }))
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains(r#"role="list""#), "{html}");
    let numbers: Vec<&str> = html
        .match_indices(r#"class="mbc-entry__num">"#)
        .filter_map(|(at, m)| html.get(at + m.len()..)?.split('<').next())
        .collect();
    assert_eq!(numbers, ["1. ", "2. ", "3. "]);
    let first = html.find("first").expect("first");
    let third = html.find("third").expect("third");
    let second = html.find("second").expect("second");
    assert!(first < third && third < second, "moved up one place");
}
