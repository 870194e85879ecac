use yew::prelude::*;

use super::{use_effect_on, EdgeHandle};

/// Whether a new version has been fetched in the background and waits for
/// the person (the edge hears it from the service worker), and the way to
/// take it ("update now").
#[hook]
pub fn use_update_ready(edge: &EdgeHandle) -> (bool, Callback<()>) {
    let edge = edge.clone();
    let ready = use_state_eq(bool::default);
    {
        let (edge, ready) = (edge.clone(), ready.setter());
        use_effect_on((), move |_| {
            edge.watch_updates(Callback::from(move |()| ready.set(true)))
        });
    }
    (*ready, Callback::from(move |()| edge.apply_update()))
}
