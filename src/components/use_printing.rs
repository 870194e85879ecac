use std::rc::Rc;

use yew::prelude::*;

use super::EdgeHandle;
use crate::content::{Lang, Pack};
use crate::qr::{self, Qr};
use crate::sheet::{self, Sheet};
use crate::state::State;

/// The printed sheet with what the person knows (`about_me::facts`), the
/// kinds of treatment to ask about (`about_me::to_ask`), and the code that
/// opens the list on a phone, if the person asked for one on paper.
pub type SheetParts = (Sheet, (Vec<(String, String)>, Vec<String>), Option<Qr>);

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
    let printing = use_state_eq(|| false);
    // Counts presses of "Print"; the effect below prints once the sheet is
    // rendered.
    let requests = use_state_eq(|| 0u32);
    {
        let (edge, printing) = (edge.clone(), printing.setter());
        use_effect_with((), move |_| {
            edge.watch_printing(Callback::from(move |p: bool| printing.set(p)))
        });
    }
    {
        let requests = requests.clone();
        use_effect_with(*requests, move |&n| {
            if n > 0 {
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
            page_url.clone(),
        ),
        {
            let pack = pack.clone();
            move |(state, _, today, page_url)| {
                state.as_ref().map(|s| {
                    let about = (
                        crate::about_me::facts(&pack, s),
                        crate::about_me::to_ask(&pack, s),
                    );
                    // The link and its code cost a compression and an
                    // encoding: only when asked for.
                    let code = s
                        .print_qr
                        .then(|| qr::qr(&crate::share::link(page_url, s)))
                        .flatten();
                    (sheet::build(&pack, s, today), about, code)
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
