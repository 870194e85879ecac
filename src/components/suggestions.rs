use std::rc::Rc;

use yew::prelude::*;

use super::{AddButton, Prose, SourceNote};
use crate::content::Pack;
use crate::rules::{explain, suggest};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// The questions the tailoring rules pick for this person, each with the
/// reason it was picked.
#[component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let heading = format!("{}-suggestions", props.prefix);
    let suggestions = suggest(pack, &state.answers, state.show_sensitive);
    html! {
        <section class="mbc-subsection" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()}>{ pack.ui("suggestions_heading") }</h3>
            if suggestions.is_empty() {
                <p>{ pack.ui("suggestions_empty") }</p>
            } else {
                <ul class="mbc-questions" aria-labelledby={heading}>
                    { for suggestions.iter().filter_map(|s| {
                        let question = pack.question(&s.question_id)?;
                        let text_id = format!("{}-s-{}", props.prefix, question.id);
                        Some(html! {
                            <li class="mbc-question" key={question.id.clone()}>
                                <p class="mbc-question__text" id={text_id.clone()}><Prose pack={pack.clone()} text={question.text.clone()} /></p>
                                <SourceNote pack={pack.clone()} ids={question.sources.clone()} />
                                <p class="mbc-hint">{ explain(pack, &s.reason) }</p>
                                <AddButton pack={pack.clone()} question_id={question.id.clone()}
                                    added={state.contains_question(&question.id)}
                                    describedby={text_id} on_action={props.on_action.clone()} />
                            </li>
                        })
                    }) }
                </ul>
            }
        </section>
    }
}
