//! What the browser edge tells the app at start and while it runs: whether
//! answers are being kept on this device, what a damaged save lost, and how
//! fetching another language's pack went.
//! Plain data, so components render it and tests build it natively.

use crate::share::ShareError;
use crate::stored::{Lost, Restored};

/// Whether the person's answers are kept on this device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Saving {
    /// Saved to this device as they change.
    #[default]
    On,
    /// The person chose "Don't save on this device", or the host turned
    /// saving off.
    Off,
    /// The browser does not allow storage here (private mode, sandboxed
    /// frame, cookies off).
    Blocked,
    /// Storage is full; the latest changes are kept in memory only.
    Full,
    /// Saving waits: a saved list that could be read only in part could not
    /// be copied aside, so nothing is written over it until the person
    /// chooses what to do with it. The latest changes are in memory only.
    Held,
}

/// A language whose pack is not in the wasm, on its way or not to be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangFetch {
    /// The pack is being fetched; the switch happens when it arrives.
    Loading(crate::content::Lang),
    /// It could not be fetched (offline before it was ever kept, or a server
    /// problem); the widget stays in the language it was in.
    Failed(crate::content::Lang),
}

/// A saved list that could be read only in part. The unreadable original
/// is kept aside until the person decides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestoreNotice {
    pub lost: Vec<Lost>,
}

/// What a share link in the address, or an opened file, held.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// A list to show before the person chooses what to do with it.
    List(std::rc::Rc<crate::state::State>),
    /// It could not be read: the interface key of the sentence that says so.
    Unreadable(&'static str),
}

/// Natively (tests, the server renderer): the browser reads links and
/// files with its own decompression instead (`web::deflate::open`).
#[cfg(not(target_arch = "wasm32"))]
impl Opened {
    /// Reads a share link's fragment. Never fails: a bad one is an
    /// `Unreadable` with the reason.
    pub fn from_link(fragment: &str) -> Opened {
        Opened::from(crate::share::decode(fragment))
    }

    /// Reads a file the person picked (a downloaded list, or a saved one).
    /// Never fails, as `from_link`.
    pub fn from_file(text: &str) -> Opened {
        Opened::from(crate::share::import_file(text))
    }
}

impl From<Result<Restored, ShareError>> for Opened {
    fn from(result: Result<Restored, ShareError>) -> Opened {
        match result {
            Ok(restored) => Opened::List(std::rc::Rc::new(restored.state)),
            Err(e) => Opened::Unreadable(e.ui_key()),
        }
    }
}
