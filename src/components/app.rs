use std::rc::Rc;

use yew::prelude::*;

use super::{
    ClearDialog, GoalsStep, Guide, GuideMore, LanguageSwitch, Notices, PageFooter, ProfileStep,
    QuestionsStep, ReadyStep, StepNav, StepPager, TreatmentsStep,
};
use crate::announce::announce;
use crate::content::{Lang, Library};
use crate::session::{RestoreNotice, Saving};
use crate::state::{Action, State, Step};

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
    /// Gives the edge a way to change the state from outside (another tab).
    #[prop_or_default]
    pub on_start: Callback<Callback<Action>>,
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
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("mbc"))]
    pub id_prefix: AttrValue,
}

/// The whole widget: the guide, the five steps and the person's list.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = use_state_eq(|| props.lang);
    let state = use_reducer_eq({
        let initial = props.initial.clone();
        move || (*initial).clone()
    });
    let saving = use_state_eq(|| props.saving);
    let announcement = use_state_eq(String::new);
    let clearing = use_state_eq(|| false);
    let restore = use_state_eq(|| props.restore.clone());
    let moved = use_state_eq(|| None::<(u32, i32, u64)>);
    let pack = props.library.pack(*lang);
    // One shared snapshot per state change, so children compare by pointer.
    let current: Rc<State> = use_memo(state.clone(), |s| (**s).clone());

    // Every change goes through here: the reducer decides, and the live
    // region says what happened.
    let on_action = {
        let state = state.clone();
        let announcement = announcement.clone();
        let pack = pack.clone();
        let moved = moved.clone();
        Callback::from(move |action: Action| {
            if let Some(message) = announce(&pack, &state, &action) {
                announcement.set(message);
            }
            if let Action::Move { id, by } = action {
                let count = moved.as_ref().map_or(0, |m| m.2) + 1;
                moved.set(Some((id, by, count)));
            }
            state.dispatch(action);
        })
    };

    {
        let on_start = props.on_start.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| on_start.emit(dispatcher.into()));
    }
    {
        let on_save = props.on_save.clone();
        let saving = saving.clone();
        use_effect_with(current.clone(), move |state| {
            let report = Callback::from(move |s: Saving| saving.set(s));
            on_save.emit((state.clone(), report));
        });
    }

    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
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

    let prefix = props.id_prefix.clone();
    let step = state.step;
    let step_heading_id = format!("{prefix}-step-heading");

    // When the person moves to another step, take focus to its heading so a
    // screen reader starts reading there. Not on the first render.
    let heading_ref = use_node_ref();
    let first_render = use_mut_ref(|| true);
    {
        let heading_ref = heading_ref.clone();
        use_effect_with(step, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let step_body = match step {
        Step::Goals => {
            html! { <GoalsStep pack={pack.clone()} state={current.clone()} on_action={on_action.clone()} prefix={prefix.clone()} /> }
        }
        Step::Profile => {
            html! { <ProfileStep pack={pack.clone()} state={current.clone()} on_action={on_action.clone()} prefix={prefix.clone()} /> }
        }
        Step::Treatments => {
            html! { <TreatmentsStep pack={pack.clone()} state={current.clone()} on_action={on_action.clone()} prefix={prefix.clone()} /> }
        }
        Step::Questions => {
            html! { <QuestionsStep pack={pack.clone()} state={current.clone()} moved={*moved} on_action={on_action.clone()} prefix={prefix.clone()} /> }
        }
        Step::Ready => {
            html! { <ReadyStep pack={pack.clone()} state={current.clone()} on_action={on_action.clone()} prefix={prefix.clone()} /> }
        }
    };

    html! {
        <div class="mbc" lang={lang.code()}>
            <header class="mbc-header">
                <h1 class="mbc-title">{ &pack.meta.title }</h1>
                <p class="mbc-tagline">{ &pack.meta.tagline }</p>
                <LanguageSwitch current={*lang} label={pack.ui("lang_label").to_owned()} on_change={on_lang} />
            </header>
            <Notices pack={pack.clone()} saving={*saving} restore={(*restore).clone()}
                on_restore_choice={on_restore_choice} />
            <Guide pack={pack.clone()} />
            <section class="mbc-journey" aria-labelledby={step_heading_id.clone()}>
                <StepNav pack={pack.clone()} state={current.clone()} on_action={on_action.clone()} prefix={prefix.clone()} />
                <h2 id={step_heading_id} ref={heading_ref} tabindex="-1" class="mbc-step-heading">
                    { pack.ui(step.ui_key()) }
                </h2>
                <p class="mbc-step-intro">{ pack.ui(intro_key(step)) }</p>
                { step_body }
                <StepPager pack={pack.clone()} step={step} on_action={on_action.clone()} />
            </section>
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
            <ClearDialog pack={pack.clone()} open={*clearing} on_close={on_clear} prefix={prefix.clone()} />
            <GuideMore pack={pack.clone()} />
            <PageFooter pack={pack.clone()} />
            <div class="mbc-visually-hidden" role="status" aria-live="polite">{ (*announcement).clone() }</div>
        </div>
    }
}

/// The interface key of the sentence under each step's heading.
fn intro_key(step: Step) -> &'static str {
    match step {
        Step::Goals => "step_goals_intro",
        Step::Profile => "step_profile_intro",
        Step::Treatments => "step_treatments_intro",
        Step::Questions => "step_questions_intro",
        Step::Ready => "ready_intro",
    }
}
