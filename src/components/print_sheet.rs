use yew::prelude::*;

use super::qr_figure;
use crate::qr::Qr;
use crate::sheet::{Sheet, SheetQuestion};

/// Bytes of "treatment now" past which the top questions get one answer
/// line, not two: about a printed line of it.
const LONG_NOW: usize = 100;

/// What `print_sheet` lays out.
pub struct PrintSheetArgs<'a> {
    pub sheet: &'a Sheet,
    /// The kinds of treatment to ask about (`about_me::to_ask`).
    pub to_ask: &'a [String],
    /// 18 pt instead of 11 pt.
    pub large: bool,
    /// The share link as a QR code, when the person wants one on paper, so
    /// the list can be reopened on a phone.
    pub qr: Option<&'a Qr>,
    /// Says what the QR code is for.
    pub qr_label: &'a str,
    /// "About me".
    pub about_label: &'a str,
    /// "More questions": the heading of the rest, after the top 3.
    pub rest_label: &'a str,
}

/// The sheet made to be handed to the care team, one page for a short list:
/// first what the doctor needs (about me: the reason for the visit, what
/// matters, what I know, the treatment now), then the top 3 questions with
/// room to write, then the rest with one answer line each, what to bring
/// (for a second opinion), and the sources in one line at the foot, with
/// the code to reopen the list beside them if the person asked for it. Hidden on screen; the only thing that prints (see the
/// print rules in mbc-guide.css). A plain view function (see
/// `expander_cue`): it is rendered only while printing.
pub fn print_sheet(args: PrintSheetArgs<'_>) -> Html {
    let sheet = args.sheet;
    let l = &sheet.labels;
    let blank = |label: &str| html! { <p class="mbc-print__blank">{ label }{ ": " }<span class="mbc-print__line"></span></p> };
    let question = |q: &SheetQuestion, lines: usize| {
        html! {
            <li class="mbc-print__q" value={q.number.to_string()}>
                <span class="mbc-print__box" aria-hidden="true"></span>
                <span class="mbc-print__text">{ &q.text }</span>
                if !q.note.trim().is_empty() {
                    <p class="mbc-print__note">{ &l.note }{ ": " }{ &q.note }</p>
                }
                { for (0..lines).map(|_| html! { <span class="mbc-print__rule"></span> }) }
            </li>
        }
    };
    // One paragraph per kind of answer; `extra` (the person's own words)
    // ends it.
    let rows = |heading: &str, rows: &[(String, String)], extra: Option<&String>| {
        if rows.is_empty() && extra.is_none() {
            return html! {};
        }
        html! {
            <p class="mbc-print__fact mbc-print__own">
                <strong>{ crate::export::pair_label(heading) }</strong>
                { for rows.iter().enumerate().map(|(i, (k, v))| html! {
                    <>
                        if i > 0 { { "; " } }
                        { crate::export::pair_label(k) }<strong>{ v }</strong>
                    </>
                }) }
                if let Some(extra) = extra {
                    if !rows.is_empty() { { "; " } }
                    { extra }
                }
            </p>
        }
    };
    let has_about = sheet.visit.is_some()
        || sheet.treatment_now.is_some()
        || !sheet.goals.is_empty()
        || sheet.goals_other.is_some()
        || !args.sheet.profile.is_empty()
        || !args.to_ask.is_empty();
    // One line of sources: each publisher once, in the order first cited.
    let mut orgs: Vec<&str> = Vec::new();
    for source in &sheet.sources {
        let org = source.split(": ").next().unwrap_or(source);
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    html! {
        // A long treatment now (more than a line or so) takes the room of
        // the top questions' second answer line, so the sheet stays one page.
        <div class={classes!(
            "mbc-print",
            args.large.then_some("mbc-print--large"),
            sheet.treatment_now.as_ref().is_some_and(|(_, t)| t.len() > LONG_NOW).then_some("mbc-print--long-now"),
        )}>
            <div class="mbc-print__head">
                <h1>{ &sheet.title }</h1>
                <p class="mbc-print__to-team">{ &sheet.to_team }</p>
            </div>
            <div class="mbc-print__blanks">
                { blank(&l.patient) }
                { blank(&l.doctor) }
                { blank(&l.visit) }
            </div>
            if has_about {
                <section class="mbc-print__section mbc-print__about">
                    // The reason for the visit on the heading's line.
                    <div class="mbc-print__about-head">
                        <h2>{ args.about_label }</h2>
                        if let Some((label, reason)) = &sheet.visit {
                            <p class="mbc-print__fact">
                                { crate::export::pair_label(label) }<strong>{ reason }</strong>
                            </p>
                        }
                    </div>
                    { rows(&l.goals, &sheet.goals, sheet.goals_other.as_ref()) }
                    { rows(&l.profile, &args.sheet.profile, None) }
                    // As one paragraph: every word the person typed, and
                    // no more lines than the words need.
                    if let Some((label, text)) = &sheet.treatment_now {
                        { rows(label, &[], Some(&crate::sheet::run_on(text))) }
                    }
                    if !args.to_ask.is_empty() {
                        <p class="mbc-print__fact">
                            <strong>{ &l.treatments }{ ": " }</strong>{ args.to_ask.join(", ") }
                        </p>
                    }
                </section>
            }
            if !sheet.top.is_empty() {
                <section class="mbc-print__section">
                    <h2>{ &l.top }</h2>
                    <ol class="mbc-print__list">{ for sheet.top.iter().map(|q| question(q, 2)) }</ol>
                </section>
            }
            // The rest under one heading, in the sheet's order (by topic, own
            // questions last): topic headings would cost a page.
            if !sheet.groups.is_empty() {
                <section class="mbc-print__section">
                    <h2>{ args.rest_label }</h2>
                    <ol class="mbc-print__list">
                        { for sheet.groups.iter().flat_map(|g| &g.questions).map(|q| question(q, 1)) }
                    </ol>
                </section>
            }
            // For a second opinion: what to bring, as one short tick list.
            if !sheet.bring.is_empty() {
                <section class="mbc-print__section mbc-print__bring">
                    <p class="mbc-print__fact">
                        <strong>{ crate::export::pair_label(&l.bring) }</strong>
                    </p>
                    <ul>
                        { for sheet.bring.iter().map(|b| html! {
                            <li><span class="mbc-print__box" aria-hidden="true"></span>{ b }</li>
                        }) }
                    </ul>
                </section>
            }
            // The foot: "Get help right away" (on every sheet, in one short
            // paragraph) and one line of sources, with the code beside them
            // when the person asked for one (what it is for opens the
            // sources line, so the code's column is no taller than itself).
            <div class="mbc-print__foot">
                <div class="mbc-print__foot-text">
                    if let Some(urgent) = &sheet.urgent {
                        <section class="mbc-print__urgent">
                            <p>
                                <strong>{ &urgent.heading }{ ". " }</strong>{ &urgent.intro }{ " " }
                                { urgent.signs.join(" · ") }{ " " }<strong>{ &urgent.action }</strong>
                            </p>
                        </section>
                    }
                    <p class="mbc-print__sources">
                        if args.qr.is_some() {
                            <strong>{ args.qr_label }</strong>{ " " }
                        }
                        { &sheet.date_line }{ ". " }
                        if !orgs.is_empty() {
                            { &l.sources }{ ": " }{ orgs.join("; ") }{ ". " }
                        }
                        { &sheet.reviewed }
                    </p>
                </div>
                if let Some(qr) = args.qr {
                    { qr_figure(qr, args.qr_label, "mbc-print__qr", Some("120")) }
                }
            </div>
        </div>
    }
}
