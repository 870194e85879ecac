use std::rc::Rc;

use yew::prelude::*;

use super::{
    clear_dialog, device_settings, incoming_dialog, language_switch, notices, page_footer,
    print_sheet, share_dialog, text_size, update_notice, urgent_help, use_actions, use_device,
    use_effect_on, use_incoming, use_language, use_modal, use_printing, use_staged, use_take_away,
    use_update_ready, AtStart, DeviceSettingsArgs, EdgeHandle, GuideMore, IncomingDialogArgs,
    Journey, NoticesArgs, PrintSheetArgs, ShareDialogArgs, TakeAwayRequest,
};
use crate::config::Config;
use crate::content::{Lang, Library};
use crate::session::{LangFetch, Opened, RestoreNotice, Saving};
use crate::state::State;

/// What the app starts with. What it asks of the browser, and hears from
/// it, goes through one handle, `edge`.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub library: Rc<Library>,
    /// The language to start in (the host's `lang` setting).
    #[prop_or(Lang::En)]
    pub lang: Lang,
    /// What was restored from this device.
    #[prop_or_default]
    pub initial: Rc<State>,
    /// Whether answers are kept on this device, as found at start.
    #[prop_or_default]
    pub saving: Saving,
    /// Set when a saved list could be read only in part.
    #[prop_or_default]
    pub restore: Option<Rc<RestoreNotice>>,
    /// Today, as an ISO date, for the printed sheet and file names.
    #[prop_or_default]
    pub today: AttrValue,
    /// When the list was last saved on this device (an ISO date), as found
    /// at start.
    #[prop_or_default]
    pub saved_on: Option<AttrValue>,
    /// This page's address without its fragment, for share links.
    #[prop_or_default]
    pub page_url: AttrValue,
    /// A share link the page was opened with.
    #[prop_or_default]
    pub opened: Option<Opened>,
    /// The host named a content pack that could not be used.
    #[prop_or_default]
    pub pack_error: bool,
    /// Set when the host's language could not be fetched at start.
    #[prop_or_default]
    pub lang_fetch: Option<LangFetch>,
    /// The host's settings (contact details, saving, namespace…).
    #[prop_or_default]
    pub config: Rc<Config>,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("mbc"))]
    pub id_prefix: AttrValue,
    /// The browser; nothing in the server renderer and native tests.
    #[prop_or_default]
    pub edge: EdgeHandle,
}

/// The takeover in parts (see `use_staged`): each part is rendered in a task
/// of its own, in this order. In the server renderer all are there at once.
mod part {
    /// The live region comes first (the first render also sets Yew up);
    /// then the header and notices,
    pub const HEADER: usize = 1;
    /// the start and the steps: their list and the current step's heading,
    pub const JOURNEY: usize = 2;
    /// then the current step itself,
    pub const STEP: usize = 3;
    /// and the device settings: all that is in view.
    pub const DEVICE: usize = 4;
    /// Then the dialogs (closed, or opened by a link at start),
    pub const DIALOGS: usize = 5;
    /// the folded background reading (its bodies come in parts of their own),
    pub const MORE: usize = 6;
    /// and the foot of the page.
    pub const FOOT: usize = 7;
}

/// The whole widget: the guide, the five steps and the person's list. It
/// holds the reducer and lays the parts out; each concern is a hook of its
/// own: the language (`use_language`), every change (`use_actions`), this
/// device (`use_device`), lists opened from links and files
/// (`use_incoming`), printing (`use_printing`), taking the list away
/// (`use_take_away`) and the update notice (`use_update_ready`).
#[component]
pub fn App(props: &AppProps) -> Html {
    let edge = &props.edge;
    let parts = use_staged(part::FOOT);
    use_effect_on(parts >= part::DEVICE, {
        let edge = edge.clone();
        move |&shown| {
            if shown {
                edge.shown();
            }
        }
    });
    let language = use_language(edge, props.library.clone(), props.lang, props.lang_fetch);
    let pack = language.pack.clone();
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || (*initial).clone()
    });
    // One shared snapshot per state change, so children compare by pointer.
    let current: Rc<State> = use_memo(state.clone(), |s| (**s).clone());
    let announcement = use_state_eq(String::new);
    let say = announcement.setter();
    let (on_action, moved) = use_actions(&state, &current, &pack, say.clone());
    let device = use_device(
        edge,
        AtStart {
            saving: props.saving,
            restore: props.restore.clone(),
            saved_on: props.saved_on.clone(),
            today: props.today.clone(),
        },
        &state,
        &current,
        &on_action,
    );
    let incoming = use_incoming(edge, props.opened.clone(), &on_action);
    let printing = use_printing(
        edge,
        &pack,
        language.shown,
        &current,
        &props.today,
        &props.page_url,
    );
    let take = use_take_away(edge, &pack, &current, props, &printing.print, say);
    let (update_ready, on_update) = use_update_ready(edge);
    // The three dialogs open as modals while their hooks say so, once they
    // are rendered (a link opened with the page asks from the first render).
    let dialogs = parts >= part::DIALOGS;
    let clear_modal = use_modal(dialogs && device.clearing);
    let share_modal = use_modal(dialogs && take.sharing);
    let incoming_modal =
        use_modal(dialogs && (incoming.list.is_some() || incoming.error.is_some()));
    let prefix = props.id_prefix.clone();
    let on_keep_copy = {
        let (offered, take) = (device.on_copy_offered.clone(), take.on_take.clone());
        Callback::from(move |request: Option<super::TakeAwayRequest>| {
            offered.emit(());
            if let Some(request) = request {
                take.emit(request);
            }
        })
    };

    html! {
        <div class={classes!("mbc", current.large_print.then_some("mbc--large"))} lang={language.shown.code()}>
            if parts >= part::HEADER {
            <header class="mbc-header">
                <h1 class="mbc-title">{ &pack.meta.title }</h1>
                <p class="mbc-tagline">{ &pack.meta.tagline }</p>
                <div class="mbc-header__tools no-print">
                    { language_switch(language.shown, pack.ui("lang_label"), &language.on_change) }
                    { text_size(&pack, current.large_print, &on_action) }
                </div>
            </header>
            { urgent_help(&pack, &prefix) }
            if update_ready {
                { update_notice(&pack, &on_update) }
            }
            { notices(NoticesArgs {
                pack: &pack,
                saving: device.saving,
                restore: device.restore.as_deref(),
                pack_error: props.pack_error,
                lang_fetch: language.fetch,
                on_restore_choice: &device.on_restore_choice,
                offer_copy: device.offer_copy,
                on_keep_copy: &on_keep_copy,
            }) }
            <super::ReplaceUndo pack={pack.clone()} replaced={current.can_undo_replace()} on_action={on_action.clone()} />
            }
            if parts >= part::JOURNEY {
                <Journey pack={pack.clone()} state={current.clone()} {moved} on_action={on_action.clone()}
                    on_take={take.on_take.clone()} on_import={incoming.on_import} prefix={prefix.clone()} show_step={parts >= part::STEP} />
            }
            if parts >= part::MORE {
                <GuideMore pack={pack.clone()} prefix={prefix.clone()} />
            }
            if parts >= part::DEVICE {
                { device_settings(DeviceSettingsArgs {
                    pack: &pack,
                    saving: device.saving,
                    saved_on: device.saved_on.as_deref(),
                    on_dont_save: &device.on_dont_save,
                    on_clear: &device.on_clear_open,
                    prefix: &prefix,
                }) }
            }
            if dialogs {
            { clear_dialog(&pack, &clear_modal, &device.on_clear, &prefix) }
            { share_dialog(ShareDialogArgs {
                pack: &pack,
                dialog: &share_modal,
                open: take.sharing,
                link: take.link.as_ref().and_then(|l| l.link.as_deref()).unwrap_or_default(),
                qr: take.link.as_ref().and_then(|l| l.qr.as_ref()),
                unsupported: take.unsupported,
                on_copy: &take.on_share_copy,
                on_copy_text: &take.on_take.reform(|()| TakeAwayRequest::CopyText),
                on_download_text: &take.on_take.reform(|()| TakeAwayRequest::DownloadText),
                on_close: &take.on_share_close,
                prefix: &prefix,
            }) }
            { incoming_dialog(IncomingDialogArgs {
                pack: &pack,
                dialog: &incoming_modal,
                incoming: incoming.list.as_deref(),
                mine: &current,
                error: incoming.error.map(|key| pack.ui(key)),
                on_choose: &incoming.on_choose,
                prefix: &prefix,
            }) }
            }
            // The sheet whenever printing, whatever part the takeover has
            // reached: the widget shows (and tests and hosts see
            // `data-ready`) after the device part, and a print then must
            // not find the sheet still to come.
            if let Some((sheet, to_ask, qr)) = printing.sheet.as_ref() {
                { print_sheet(PrintSheetArgs {
                    sheet,
                    to_ask,
                    large: current.large_print,
                    qr: qr.as_ref(),
                    qr_label: pack.ui("share_qr_label"),
                    about_label: pack.ui("print_about"),
                    rest_label: pack.ui("print_rest"),
                }) }
            }
            if parts >= part::FOOT {
                { page_footer(&pack, &props.config) }
            }
            <div class="mbc-visually-hidden" role="status" aria-live="polite">{ (*announcement).clone() }</div>
        </div>
    }
}
