use std::rc::Rc;

use yew::prelude::*;

use crate::by_id::ById;
use crate::content::Pack;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct AddButtonProps {
    pub pack: Rc<Pack>,
    pub question_id: AttrValue,
    /// The list entry holding this question, if it is in the list.
    pub entry: Option<u32>,
    /// The id of the element holding the question's text.
    pub describedby: AttrValue,
    pub on_action: Callback<Action>,
}

/// The bank questions in the list, each with the id of its entry: what the
/// bank's and the suggestions' `AddButton`s need to know. One pass over the
/// list, then a binary search per row (not a scan of the list per row), and
/// a value that changes only when a bank question comes or goes, so typing
/// a note or moving an entry does not re-render the bank.
pub fn in_list(state: &State) -> Rc<ById<u32>> {
    Rc::new(
        state
            .list()
            .iter()
            .filter_map(|e| Some((e.question.clone()?, e.id)))
            .collect(),
    )
}

/// "Add to my list" as a toggle: pressed once the question is in the list;
/// pressing it again takes it out. It keeps its place and its focus.
#[component]
pub fn AddButton(props: &AddButtonProps) -> Html {
    let on_action = props.on_action.clone();
    let id = props.question_id.to_string();
    let entry = props.entry;
    html! {
        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-add"
            aria-pressed={entry.is_some().to_string()} aria-describedby={props.describedby.clone()}
            onclick={move |_| on_action.emit(match entry {
                Some(entry) => Action::Remove(entry),
                None => Action::AddQuestion(id.clone()),
            })}>
            <span class="mbc-add__mark" aria-hidden="true">{ if entry.is_some() { "✓" } else { "+" } }</span>
            { props.pack.ui("add_question") }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_sees_no_change_when_a_note_changes_or_an_entry_moves() {
        let state = State::default()
            .apply(Action::AddQuestion("q_a".into()))
            .apply(Action::AddOwn("mine".into()))
            .apply(Action::AddQuestion("q_b".into()));
        let seen = in_list(&state);
        assert_eq!(seen.get("q_a"), Some(&0));
        assert_eq!(seen.get("q_b"), Some(&2));
        assert_eq!(seen.len(), 2);
        let noted = state.apply(Action::SetNote {
            id: 0,
            note: "n".into(),
        });
        let moved = noted.apply(Action::Move { id: 2, by: -1 });
        assert_eq!(in_list(&noted), seen);
        assert_eq!(in_list(&moved), seen);
        let removed = moved.apply(Action::Remove(0));
        assert_ne!(in_list(&removed), seen);
        assert_eq!(in_list(&removed).get("q_a"), None);
    }
}
