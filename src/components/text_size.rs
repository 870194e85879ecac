use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct TextSizeProps {
    pub pack: Rc<Pack>,
    /// Larger text is on (on screen and on paper).
    pub large: bool,
    pub on_action: Callback<Action>,
}

/// "Larger text": one toggle for the screen and the printed sheet. It is
/// part of the saved answers, so it is remembered on this device.
#[component]
pub fn TextSize(props: &TextSizeProps) -> Html {
    let on_action = props.on_action.clone();
    let large = props.large;
    html! {
        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-textsize"
            aria-pressed={large.to_string()}
            onclick={move |_| on_action.emit(Action::SetLargePrint(!large))}>
            <span aria-hidden="true" class="mbc-textsize__icon">{ "A+" }</span>
            { props.pack.ui("text_size") }
        </button>
    }
}
