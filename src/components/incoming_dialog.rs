use yew::prelude::*;

use crate::content::Pack;
use crate::state::State;

/// How the person wants a shared list taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncomingChoice {
    Merge,
    Replace,
    Cancel,
}

/// What `incoming_dialog` shows and where it reports.
pub struct IncomingDialogArgs<'a> {
    pub pack: &'a Pack,
    /// The `use_modal` ref that opens it (a hook of `App`'s), open while
    /// there is a list or an error to show.
    pub dialog: &'a NodeRef,
    /// The list a link or file holds; `None` when there is none to show.
    pub incoming: Option<&'a State>,
    /// The person's own list, to say what "Replace my list" changes.
    pub mine: &'a State,
    /// Why a link or file could not be read, as a sentence.
    pub error: Option<&'a str>,
    pub on_choose: &'a Callback<IncomingChoice>,
    pub prefix: &'a str,
}

/// A shared list (from a link or a file) is shown, and nothing changes until
/// the person chooses to add it, replace theirs, or leave it. What replacing
/// changes (questions, answers, settings) is said before they choose
/// (`incoming::replace_changes`). A link or file that could not be read is
/// explained in one sentence. A plain view function (see `expander_cue`).
pub fn incoming_dialog(args: IncomingDialogArgs<'_>) -> Html {
    let pack = args.pack;
    let heading = format!("{}-incoming-title", args.prefix);
    let text_id = format!("{}-incoming-text", args.prefix);
    let choose = |choice: IncomingChoice| {
        let cb = args.on_choose.clone();
        move |_: MouseEvent| cb.emit(choice)
    };
    let on_cancel = {
        let cb = args.on_choose.clone();
        move |_: Event| cb.emit(IncomingChoice::Cancel)
    };
    let summary = args
        .incoming
        .map(|s| crate::plural::incoming_count(pack, s.list().len(), s.top_count()));
    let changes = match args.incoming {
        Some(theirs) => crate::incoming::replace_changes(pack, args.mine, theirs),
        None => Vec::new(),
    };
    let changes_id = format!("{}-incoming-replace", args.prefix);
    html! {
        <dialog ref={args.dialog.clone()} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text_id.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ pack.ui("incoming_title") }</h2>
            if let Some(error) = args.error {
                <p id={text_id}>{ error }</p>
                <div class="mbc-actions">
                    <button type="button" class="mbc-button" onclick={choose(IncomingChoice::Cancel)}>{ pack.ui("close") }</button>
                </div>
            } else if let (Some(state), Some(summary)) = (args.incoming, summary) {
                <p id={text_id}>{ summary }</p>
                <ol class="mbc-incoming__list">
                    { for state.list().iter().take(5).map(|e| html! {
                        <li>{ e.text.clone().or_else(|| e.question.as_deref().and_then(|q| pack.question(q)).map(|q| q.text.clone())).unwrap_or_default() }</li>
                    }) }
                </ol>
                <p>{ pack.ui("incoming_replace_heading") }</p>
                <ul id={changes_id.clone()}>
                    { for changes.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
                <div class="mbc-actions">
                    <button type="button" class="mbc-button" onclick={choose(IncomingChoice::Merge)}>{ pack.ui("incoming_merge") }</button>
                    <button type="button" class="mbc-button mbc-button--quiet" onclick={choose(IncomingChoice::Replace)}
                        aria-describedby={changes_id}>{ pack.ui("incoming_replace") }</button>
                    <button type="button" class="mbc-button mbc-button--quiet" onclick={choose(IncomingChoice::Cancel)}>{ pack.ui("incoming_cancel") }</button>
                </div>
            }
        </dialog>
    }
}
