//! Share links: the whole list carried in a link's fragment (the part after
//! `#`, which browsers never send to a server), to move it to another
//! device with no server in between. Also reads import files.
//!
//! A fragment is `mbc=<version>.<data>`:
//!
//! - `version` is the shape of the state inside: the saved format's
//!   `stored::VERSION`. Older links are brought up to date like old saves;
//!   a newer one is refused with `ShareError::FutureVersion`.
//! - `data` is URL-safe base64 (no padding) of zlib-compressed JSON, the
//!   same `state` tree a save holds (`stored::state_tree`). zlib ends with an
//!   Adler-32 checksum, so a cut-off or changed link is caught.
//!
//! This module is the pure part (prefix, version, base64, JSON and back,
//! salvage). The zlib streams are the platform's: `web::deflate` in the
//! browser (`CompressionStream`), `miniz_oxide` natively.
//!
//! Reading is for hostile input: it never panics, it refuses before doing
//! much work on anything too big (`MAX_LINK_BYTES` or `MAX_FRAGMENT_BYTES`
//! in, `MAX_JSON_BYTES` out, so a small link that would inflate to
//! gigabytes stops at the cap),
//! and it salvages the state exactly as a save is salvaged. Markup in text
//! stays text: the interface renders it as text.

use crate::state::State;
use crate::stored::{self, Restored};

/// What a share fragment starts with.
pub const PREFIX: &str = "mbc=";
/// The version written into new links: the saved format's.
pub const VERSION: u32 = stored::VERSION;
/// The most JSON a link (or a saved file) may unpack to. A real list of 60
/// questions with notes is about 12 KB; this leaves twenty times that, and
/// stops a decompression bomb, or a link packed with thousands of answers,
/// after 256 KiB of work: reading it stays well under 200 ms on a slow
/// phone (e2e/safety.test.mjs measures it).
pub const MAX_JSON_BYTES: usize = 256 << 10;
/// The longest text `import_file` looks at: cheap to scan, and a
/// downloaded list with its link at the end is far shorter.
pub const MAX_FRAGMENT_BYTES: usize = 4 << 20;
/// The longest link `decode` reads. A list of 60 questions with notes makes
/// a link of about 2,000 characters; this is thirty times that, and far
/// beyond what e-mail and chat carry whole. A longer one is refused before
/// any work.
pub const MAX_LINK_BYTES: usize = 64 << 10;
/// What the browser edge hands `import_file` in place of a file over
/// `MAX_FRAGMENT_BYTES`, which it does not read: the person is told it is
/// too large.
pub const FILE_TOO_LARGE: &str = "\u{0}mbc-guide: file too large";

/// Why a link or file could not be read. Each has a calm sentence for the
/// person (`ui_key`); nothing stored changes when reading fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a link (or file) made by the guide.
    NotAShareLink,
    /// Made by a newer version of the guide.
    FutureVersion(u32),
    /// The version part is missing or not a version.
    BadVersion,
    /// Characters that cannot be in a link's data (not base64).
    BadEncoding,
    /// Cut off, or changed on the way: the checksum or the compressed data
    /// does not hold together.
    Damaged,
    /// Would unpack to more than `MAX_JSON_BYTES`, or is itself too long.
    TooLarge,
    /// Unpacks, but not to a list the guide saved.
    Unreadable,
    /// This browser has no `DecompressionStream` (older than Chromium 80,
    /// Firefox 113 or Safari 16.4), so it cannot unpack a link.
    Unsupported,
}

impl ShareError {
    /// The interface key of the sentence that explains this to the person.
    pub fn ui_key(self) -> &'static str {
        match self {
            ShareError::NotAShareLink => "share_error_not_link",
            ShareError::FutureVersion(_) => "share_error_newer",
            ShareError::BadVersion | ShareError::BadEncoding | ShareError::Damaged => {
                "share_error_damaged"
            }
            ShareError::TooLarge => "share_error_too_large",
            ShareError::Unreadable => "share_error_unreadable",
            ShareError::Unsupported => "share_error_unsupported",
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotAShareLink => {
                write!(f, "not a share link (it must start with {PREFIX})")
            }
            ShareError::FutureVersion(v) => write!(
                f,
                "the link is version {v}, but this guide reads up to version {VERSION}"
            ),
            ShareError::BadVersion => write!(f, "the link's version is missing or not a number"),
            ShareError::BadEncoding => write!(f, "the link holds characters that are not base64"),
            ShareError::Damaged => write!(f, "the link is cut off or changed (checksum mismatch)"),
            ShareError::TooLarge => write!(
                f,
                "the link would unpack to more than {MAX_JSON_BYTES} bytes"
            ),
            ShareError::Unreadable => write!(f, "the link does not hold a saved list"),
            ShareError::Unsupported => write!(f, "this browser cannot unpack links"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The JSON a link carries for `state`: the `state` tree a save holds.
pub fn state_json(state: &State) -> String {
    stored::state_tree(state).to_json()
}

/// The fragment, without the `#`, for JSON already zlib-compressed:
/// `mbc=2.eJy…`.
pub fn fragment(packed: &[u8]) -> String {
    format!("{PREFIX}{VERSION}.{}", base64url::encode(packed))
}

/// The whole link: `base_url` without any fragment it had, then `#` and
/// `fragment`.
pub fn with_fragment(base_url: &str, fragment: &str) -> String {
    let base = base_url.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Can `state` travel in a link that `decode` will accept?
pub fn fits(state: &State) -> bool {
    state_json(state).len() <= MAX_JSON_BYTES
}

/// A link's data as it travels: still compressed, with the version of the
/// guide that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    pub version: u32,
    pub data: Vec<u8>,
}

/// Reads a share fragment (`mbc=2.…`, with or without the `#`), or a whole
/// link holding one, up to its compressed data. Whitespace and line breaks
/// anywhere (from copying or from an e-mail) are ignored. Never panics.
/// The data is then inflated (to at most `MAX_JSON_BYTES`) and read with
/// `read_json`.
pub fn unpack(fragment: &str) -> Result<Packed, ShareError> {
    if fragment.len() > MAX_LINK_BYTES {
        return Err(ShareError::TooLarge);
    }
    let compact: String = fragment.chars().filter(|c| !c.is_whitespace()).collect();
    // A whole link: the fragment is what follows the first `#`.
    let fragment = match compact.split_once('#') {
        Some((_, after)) => after,
        None => compact.as_str(),
    };
    let rest = fragment
        .strip_prefix(PREFIX)
        .ok_or(ShareError::NotAShareLink)?;
    let (version, data) = rest.split_once('.').ok_or(ShareError::BadVersion)?;
    let version = read_version(version)?;
    if version > VERSION {
        return Err(ShareError::FutureVersion(version));
    }
    let data = base64url::decode(data).ok_or(ShareError::BadEncoding)?;
    Ok(Packed { version, data })
}

/// The list in a link's inflated JSON, salvaged as a save is.
pub fn read_json(version: u32, json: &[u8]) -> Result<Restored, ShareError> {
    if json.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooLarge);
    }
    let json = std::str::from_utf8(json).map_err(|_| ShareError::Unreadable)?;
    let tree = crate::json::parse(json).map_err(|_| ShareError::Unreadable)?;
    // Ours always has both; anything else is some other JSON.
    if tree.get("answers").is_none() || tree.get("list").is_none() {
        return Err(ShareError::Unreadable);
    }
    let restored = stored::decode_state_tree(version, tree);
    if stored::summary(&restored.lost).nothing_read {
        return Err(ShareError::Unreadable);
    }
    Ok(restored)
}

/// The zlib streams themselves: natively (tests, tools, the server
/// renderer) `miniz_oxide`; in the browser its own `CompressionStream`
/// (`web::deflate`), so the wasm carries no codec.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;

    /// The fragment for `state`, without the `#`.
    ///
    /// A state whose JSON is over `MAX_JSON_BYTES` (far beyond any real
    /// list) still encodes, but `decode` refuses it with `TooLarge`; check
    /// with `fits` before offering such a link.
    pub fn encode(state: &State) -> String {
        let json = state_json(state);
        fragment(&miniz_oxide::deflate::compress_to_vec_zlib(
            json.as_bytes(),
            9,
        ))
    }

    /// The whole link for `state` (see `with_fragment`).
    pub fn link(base_url: &str, state: &State) -> String {
        with_fragment(base_url, &encode(state))
    }

    /// Inflates at most `MAX_JSON_BYTES`.
    pub fn inflate(data: &[u8]) -> Result<Vec<u8>, ShareError> {
        use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
        decompress_to_vec_zlib_with_limit(data, MAX_JSON_BYTES).map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        })
    }

    /// `unpack`, `inflate`, `read_json`.
    pub fn decode(fragment: &str) -> Result<Restored, ShareError> {
        let packed = unpack(fragment)?;
        read_json(packed.version, &inflate(&packed.data)?)
    }

    /// `import`, inflating a link's data.
    pub fn import_file(text: &str) -> Result<Restored, ShareError> {
        match import(text) {
            Import::Read(result) => *result,
            Import::Link(packed) => read_json(packed.version, &inflate(&packed.data)?),
        }
    }
}
#[cfg(not(target_arch = "wasm32"))]
pub use native::{decode, encode, import_file, inflate, link};

/// URL-safe base64 (RFC 4648, section 5), by hand: the `base64` crate's
/// general-purpose engine is several kB of the wasm. Written without
/// padding; read as that crate's `URL_SAFE_NO_PAD_INDIFFERENT` reads
/// (padding allowed after two or three characters of a last quad, no set
/// bits past the data), which the tests check against it.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            // 1, 2 or 3 bytes make 2, 3 or 4 characters.
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            }
        }
        out
    }

    /// `None` for a character outside the alphabet, a lone last
    /// character, padding anywhere else than described above, or set bits
    /// past the data.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let data = text.trim_end_matches('=');
        let padding = text.len() - data.len();
        let valid_length = match padding {
            0 => data.len() % 4 != 1,
            1 => data.len() % 4 >= 2,
            2 => data.len() % 4 == 2,
            _ => false,
        };
        if !valid_length {
            return None;
        }
        let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
        let (mut held, mut bits) = (0u32, 0u32);
        for c in data.bytes() {
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            };
            held = held << 6 | u32::from(value);
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((held >> bits) as u8);
                held &= (1 << bits) - 1;
            }
        }
        (held == 0).then_some(out)
    }
}

/// A version number: digits only, from 1 up.
fn read_version(text: &str) -> Result<u32, ShareError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::BadVersion);
    }
    match text.parse::<u32>() {
        Ok(0) => Err(ShareError::BadVersion),
        Ok(v) => Ok(v),
        // All digits but too big for a u32: from far in the future.
        Err(_) => Err(ShareError::FutureVersion(u32::MAX)),
    }
}

/// What an imported file holds: a saved list, read (or why it could not
/// be), or a share link whose data must be inflated first.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    Read(Box<Result<Restored, ShareError>>),
    Link(Packed),
}

/// Reads an imported file: a saved list (the JSON a save or download
/// holds), or text holding a share link or fragment. Never panics.
///
/// A saved list is salvaged as a save is: what can be read comes back, and
/// `Restored::lost` says what could not. It is refused only when nothing at
/// all could be read.
pub fn import(text: &str) -> Import {
    if text.len() > MAX_FRAGMENT_BYTES || text == FILE_TOO_LARGE {
        return Import::Read(Box::new(Err(ShareError::TooLarge)));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with('{') {
        if text.len() > MAX_JSON_BYTES {
            return Import::Read(Box::new(Err(ShareError::TooLarge)));
        }
        let restored = stored::decode(text);
        return Import::Read(Box::new(match restored.lost.first() {
            Some(stored::Lost::FutureVersion(v)) if restored.state == State::default() => {
                Err(ShareError::FutureVersion(*v))
            }
            Some(stored::Lost::Unreadable) => Err(ShareError::Unreadable),
            Some(stored::Lost::NotOurs) => Err(ShareError::NotAShareLink),
            _ => Ok(restored),
        }));
    }
    // A link or fragment, perhaps with words around it ("Here is my list:
    // https://…#mbc=1.…"): take the word that holds it.
    let Some(word) = text.split_whitespace().find(|w| w.contains(PREFIX)) else {
        return Import::Read(Box::new(Err(ShareError::NotAShareLink)));
    };
    let at = word.find(PREFIX).unwrap_or(0);
    match unpack(word.get(at..).unwrap_or_default()) {
        Ok(packed) => Import::Link(packed),
        Err(e) => Import::Read(Box::new(Err(e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD_INDIFFERENT as CRATE;
    use base64::Engine;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn base64url_writes_what_the_crate_writes(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(base64url::encode(&bytes), CRATE.encode(&bytes));
        }

        #[test]
        fn base64url_reads_what_the_crate_reads(text in "[AQgwZa9_=+/. -]{0,13}") {
            prop_assert_eq!(base64url::decode(&text), CRATE.decode(&text).ok(), "{:?}", text);
        }
    }

    #[test]
    fn base64url_edge_cases_read_as_the_crate_reads() {
        for text in [
            "", "=", "==", "Q", "QQ", "QQ=", "QQ==", "QQ===", "QUI", "QUI=", "QUI==", "QUJD",
            "QUJD=", "QUJDQQ", "QR", "QUJ", "Q=Q=", "QUJD====",
        ] {
            assert_eq!(base64url::decode(text), CRATE.decode(text).ok(), "{text:?}");
        }
    }

    #[test]
    fn version_numbers_are_digits_from_one() {
        assert_eq!(read_version("1"), Ok(1));
        assert_eq!(read_version("0"), Err(ShareError::BadVersion));
        assert_eq!(read_version(""), Err(ShareError::BadVersion));
        assert_eq!(read_version("+1"), Err(ShareError::BadVersion));
        assert_eq!(read_version("1x"), Err(ShareError::BadVersion));
        assert_eq!(
            read_version("99999999999"),
            Err(ShareError::FutureVersion(u32::MAX))
        );
    }

    #[test]
    fn a_file_too_large_to_read_is_said_to_be_too_large() {
        assert_eq!(
            import(FILE_TOO_LARGE),
            Import::Read(Box::new(Err(ShareError::TooLarge)))
        );
    }

    #[test]
    fn a_link_keeps_the_base_and_replaces_its_fragment() {
        let state = State::default();
        let link = link("https://example.org/guide/?a=1#old", &state);
        let start = format!("https://example.org/guide/?a=1#mbc={VERSION}.");
        assert!(link.starts_with(&start), "{link}");
        assert_eq!(decode(&link).map(|r| r.state), Ok(state));
    }
}
