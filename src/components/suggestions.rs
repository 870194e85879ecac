use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, QuestionCard};
use crate::answers::Answers;
use crate::by_id::ById;
use crate::content::{fill, Pack};
use crate::rules::{explain, suggest, SHOWN_FIRST};
use crate::state::Action;

/// Not the whole state: what the rules read, and which bank questions are
/// in the list. A note or a move leaves these equal and skips the render.
#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    pub pack: Rc<Pack>,
    pub answers: Answers,
    pub show_sensitive: bool,
    /// The bank questions in the list, with their entry ids (`add_button::in_list`).
    pub in_list: Rc<ById<u32>>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// The questions the tailoring rules pick for this person, best first: the
/// first few, then the rest on request. Each card is the question, an "Add"
/// toggle and "Why this?" (the reason and the sources).
#[component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let pack = &props.pack;
    let all = use_state_eq(bool::default);
    let heading = format!("{}-suggestions", props.prefix);
    let suggestions = suggest(pack, &props.answers, props.show_sensitive);
    let hidden = if *all {
        0
    } else {
        suggestions.len().saturating_sub(SHOWN_FIRST)
    };
    let show_all = {
        let all = all.clone();
        move |_| all.set(true)
    };
    // The button goes once pressed: focus moves to the first card it showed.
    let first_more = use_node_ref();
    {
        let first_more = first_more.clone();
        use_effect_on(*all, move |&all| {
            if all {
                if let Some(card) = first_more.cast::<web_sys::HtmlElement>() {
                    let _ = card.focus();
                }
            }
        });
    }
    html! {
        <section class="mbc-subsection" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()}>{ pack.ui("suggestions_heading") }</h3>
            if suggestions.is_empty() {
                <p>{ pack.ui("suggestions_empty") }</p>
            } else {
                <ul class="mbc-questions" aria-labelledby={heading}>
                    { for suggestions.iter().take(suggestions.len() - hidden).enumerate().filter_map(|(i, s)| {
                        let at = pack.questions.iter().position(|q| q.id == s.question_id)?;
                        Some(html! {
                            <QuestionCard key={s.question_id.as_str()} pack={pack.clone()} {at}
                                entry={props.in_list.get(&s.question_id).copied()}
                                reason={Some(AttrValue::from(explain(pack, &s.reason)))}
                                prefix={props.prefix.clone()} kind="s"
                                focus_ref={(i == SHOWN_FIRST).then(|| first_more.clone())}
                                on_action={props.on_action.clone()} />
                        })
                    }) }
                </ul>
                if hidden > 0 {
                    <button type="button" class="mbc-button mbc-button--quiet" onclick={show_all}>
                        { fill(pack.ui_counted("show_more", hidden), &[("count", &hidden.to_string())]) }
                    </button>
                }
            }
        </section>
    }
}
