//! From what an expression says to its TIMEX3 type and value.
//!
//! Owns the calendar reasoning: anchoring relative and partial expressions
//! to the document date (deictic ones: "hier", "la semaine dernière") or to
//! the last date the text named (anaphoric ones: "la veille", "deux ans plus
//! tôt", a bare clock time), choosing past or future from the verb's tense,
//! and writing `X` for every part that no anchor gives. It never reads
//! words; [`super::scan`] does.

use super::scan::{duration_value, Found, Meaning};
use crate::calendar::{add_months, add_weeks, Date};

/// The tense of the verb governing an expression, as the parse shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Passé composé, imparfait, plus-que-parfait, passé simple.
    Past,
    Present,
    /// Futur, futur proche ("va commencer"), futur antérieur.
    Future,
    /// No verb, an infinitive, a conditional.
    Unknown,
}

/// A date the text named, at its own granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(Date),
    Month(i32, u32),
    Year(i32),
}

impl Point {
    fn year(self) -> i32 {
        match self {
            Point::Day(d) => d.year,
            Point::Month(y, _) | Point::Year(y) => y,
        }
    }
}

/// What relative expressions are resolved against: the document date, and
/// the last day and last date (any granularity) the text named so far.
#[derive(Debug, Clone, Copy)]
pub struct Anchors {
    pub doc: Option<Date>,
    pub day: Option<Date>,
    pub last: Option<Point>,
}

impl Anchors {
    /// Anchors at the start of a document dated `doc`.
    pub fn new(doc: Option<Date>) -> Anchors {
        Anchors {
            doc,
            day: doc,
            last: doc.map(Point::Day),
        }
    }

    fn named(&mut self, point: Point) {
        if let Point::Day(d) = point {
            self.day = Some(d);
        }
        self.last = Some(point);
    }
}

/// A TIMEX3 type: DATE, TIME, DURATION or SET.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Date,
    Time,
    Duration,
    Set,
}

impl Type {
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Date => "DATE",
            Type::Time => "TIME",
            Type::Duration => "DURATION",
            Type::Set => "SET",
        }
    }
}

/// The value of one expression, updating the anchors with what it names.
/// `None` when the expression names a date that does not exist ("31
/// février"): it is then not a time expression at all.
pub fn resolve(found: &Found, tense: Tense, anchors: &mut Anchors) -> Option<(Type, String)> {
    let day = if is_day_like(&found.meaning) {
        Some(day_of(&found.meaning, tense, anchors)?)
    } else {
        None
    };
    if let Some(day) = day {
        // A day (known or with X parts), then its time of day.
        let mut value = match day {
            DayValue::Known(d) => {
                anchors.named(Point::Day(d));
                d.to_string()
            }
            DayValue::Partial(p) => {
                if let Some(point) = p.point {
                    anchors.named(point);
                }
                p.text
            }
        };
        let mut kind = Type::Date;
        if let Some((h, m)) = found.clock {
            value.push_str(&format!("T{h:02}:{m:02}"));
            kind = Type::Time;
        } else if let Some(part) = &found.part {
            value.push('T');
            value.push_str(part);
            kind = Type::Time;
        }
        return Some((kind, value));
    }
    let doc = anchors.doc;
    let (kind, value) = match &found.meaning {
        Meaning::Literal(text) => {
            if let Ok(year) = text.parse::<i32>() {
                if text.len() == 4 {
                    anchors.named(Point::Year(year));
                }
            }
            (Type::Date, text.clone())
        }
        Meaning::Relative { unit, shift } => (Type::Date, relative(doc, unit, *shift)),
        Meaning::AnaphoricUnit { unit } => {
            let base = anchors.last.or(doc.map(Point::Day));
            let value = match (base, *unit) {
                (Some(p), "Y") => format!("{:04}", p.year()),
                (Some(Point::Day(d)), "M") => format!("{:04}-{:02}", d.year, d.month),
                (Some(Point::Month(y, m)), "M") => format!("{y:04}-{m:02}"),
                _ => unknown(unit),
            };
            (Type::Date, value)
        }
        Meaning::Ago { n, unit, sign } => {
            let value = ago(doc, *n, unit, *sign);
            if let Some(point) = point_of(&value) {
                anchors.named(point);
            }
            (Type::Date, value)
        }
        Meaning::Shifted { n, unit, sign } => {
            let base = anchors.last.or(doc.map(Point::Day));
            let value = shifted(base, *n, unit, *sign);
            if let Some(point) = point_of(&value) {
                anchors.named(point);
            }
            (Type::Date, value)
        }
        Meaning::Season { code, year, shift } => {
            let year = year.or_else(|| doc.map(|d| d.year + shift));
            let value = match year {
                Some(y) => format!("{y:04}-{code}"),
                None => format!("XXXX-{code}"),
            };
            (Type::Date, value)
        }
        Meaning::Duration(parts) => (Type::Duration, duration_value(parts)),
        Meaning::Set(value) => (Type::Set, value.clone()),
        Meaning::Reference(value) => (Type::Date, (*value).to_string()),
        Meaning::Someday => {
            let value = if tense == Tense::Past { "PAST_REF" } else { "FUTURE_REF" };
            (Type::Date, value.to_string())
        }
        // Day-like meanings were handled above.
        _ => return None,
    };
    Some((kind, value))
}

/// Whether a meaning names a day (perhaps with a time of day).
fn is_day_like(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Calendar { .. }
            | Meaning::ShortYear { .. }
            | Meaning::Deictic(_)
            | Meaning::Anaphoric(_)
            | Meaning::Night(_)
            | Meaning::PartOfDay { .. }
            | Meaning::Clock
    )
}

/// A day value: a known date, or a partly unknown one written with X.
enum DayValue {
    Known(Date),
    Partial(Partial),
}

struct Partial {
    text: String,
    /// What it names, when it names a month or a year (not a day).
    point: Option<Point>,
}

fn partial(text: String, point: Option<Point>) -> Option<DayValue> {
    Some(DayValue::Partial(Partial { text, point }))
}

/// The day (or month, or year) a calendar-like meaning names.
fn day_of(meaning: &Meaning, tense: Tense, anchors: &Anchors) -> Option<DayValue> {
    let doc = anchors.doc;
    match meaning {
        Meaning::Deictic(n) => match doc {
            Some(d) => Some(DayValue::Known(d.add_days(*n)?)),
            None => partial("XXXX-XX-XX".into(), None),
        },
        Meaning::Anaphoric(n) if anchors.day.is_some() => Some(DayValue::Known(anchors.day?.add_days(*n)?)),
        Meaning::PartOfDay { deictic: false } if anchors.day.is_some() => Some(DayValue::Known(anchors.day?)),
        Meaning::Clock if anchors.day.is_some() => Some(DayValue::Known(anchors.day?)),
        Meaning::PartOfDay { deictic: true } if doc.is_some() => Some(DayValue::Known(doc?)),
        Meaning::Anaphoric(_) | Meaning::PartOfDay { .. } | Meaning::Clock => partial("XXXX-XX-XX".into(), None),
        Meaning::Night(inner) => day_of(inner, tense, anchors),
        Meaning::ShortYear { yy, month, day } => {
            // The day must exist in some year (29 February in a leap year).
            Date::new(2000, *month, *day)?;
            let Some(doc) = doc else {
                return partial(format!("XXXX-{month:02}-{day:02}"), None);
            };
            // The century that puts the year at most ten years after the document's.
            let mut year = doc.year.div_euclid(100) * 100 + yy;
            if year > doc.year + 10 {
                year -= 100;
            }
            Some(DayValue::Known(Date::new(year, *month, *day)?))
        }
        Meaning::Calendar {
            year,
            month,
            day,
            weekday,
            shift,
        } => calendar(*year, *month, *day, *weekday, *shift, tense, doc),
        _ => None,
    }
}

/// Which way to look for a date given without all its parts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Before,
    After,
    Nearest,
}

fn direction(tense: Tense, shift: i32) -> Direction {
    match (shift, tense) {
        (s, _) if s < 0 => Direction::Before,
        (s, _) if s > 0 => Direction::After,
        (_, Tense::Past) => Direction::Before,
        (_, Tense::Future) => Direction::After,
        _ => Direction::Nearest,
    }
}

/// Picks among candidates (sorted by date) the one the direction asks for,
/// relative to `doc`; `inclusive` lets the document date itself count.
fn pick(candidates: &[Date], doc: Date, dir: Direction, inclusive: bool) -> Option<Date> {
    let before = candidates
        .iter()
        .rev()
        .find(|d| if inclusive { **d <= doc } else { **d < doc })
        .copied();
    let after = candidates
        .iter()
        .find(|d| if inclusive { **d >= doc } else { **d > doc })
        .copied();
    match dir {
        Direction::Before => before,
        Direction::After => after,
        Direction::Nearest => match (before, after) {
            (Some(b), Some(a)) => {
                if doc.to_days() - b.to_days() <= a.to_days() - doc.to_days() {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (b, a) => b.or(a),
        },
    }
}

fn calendar(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    shift: i32,
    tense: Tense,
    doc: Option<Date>,
) -> Option<DayValue> {
    let dir = direction(tense, shift);
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(DayValue::Known(Date::new(y, m, d)?)),
        (None, Some(m), Some(d)) => {
            // 29 February exists in some year: check against a leap year.
            Date::new(2000, m, d)?;
            let Some(doc) = doc else {
                return partial(format!("XXXX-{m:02}-{d:02}"), None);
            };
            let candidates: Vec<Date> = (doc.year - 4..=doc.year + 4)
                .filter_map(|y| Date::new(y, m, d))
                .collect();
            Some(DayValue::Known(pick(&candidates, doc, dir, true)?))
        }
        (None, None, Some(d)) => {
            let Some(doc) = doc else {
                return partial(format!("XXXX-XX-{d:02}"), None);
            };
            let candidates: Vec<Date> = (-2..=2)
                .filter_map(|k| add_months(doc.year, doc.month, k))
                .filter_map(|(y, m)| Date::new(y, m, d))
                .collect();
            Some(DayValue::Known(pick(&candidates, doc, dir, true)?))
        }
        (Some(y), Some(m), None) => {
            if !(1..=12).contains(&m) {
                return None;
            }
            partial(format!("{y:04}-{m:02}"), Some(Point::Month(y, m)))
        }
        (None, Some(m), None) => {
            let Some(doc) = doc else {
                return partial(format!("XXXX-{m:02}"), None);
            };
            // Months compared by their first day; the document's own month
            // counts as "before" and "after" unless a shift excludes it.
            let this = Date::new(doc.year, doc.month, 1)?;
            let candidates: Vec<Date> = (doc.year - 1..=doc.year + 1)
                .filter_map(|y| Date::new(y, m, 1))
                .collect();
            let chosen = pick(&candidates, this, dir, shift == 0)?;
            partial(format!("{:04}-{m:02}", chosen.year), Some(Point::Month(chosen.year, m)))
        }
        (None, None, None) => {
            let wd = weekday?;
            let Some(doc) = doc else {
                return partial("XXXX-XX-XX".into(), None);
            };
            if shift == 0 && doc.weekday() == wd {
                return Some(DayValue::Known(doc));
            }
            let candidates: Vec<Date> = (-7..=7)
                .filter_map(|k| doc.add_days(k))
                .filter(|d| d.weekday() == wd)
                .collect();
            Some(DayValue::Known(pick(&candidates, doc, dir, false)?))
        }
        _ => None,
    }
}

/// "la semaine dernière", "l'an prochain", "cette année", "ce week-end".
fn relative(doc: Option<Date>, unit: &str, shift: i32) -> String {
    let Some(doc) = doc else { return unknown(unit) };
    let shifted = match unit {
        "Y" => Some(format!("{:04}", doc.year + shift)),
        "M" => add_months(doc.year, doc.month, shift).map(|(y, m)| format!("{y:04}-{m:02}")),
        "W" | "WE" => {
            let (y, w) = doc.iso_week();
            add_weeks(y, w, i64::from(shift)).map(|(y, w)| {
                if unit == "WE" {
                    format!("{y:04}-W{w:02}-WE")
                } else {
                    format!("{y:04}-W{w:02}")
                }
            })
        }
        "Q" => {
            let index = doc.year * 4 + (doc.month as i32 - 1) / 3 + shift;
            Some(format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1))
        }
        _ => None,
    };
    shifted.unwrap_or_else(|| unknown(unit))
}

/// The value with every part unknown, at a unit's granularity.
fn unknown(unit: &str) -> String {
    match unit {
        "Y" => "XXXX".into(),
        "M" => "XXXX-XX".into(),
        "W" => "XXXX-WXX".into(),
        "WE" => "XXXX-WXX-WE".into(),
        "Q" => "XXXX-QX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// `n` units before (`sign` −1) or after the document date: "il y a trois ans".
fn ago(doc: Option<Date>, n: u32, unit: &str, sign: i32) -> String {
    shifted(doc.map(Point::Day), n, unit, sign)
}

/// `n` units before or after a point, at the unit's granularity (or the
/// point's, when coarser).
fn shifted(base: Option<Point>, n: u32, unit: &str, sign: i32) -> String {
    let n = i32::try_from(n).unwrap_or(i32::MAX).saturating_mul(sign);
    let Some(base) = base else {
        return unknown(if unit == "D" || unit == "H" { "D" } else { unit });
    };
    let out = match (unit, base) {
        ("Y", p) => p
            .year()
            .checked_add(n)
            .filter(|y| (0..=9999).contains(y))
            .map(|y| format!("{y:04}")),
        ("M", Point::Day(d)) => add_months(d.year, d.month, n).map(|(y, m)| format!("{y:04}-{m:02}")),
        ("M", Point::Month(y, m)) => add_months(y, m, n).map(|(y, m)| format!("{y:04}-{m:02}")),
        ("W" | "WE", Point::Day(d)) => {
            let (y, w) = d.iso_week();
            add_weeks(y, w, i64::from(n)).map(|(y, w)| format!("{y:04}-W{w:02}"))
        }
        ("D" | "H" | "MIN" | "S", Point::Day(d)) => {
            let days = if unit == "D" { i64::from(n) } else { 0 };
            d.add_days(days).map(|d| d.to_string())
        }
        ("DEC", p) => p
            .year()
            .checked_add(n.saturating_mul(10))
            .map(|y| format!("{:03}", y.div_euclid(10))),
        ("CEN", p) => p
            .year()
            .checked_add(n.saturating_mul(100))
            .map(|y| format!("{:02}", y.div_euclid(100))),
        (_, Point::Month(y, m)) => Some(format!("{y:04}-{m:02}")),
        (_, p) => Some(format!("{:04}", p.year())),
    };
    out.unwrap_or_else(|| unknown(unit))
}

/// The point a value names, when it is a plain date, month or year.
fn point_of(value: &str) -> Option<Point> {
    if let Some(d) = Date::parse_iso(value) {
        return Some(Point::Day(d));
    }
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match value.split('-').collect::<Vec<_>>().as_slice() {
        [y] if y.len() == 4 && digits(y) => Some(Point::Year(y.parse().ok()?)),
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            Some(Point::Month(y.parse().ok()?, m.parse().ok()?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{scan, split, NoParse};
    use super::*;

    /// Values of every expression in `text`, with the given document date and tense.
    fn values(text: &str, doc: Option<&str>, tense: Tense) -> Vec<String> {
        let words = split(text);
        let mut anchors = Anchors::new(doc.and_then(Date::parse_iso));
        scan(&words, &NoParse)
            .iter()
            .filter_map(|f| resolve(f, tense, &mut anchors))
            .map(|(t, v)| format!("{}:{v}", t.as_str()))
            .collect()
    }

    const DOC: Option<&str> = Some("2025-03-11");

    #[test]
    fn the_conventions_table() {
        let v = |t: &str| values(t, DOC, Tense::Past);
        assert_eq!(v("le 28 février"), ["DATE:2025-02-28"]);
        assert_eq!(v("lundi soir"), ["TIME:2025-03-10TEV"]);
        assert_eq!(
            v("mardi, aujourd'hui, ce mardi"),
            ["DATE:2025-03-11", "DATE:2025-03-11", "DATE:2025-03-11"]
        );
        assert_eq!(v("hier / demain"), ["DATE:2025-03-10", "DATE:2025-03-12"]);
        assert_eq!(v("à 14 h 30"), ["TIME:2025-03-11T14:30"]);
        assert_eq!(v("en 2014"), ["DATE:2014"]);
        assert_eq!(v("en avril 2014, depuis avril 2014"), ["DATE:2014-04", "DATE:2014-04"]);
        assert_eq!(v("en décembre dernier"), ["DATE:2024-12"]);
        assert_eq!(v("la semaine dernière"), ["DATE:2025-W10"]);
        assert_eq!(v("l'an dernier, l'année prochaine"), ["DATE:2024", "DATE:2026"]);
        assert_eq!(v("il y a trois ans"), ["DATE:2022"]);
        assert_eq!(v("le mois prochain"), ["DATE:2025-04"]);
        assert_eq!(v("au XXe siècle, les années 1990"), ["DATE:19", "DATE:199"]);
        assert_eq!(
            v("30 jours, trois ans, deux heures"),
            ["DURATION:P30D", "DURATION:P3Y", "DURATION:PT2H"]
        );
        assert_eq!(v("chaque semaine"), ["SET:P1W"]);
        assert_eq!(v("récemment, autrefois"), ["DATE:PAST_REF", "DATE:PAST_REF"]);
        assert_eq!(v("désormais, actuellement"), ["DATE:PRESENT_REF", "DATE:PRESENT_REF"]);
        assert_eq!(v("bientôt"), ["DATE:FUTURE_REF"]);
    }

    #[test]
    fn tense_chooses_the_weekday() {
        assert_eq!(values("jeudi", DOC, Tense::Past), ["DATE:2025-03-06"]);
        assert_eq!(values("jeudi", DOC, Tense::Future), ["DATE:2025-03-13"]);
        assert_eq!(values("jeudi", DOC, Tense::Unknown), ["DATE:2025-03-13"]);
        assert_eq!(values("lundi prochain", DOC, Tense::Past), ["DATE:2025-03-17"]);
        assert_eq!(values("septembre", DOC, Tense::Past), ["DATE:2024-09"]);
        assert_eq!(values("septembre", DOC, Tense::Future), ["DATE:2025-09"]);
    }

    #[test]
    fn anaphora_follow_the_last_date_named() {
        let v = values(
            "le 5 novembre 2018, au matin. Dans la soirée, puis la veille, à 14 h.",
            None,
            Tense::Past,
        );
        assert_eq!(
            v,
            [
                "DATE:2018-11-05",
                "TIME:2018-11-05TMO",
                "TIME:2018-11-05TEV",
                "DATE:2018-11-04",
                "TIME:2018-11-04T14:00"
            ]
        );
        assert_eq!(
            values("en novembre 1969 et deux ans plus tôt", DOC, Tense::Past),
            ["DATE:1969-11", "DATE:1967"]
        );
        assert_eq!(
            values(
                "le 28 juillet 1934 ; ce jour-là, ce soir-là, cette année-là",
                DOC,
                Tense::Past
            ),
            ["DATE:1934-07-28", "DATE:1934-07-28", "TIME:1934-07-28TEV", "DATE:1934"]
        );
    }

    #[test]
    fn without_a_document_date_unknown_parts_are_x() {
        let v = values(
            "hier, le 28 février, lundi soir, la semaine dernière, il y a trois ans, en 2014, ce soir",
            None,
            Tense::Past,
        );
        assert_eq!(
            v,
            [
                "DATE:XXXX-XX-XX",
                "DATE:XXXX-02-28",
                "TIME:XXXX-XX-XXTEV",
                "DATE:XXXX-WXX",
                "DATE:XXXX",
                "DATE:2014",
                "TIME:XXXX-XX-XXTEV"
            ]
        );
    }

    #[test]
    fn impossible_dates_are_not_time_expressions() {
        assert!(values("le 31 février", DOC, Tense::Past).is_empty());
        assert!(values("le 30 février 2020", DOC, Tense::Past).is_empty());
        assert_eq!(
            values("le 29 février", Some("2025-03-11"), Tense::Past),
            ["DATE:2024-02-29"]
        );
        assert!(values("le 31/02/2020", DOC, Tense::Past).is_empty());
        assert_eq!(values("le 12/10/98", DOC, Tense::Past), ["DATE:1998-10-12"]);
        assert_eq!(values("le 12/10/31", DOC, Tense::Past), ["DATE:2031-10-12"]);
        assert_eq!(values("le 12/10/98", None, Tense::Past), ["DATE:XXXX-10-12"]);
        assert!(values("le 30/02/98", DOC, Tense::Past).is_empty());
    }

    #[test]
    fn weekends_weeks_seasons() {
        let doc = Some("2018-01-28");
        assert_eq!(
            values("le début de ce week-end", doc, Tense::Past),
            ["DATE:2018-W04-WE"]
        );
        assert_eq!(
            values("la nuit de dimanche à lundi", doc, Tense::Future),
            ["TIME:2018-01-28TNI"]
        );
        assert_eq!(values("l'été 2018", doc, Tense::Past), ["DATE:2018-SU"]);
        assert_eq!(
            values("la nuit du 26 au 27 août", Some("2018-02-15"), Tense::Past),
            ["TIME:2017-08-26TNI"]
        );
    }
}
