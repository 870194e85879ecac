use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, use_share_link, EdgeHandle};
use crate::content::{Lang, Pack};
use crate::qr::Qr;
use crate::sheet::{self, Sheet};
use crate::state::State;

/// The printed sheet (what the person knows is its `profile`, from
/// `about_me::facts`), the kinds of treatment to ask about
/// (`about_me::to_ask`), and the code that opens the list on a phone, if the
/// person asked for one on paper.
pub type SheetParts = (Sheet, Vec<String>, Option<Qr>);

/// Printing: the sheet, and the way to print it.
pub struct Printing {
    /// Built only while printing.
    pub sheet: Rc<Option<SheetParts>>,
    /// "Print": the browser's print dialog opens once the sheet, with its
    /// QR code, is rendered.
    pub print: Callback<()>,
}

/// The printed sheet is built only while printing (our button, or the
/// browser's own print command, which the edge reports): building and
/// diffing it on every keystroke would slow typing in a long list.
#[hook]
pub fn use_printing(
    edge: &EdgeHandle,
    pack: &Rc<Pack>,
    lang: Lang,
    current: &Rc<State>,
    today: &AttrValue,
    page_url: &AttrValue,
) -> Printing {
    let edge = edge.clone();
    let printing = use_state_eq(bool::default);
    // Counts presses of "Print"; the effect below prints once the sheet is
    // rendered.
    let requests = use_state_eq(u32::default);
    {
        let (edge, printing) = (edge.clone(), printing.setter());
        use_effect_on((), move |_| {
            edge.watch_printing(Callback::from(move |p: bool| printing.set(p)))
        });
    }
    // The code on paper, if asked for: made whenever the list changes while
    // the choice is on, not only once printing starts, so the browser's own
    // print command (Ctrl+P), which does not wait, finds it made. Our Print
    // button waits for the code of the state shown (`ready`), or for the edge
    // to say it could not make one.
    let made = use_share_link(&edge, current.print_qr.then(|| current.clone()), page_url);
    let ready = !current.print_qr || made.is_some();
    let code = made.and_then(|m| m.qr.clone());
    {
        let requests = requests.clone();
        // Print once the sheet is rendered, with its code when one is
        // wanted.
        use_effect_with((*requests, ready), move |&(n, ready)| {
            if n > 0 && ready {
                edge.print();
                requests.set(0);
            }
        });
    }
    let sheet = use_memo(
        (
            (*printing).then(|| current.clone()),
            lang,
            today.clone(),
            code,
        ),
        {
            let pack = pack.clone();
            move |(state, _, today, code)| {
                state.as_ref().map(|s| {
                    let to_ask = crate::about_me::to_ask(&pack, s);
                    let code = code.clone().filter(|_| s.print_qr);
                    (sheet::build(&pack, s, today), to_ask, code)
                })
            }
        },
    );
    let print = Callback::from(move |()| {
        printing.set(true);
        requests.set(*requests + 1);
    });
    Printing { sheet, print }
}
