//! The widget's components, view functions and hooks, one per file. Each
//! component takes props and emits callbacks; none reaches for global
//! state. A part with no state of its own is a plain view function
//! (`fn name(..) -> Html`, its arguments in, callbacks out), called from its
//! parent: each `#[component]` costs the wasm its own copy of Yew's
//! lifecycle code (docs/SIZE.md, session 3). `App`'s hooks
//! reach the browser only through the edge (`edge.rs`), one handle.
//! The only browser calls here are focus moves and opening a dialog, inside
//! effects, which never run during prerendering.

mod add_button;
mod app;
mod check_answers;
mod clear_dialog;
mod device_settings;
mod edge;
mod expander_cue;
mod glossary_list;
mod glossary_term;
mod goals_step;
mod guide_more;
mod incoming_dialog;
mod journey;
mod language_switch;
mod list_entry;
mod my_list;
mod notices;
mod own_question;
mod page_footer;
mod print_sheet;
mod profile_step;
mod prose;
mod qr_figure;
mod question_bank;
mod question_card;
mod questions_step;
mod ready_step;
mod replace_undo;
mod share_dialog;
mod source_note;
mod step_nav;
mod step_pager;
mod suggestions;
mod take_away;
mod text_size;
mod treatments_step;
mod update_notice;
mod urgent_help;
mod use_actions;
mod use_device;
mod use_effect_on;
mod use_incoming;
mod use_language;
mod use_modal;
mod use_printing;
mod use_share_link;
mod use_staged;
mod use_take_away;
mod use_update_ready;
mod why_this;

pub use add_button::{in_list, AddButton};
pub use app::{App, AppProps};
pub use check_answers::CheckAnswers;
pub use clear_dialog::clear_dialog;
pub use device_settings::{device_settings, DeviceSettingsArgs};
pub use edge::{Edge, EdgeHandle, NoEdge};
pub use expander_cue::expander_cue;
pub use glossary_list::glossary_list;
pub use glossary_term::GlossaryTerm;
pub use goals_step::goals_step;
pub use guide_more::GuideMore;
pub use incoming_dialog::{incoming_dialog, IncomingChoice, IncomingDialogArgs};
pub use journey::Journey;
pub use language_switch::language_switch;
pub use list_entry::ListEntry;
pub use my_list::MyList;
pub use notices::{notices, NoticesArgs};
pub use own_question::OwnQuestion;
pub use page_footer::page_footer;
pub use print_sheet::{print_sheet, PrintSheetArgs};
pub use profile_step::profile_step;
pub use prose::Prose;
pub use qr_figure::qr_figure;
pub use question_bank::QuestionBank;
pub use question_card::QuestionCard;
pub use questions_step::{questions_step, QuestionsStepArgs};
pub use ready_step::ReadyStep;
pub use replace_undo::ReplaceUndo;
pub use share_dialog::{share_dialog, ShareDialogArgs};
pub use source_note::source_note;
pub use step_nav::StepNav;
pub use step_pager::step_pager;
pub use suggestions::Suggestions;
pub use take_away::{take_away, TakeAwayArgs, TakeAwayRequest};
pub use text_size::text_size;
pub use treatments_step::treatments_step;
pub use update_notice::update_notice;
pub use urgent_help::urgent_help;
pub use use_actions::{use_actions, Moved};
pub use use_device::{use_device, AtStart, Device};
pub use use_effect_on::use_effect_on;
pub use use_incoming::{use_incoming, Incoming};
pub use use_language::{use_language, Language};
pub use use_modal::use_modal;
pub use use_printing::{use_printing, Printing, SheetParts};
pub use use_share_link::{use_share_link, ShareLink};
pub use use_staged::use_staged;
pub use use_take_away::{use_take_away, Taking};
pub use use_update_ready::use_update_ready;
pub use why_this::WhyThis;

/// Renders a view function's `Html` (or any `html!`) on its own through
/// Yew's server renderer, as plain HTML: for the native tests, which render
/// view functions the way they render components.
#[cfg(feature = "ssr")]
pub async fn render_view(html: yew::Html) -> String {
    yew::LocalServerRenderer::<View>::with_props(ViewProps { html })
        .hydratable(false)
        .render()
        .await
}

#[cfg(feature = "ssr")]
#[derive(yew::Properties, PartialEq)]
struct ViewProps {
    html: yew::Html,
}

#[cfg(feature = "ssr")]
#[yew::component]
fn View(props: &ViewProps) -> yew::Html {
    props.html.clone()
}
