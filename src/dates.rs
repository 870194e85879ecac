//! Dates as people read them: "November 30, 2026" in English, "30 de
//! noviembre de 2026" in Spanish. Pure Rust, no `Intl`: the widget stores
//! and passes ISO dates ("2026-11-30"), and only what a person reads is
//! formatted. File names keep the ISO date (it sorts, and needs no
//! accents).
//!
//! Adding a language: add its arm to [`long`] with its month names and the
//! order of day, month and year.

use crate::content::{fill, Lang, Pack};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Spanish month names are written in lower case (RAE).
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A calendar date read from ISO text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

impl Date {
    /// Reads "YYYY-MM-DD" exactly. `None` for anything else, or a day the
    /// month does not have.
    pub fn parse(iso: &str) -> Option<Date> {
        let bytes = iso.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &iso[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's
    /// `days_from_civil`).
    pub fn days(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

/// How long a saved list may go unseen before a returning person is
/// offered to keep a copy: Safari deletes script-written storage after 7
/// days without a visit (EMBEDDING.md).
pub const STALE_DAYS: i64 = 7;

/// Was a list last saved on `saved` (ISO) at least `STALE_DAYS` before
/// `today` (ISO)? `false` when either is not a date.
pub fn stale(saved: &str, today: &str) -> bool {
    match (Date::parse(saved), Date::parse(today)) {
        (Some(saved), Some(today)) => today.days() - saved.days() >= STALE_DAYS,
        _ => false,
    }
}

/// An ISO date written out in `lang`: "November 30, 2026", "30 de
/// noviembre de 2026". Text that is not an ISO date is returned as it is,
/// so a mistake in a pack shows, never a panic.
pub fn long(lang: Lang, iso: &str) -> String {
    let Some(Date { year, month, day }) = Date::parse(iso.trim()) else {
        return iso.to_owned();
    };
    let m = (month - 1) as usize;
    match lang {
        Lang::En => format!("{} {day}, {year}", MONTHS_EN[m]),
        Lang::Es => format!("{day} de {} de {year}", MONTHS_ES[m]),
    }
}

/// "Last reviewed: November 30, 2026. Next review by: May 31, 2027.": the
/// pack's review dates, as the page foot and the printed sheet show them.
/// A pack with no `review_by` (a hospital's, made before it existed) says
/// only when it was last reviewed: "Last reviewed: November 29, 2026".
pub fn reviewed_line(pack: &Pack) -> String {
    let lang = pack.language();
    let meta = &pack.meta;
    let reviewed = long(lang, &meta.last_reviewed);
    if meta.review_by.trim().is_empty() {
        return fill(pack.ui("last_reviewed"), &[("date", &reviewed)]);
    }
    fill(
        pack.ui("review_dates"),
        &[
            ("reviewed", &reviewed),
            ("review_by", &long(lang, &meta.review_by)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Goldens for both languages.
    #[test]
    fn dates_read_as_each_language_writes_them() {
        for (iso, en, es) in [
            ("2026-11-30", "November 30, 2026", "30 de noviembre de 2026"),
            ("2027-05-31", "May 31, 2027", "31 de mayo de 2027"),
            ("2027-01-01", "January 1, 2027", "1 de enero de 2027"),
            ("2028-02-29", "February 29, 2028", "29 de febrero de 2028"),
            ("2026-09-07", "September 7, 2026", "7 de septiembre de 2026"),
        ] {
            assert_eq!(long(Lang::En, iso), en);
            assert_eq!(long(Lang::Es, iso), es);
        }
    }

    #[test]
    fn the_review_line_gives_both_dates_or_the_last_review_alone() {
        let mut pack = crate::content::builtin(Lang::En).expect("English pack");
        pack.meta.last_reviewed = "2026-11-30".into();
        pack.meta.review_by = "2027-05-31".into();
        pack.ui.insert(
            "review_dates".into(),
            "Last reviewed: {reviewed}. Next review by: {review_by}.".into(),
        );
        pack.ui
            .insert("last_reviewed".into(), "Last reviewed: {date}".into());
        assert_eq!(
            reviewed_line(&pack),
            "Last reviewed: November 30, 2026. Next review by: May 31, 2027."
        );
        pack.meta.review_by.clear();
        assert_eq!(reviewed_line(&pack), "Last reviewed: November 30, 2026");
    }

    #[test]
    fn a_list_is_stale_a_week_after_it_was_saved() {
        assert_eq!(Date::parse("1970-01-01").map(Date::days), Some(0));
        assert_eq!(Date::parse("2000-03-01").map(Date::days), Some(11_017));
        assert!(!stale("2026-11-24", "2026-11-30"), "6 days");
        assert!(stale("2026-11-23", "2026-11-30"), "7 days");
        assert!(stale("2026-02-22", "2026-03-01"), "across February");
        assert!(stale("2025-12-31", "2026-01-07"), "across a new year");
        assert!(!stale("2026-12-01", "2026-11-30"), "a clock set back");
        assert!(!stale("", "2026-11-30") && !stale("2026-11-01", "soon"));
    }

    #[test]
    fn text_that_is_not_an_iso_date_stays_as_it_is() {
        for odd in [
            "",
            "soon",
            "2026-13-01",
            "2026-11-31",
            "2027-02-29",
            "2026-1-05",
            "+026-11-30",
            "2026/11/30",
        ] {
            assert_eq!(long(Lang::Es, odd), odd);
            assert_eq!(Date::parse(odd), None, "{odd:?}");
        }
    }
}
