use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GlossaryTermProps {
    /// The word as it appears in the text.
    pub word: AttrValue,
    /// Its plain explanation.
    pub meaning: AttrValue,
    /// "What does this mean?", for the button's description.
    pub show_label: AttrValue,
}

/// A medical word that opens its plain explanation right after itself.
/// A disclosure button, so it works by keyboard and says whether it is open.
#[component]
pub fn GlossaryTerm(props: &GlossaryTermProps) -> Html {
    let open = use_state_eq(bool::default);
    let toggle = {
        let open = open.clone();
        move |_| open.set(!*open)
    };
    html! {
        <>
            <button type="button" class="mbc-term" aria-expanded={open.to_string()}
                title={props.show_label.clone()} onclick={toggle}>
                { props.word.clone() }
            </button>
            if *open {
                <span class="mbc-term__meaning">{ " (" }{ props.meaning.clone() }{ ")" }</span>
            }
        </>
    }
}
