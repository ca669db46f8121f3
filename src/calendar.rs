//! Proleptic Gregorian calendar arithmetic, shared by time normalisation
//! (`extract::timex`) and the store's timestamps.
//!
//! Owns [`Date`] (a checked civil date), day counts, weekdays, ISO 8601
//! weeks and month arithmetic. Knows nothing about French words, TIMEX3
//! values or RDF. Day counts use the days-from-civil method (Howard Hinnant,
//! "chrono-Compatible Low-Level Date Algorithms"), rewritten here.

use std::fmt;

/// A valid civil date. Years are astronomical (year 0 exists); months 1–12;
/// days 1–31 as the month allows. Build with [`Date::new`], which refuses
/// impossible dates ("31 février").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Whether a year is a leap year in the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (1–12) of a year; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked date; `None` when the month or day does not exist, or the
    /// year is outside −9999..=9999 (beyond what TIMEX3 values can write).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let ok = (-9999..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (four-digit year), checking the date exists.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside the supported years.
    pub fn from_days(days: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(days);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// The same day `n` months later, clamped to the month's last day.
    pub fn add_months(self, n: i32) -> Option<Date> {
        let (year, month) = add_months(self.year, self.month, n)?;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u32) {
        // The week belongs to the year of its Thursday.
        let thursday = self.to_days() - i64::from(self.weekday()) + 4;
        let Some(t) = Date::from_days(thursday) else {
            return (self.year, 1);
        };
        let jan1 = Date {
            year: t.year,
            month: 1,
            day: 1,
        }
        .to_days();
        (t.year, ((thursday - jan1) / 7 + 1) as u32)
    }

    /// The Monday of an ISO week; `None` when the week does not exist.
    pub fn from_iso_week(year: i32, week: u32) -> Option<Date> {
        let jan4 = Date::new(year, 1, 4)?;
        let monday1 = jan4.to_days() - i64::from(jan4.weekday()) + 1;
        let date = Date::from_days(monday1 + 7 * (i64::from(week) - 1))?;
        (week >= 1 && date.iso_week() == (year, week)).then_some(date)
    }
}

/// The proleptic Gregorian (year, month, day) `days` after 1970-01-01, for
/// any day count (H. Hinnant's civil-from-days arithmetic); [`Date::from_days`]
/// checks the year range on top of it.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month as u32, day as u32)
}

/// `(year, month)` moved by `n` months.
pub fn add_months(year: i32, month: u32, n: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    ((-9999..=9999).contains(&year)).then_some((year, (index.rem_euclid(12) + 1) as u32))
}

/// An ISO week moved by `n` weeks, as `(year, week)`.
pub fn add_weeks(year: i32, week: u32, n: i64) -> Option<(i32, u32)> {
    let monday = Date::from_iso_week(year, week)?;
    Some(monday.add_days(7 * n)?.iso_week())
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2025, 2, 31).is_none());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2025, 13, 1).is_none());
        assert!(Date::new(2025, 0, 1).is_none());
        assert!(Date::new(2025, 1, 0).is_none());
        assert!(Date::parse_iso("2025-02-30").is_none());
        assert!(Date::parse_iso("25-02-03").is_none());
        assert_eq!(Date::parse_iso("2025-03-11"), Date::new(2025, 3, 11));
    }

    #[test]
    fn days_round_trip_and_weekdays() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).unwrap().to_days(), days);
        }
        // 2025-03-11 was a Tuesday, 2018-01-28 a Sunday.
        assert_eq!(Date::new(2025, 3, 11).unwrap().weekday(), 2);
        assert_eq!(Date::new(2018, 1, 28).unwrap().weekday(), 7);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(Date::new(2025, 3, 11).unwrap().iso_week(), (2025, 11));
        assert_eq!(Date::new(2018, 1, 28).unwrap().iso_week(), (2018, 4));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
        assert_eq!(Date::from_iso_week(2025, 11), Date::new(2025, 3, 10));
        assert_eq!(Date::from_iso_week(2025, 53), None);
        assert_eq!(add_weeks(2025, 1, -1), Some((2024, 52)));
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(Date::new(2025, 1, 31).unwrap().add_months(1), Date::new(2025, 2, 28));
        assert_eq!(add_months(2025, 1, -1), Some((2024, 12)));
        assert_eq!(add_months(2025, 12, 1), Some((2026, 1)));
        assert_eq!(add_months(9999, 12, 1), None);
    }
}
