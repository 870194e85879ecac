//! The widget's components, one per file, and two hooks (`use_modal`,
//! `use_staged`). Each takes props and emits callbacks; none reaches for
//! global state. The only browser calls here
//! are focus moves and opening a dialog, inside effects, which never run
//! during prerendering.

mod add_button;
mod app;
mod check_answers;
mod clear_dialog;
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
mod question_bank;
mod questions_step;
mod ready_step;
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
mod use_modal;
mod use_staged;
mod why_this;

pub use add_button::{in_list, AddButton};
pub use app::{App, AppProps};
pub use check_answers::CheckAnswers;
pub use clear_dialog::ClearDialog;
pub use expander_cue::ExpanderCue;
pub use glossary_list::GlossaryList;
pub use glossary_term::GlossaryTerm;
pub use goals_step::GoalsStep;
pub use guide_more::GuideMore;
pub use incoming_dialog::{IncomingChoice, IncomingDialog};
pub use journey::Journey;
pub use language_switch::LanguageSwitch;
pub use list_entry::ListEntry;
pub use my_list::MyList;
pub use notices::Notices;
pub use own_question::OwnQuestion;
pub use page_footer::PageFooter;
pub use print_sheet::PrintSheet;
pub use profile_step::ProfileStep;
pub use prose::Prose;
pub use question_bank::QuestionBank;
pub use questions_step::QuestionsStep;
pub use ready_step::ReadyStep;
pub use share_dialog::ShareDialog;
pub use source_note::SourceNote;
pub use step_nav::StepNav;
pub use step_pager::StepPager;
pub use suggestions::Suggestions;
pub use take_away::{TakeAway, TakeAwayRequest};
pub use text_size::TextSize;
pub use treatments_step::TreatmentsStep;
pub use update_notice::UpdateNotice;
pub use urgent_help::UrgentHelp;
pub use use_modal::use_modal;
pub use use_staged::use_staged;
pub use why_this::WhyThis;
