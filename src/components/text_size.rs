use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

/// "Larger text": one toggle for the screen and the printed sheet (`large`:
/// it is on). It is part of the saved answers, so it is remembered on this
/// device. A plain view function (see `expander_cue`).
pub fn text_size(pack: &Pack, large: bool, on_action: &Callback<Action>) -> Html {
    let on_action = on_action.clone();
    html! {
        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-textsize"
            aria-pressed={large.to_string()}
            onclick={move |_| on_action.emit(Action::SetLargePrint(!large))}>
            <span aria-hidden="true" class="mbc-textsize__icon">{ "A+" }</span>
            { pack.ui("text_size") }
        </button>
    }
}
