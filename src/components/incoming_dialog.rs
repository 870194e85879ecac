use std::rc::Rc;

use yew::prelude::*;

use super::use_modal;

use crate::content::Pack;
use crate::state::State;

/// How the person wants a shared list taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncomingChoice {
    Merge,
    Replace,
    Cancel,
}

#[derive(Properties, PartialEq)]
pub struct IncomingDialogProps {
    pub pack: Rc<Pack>,
    /// The list a link or file holds; `None` when there is none to show.
    pub incoming: Option<Rc<State>>,
    /// The person's own list, to say what "Replace my list" changes; given
    /// only while a list is shown, so the closed dialog never compares it.
    #[prop_or_default]
    pub mine: Option<Rc<State>>,
    /// Why a link or file could not be read, as a sentence.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_choose: Callback<IncomingChoice>,
    pub prefix: AttrValue,
}

/// A shared list (from a link or a file) is shown, and nothing changes until
/// the person chooses to add it, replace theirs, or leave it. What replacing
/// changes (questions, answers, settings) is said before they choose
/// (`incoming::replace_changes`). A link or file that could not be read is
/// explained in one sentence.
#[component]
pub fn IncomingDialog(props: &IncomingDialogProps) -> Html {
    let open = props.incoming.is_some() || props.error.is_some();
    let dialog = use_modal(open);
    let pack = &props.pack;
    let heading = format!("{}-incoming-title", props.prefix);
    let text_id = format!("{}-incoming-text", props.prefix);
    let choose = |choice: IncomingChoice| {
        let cb = props.on_choose.clone();
        move |_: MouseEvent| cb.emit(choice)
    };
    let on_cancel = {
        let cb = props.on_choose.clone();
        move |_: Event| cb.emit(IncomingChoice::Cancel)
    };
    let summary = props
        .incoming
        .as_ref()
        .map(|s| crate::plural::incoming_count(pack, s.list().len(), s.top_count()));
    let changes = match (&props.mine, &props.incoming) {
        (Some(mine), Some(theirs)) => crate::incoming::replace_changes(pack, mine, theirs),
        _ => Vec::new(),
    };
    let changes_id = format!("{}-incoming-replace", props.prefix);
    html! {
        <dialog ref={dialog} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text_id.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ pack.ui("incoming_title") }</h2>
            if let Some(error) = &props.error {
                <p id={text_id}>{ error.clone() }</p>
                <div class="mbc-actions">
                    <button type="button" class="mbc-button" onclick={choose(IncomingChoice::Cancel)}>{ pack.ui("close") }</button>
                </div>
            } else if let (Some(state), Some(summary)) = (&props.incoming, summary) {
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
