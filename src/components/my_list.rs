use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, ListEntry};
use crate::content::Pack;
use crate::state::{Action, Entry, State, MAX_TOP};

/// At most this many entries are rendered anew in one task in the browser:
/// a list of 500 (the cap) built in one render held the page for 0.9–1.5 s
/// at 4x CPU (`bench/replace.mjs`). The first `FIRST` come with the render
/// that brings them (which may also build step 4), then `CHUNK` a task.
const FIRST: usize = 20;
const CHUNK: usize = 50;

/// What the list's last render showed.
#[derive(Default)]
struct Shown {
    /// The entries rendered, in order.
    entries: Vec<Rc<Entry>>,
    /// The pack they were rendered with.
    pack: Option<Rc<Pack>>,
    /// Were they the whole list?
    whole: bool,
    /// A task has passed since: render one chunk more.
    more: bool,
    /// Counts renders, so the effect that follows each one runs.
    renders: usize,
    /// The move the last render was given: a move is acted on once.
    moved: Option<(u32, i32, u64)>,
    /// The next chunk's timer: dropped (cancelled) with the list.
    #[cfg(target_arch = "wasm32")]
    timer: Option<gloo_timers::callback::Timeout>,
}

/// How many of `list`'s first entries to render, when `before` were
/// rendered last time and `wanted` are wanted now: at most `chunk` of them
/// new, and always the entry at `keep` (the one that just moved, which
/// takes focus back). An entry is new unless an equal one (a changed entry
/// is a new one) was rendered within two places of where it is now, as
/// after a move, a removal or a mark.
fn to_render(
    list: &[Rc<Entry>],
    before: &[Rc<Entry>],
    wanted: usize,
    keep: Option<usize>,
    chunk: usize,
) -> usize {
    let mut new = 0;
    let mut shown = wanted.min(list.len());
    for (at, entry) in list.iter().take(shown).enumerate() {
        let near = before.get(at.saturating_sub(2)..(at + 3).min(before.len()));
        // `==` on `Rc<Entry>`: the same allocation at once, else the same
        // content (as another tab's save brings), whose props compare equal.
        if !near.is_some_and(|near| near.iter().any(|b| b == entry)) {
            new += 1;
            if new > chunk {
                shown = at;
                break;
            }
        }
    }
    keep.map_or(shown, |at| shown.max(at + 1)).min(list.len())
}

#[derive(Properties, PartialEq)]
pub struct MyListProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    /// The entry that just moved, which way, and a count per move.
    #[prop_or_default]
    pub moved: Option<(u32, i32, u64)>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
    /// The list's heading, for the "My list (N)" bar to jump to.
    #[prop_or_default]
    pub heading_ref: NodeRef,
}

/// The person's own list: most important first, each with its note, and
/// buttons to move, mark, edit and remove. Reordering never needs dragging.
#[component]
pub fn MyList(props: &MyListProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let heading = format!("{}-list", props.prefix);
    let full_id = format!("{}-top-full", props.prefix);
    let top_full = state.top_count() >= MAX_TOP;
    let count = crate::plural::list_count(pack, state.list().len(), state.top_count());
    // Only so many entries rendered anew per task (`CHUNK`); in the server
    // renderer, all of them.
    let last = use_mut_ref(|| Shown {
        whole: true,
        // A move made before this list was shown (step 4 left and entered
        // again) is not this list's to refocus: focus stays on the step's
        // heading.
        moved: props.moved,
        ..Shown::default()
    });
    let moved = {
        // Only the render that brings a move acts on it: later ones (the
        // next chunk, a note typed) neither keep the moved entry rendered
        // nor tell it to take focus again.
        let mut last = last.borrow_mut();
        let fresh = props.moved.filter(|&m| last.moved != Some(m));
        last.moved = props.moved;
        fresh
    };
    let count_shown = {
        let mut last = last.borrow_mut();
        let list = state.list();
        let more = std::mem::take(&mut last.more);
        let chunk = if more { CHUNK } else { FIRST };
        let wanted = if last.whole {
            list.len()
        } else {
            last.entries.len() + if more { CHUNK } else { 0 }
        };
        let same_pack = last.pack.as_ref().is_some_and(|p| Rc::ptr_eq(p, pack));
        // Always rendered: the entry that just moved (it takes focus back),
        // and every entry on screen that is still the same entry, wherever
        // it is now and whatever the language (a language switch, another
        // tab's save): it may hold what the person is doing in it (an edit
        // open, a draft, focus). A replaced list's entries are new ones.
        let moved_at = moved.and_then(|m| list.iter().position(|e| e.id == m.0));
        let mounted_at = list
            .iter()
            .rposition(|e| last.entries.iter().any(|b| b.id == e.id && b == e));
        let keep = moved_at.max(mounted_at);
        let n = if !cfg!(target_arch = "wasm32") {
            list.len()
        } else if same_pack {
            to_render(list, &last.entries, wanted, keep, chunk)
        } else {
            to_render(list, &[], wanted, keep, chunk)
        };
        last.entries = list.get(..n).unwrap_or_default().to_vec();
        last.pack = Some(pack.clone());
        last.whole = n == list.len();
        n
    };
    // The next chunk a task later: a timer, so the browser may paint and
    // handle input between. The next render replaces it; it goes with the
    // list.
    let tick = use_state_eq(bool::default);
    {
        let renders = {
            let mut last = last.borrow_mut();
            last.renders = last.renders.wrapping_add(1);
            last.renders
        };
        let whole = count_shown == state.list().len();
        let (last, tick) = (Rc::downgrade(&last), tick.clone());
        use_effect_on(renders, move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(shown) = last.upgrade() {
                let next = !*tick;
                shown.borrow_mut().timer = (!whole).then(|| {
                    gloo_timers::callback::Timeout::new(0, move || {
                        if let Some(shown) = last.upgrade() {
                            shown.borrow_mut().more = true;
                        }
                        tick.set(next);
                    })
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (last, tick, whole);
        });
    }
    // After "Remove" in the list, focus goes to "Undo", the one new thing on
    // screen. (An "Add" toggle pressed again keeps its own focus.)
    let undo_ref = use_node_ref();
    let removing = use_mut_ref(bool::default);
    {
        let undo_ref = undo_ref.clone();
        let removing = removing.clone();
        let removed = state.removed_id();
        use_effect_with(removed, move |removed| {
            if removed.is_some() && std::mem::take(&mut *removing.borrow_mut()) {
                if let Some(button) = undo_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let on_entry_action =
        use_callback(props.on_action.clone(), move |action: Action, on_action| {
            if matches!(action, Action::Remove(_)) {
                *removing.borrow_mut() = true;
            }
            on_action.emit(action);
        });
    let undo = {
        let on_action = props.on_action.clone();
        move |_| on_action.emit(Action::Undo)
    };
    // One string for every entry that points to it, not one each.
    let top_full_id = top_full.then(|| AttrValue::from(full_id.clone()));
    html! {
        <section class="mbc-subsection mbc-list" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()} tabindex="-1" ref={props.heading_ref.clone()}>{ pack.ui("list_heading") }</h3>
            if state.removed_id().is_some() {
                <p class="mbc-undo">
                    { pack.ui("removed_announce") }{ " " }
                    <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={undo} ref={undo_ref}>{ pack.ui("undo") }</button>
                </p>
            }
            if state.list().is_empty() {
                <p>{ pack.ui("list_empty") }</p>
            } else {
                <p class="mbc-hint">
                    { count }
                    if top_full {
                        { " " }<span id={full_id.clone()}>{ pack.ui("top3_full") }</span>
                    }
                </p>
                // role="list": Safari drops the list role of a list styled
                // without markers (the numbers are the entries' own text).
                <ol class="mbc-entries" role="list" aria-labelledby={heading}>
                    { for state.list().iter().take(count_shown).enumerate().map(|(index, entry)| {
                        let group_first = index == 0 || state.list().get(index - 1).map(|p| p.top) != Some(entry.top);
                        let group_last = state.list().get(index + 1).map(|n| n.top) != Some(entry.top);
                        html! {
                            <ListEntry key={entry.id} pack={pack.clone()} entry={entry.clone()} number={index + 1}
                                first={group_first} last={group_last}
                                top_full={top_full_id.clone()}
                                moved={moved.filter(|m| m.0 == entry.id).map(|(_, by, n)| (by, n))}
                                on_action={on_entry_action.clone()} prefix={props.prefix.clone()} />
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: u32) -> Vec<Rc<Entry>> {
        (0..n)
            .map(|id| {
                Rc::new(Entry {
                    id,
                    question: None,
                    text: Some(format!("q{id}")),
                    top: false,
                    note: String::new(),
                })
            })
            .collect()
    }

    #[test]
    fn a_long_list_comes_a_chunk_at_a_time() {
        let list = entries(500);
        // First render: nothing before.
        assert_eq!(to_render(&list, &[], 500, None, 50), 50);
        // A task later: one chunk more.
        assert_eq!(to_render(&list, &list[..50], 100, None, 50), 100);
        assert_eq!(to_render(&list, &list[..450], 500, None, 50), 500);
        // A short list at once.
        assert_eq!(to_render(&list[..30], &[], 30, None, 50), 30);
    }

    #[test]
    fn small_changes_keep_the_whole_list_and_a_replace_starts_again() {
        let list = entries(500);
        // One note changed, one entry moved, one removed: all of it.
        let mut changed = list.clone();
        changed[400] = Rc::new(Entry {
            note: "n".into(),
            ..Entry::clone(&list[400])
        });
        changed.swap(10, 11);
        changed.remove(3);
        assert_eq!(to_render(&changed, &list, 499, None, 50), 499);
        // The same list read again (another tab's save): all of it.
        assert_eq!(to_render(&entries(500), &list, 500, None, 50), 500);
        // Another list of 500: a chunk.
        let other: Vec<_> = (0..500)
            .map(|id| {
                Rc::new(Entry {
                    text: Some(format!("other {id}")),
                    ..Entry::clone(&list[id])
                })
            })
            .collect();
        assert_eq!(to_render(&other, &list, 500, None, 50), 50);
        // 200 more at the end of 300 shown: those 300, and a chunk.
        assert_eq!(to_render(&list, &list[..300], 500, None, 50), 350);
    }

    #[test]
    fn the_entry_that_moved_is_always_rendered() {
        let list = entries(500);
        assert_eq!(to_render(&list, &[], 500, Some(480), 50), 481);
        assert_eq!(to_render(&list, &[], 500, Some(3), 50), 50);
    }
}
