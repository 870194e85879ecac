use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, EdgeHandle};
use crate::session::{RestoreNotice, Saving};
use crate::state::{Action, State};

/// What this device keeps, and the person's say over it.
pub struct Device {
    /// Whether answers are kept on this device.
    pub saving: Saving,
    /// When the list was last saved here (an ISO date), if ever.
    pub saved_on: Option<AttrValue>,
    /// A returning person's list was last saved a while ago
    /// (`dates::stale`): offer once to keep a copy.
    pub offer_copy: bool,
    /// The person answered the offer.
    pub on_copy_offered: Callback<()>,
    /// A saved list that could be read only in part, until the person chooses.
    pub restore: Option<Rc<RestoreNotice>>,
    /// Keep the damaged copy (true) or delete it (false).
    pub on_restore_choice: Callback<bool>,
    /// "Don't save on this device" turned on (true) or off.
    pub on_dont_save: Callback<bool>,
    /// The "remove everything" dialog is open.
    pub clearing: bool,
    pub on_clear_open: Callback<()>,
    /// The dialog closed: confirmed (true) or not.
    pub on_clear: Callback<bool>,
}

/// What was found on this device at start, and today's date.
pub struct AtStart {
    /// Whether answers are kept on this device.
    pub saving: Saving,
    /// A saved list that could be read only in part.
    pub restore: Option<Rc<RestoreNotice>>,
    /// When the list was last saved here (an ISO date), if ever.
    pub saved_on: Option<AttrValue>,
    pub today: AttrValue,
}

/// Saving on this device: every change of `current` goes to the edge to be
/// kept, which reports how it went (a save that went through makes today
/// the day it was last saved); another tab's change comes back through
/// `state`'s dispatcher.
#[hook]
pub fn use_device(
    edge: &EdgeHandle,
    found: AtStart,
    state: &UseReducerHandle<State>,
    current: &Rc<State>,
    on_action: &Callback<Action>,
) -> Device {
    let edge = edge.clone();
    let offer_copy = use_state_eq(|| {
        let stale = |on: &AttrValue| crate::dates::stale(on, &found.today);
        found.saved_on.as_ref().is_some_and(stale) && **current != State::default()
    });
    let saved_on = use_state_eq(|| found.saved_on.clone());
    let saving = use_state_eq(|| found.saving);
    let restore = use_state_eq(|| found.restore.clone());
    let clearing = use_state_eq(bool::default);
    {
        let (edge, dispatcher, saving) = (edge.clone(), state.dispatcher(), saving.setter());
        use_effect_on((), move |_| {
            edge.watch_other_tabs(dispatcher.into(), Callback::from(move |s| saving.set(s)))
        });
    }
    // How a save went: one that went through makes today the day the list
    // was last saved.
    let report = {
        let (saving, saved_on, today) = (saving.setter(), saved_on.setter(), found.today);
        Callback::from(move |s: Saving| {
            if s == Saving::On {
                saved_on.set(Some(today.clone()));
            }
            saving.set(s);
        })
    };
    {
        let (edge, report) = (edge.clone(), report.clone());
        use_effect_with(current.clone(), move |state| {
            edge.save(state.clone(), report);
        });
    }
    // Once the person has chosen, what shows is saved over the damaged
    // original; if the copy they chose to keep still cannot be made, the
    // choice stays on screen and saving keeps waiting.
    let on_restore_choice = {
        let (edge, restore, current) = (edge.clone(), restore.setter(), current.clone());
        Callback::from(move |keep: bool| {
            if edge.resolve_damaged(keep) {
                restore.set(None);
                edge.save(current.clone(), report.clone());
            } else {
                report.emit(Saving::Held);
            }
        })
    };
    let on_dont_save = {
        let (edge, saving) = (edge.clone(), saving.setter());
        Callback::from(move |off: bool| {
            saving.set(if off { Saving::Off } else { Saving::On });
            edge.set_dont_save(off);
        })
    };
    let on_clear_open = {
        let clearing = clearing.setter();
        Callback::from(move |()| clearing.set(true))
    };
    let on_clear = {
        let (clearing, on_action) = (clearing.setter(), on_action.clone());
        Callback::from(move |confirmed: bool| {
            clearing.set(false);
            if confirmed {
                on_action.emit(Action::Clear);
                edge.clear_device();
            }
        })
    };
    Device {
        saving: *saving,
        saved_on: (*saved_on).clone(),
        offer_copy: *offer_copy,
        on_copy_offered: {
            let offer_copy = offer_copy.setter();
            Callback::from(move |()| offer_copy.set(false))
        },
        restore: (*restore).clone(),
        on_restore_choice,
        on_dont_save,
        clearing: *clearing,
        on_clear_open,
        on_clear,
    }
}
