use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, EdgeHandle, IncomingChoice};
use crate::session::Opened;
use crate::state::{Action, State};

/// A list from a share link or a file, waiting for the person's choice.
pub struct Incoming {
    /// The list to show; `None` when there is none.
    pub list: Option<Rc<State>>,
    /// Why a link or file could not be read: the key of the sentence.
    pub error: Option<&'static str>,
    /// A file the person picked to open.
    pub on_import: Callback<web_sys::File>,
    /// The person chose what to do with the list.
    pub on_choose: Callback<IncomingChoice>,
}

/// The link the page was opened with (`opened`), a link opened while the
/// page is open, or a file the person picked: nothing changes until the
/// person adds the list to theirs (`Action::Merge`), replaces theirs with it
/// (`Action::ReplaceMine`, which can be undone right after), or leaves it.
#[hook]
pub fn use_incoming(
    edge: &EdgeHandle,
    opened: Option<Opened>,
    on_action: &Callback<Action>,
) -> Incoming {
    let edge = edge.clone();
    let opened = use_state_eq(|| opened);
    {
        let (edge, opened) = (edge.clone(), opened.setter());
        use_effect_on((), move |_| {
            edge.watch_links(Callback::from(move |o: Opened| opened.set(Some(o))))
        });
    }
    // One callback for the app's whole life, so the steps are not rendered
    // again when a dialog opens.
    let on_import = {
        let (edge, opened) = (edge.clone(), opened.setter());
        use_callback((), move |file: web_sys::File, ()| {
            let opened = opened.clone();
            edge.read_file(file, Callback::from(move |o: Opened| opened.set(Some(o))));
        })
    };
    let on_choose = {
        let (opened, on_action) = (opened.clone(), on_action.clone());
        Callback::from(move |choice: IncomingChoice| {
            if let Some(Opened::List(list)) = (*opened).clone() {
                let list = Box::new((*list).clone());
                let action = match choice {
                    IncomingChoice::Merge => Some(Action::Merge(list)),
                    IncomingChoice::Replace => Some(Action::ReplaceMine(list)),
                    IncomingChoice::Cancel => None,
                };
                // The dialog closes (and gives focus back) in this task; the
                // list changes in the next, so neither waits for the other
                // in one long task (a replace may bring another step).
                if let Some(action) = action {
                    let on_action = on_action.clone();
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        on_action.emit(action);
                    });
                }
            }
            opened.set(None);
        })
    };
    let (list, error) = match (*opened).clone() {
        Some(Opened::List(list)) => (Some(list), None),
        Some(Opened::Unreadable(key)) => (None, Some(key)),
        None => (None, None),
    };
    Incoming {
        list,
        error,
        on_import,
        on_choose,
    }
}
