use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

/// What the person asked the edge to do with their list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeAwayRequest {
    Print,
    CopyText,
    DownloadText,
    DownloadMarkdown,
    Share,
}

#[derive(Properties, PartialEq)]
pub struct TakeAwayProps {
    pub pack: Rc<Pack>,
    pub large_print: bool,
    pub on_request: Callback<TakeAwayRequest>,
    pub on_action: Callback<Action>,
    /// A file the person picked to open (an export or a saved list).
    pub on_import: Callback<web_sys::File>,
    pub prefix: AttrValue,
}

/// Taking the list to the appointment: print it, copy or download it, move
/// it to another device, or open one from a file.
#[component]
pub fn TakeAway(props: &TakeAwayProps) -> Html {
    let pack = &props.pack;
    let heading = format!("{}-take", props.prefix);
    let import_id = format!("{}-import", props.prefix);
    let ask = |request: TakeAwayRequest| {
        let cb = props.on_request.clone();
        move |_| cb.emit(request)
    };
    let on_large = {
        let on_action = props.on_action.clone();
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::SetLargePrint(input.checked()));
        }
    };
    let on_file = {
        let on_import = props.on_import.clone();
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit(file);
            }
            input.set_value("");
        }
    };
    html! {
        <section class="mbc-take no-print" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ pack.ui("take_heading") }</h2>
            <div class="mbc-entry__actions">
                <button type="button" class="mbc-button" onclick={ask(TakeAwayRequest::Print)}>
                    { pack.ui("print_button") }
                </button>
                <label class="mbc-check">
                    <input type="checkbox" checked={props.large_print} onchange={on_large} />
                    { pack.ui("large_print") }
                </label>
            </div>
            <div class="mbc-entry__actions">
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::CopyText)}>
                    { pack.ui("copy_text") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::DownloadText)}>
                    { pack.ui("download_txt") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::DownloadMarkdown)}>
                    { pack.ui("download_md") }
                </button>
            </div>
            <div class="mbc-entry__actions">
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::Share)}>
                    { pack.ui("share_button") }
                </button>
            </div>
            <div class="mbc-field">
                <label for={import_id.clone()}>{ pack.ui("import_label") }</label>
                <input type="file" id={import_id} class="mbc-input" accept=".txt,.md,.json,text/plain,application/json"
                    onchange={on_file} />
            </div>
        </section>
    }
}
