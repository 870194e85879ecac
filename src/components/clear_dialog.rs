use yew::prelude::*;

use crate::content::Pack;

/// "Clear everything on this device?" as a modal dialog: the browser's own
/// `<dialog>` keeps focus inside, closes on Escape and returns focus to the
/// button that opened it. `dialog` is the `use_modal` ref that opens it (a
/// hook of `App`'s); `on_close` hears true (clear everything) or false
/// (keep it). A plain view function (see `expander_cue`).
pub fn clear_dialog(
    pack: &Pack,
    dialog: &NodeRef,
    on_close: &Callback<bool>,
    prefix: &str,
) -> Html {
    let heading = format!("{prefix}-clear-title");
    let text = format!("{prefix}-clear-text");
    let answer = |yes: bool| {
        let cb = on_close.clone();
        move |_| cb.emit(yes)
    };
    // Escape closes the dialog without a click: report it as "keep".
    let on_cancel = {
        let cb = on_close.clone();
        move |_: Event| cb.emit(false)
    };
    html! {
        <dialog ref={dialog.clone()} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ pack.ui("clear_button") }</h2>
            <p id={text}>{ pack.ui("clear_text") }</p>
            <div class="mbc-actions">
                <button type="button" class="mbc-button mbc-button--quiet" onclick={answer(false)}>
                    { pack.ui("clear_cancel") }
                </button>
                <button type="button" class="mbc-button" onclick={answer(true)}>
                    { pack.ui("clear_confirm") }
                </button>
            </div>
        </dialog>
    }
}
