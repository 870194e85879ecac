use std::rc::Rc;

use yew::prelude::*;

use super::{expander_cue, use_staged, QuestionCard};
use crate::by_id::ById;
use crate::content::glossary::search_key;
use crate::content::{Pack, Question};
use crate::state::Action;

/// Not the whole state: a change the bank does not show (a note, a move)
/// leaves these props equal, and the hundred rows are not rendered again.
#[derive(Properties, PartialEq)]
pub struct QuestionBankProps {
    pub pack: Rc<Pack>,
    /// The bank questions in the list, with their entry ids (`add_button::in_list`).
    pub in_list: Rc<ById<u32>>,
    pub show_sensitive: bool,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// The whole question bank, by topic, with a search box, folded behind one
/// expander so step 4 stays short. Sensitive questions appear only once the
/// person has chosen to see them. What the person searches for is neither
/// spellchecked nor remembered by the browser (a shared computer).
///
/// In the browser the folded body comes after the first render, a task
/// later the search box and the topics, then one topic's rows per task
/// (`use_staged`), so entering step 4 (from the step list, or by "Replace
/// my list" with a link saved on step 4) is not one long task building a
/// thousand elements nobody sees yet; the prerendered page has them all.
#[component]
pub fn QuestionBank(props: &QuestionBankProps) -> Html {
    let pack = &props.pack;
    let stage = use_staged(1 + pack.topics.len());
    let query = use_state_eq(String::new);
    let heading = format!("{}-bank", props.prefix);
    let search_id = format!("{}-search", props.prefix);
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let visible = |(_, q): &(usize, &Question)| props.show_sensitive || !q.sensitive;
    let needle = search_key(query.trim());

    let body = if needle.is_empty() {
        html! {
            { for pack.topics.iter().enumerate().map(|(at, topic)| {
                let questions: Vec<(usize, &Question)> = pack.questions.iter().enumerate()
                    .filter(|(_, q)| q.topic == topic.id).filter(visible).collect();
                let count = questions.len();
                html! {
                    <details class="mbc-topic" key={topic.id.clone()}>
                        <summary>{ &topic.title }{ format!(" ({count})") }{ expander_cue(pack) }</summary>
                        <ul class="mbc-questions">
                            if stage > at + 1 {
                                { for questions.into_iter().map(|q| row(props, q)) }
                            }
                        </ul>
                    </details>
                }
            }) }
        }
    } else {
        let found: Vec<(usize, &Question)> = pack
            .questions
            .iter()
            .enumerate()
            .filter(visible)
            .filter(|(_, q)| search_key(&q.text).contains(&needle))
            .collect();
        if found.is_empty() {
            html! { <p role="status">{ pack.ui("search_none") }</p> }
        } else {
            html! {
                <ul class="mbc-questions">{ for found.into_iter().map(|q| row(props, q)) }</ul>
            }
        }
    };

    html! {
        <details class="mbc-more mbc-bank">
            <summary><h3 id={heading}>{ pack.ui("browse_heading") }</h3>{ expander_cue(pack) }</summary>
            if stage > 0 {
                <div class="mbc-field">
                    <label for={search_id.clone()}>{ pack.ui("search_label") }</label>
                    <input type="search" id={search_id} class="mbc-input" spellcheck="false" autocomplete="off"
                        value={(*query).clone()} oninput={on_search} />
                </div>
                { body }
            }
        </details>
    }
}

/// One row: a card whose props change only when its question comes into
/// the list or leaves it.
fn row(props: &QuestionBankProps, (at, question): (usize, &Question)) -> Html {
    html! {
        <QuestionCard key={question.id.as_str()} pack={props.pack.clone()} {at}
            entry={props.in_list.get(&question.id).copied()} prefix={props.prefix.clone()} kind="b"
            on_action={props.on_action.clone()} />
    }
}
