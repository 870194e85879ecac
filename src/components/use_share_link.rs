use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::EdgeHandle;
use crate::qr::{self, Qr};
use crate::state::State;

/// A share link the edge made, and its QR code.
#[derive(Debug, PartialEq)]
pub struct ShareLink {
    /// `None` if the browser could not make it.
    pub link: Option<String>,
    /// `None` if there is no link, or it is too long for a code.
    pub qr: Option<Qr>,
}

/// The share link of `wanted` (leading to `base`) and its QR code, once the
/// edge has made them: the browser compresses a few tasks later. `None`
/// while nothing is wanted or the link is being made. What is returned was
/// made for the state wanted now: a link made for an earlier state, or
/// arriving after it stopped being wanted, is dropped, never shown.
#[hook]
pub fn use_share_link(
    edge: &EdgeHandle,
    wanted: Option<Rc<State>>,
    base: &AttrValue,
) -> Option<Rc<ShareLink>> {
    let made = use_state(|| None::<(Rc<State>, AttrValue, Rc<ShareLink>)>);
    {
        let (edge, made) = (edge.clone(), made.setter());
        use_effect_with((wanted.clone(), base.clone()), move |(wanted, base)| {
            let live = Rc::new(Cell::new(true));
            if let Some(state) = wanted.clone() {
                let (live, base) = (live.clone(), base.clone());
                edge.share_link(
                    &base.clone(),
                    &state.clone(),
                    Callback::from(move |link: Option<String>| {
                        if live.get() {
                            let qr = link.as_deref().and_then(qr::qr);
                            let made_now = Rc::new(ShareLink { link, qr });
                            made.set(Some((state.clone(), base.clone(), made_now)));
                        }
                    }),
                );
            }
            move || live.set(false)
        });
    }
    let wanted = wanted?;
    (*made)
        .as_ref()
        .filter(|(state, made_base, _)| Rc::ptr_eq(state, &wanted) && made_base == base)
        .map(|(.., link)| link.clone())
}
