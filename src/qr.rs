//! The QR code of a share link, as one SVG path, so a phone can open the
//! list from the screen or from the printed sheet.
//!
//! Pure: the encoding is Nayuki's `qrcodegen`; this module only lays the
//! dark modules out as path commands. The interface draws
//! `<svg viewBox="0 0 {size} {size}"><path d="{path}"/></svg>` on white.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

/// The light border around the code, in modules, as the standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// One SVG path `d` drawing every dark module, in module units with the
    /// quiet zone already added: `M4 4h7v1h-7z…`. Runs of dark modules in a
    /// row are one rectangle each.
    pub path: String,
}

impl Qr {
    /// The QR version (1–40): how dense the code is. Each version adds four
    /// modules a side to version 1's 21.
    pub fn version(&self) -> usize {
        (self.size.saturating_sub(2 * QUIET_ZONE + 17)) / 4
    }
}

/// The QR code for `link`, with at least medium error correction (about
/// 15% of the code can be lost), or `None` if the link is too long for any
/// QR code (about 2,300 bytes at this level).
///
/// Always in byte mode (`encode_binary`): a share link holds lower-case
/// letters, which the denser text modes cannot hold, so `encode_text` would
/// choose byte mode too; its choosing code stays out of the wasm.
pub fn qr(link: &str) -> Option<Qr> {
    drawn(&QrCode::encode_binary(link.as_bytes(), QrCodeEcc::Medium).ok()?)
}

/// The dark modules of `code` as one path.
fn drawn(code: &QrCode) -> Option<Qr> {
    let modules = usize::try_from(code.size()).ok()?;
    let mut path = String::new();
    for y in 0..code.size() {
        let mut x = 0;
        while x < code.size() {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < code.size() && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                path,
                "M{} {}h{run}v1h-{run}z",
                start as usize + QUIET_ZONE,
                y as usize + QUIET_ZONE
            );
        }
    }
    Some(Qr {
        size: modules + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_gives_version_one_with_its_quiet_zone() {
        let code = qr("hello").unwrap_or_else(|| panic!("fits"));
        assert_eq!(code.size, 21 + 8);
        assert_eq!(code.version(), 1);
        assert!(code.path.starts_with("M4 4h7v1h-7z"), "{}", code.path);
    }

    #[test]
    fn too_long_a_text_gives_none() {
        assert_eq!(qr(&"x".repeat(3000)), None);
    }

    #[test]
    fn a_link_gives_the_code_that_encode_text_would() {
        for data in ["", "eJyrVkrOz0nNS88s8Uv8", &"A".repeat(900)] {
            let link = format!(
                "https://example.org/mbc/index.html#{}{data}",
                crate::share::PREFIX
            );
            let text = QrCode::encode_text(&link, QrCodeEcc::Medium).ok();
            assert_eq!(qr(&link), text.as_ref().and_then(drawn), "{link}");
        }
    }
}
