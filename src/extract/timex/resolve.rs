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
/// A date that does not exist ("31 février 2018", "30/02/2020") keeps the
/// parts that do and marks the day unknown (`2018-02-XX`): the text names
/// that month, and no valid day is made up. `None` only when nothing can
/// be said (a day-like meaning without a day).
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
                (Some(Point::Day(d)), "W") => {
                    let (y, w) = d.iso_week();
                    format!("{y:04}-W{w:02}")
                }
                (Some(Point::Day(d)), "WE") => {
                    let (y, w) = d.iso_week();
                    format!("{y:04}-W{w:02}-WE")
                }
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
            let Some(doc) = doc else {
                return match Date::new(2000, *month, *day) {
                    // The day exists in some year (29 February in a leap year).
                    Some(_) => partial(format!("XXXX-{month:02}-{day:02}"), None),
                    None => partial(format!("XXXX-{month:02}-XX"), None),
                };
            };
            // The century that puts the year at most ten years after the document's.
            let mut year = doc.year.div_euclid(100) * 100 + yy;
            if year > doc.year + 10 {
                year -= 100;
            }
            calendar(Some(year), Some(*month), Some(*day), None, 0, tense, Some(doc))
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
        (Some(y), Some(m), Some(d)) => match Date::new(y, m, d) {
            Some(date) => Some(DayValue::Known(date)),
            // "31 février 2018": the month is named, the day does not exist.
            None if (1..=12).contains(&m) => partial(format!("{y:04}-{m:02}-XX"), Some(Point::Month(y, m))),
            None => None,
        },
        (None, Some(m), Some(d)) => {
            // 29 February exists in some year: check against a leap year.
            if Date::new(2000, m, d).is_none() {
                // "le 31 février": the month placed as a month alone would be, the day unknown.
                let DayValue::Partial(month) = calendar(None, Some(m), None, weekday, shift, tense, doc)? else {
                    return None;
                };
                return partial(format!("{}-XX", month.text), month.point);
            }
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
    fn impossible_dates_keep_their_month_and_mark_the_day_unknown() {
        assert_eq!(values("le 31 février", DOC, Tense::Past), ["DATE:2025-02-XX"]);
        assert_eq!(values("le 31 février", None, Tense::Past), ["DATE:XXXX-02-XX"]);
        assert_eq!(values("le 30 février 2020", DOC, Tense::Past), ["DATE:2020-02-XX"]);
        assert_eq!(values("le 31 avril prochain", DOC, Tense::Future), ["DATE:2025-04-XX"]);
        assert_eq!(
            values("le 29 février", Some("2025-03-11"), Tense::Past),
            ["DATE:2024-02-29"]
        );
        assert_eq!(values("le 29 février 2023", DOC, Tense::Past), ["DATE:2023-02-XX"]);
        assert_eq!(values("le 31/02/2020", DOC, Tense::Past), ["DATE:2020-02-XX"]);
        assert_eq!(values("le 12/10/98", DOC, Tense::Past), ["DATE:1998-10-12"]);
        assert_eq!(values("le 12/10/31", DOC, Tense::Past), ["DATE:2031-10-12"]);
        assert_eq!(values("le 12/10/98", None, Tense::Past), ["DATE:XXXX-10-12"]);
        assert_eq!(values("le 30/02/98", DOC, Tense::Past), ["DATE:1998-02-XX"]);
        assert_eq!(values("le 30/02/98", None, Tense::Past), ["DATE:XXXX-02-XX"]);
        // No 13th month, no 32nd day: at most the year or the month they name.
        let v = values("le 12/13/2020, le 32 mars", DOC, Tense::Past);
        assert!(v.iter().all(|x| !x.contains("-13") && !x.contains("-32")), "{v:?}");
        // The impossible day is not an anchor: «la veille» follows the last real day.
        assert_eq!(
            values("le 5 mars 2020, puis le 31 février, et la veille", DOC, Tense::Past),
            ["DATE:2020-03-05", "DATE:2025-02-XX", "DATE:2020-03-04"]
        );
    }

    /// `text:value:mod` of every expression, `-` for no mod.
    fn mods(text: &str, doc: Option<&str>, tense: Tense) -> Vec<String> {
        let words = split(text);
        let mut anchors = Anchors::new(doc.and_then(Date::parse_iso));
        scan(&words, &NoParse)
            .iter()
            .filter_map(|f| {
                let (_, v) = resolve(f, tense, &mut anchors)?;
                let (a, b) = (words[f.first].start, words[f.last - 1].end);
                let shown: String = text.chars().skip(a).take(b - a).collect();
                Some(format!("{shown}:{v}:{}", f.modifier.unwrap_or("-")))
            })
            .collect()
    }

    #[test]
    fn position_words_give_start_mid_end_and_keep_the_value() {
        let v = |t: &str| mods(t, DOC, Tense::Past);
        assert_eq!(v("Il est arrivé début mars."), ["début mars:2025-03:START"]);
        assert_eq!(v("Elle a démissionné fin 2017."), ["fin 2017:2017:END"]);
        assert_eq!(v("Ils sont partis mi-juillet."), ["mi-juillet:2024-07:MID"]);
        assert_eq!(v("Ils sont partis à la mi-juillet."), ["la mi-juillet:2024-07:MID"]);
        assert_eq!(v("Le chantier a repris mi-2017."), ["mi-2017:2017:MID"]);
        assert_eq!(v("C'était au milieu de l'année 1990."), ["milieu de l'année 1990:1990:MID"]);
        assert_eq!(v("Le vote a eu lieu fin août 2017."), ["fin août 2017:2017-08:END"]);
        assert_eq!(v("Il a parlé le début de l'année."), ["le début de l'année:2025:START"]);
        assert_eq!(v("Cela s'est passé au début du mois."), ["début du mois:2025-03:START"]);
        assert_eq!(
            v("On a voté à la fin du mois dernier."),
            ["la fin du mois dernier:2025-02:END"]
        );
        assert_eq!(v("au début du XXe siècle"), ["début du XXe siècle:19:START"]);
        assert_eq!(v("en fin de semaine"), ["fin de semaine:2025-W11:END"]);
        assert_eq!(
            v("hier en fin d'après-midi"),
            ["hier en fin d'après-midi:2025-03-10TAF:END"]
        );
        assert_eq!(v("en début de matinée"), ["début de matinée:2025-03-11TMO:START"]);
        // «courant» names no part: no mod.
        assert_eq!(v("courant mars"), ["courant mars:2025-03:-"]);
        // Without a date, the value keeps its X and the mod is still said.
        assert_eq!(mods("fin mars", None, Tense::Past), ["fin mars:XXXX-03:END"]);
        // A position word that does not govern a time expression is ordinary text.
        assert!(v("la fin de la guerre, le début des travaux").is_empty());
    }

    #[test]
    fn quantity_words_outside_the_expression_give_its_mod() {
        let v = |t: &str| mods(t, DOC, Tense::Past);
        assert_eq!(v("Ils sont arrivés vers 14 h."), ["14 h:2025-03-11T14:00:APPROX"]);
        assert_eq!(v("Il a dormi plus de 8 heures."), ["8 heures:PT8H:MORE_THAN"]);
        assert_eq!(v("moins de trois ans"), ["trois ans:P3Y:LESS_THAN"]);
        assert_eq!(v("depuis au moins deux semaines"), ["deux semaines:P2W:EQUAL_OR_MORE"]);
        assert_eq!(v("pendant trois ans environ"), ["trois ans:P3Y:APPROX"]);
        assert_eq!(v("près de 30 jours"), ["30 jours:P30D:APPROX"]);
        assert_eq!(v("au plus tard le 28 février"), ["le 28 février:2025-02-28:ON_OR_BEFORE"]);
        assert_eq!(v("il y a plus de dix ans"), ["il y a plus de dix ans:2015:BEFORE"]);
        assert_eq!(v("il y a moins de deux ans"), ["il y a moins de deux ans:2023:AFTER"]);
        assert_eq!(v("il y a environ trois ans"), ["il y a environ trois ans:2022:APPROX"]);
        assert_eq!(v("il y a trois ans"), ["il y a trois ans:2022:-"]);
        // The position word wins over an approximation outside: «vers la fin de l'année».
        assert_eq!(v("vers la fin de l'année"), ["la fin de l'année:2025:END"]);
    }

    #[test]
    fn sets_decades_centuries_and_other_calendars() {
        let v = |t: &str| values(t, DOC, Tense::Past);
        assert_eq!(v("tous les jours"), ["SET:P1D"]);
        assert_eq!(v("tous les lundis"), ["SET:XXXX-WXX-1"]);
        assert_eq!(v("chaque année"), ["SET:P1Y"]);
        assert_eq!(v("chaque week-end"), ["SET:XXXX-WXX-WE"]);
        assert_eq!(v("les années 90, les années 2000"), ["DATE:199", "DATE:200"]);
        assert_eq!(v("le XIXe siècle, le 21e siècle"), ["DATE:18", "DATE:20"]);
        assert_eq!(v("trois décennies, deux siècles"), ["DURATION:P3DE", "DURATION:P2CE"]);
        // Another calendar's date is a date whose Gregorian day is not computed.
        assert_eq!(v("le 15 ramadan 1445"), ["DATE:XXXX-XX-XX"]);
        assert_eq!(v("le 3 brumaire an II"), ["DATE:XXXX-XX-XX"]);
        assert_eq!(v("le 10 dhou al-hijja"), ["DATE:XXXX-XX-XX"]);
        // Its year is not read as a Gregorian year either.
        assert!(!v("le 15 ramadan 1445").contains(&"DATE:1445".to_string()));
        // A short or capitalised month name needs its year: «15 av.» is an address.
        assert!(v("au 15 av. de la Gare, 3 Nissan vendues").is_empty());
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
