use std::rc::Rc;

use yew::prelude::*;

use super::{
    use_staged, ClearDialog, GuideMore, IncomingChoice, IncomingDialog, Journey, LanguageSwitch,
    Notices, PageFooter, PrintSheet, ShareDialog, TakeAwayRequest, TextSize, UpdateNotice,
};
use crate::announce::announce;
use crate::config::Config;
use crate::content::{Lang, Library, Pack};
use crate::session::{LangFetch, Opened, RestoreNotice, Saving};
use crate::state::{Action, State};
use crate::{about_me, export, qr, share, sheet};

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
    /// Keep the state on this device; the edge reports how it went.
    #[prop_or_default]
    pub on_save: Callback<(Rc<State>, Callback<Saving>)>,
    /// Gives the edge a way to change the state from outside (another tab),
    /// and to say that saving changed there ("Don't save" in another tab).
    #[prop_or_default]
    pub on_start: Callback<(Callback<Action>, Callback<Saving>)>,
    /// Remove everything of the person's from this device.
    #[prop_or_default]
    pub on_clear_device: Callback<()>,
    /// The person's choice about a damaged save: keep the copy (true) or
    /// delete it (false).
    #[prop_or_default]
    pub on_restore_choice: Callback<bool>,
    /// The person turned "Don't save on this device" on (true) or off.
    #[prop_or_default]
    pub on_dont_save: Callback<bool>,
    /// Gives the edge a way to say a new version is ready.
    #[prop_or_default]
    pub on_update_listen: Callback<Callback<()>>,
    /// The person chose to update now.
    #[prop_or_default]
    pub on_update_apply: Callback<()>,
    /// Today, as an ISO date, for the printed sheet and file names.
    #[prop_or_default]
    pub today: AttrValue,
    /// This page's address without its fragment, for share links.
    #[prop_or_default]
    pub page_url: AttrValue,
    /// A share link the page was opened with.
    #[prop_or_default]
    pub opened: Option<Opened>,
    /// Gives the edge a way to show a link opened while the page is open
    /// (pasted into the address bar: only the fragment changes).
    #[prop_or_default]
    pub on_opened_listen: Callback<Callback<Opened>>,
    /// The shared list was taken in or set aside: forget the link.
    #[prop_or_default]
    pub on_opened_done: Callback<()>,
    /// Gives the edge a way to say the browser is about to print (true) or
    /// has printed (false), so the sheet is there for its own print command.
    #[prop_or_default]
    pub on_print_listen: Callback<Callback<bool>>,
    /// Print (the browser's print dialog).
    #[prop_or_default]
    pub on_print: Callback<()>,
    /// Copy text to the clipboard; the edge reports success.
    #[prop_or_default]
    pub on_copy: Callback<(String, Callback<bool>)>,
    /// Save a file: name, contents, media type.
    #[prop_or_default]
    pub on_download: Callback<(String, String, &'static str)>,
    /// Read a picked file's text.
    #[prop_or_default]
    pub on_read_file: Callback<(web_sys::File, Callback<String>)>,
    /// The host named a content pack that could not be used.
    #[prop_or_default]
    pub pack_error: bool,
    /// Fetch a language's pack that the library lacks; the edge reports the
    /// pack, or why it could not.
    #[prop_or_default]
    pub on_fetch_pack: Callback<(Lang, Callback<Result<Pack, String>>)>,
    /// Set when the host's language could not be fetched at start.
    #[prop_or_default]
    pub lang_fetch: Option<LangFetch>,
    /// The host's settings (contact details, saving, namespace…).
    #[prop_or_default]
    pub config: Rc<Config>,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("mbc"))]
    pub id_prefix: AttrValue,
    /// The language shown and its page title, on start and on every switch:
    /// the standalone page follows it (`document.title`, `<html lang>`).
    #[prop_or_default]
    pub on_lang_shown: Callback<(Lang, AttrValue)>,
    /// Everything in view is rendered (the dialogs, folded parts and the
    /// foot of the page follow): the edge may now show this widget in place
    /// of the prerendered page. Emitted once.
    #[prop_or_default]
    pub on_shown: Callback<()>,
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

/// The whole widget: the guide, the five steps and the person's list.
#[component]
pub fn App(props: &AppProps) -> Html {
    let library = use_state_eq(|| props.library.clone());
    let lang = use_state_eq(|| props.lang);
    let lang_fetch = use_state_eq(|| props.lang_fetch);
    let parts = use_staged(part::FOOT);
    {
        let on_shown = props.on_shown.clone();
        use_effect_with(parts >= part::DEVICE, move |&shown| {
            if shown {
                on_shown.emit(());
            }
        });
    }
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || (*initial).clone()
    });
    let saving = use_state_eq(|| props.saving);
    let announcement = use_state_eq(String::new);
    let clearing = use_state_eq(|| false);
    let restore = use_state_eq(|| props.restore.clone());
    let moved = use_state_eq(|| None::<(u32, i32, u64)>);
    let update_ready = use_state_eq(|| false);
    let sharing = use_state_eq(|| false);
    let opened = use_state_eq(|| props.opened.clone());
    // Counts presses of "Print"; the effect below prints once the sheet,
    // with its QR code, is rendered.
    let print_requests = use_state_eq(|| 0u32);
    let printing = use_state_eq(|| false);
    // A language shows only once its pack is at hand.
    let lang_shown = if library.pack(*lang).is_some() {
        *lang
    } else {
        Lang::En
    };
    let pack = library.pack_or_english(lang_shown);
    {
        let on_lang_shown = props.on_lang_shown.clone();
        let title = AttrValue::from(pack.ui("page_title").to_owned());
        use_effect_with((lang_shown, title), move |(lang, title)| {
            on_lang_shown.emit((*lang, title.clone()))
        });
    }
    // One shared snapshot per state change, so children compare by pointer.
    let current: Rc<State> = use_memo(state.clone(), |s| (**s).clone());
    // The printed sheet is built only while printing (our button, or the
    // browser's own print command, which the edge reports): building and
    // diffing it on every keystroke would slow typing in a long list.
    let sheet = use_memo(
        (
            (*printing).then(|| current.clone()),
            lang_shown,
            props.today.clone(),
        ),
        {
            let pack = pack.clone();
            move |(state, _, today)| {
                state.as_ref().map(|s| {
                    let about = (about_me::facts(&pack, s), about_me::to_ask(&pack, s));
                    (sheet::build(&pack, s, today), about)
                })
            }
        },
    );
    // The link and its QR code cost a compression and an encoding: only
    // when the share dialog is open.
    let wants_link = *sharing;
    let link = use_memo(
        (wants_link.then(|| current.clone()), props.page_url.clone()),
        |(state, base)| {
            state.as_ref().map(|s| {
                let link = share::link(base, s);
                let code = qr::qr(&link);
                (link, code)
            })
        },
    );

    // Every change goes through here: the reducer decides, and the live
    // region says what happened.
    // One callback for the whole life of the app: children compare their
    // props, and a new callback on every render would re-render all 300
    // entries of a long list on each keystroke. It reads the latest state and
    // pack through a ref.
    let latest = use_mut_ref(|| (current.clone(), pack.clone(), *moved));
    *latest.borrow_mut() = (current.clone(), pack.clone(), *moved);
    let on_action: Callback<Action> = (*use_memo((), {
        let dispatcher = state.dispatcher();
        let set_announcement = announcement.setter();
        let set_moved = moved.setter();
        let latest = latest.clone();
        move |_| {
            Callback::from(move |action: Action| {
                let (state, pack, moved) = latest.borrow().clone();
                if let Some(message) = announce(&pack, &state, &action) {
                    set_announcement.set(message);
                }
                // An entry that changes place loses focus: say which entry,
                // and which of its buttons takes it back (0: "most important").
                let refocus = match &action {
                    Action::Move { id, by } => Some((*id, *by)),
                    Action::SetTop { id, .. } => Some((*id, 0)),
                    Action::Undo => state.undo.as_ref().map(|(_, e)| (e.id, 0)),
                    _ => None,
                };
                if let Some((id, by)) = refocus {
                    let count = moved.map_or(0, |m| m.2) + 1;
                    set_moved.set(Some((id, by, count)));
                }
                dispatcher.dispatch(action);
            })
        }
    }))
    .clone();

    {
        let on_start = props.on_start.clone();
        let dispatcher = state.dispatcher();
        let set_saving = saving.setter();
        use_effect_with((), move |_| {
            on_start.emit((
                dispatcher.into(),
                Callback::from(move |s| set_saving.set(s)),
            ))
        });
    }
    {
        let listen = props.on_opened_listen.clone();
        let opened = opened.clone();
        use_effect_with((), move |_| {
            listen.emit(Callback::from(move |o: Opened| opened.set(Some(o))))
        });
    }
    {
        let listen = props.on_print_listen.clone();
        let printing = printing.clone();
        use_effect_with((), move |_| {
            listen.emit(Callback::from(move |p: bool| printing.set(p)))
        });
    }
    {
        let listen = props.on_update_listen.clone();
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            listen.emit(Callback::from(move |()| update_ready.set(true)))
        });
    }
    {
        let on_save = props.on_save.clone();
        let saving = saving.clone();
        use_effect_with(current.clone(), move |state| {
            let report = Callback::from(move |s: Saving| saving.set(s));
            on_save.emit((state.clone(), report));
        });
    }

    // A language the wasm does not hold is fetched first; the switch
    // happens when it arrives, and a failure is said, in the language shown.
    let on_lang = {
        let lang = lang.clone();
        let library = library.clone();
        let lang_fetch = lang_fetch.clone();
        let fetch = props.on_fetch_pack.clone();
        Callback::from(move |l: Lang| {
            if library.pack(l).is_some() {
                lang_fetch.set(None);
                lang.set(l);
                return;
            }
            if *lang_fetch == Some(LangFetch::Loading(l)) {
                return;
            }
            lang_fetch.set(Some(LangFetch::Loading(l)));
            let (lang, library, lang_fetch) = (lang.clone(), library.clone(), lang_fetch.clone());
            fetch.emit((
                l,
                Callback::from(move |got: Result<Pack, String>| match got {
                    Ok(pack) => {
                        library.set(Rc::new(library.with_pack(pack)));
                        lang_fetch.set(None);
                        lang.set(l);
                    }
                    Err(_) => lang_fetch.set(Some(LangFetch::Failed(l))),
                }),
            ));
        })
    };
    let on_restore_choice = {
        let restore = restore.clone();
        let cb = props.on_restore_choice.clone();
        Callback::from(move |keep: bool| {
            restore.set(None);
            cb.emit(keep);
        })
    };
    let on_dont_save = {
        let cb = props.on_dont_save.clone();
        let saving = saving.clone();
        Callback::from(move |off: bool| {
            saving.set(if off { Saving::Off } else { Saving::On });
            cb.emit(off);
        })
    };
    let open_clear = {
        let clearing = clearing.clone();
        Callback::from(move |_| clearing.set(true))
    };
    let on_clear = {
        let clearing = clearing.clone();
        let on_action = on_action.clone();
        let on_clear_device = props.on_clear_device.clone();
        let announcement = announcement.clone();
        let done = pack.ui("clear_done").to_owned();
        Callback::from(move |confirmed: bool| {
            clearing.set(false);
            if confirmed {
                on_action.emit(Action::Clear);
                on_clear_device.emit(());
                announcement.set(done.clone());
            }
        })
    };

    {
        let on_print = props.on_print.clone();
        let print_requests = print_requests.clone();
        use_effect_with(*print_requests, move |&n| {
            if n > 0 {
                on_print.emit(());
                print_requests.set(0);
            }
        });
    }
    let on_take = {
        let print_requests = print_requests.clone();
        let sharing = sharing.clone();
        let on_copy = props.on_copy.clone();
        let on_download = props.on_download.clone();
        let announcement = announcement.clone();
        let copied = pack.ui("copied").to_owned();
        let copy_failed = pack.ui("copy_failed").to_owned();
        let today = props.today.clone();
        let page_url = props.page_url.clone();
        let current_state = current.clone();
        let reopen = pack.ui("export_reopen").to_owned();
        let printing = printing.clone();
        let pack = pack.clone();
        Callback::from(move |request: TakeAwayRequest| match request {
            TakeAwayRequest::Print => {
                printing.set(true);
                print_requests.set(*print_requests + 1);
            }
            TakeAwayRequest::Share => sharing.set(true),
            TakeAwayRequest::CopyText => {
                let announcement = announcement.clone();
                let (copied, copy_failed) = (copied.clone(), copy_failed.clone());
                let report = Callback::from(move |ok: bool| {
                    announcement.set(if ok {
                        copied.clone()
                    } else {
                        copy_failed.clone()
                    })
                });
                on_copy.emit((
                    export::plain_text(&sheet::build(&pack, &current_state, &today)),
                    report,
                ));
            }
            // A downloaded file ends with the share link, so "Open a list
            // from a file" can read it back.
            TakeAwayRequest::DownloadText => on_download.emit((
                export::file_name(pack.ui("file_stem"), &today, "txt"),
                format!(
                    "{}\n{}\n{}\n",
                    export::plain_text(&sheet::build(&pack, &current_state, &today)),
                    reopen,
                    share::link(&page_url, &current_state)
                ),
                "text/plain;charset=utf-8",
            )),
        })
    };
    let on_share_copy = {
        let on_copy = props.on_copy.clone();
        let link = link.clone();
        let announcement = announcement.clone();
        let copied = pack.ui("copied").to_owned();
        let copy_failed = pack.ui("copy_failed").to_owned();
        Callback::from(move |()| {
            if let Some((text, _)) = link.as_ref() {
                let announcement = announcement.clone();
                let (copied, copy_failed) = (copied.clone(), copy_failed.clone());
                on_copy.emit((
                    text.clone(),
                    Callback::from(move |ok: bool| {
                        announcement.set(if ok {
                            copied.clone()
                        } else {
                            copy_failed.clone()
                        })
                    }),
                ));
            }
        })
    };
    let on_share_close = {
        let sharing = sharing.clone();
        Callback::from(move |()| sharing.set(false))
    };
    let on_import = {
        let read = props.on_read_file.clone();
        let opened = opened.clone();
        Callback::from(move |file: web_sys::File| {
            let opened = opened.clone();
            read.emit((
                file,
                Callback::from(move |text: String| opened.set(Some(Opened::read(&text, true)))),
            ));
        })
    };
    let on_incoming = {
        let opened = opened.clone();
        let on_action = on_action.clone();
        let done = props.on_opened_done.clone();
        Callback::from(move |choice: IncomingChoice| {
            if let Some(Opened::List(list)) = (*opened).clone() {
                match choice {
                    IncomingChoice::Merge => {
                        on_action.emit(Action::Merge(Box::new((*list).clone())))
                    }
                    IncomingChoice::Replace => {
                        on_action.emit(Action::ReplaceMine(Box::new((*list).clone())))
                    }
                    IncomingChoice::Cancel => {}
                }
            }
            opened.set(None);
            done.emit(());
        })
    };
    let (incoming, incoming_error) = match (*opened).clone() {
        Some(Opened::List(list)) => (Some(list), None),
        Some(Opened::Unreadable(key)) => (None, Some(AttrValue::from(pack.ui(key).to_owned()))),
        None => (None, None),
    };

    let prefix = props.id_prefix.clone();

    html! {
        <div class={classes!("mbc", current.large_print.then_some("mbc--large"))} lang={lang_shown.code()}>
            if parts >= part::HEADER {
            <header class="mbc-header">
                <h1 class="mbc-title">{ &pack.meta.title }</h1>
                <p class="mbc-tagline">{ &pack.meta.tagline }</p>
                <div class="mbc-header__tools no-print">
                    <LanguageSwitch current={lang_shown} label={pack.ui("lang_label").to_owned()} on_change={on_lang} />
                    <TextSize pack={pack.clone()} large={current.large_print} on_action={on_action.clone()} />
                </div>
            </header>
            <super::UrgentHelp pack={pack.clone()} prefix={prefix.clone()} />
            if *update_ready {
                <UpdateNotice pack={pack.clone()} on_apply={props.on_update_apply.clone()} />
            }
            <Notices pack={pack.clone()} saving={*saving} restore={(*restore).clone()} pack_error={props.pack_error}
                lang_fetch={*lang_fetch} on_restore_choice={on_restore_choice} />
            <super::ReplaceUndo pack={pack.clone()} replaced={current.replaced.is_some()} on_action={on_action.clone()} />
            }
            if parts >= part::JOURNEY {
                <Journey pack={pack.clone()} state={current.clone()} moved={*moved} on_action={on_action.clone()}
                    on_take={on_take} on_import={on_import} prefix={prefix.clone()} show_step={parts >= part::STEP} />
            }
            if parts >= part::MORE {
                <GuideMore pack={pack.clone()} prefix={prefix.clone()} />
            }
            if parts >= part::DEVICE {
            <section class="mbc-device no-print" aria-labelledby={format!("{prefix}-device")}>
                <h2 id={format!("{prefix}-device")}>{ pack.ui("device_heading") }</h2>
                <p>
                    <label class="mbc-check">
                        <input type="checkbox" checked={*saving == Saving::Off}
                            disabled={matches!(*saving, Saving::Blocked)}
                            onchange={move |e: Event| {
                                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                on_dont_save.emit(input.checked());
                            }} />
                        { pack.ui("dont_save") }
                    </label>
                </p>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={open_clear}>
                    { pack.ui("clear_button") }
                </button>
            </section>
            }
            if parts >= part::DIALOGS {
            <ClearDialog pack={pack.clone()} open={*clearing} on_close={on_clear} prefix={prefix.clone()} />
            <ShareDialog pack={pack.clone()} open={*sharing}
                link={link.as_ref().as_ref().map(|(l, _)| AttrValue::from(l.clone())).unwrap_or_default()}
                qr={link.as_ref().as_ref().and_then(|(_, q)| q.clone())}
                on_copy={on_share_copy} on_close={on_share_close} prefix={prefix.clone()} />
            <IncomingDialog pack={pack.clone()} mine={incoming.is_some().then(|| current.clone())} incoming={incoming} error={incoming_error}
                on_choose={on_incoming} prefix={prefix.clone()} />
            if let Some((sheet, (facts, to_ask))) = sheet.as_ref() {
            <PrintSheet sheet={sheet.clone()} facts={facts.clone()} to_ask={to_ask.clone()} large={current.large_print}
                about_label={pack.ui("print_about").to_owned()} rest_label={pack.ui("print_rest").to_owned()} />
            }
            }
            if parts >= part::FOOT {
                <PageFooter pack={pack.clone()} config={props.config.clone()} />
            }
            <div class="mbc-visually-hidden" role="status" aria-live="polite">{ (*announcement).clone() }</div>
        </div>
    }
}
