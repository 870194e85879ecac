use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ReplaceUndoProps {
    pub pack: Rc<Pack>,
    /// The person has just replaced their list (`State::replaced`).
    pub replaced: bool,
    pub on_action: Callback<Action>,
}

/// Right after "Replace my list": "Your list was replaced." and an Undo
/// button, which takes focus, as "Remove" in the list does. After Undo,
/// "Your list is back as it was." takes its place and focus. The live
/// region says each (`announce`); this line is not a live region, so it is
/// not said twice.
#[component]
pub fn ReplaceUndo(props: &ReplaceUndoProps) -> Html {
    let pack = &props.pack;
    let undone = use_state(bool::default);
    let target = use_node_ref();
    {
        // Whichever line shows takes focus, once the dialog that was open
        // has closed and given focus back (a task later).
        let target = target.clone();
        let undone = undone.clone();
        let shown = (props.replaced, *undone);
        use_effect_with(shown, move |&(replaced, was_undone)| {
            if replaced && was_undone {
                // Replaced again since: the Undo line is back.
                undone.set(false);
            }
            if replaced || was_undone {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                        let _ = element.focus();
                    }
                });
            }
        });
    }
    if props.replaced {
        let on_undo = {
            let on_action = props.on_action.clone();
            let undone = undone.clone();
            move |_| {
                undone.set(true);
                on_action.emit(Action::UndoReplace);
            }
        };
        html! {
            <p class="mbc-notice mbc-undo no-print">
                { pack.ui("replaced_announce") }{ " " }
                <button type="button" class="mbc-button mbc-button--small" onclick={on_undo} ref={target}>
                    { pack.ui("undo") }
                </button>
            </p>
        }
    } else if *undone {
        html! {
            <p class="mbc-notice no-print" tabindex="-1" ref={target}>{ pack.ui("replace_undone") }</p>
        }
    } else {
        html! {}
    }
}
