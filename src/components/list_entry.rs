use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, Prose};
use crate::content::Pack;
use crate::state::{Action, Entry, MAX_QUESTION_CHARS};

#[derive(Properties, PartialEq)]
pub struct ListEntryProps {
    pub pack: Rc<Pack>,
    /// Shared with the state: unchanged entries compare by pointer.
    pub entry: Rc<Entry>,
    /// Its place in the list, from 1. Shown as text, not as the list's own
    /// marker: a marker makes the browser renumber, and lay out again,
    /// every entry after one that moves.
    pub number: usize,
    /// First in its group (most important, or the rest): cannot move up.
    pub first: bool,
    /// Last in its group: cannot move down.
    pub last: bool,
    /// Three questions are already marked most important: the id of the
    /// sentence that says so, once, above the list.
    #[prop_or_default]
    pub top_full: Option<AttrValue>,
    /// Set right after this entry changed place: which way it moved (-1 up,
    /// +1 down, 0 marked, unmarked or put back), and a count that makes each
    /// change distinct. Focus follows to the matching button.
    #[prop_or_default]
    pub moved: Option<(i32, u64)>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// One question in the person's list.
#[component]
pub fn ListEntry(props: &ListEntryProps) -> Html {
    let pack = &props.pack;
    let entry = &props.entry;
    let id = entry.id;
    let editing = use_state_eq(bool::default);
    // "Add a note" opens the note box; a note that has text is always open.
    let noting = use_state_eq(bool::default);
    let note_ref = use_node_ref();
    let draft = use_state_eq(String::new);
    let base = format!("{}-e{}", props.prefix, id);
    let text_id = format!("{base}-text");
    let note_id = format!("{base}-note");
    let edit_id = format!("{base}-edit");
    let up_ref = use_node_ref();
    let down_ref = use_node_ref();
    let top_ref = use_node_ref();
    let edit_ref = use_node_ref();
    let input_ref = use_node_ref();
    {
        // Moving re-inserts the entry's element, which drops focus; give it
        // back to the button the person pressed.
        let (up, down, top) = (up_ref.clone(), down_ref.clone(), top_ref.clone());
        use_effect_with(props.moved, move |moved| match moved {
            Some((by, _)) if *by < 0 => focus(&up),
            Some((0, _)) => focus(&top),
            Some(_) => focus(&down),
            None => {}
        });
    }
    {
        let note_ref = note_ref.clone();
        use_effect_on(*noting, move |&now| {
            if now {
                focus(&note_ref);
            }
        });
    }
    {
        // Into the text box when editing starts; back to "Edit" when it ends.
        let (edit, input) = (edit_ref.clone(), input_ref.clone());
        let was_editing = use_mut_ref(bool::default);
        use_effect_on(*editing, move |&now| {
            let before = std::mem::replace(&mut *was_editing.borrow_mut(), now);
            if now {
                focus(&input);
            } else if before {
                focus(&edit);
            }
        });
    }
    let text = entry
        .text
        .clone()
        .or_else(|| {
            entry
                .question
                .as_deref()
                .and_then(|q| pack.question(q))
                .map(|q| q.text.clone())
        })
        .unwrap_or_default();

    let act = |action: Action| {
        let on_action = props.on_action.clone();
        move |_: MouseEvent| on_action.emit(action.clone())
    };
    let start_edit = {
        let editing = editing.clone();
        let draft = draft.clone();
        let text = text.clone();
        move |_: MouseEvent| {
            draft.set(text.clone());
            editing.set(true);
        }
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let save = {
        let editing = editing.clone();
        let draft = draft.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |()| {
            on_action.emit(Action::Edit {
                id,
                text: (*draft).clone(),
            });
            editing.set(false);
        })
    };
    let save_edit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save.emit(());
        })
    };
    let on_edit_key = super::own_question::enter_submits(save.clone());
    let open_note = {
        let noting = noting.clone();
        move |_: MouseEvent| noting.set(true)
    };
    let cancel_edit = {
        let editing = editing.clone();
        move |_: MouseEvent| editing.set(false)
    };
    let on_note = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on_action.emit(Action::SetNote {
                id,
                note: area.value(),
            });
        })
    };
    let top_blocked = if entry.top {
        None
    } else {
        props.top_full.clone()
    };
    let show_note = *noting || !entry.note.is_empty();

    html! {
        <li class={classes!("mbc-entry", entry.top.then_some("mbc-entry--top"))}>
            <span class="mbc-entry__num" aria-hidden="true">{ format!("{}. ", props.number) }</span>
            if *editing {
                <form class="mbc-entry__edit" onsubmit={save_edit}>
                    <label for={edit_id.clone()}>{ pack.ui("edit") }</label>
                    <textarea id={edit_id} class="mbc-textarea" rows="3" spellcheck="false" autocomplete="off" value={(*draft).clone()} ref={input_ref}
                        oninput={on_draft} onkeydown={on_edit_key} maxlength={MAX_QUESTION_CHARS.to_string()} />
                    <div class="mbc-entry__actions">
                        <button type="button" class="mbc-button mbc-button--small" onclick={{
                            let save = save.clone();
                            move |_| save.emit(())
                        }}>{ pack.ui("save") }</button>
                        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={cancel_edit}>{ pack.ui("cancel") }</button>
                    </div>
                </form>
            } else {
                <p class="mbc-entry__text" id={text_id.clone()}>
                    if entry.top { <span class="mbc-star" aria-hidden="true">{ "★ " }</span> }
                    <Prose pack={pack.clone()} text={text} />
                </p>
            }
            <div class="mbc-entry__actions no-print">
                // aria-disabled, not disabled: a button that stops working under
                // the keyboard keeps its focus, and the reducer ignores the press.
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-top" ref={top_ref}
                    aria-describedby={match &top_blocked { Some(full) => format!("{text_id} {full}"), None => text_id.clone() }}
                    aria-pressed={entry.top.to_string()} aria-disabled={top_blocked.is_some().then_some("true")}
                    onclick={act(Action::SetTop { id, top: !entry.top })}>
                    <span class="mbc-top__star" aria-hidden="true">{ if entry.top { "★" } else { "☆" } }</span>
                    { pack.ui("top3_toggle") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" ref={up_ref}
                    aria-describedby={text_id.clone()} aria-disabled={props.first.then_some("true")}
                    aria-label={pack.ui("move_up").to_owned()} title={pack.ui("move_up").to_owned()}
                    onclick={act(Action::Move { id, by: -1 })}><span aria-hidden="true">{ "↑" }</span></button>
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" ref={down_ref}
                    aria-describedby={text_id.clone()} aria-disabled={props.last.then_some("true")}
                    aria-label={pack.ui("move_down").to_owned()} title={pack.ui("move_down").to_owned()}
                    onclick={act(Action::Move { id, by: 1 })}><span aria-hidden="true">{ "↓" }</span></button>
                if !*editing {
                    <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" ref={edit_ref}
                        aria-describedby={text_id.clone()} onclick={start_edit}>{ pack.ui("edit") }</button>
                }
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small"
                    aria-describedby={text_id.clone()} onclick={act(Action::Remove(id))}>{ pack.ui("remove") }</button>
                if !show_note {
                    <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-note-add"
                        aria-describedby={text_id.clone()} onclick={open_note}>
                        <span aria-hidden="true">{ "+ " }</span>{ pack.ui("note_add") }
                    </button>
                }
            </div>
            if show_note {
                <div class="mbc-field">
                    <label for={note_id.clone()}>{ pack.ui("note_label") }</label>
                    <textarea id={note_id} class="mbc-textarea" rows="2" spellcheck="false" autocomplete="off" value={entry.note.clone()} oninput={on_note}
                        ref={note_ref} />
                </div>
            }
        </li>
    }
}
