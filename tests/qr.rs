//! The QR code of a share link reads back as the same link. The code is
//! drawn from its SVG path, as a browser would, and read by `rqrr`.
//!
//! `cargo test --test qr -- --nocapture` prints the QR versions used.
#![cfg(not(target_arch = "wasm32"))]

mod realistic;

use mbc_guide::qr::{qr, Qr, QUIET_ZONE};
use mbc_guide::share::link;

use realistic::{list_with_notes, BASE};

/// Pixels per module when drawing.
const SCALE: usize = 4;

/// The dark modules the path draws, as a grid (`true` is dark). Reads only
/// the commands `qr` writes: `M{x} {y}h{n}v1h-{n}z`.
fn modules(code: &Qr) -> Vec<Vec<bool>> {
    let mut grid = vec![vec![false; code.size]; code.size];
    for rect in code.path.split('M').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .filter_map(|n| n.parse().ok())
            .collect();
        // x, y, run, 1 (the v1), run again.
        let [x, y, run, 1, back] = numbers[..] else {
            panic!("unexpected path command M{rect}");
        };
        assert_eq!(run, back, "M{rect}");
        assert!(rect.ends_with('z'), "M{rect}");
        grid[y][x..x + run].fill(true);
    }
    grid
}

/// Reads the code back the way a phone camera would, from a picture.
fn read_back(code: &Qr) -> Vec<String> {
    let grid = modules(code);
    let side = code.size * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        if grid[y / SCALE][x / SCALE] {
            0
        } else {
            255
        }
    });
    image
        .detect_grids()
        .iter()
        .map(|grid| match grid.decode() {
            Ok((_, text)) => text,
            Err(e) => panic!("the QR code does not read back: {e:?}"),
        })
        .collect()
}

#[test]
fn a_15_question_link_reads_back_from_its_qr_code() {
    let link = link(BASE, &list_with_notes(15));
    let code = qr(&link).unwrap_or_else(|| panic!("{} characters should fit", link.len()));
    assert_eq!(read_back(&code), [link]);
}

#[test]
fn a_short_link_reads_back_too() {
    let link = link(BASE, &list_with_notes(5));
    let code = qr(&link).unwrap_or_else(|| panic!("fits"));
    assert_eq!(read_back(&code), [link]);
}

#[test]
fn the_quiet_zone_is_left_light() {
    let code = qr("https://example.org/").unwrap_or_else(|| panic!("fits"));
    let grid = modules(&code);
    for (y, row) in grid.iter().enumerate() {
        for (x, &dark) in row.iter().enumerate() {
            let inside = (QUIET_ZONE..code.size - QUIET_ZONE).contains(&x)
                && (QUIET_ZONE..code.size - QUIET_ZONE).contains(&y);
            assert!(inside || !dark, "dark module at {x},{y} in the quiet zone");
        }
    }
}

#[test]
fn a_link_too_long_for_any_qr_code_gives_none() {
    assert_eq!(qr(&"x".repeat(2_400)), None);
    assert_eq!(qr(&"é".repeat(5_000)), None);
    let long = link(BASE, &list_with_notes(60));
    if long.len() > 2_331 {
        assert_eq!(qr(&long), None, "{} characters", long.len());
    }
}

#[test]
fn longer_lists_need_larger_codes_until_none_fits() {
    // 5 and 15 questions with notes fit a QR code (versions 21 and 30 when
    // this was written); 60 do not, and the share dialog then offers the
    // link alone. A longer list never gets a smaller code.
    let sizes: Vec<(usize, Option<usize>)> = [5, 15, 60]
        .into_iter()
        .map(|n| {
            let link = link(BASE, &list_with_notes(n));
            (link.len(), qr(&link).map(|code| code.version()))
        })
        .collect();
    assert!(
        sizes[0].0 < sizes[1].0 && sizes[1].0 < sizes[2].0,
        "{sizes:?}"
    );
    let (Some(five), Some(fifteen)) = (sizes[0].1, sizes[1].1) else {
        panic!("5 and 15 questions must fit a QR code: {sizes:?}");
    };
    assert!(five < fifteen && fifteen <= 40, "{sizes:?}");
    assert_eq!(
        sizes[2].1, None,
        "60 questions are too long for one code: {sizes:?}"
    );
}
