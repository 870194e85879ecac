use std::rc::Rc;

use yew::prelude::*;

use super::use_modal;

use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct ClearDialogProps {
    pub pack: Rc<Pack>,
    pub open: bool,
    /// true: clear everything; false: keep it.
    pub on_close: Callback<bool>,
    pub prefix: AttrValue,
}

/// "Clear everything on this device?" as a modal dialog: the browser's own
/// `<dialog>` keeps focus inside, closes on Escape and returns focus to the
/// button that opened it.
#[component]
pub fn ClearDialog(props: &ClearDialogProps) -> Html {
    let dialog = use_modal(props.open);
    let heading = format!("{}-clear-title", props.prefix);
    let text = format!("{}-clear-text", props.prefix);
    let answer = |yes: bool| {
        let cb = props.on_close.clone();
        move |_| cb.emit(yes)
    };
    // Escape closes the dialog without a click: report it as "keep".
    let on_cancel = {
        let cb = props.on_close.clone();
        move |_: Event| cb.emit(false)
    };
    html! {
        <dialog ref={dialog} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ props.pack.ui("clear_button") }</h2>
            <p id={text}>{ props.pack.ui("clear_text") }</p>
            <div class="mbc-actions">
                <button type="button" class="mbc-button mbc-button--quiet" onclick={answer(false)}>
                    { props.pack.ui("clear_cancel") }
                </button>
                <button type="button" class="mbc-button" onclick={answer(true)}>
                    { props.pack.ui("clear_confirm") }
                </button>
            </div>
        </dialog>
    }
}
