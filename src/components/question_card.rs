use std::rc::Rc;

use yew::prelude::*;

use super::{AddButton, Prose, WhyThis};
use crate::content::Pack;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub pack: Rc<Pack>,
    /// The question's place in `pack.questions`.
    pub at: usize,
    /// The list entry holding this question, if it is in the list.
    pub entry: Option<u32>,
    /// Why it was suggested ("We picked this for you because…"), for a
    /// suggestion.
    #[prop_or_default]
    pub reason: Option<AttrValue>,
    /// The text's element id: `{prefix}-{kind}-{question id}`.
    pub prefix: AttrValue,
    pub kind: &'static str,
    /// Set on the card focus goes to when it is shown (its text takes focus).
    #[prop_or_default]
    pub focus_ref: Option<NodeRef>,
    pub on_action: Callback<Action>,
}

/// One question of the bank or of the suggestions: its text, an "Add"
/// toggle and "Why this?". A component, so adding a question renders again
/// the one card whose toggle changed, not the bank's hundred rows and the
/// suggestions' cards (their props, a few words each, are compared instead).
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let pack = &props.pack;
    let Some(question) = pack.questions.get(props.at) else {
        return Html::default();
    };
    let text_id = AttrValue::from(format!("{}-{}-{}", props.prefix, props.kind, question.id));
    html! {
        <li class="mbc-question">
            <p class="mbc-question__text" id={text_id.clone()}
                tabindex={props.focus_ref.is_some().then_some("-1")}
                ref={props.focus_ref.clone().unwrap_or_default()}><Prose pack={pack.clone()} text={question.text.clone()} /></p>
            <div class="mbc-question__actions">
                <AddButton pack={pack.clone()} question_id={question.id.clone()} entry={props.entry}
                    describedby={text_id.clone()} on_action={props.on_action.clone()} />
                <WhyThis pack={pack.clone()} id={text_id} reason={props.reason.clone()}
                    sources={question.sources.clone()} />
            </div>
        </li>
    }
}
