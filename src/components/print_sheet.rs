use yew::prelude::*;

use crate::qr::Qr;
use crate::sheet::{Sheet, SheetQuestion};

#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    pub sheet: Sheet,
    /// 18 pt instead of 12 pt.
    pub large: bool,
    /// The share link as a QR code, when it fits, so the paper list can be
    /// reopened on a phone.
    #[prop_or_default]
    pub qr: Option<Qr>,
    /// Says what the QR code is for.
    #[prop_or_default]
    pub qr_label: AttrValue,
}

/// The sheet made to be handed to the care team. Hidden on screen; the only
/// thing that prints (see the print rules in mbc-guide.css).
#[component]
pub fn PrintSheet(props: &PrintSheetProps) -> Html {
    let sheet = &props.sheet;
    let l = &sheet.labels;
    let blank = |label: &str| html! { <p class="mbc-print__blank">{ label }{ ": " }<span class="mbc-print__line"></span></p> };
    let question = |q: &SheetQuestion| {
        html! {
            <li class="mbc-print__q" value={q.number.to_string()}>
                <span class="mbc-print__box" aria-hidden="true"></span>
                <span class="mbc-print__text">{ &q.text }</span>
                if !q.note.trim().is_empty() {
                    <p class="mbc-print__note">{ &l.note }{ ": " }{ &q.note }</p>
                }
                <span class="mbc-print__rule"></span>
                <span class="mbc-print__rule"></span>
                <span class="mbc-print__rule"></span>
            </li>
        }
    };
    let pairs = |heading: &str, rows: &[(String, String)]| {
        if rows.is_empty() {
            return html! {};
        }
        html! {
            <section class="mbc-print__section">
                <h2>{ heading }</h2>
                <ul>{ for rows.iter().map(|(k, v)| html! { <li><strong>{ crate::export::pair_label(k) }</strong>{ v }</li> }) }</ul>
            </section>
        }
    };
    html! {
        <div class={classes!("mbc-print", props.large.then_some("mbc-print--large"))}>
            <h1>{ &sheet.title }</h1>
            <p>{ &sheet.date_line }</p>
            { blank(&l.patient) }
            { blank(&l.doctor) }
            { blank(&l.visit) }
            <p class="mbc-print__to-team">{ &sheet.to_team }</p>
            if !sheet.top.is_empty() {
                <section class="mbc-print__section">
                    <h2>{ &l.top }</h2>
                    <ol class="mbc-print__list">{ for sheet.top.iter().map(question) }</ol>
                </section>
            }
            { for sheet.groups.iter().map(|g| html! {
                <section class="mbc-print__section">
                    <h2>{ &g.title }</h2>
                    <ol class="mbc-print__list">{ for g.questions.iter().map(question) }</ol>
                </section>
            }) }
            { pairs(&l.goals, &sheet.goals) }
            if let Some(other) = &sheet.goals_other {
                <p>{ other }</p>
            }
            { pairs(&l.profile, &sheet.profile) }
            { pairs(&l.treatments, &sheet.treatments) }
            if let Some(qr) = &props.qr {
                <figure class="mbc-print__qr">
                    <svg viewBox={format!("0 0 {0} {0}", qr.size)} width="120" height="120" role="img"
                        aria-label={props.qr_label.clone()}>
                        <rect width={qr.size.to_string()} height={qr.size.to_string()} fill="#fff" />
                        <path d={qr.path.clone()} fill="#000" />
                    </svg>
                    <figcaption>{ props.qr_label.clone() }</figcaption>
                </figure>
            }
            <section class="mbc-print__section mbc-print__sources">
                <h2>{ &l.sources }</h2>
                <ul>{ for sheet.sources.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                <p>{ &sheet.reviewed }</p>
            </section>
        </div>
    }
}
