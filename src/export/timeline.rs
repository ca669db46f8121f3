//! Timelines: facts on a time axis, coloured by event type, as SVG, PNG or CSV.
//!
//! Owns the choice of facts (an entity's, or the store's best-corroborated
//! typed ones), the reading of their time values into day intervals, and
//! the timeline's look. A fact is placed at its own normalised time when it
//! has one (a TIMEX3 value or an XSD date: a day, a month, a week, a year,
//! a decade), else at its article's date, drawn hollow and said so; a fact
//! with neither is left out. Drawing reuses the graph pictures' stack: the
//! embedded font of [`super::font`], [`super::render::svg_to_png`] and the
//! event palette of [`super::render::event_colour`]. Reads a
//! [`GraphSnapshot`] only; output is deterministic.

use crate::calendar;
use std::fmt::Write as _;
use std::io::Write;

use super::csv::{CsvOptions, Table};
use super::font::{self, xml_escape, FONT_FAMILY};
use super::graph::{FactGraph, GraphOptions};
use super::render::{self, event_colour, Picture, UNTYPED_COLOUR};
use super::ExportError;
use crate::store::snapshot::{GraphSnapshot, RelationRow};

/// What to put on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineOptions {
    /// Only facts whose subject or object is this entity (label or alias).
    pub focus: Option<String>,
    /// At most this many facts (the best-corroborated, typed first).
    pub limit: usize,
    /// Put the font in the SVG.
    pub embed_font: bool,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            focus: None,
            limit: 40,
            embed_font: true,
        }
    }
}

/// A day as a count of days since 1970-01-01 (proleptic Gregorian).
pub type Day = i64;

/// One fact placed in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// First and last day the time value covers (equal for a day).
    pub start: Day,
    pub end: Day,
    /// The value it was placed by (a TIMEX3/XSD value or the article's date).
    pub when: String,
    /// Whether `when` is the fact's own time (false: its article's date).
    pub own_time: bool,
    pub fact: RelationRow,
}

/// Picks the facts to draw and places them in time, sorted by start day,
/// then end day, subject, predicate, object and statement.
///
/// Errors: [`ExportError::FocusNotFound`] when `focus` names no entity.
pub fn entries(snapshot: &GraphSnapshot, options: &TimelineOptions) -> Result<Vec<Entry>, ExportError> {
    let focus = match &options.focus {
        Some(name) => {
            let graph = FactGraph::from_snapshot(
                snapshot,
                &GraphOptions {
                    isolated_entities: true,
                    ..Default::default()
                },
            );
            let node = graph.find_entity(name)?;
            Some(graph.graph[node].key.clone())
        }
        None => None,
    };
    let mut placed: Vec<Entry> = snapshot
        .relations
        .iter()
        .filter(|r| match &focus {
            Some(iri) => r.subject_iri == *iri || r.object_iri.as_deref() == Some(iri.as_str()),
            // The store's timeline: acts, and facts with a time of their own.
            None => r.event_type.is_some() || r.time_value.is_some(),
        })
        .filter_map(place)
        .collect();
    // One row per claim: its best-placed statement stands for the others.
    // An article that states the same fact at the same time twice (in its
    // title and its text, say) gives one row too.
    placed.sort_by_cached_key(rank_key);
    let mut seen_claims = std::collections::HashSet::new();
    let mut seen_facts = std::collections::HashSet::new();
    placed.retain(|entry| {
        let f = &entry.fact;
        let repeated = (
            f.doc.clone(),
            f.subject_iri.clone(),
            f.predicate.clone(),
            f.object_iri.clone().unwrap_or_else(|| f.object.clone()),
            f.negated,
            entry.start,
            entry.end,
        );
        f.claim.as_ref().is_none_or(|claim| seen_claims.insert(claim.clone())) && seen_facts.insert(repeated)
    });
    placed.truncate(options.limit);
    placed.sort_by(|a, b| {
        (
            a.start,
            a.end,
            &a.fact.subject,
            &a.fact.predicate,
            &a.fact.object,
            &a.fact.statement,
        )
            .cmp(&(
                b.start,
                b.end,
                &b.fact.subject,
                &b.fact.predicate,
                &b.fact.object,
                &b.fact.statement,
            ))
    });
    Ok(placed)
}

/// Best first: more sources, typed, own time, more confident, then by IRI.
fn rank_key(entry: &Entry) -> (std::cmp::Reverse<usize>, bool, bool, std::cmp::Reverse<u32>, String) {
    (
        std::cmp::Reverse(entry.fact.sources),
        entry.fact.event_type.is_none(),
        !entry.own_time,
        std::cmp::Reverse((entry.fact.confidence.clamp(0.0, 1.0) * 10_000.0) as u32),
        entry.fact.statement.clone(),
    )
}

fn place(fact: &RelationRow) -> Option<Entry> {
    let own = fact.time_value.as_deref().and_then(|v| interval(v).map(|i| (v, i)));
    let (when, (start, end), own_time) = match own {
        Some((value, interval)) => (value, interval, true),
        None => {
            let date = fact.doc_date.as_deref()?;
            (date, interval(date)?, false)
        }
    };
    Some(Entry {
        start,
        end,
        when: when.to_string(),
        own_time,
        fact: fact.clone(),
    })
}

/// The days a TIMEX3 or XSD value covers: `2025-03-10`, `2025-03-10TEV`,
/// `2025-03-10T14:30`, `2025-03-10T14:30:00Z`, `2025-03`, `2025-W10`,
/// `2025-Q1`, `2025`, `199` (a decade), `19` (a century). `None` for values
/// with unknown parts (`XXXX-02-28`), durations, sets, `PAST_REF` and the like,
/// and for impossible dates.
pub fn interval(value: &str) -> Option<(Day, Day)> {
    let date = value.trim().split('T').next()?;
    let digits = |s: &str, n: usize| {
        (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [century] if century.len() == 2 => {
            let c = digits(century, 2)?;
            Some((days_from_civil(c * 100, 1, 1)?, days_from_civil(c * 100 + 99, 12, 31)?))
        }
        [decade] if decade.len() == 3 => {
            let d = digits(decade, 3)?;
            Some((days_from_civil(d * 10, 1, 1)?, days_from_civil(d * 10 + 9, 12, 31)?))
        }
        [year] => {
            let y = digits(year, 4)?;
            Some((days_from_civil(y, 1, 1)?, days_from_civil(y, 12, 31)?))
        }
        [year, second] => {
            let y = digits(year, 4)?;
            if let Some(week) = second.strip_prefix('W') {
                let w = digits(week, 2)?;
                let monday = iso_week_monday(y, w)?;
                Some((monday, monday + 6))
            } else if let Some(quarter) = second.strip_prefix('Q') {
                let q = digits(quarter, 1).filter(|q| (1..=4).contains(q))?;
                let first = days_from_civil(y, (q - 1) * 3 + 1, 1)?;
                Some((first, month_end(y, q * 3)?))
            } else {
                let m = digits(second, 2)?;
                Some((days_from_civil(y, m, 1)?, month_end(y, m)?))
            }
        }
        [year, month, day] => {
            let day = days_from_civil(digits(year, 4)?, digits(month, 2)?, digits(day, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// The day count of a civil date; `None` when the date does not exist or
/// its year is outside what [`calendar::Date`] supports.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> Option<Day> {
    let date = calendar::Date::new(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    Some(date.to_days())
}

/// The civil date of a day count, as (year, month, day).
pub fn civil_from_days(days: Day) -> (i64, i64, i64) {
    let (y, m, d) = calendar::civil_from_days(days);
    (y, i64::from(m), i64::from(d))
}

fn month_end(year: i64, month: i64) -> Option<Day> {
    let last = calendar::days_in_month(i32::try_from(year).ok()?, u32::try_from(month).ok()?);
    days_from_civil(year, month, i64::from(last))
}

/// Monday of ISO week `week` of `year` (week 1 holds 4 January).
fn iso_week_monday(year: i64, week: i64) -> Option<Day> {
    let date = calendar::Date::from_iso_week(i32::try_from(year).ok()?, u32::try_from(week).ok()?)?;
    Some(date.to_days())
}

/// `YYYY-MM-DD` of a day.
pub fn day_text(day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The timeline as CSV: one row per entry, in timeline order, cells
/// written as in the CSV dump (a cell a spreadsheet would run as a formula
/// gets a leading `'`).
pub fn write_csv(entries: &[Entry], out: impl Write) -> Result<(), ::csv::Error> {
    let header = [
        "start",
        "end",
        "when",
        "time_source",
        "subject",
        "predicate",
        "object",
        "lemma",
        "event_type",
        "cameo_root",
        "sources",
        "negated",
        "statement",
        "doc",
    ];
    let mut writer = Table::new(out, CsvOptions::default(), &header)?;
    for entry in entries {
        let f = &entry.fact;
        writer.row([
            day_text(entry.start).as_str(),
            &day_text(entry.end),
            &entry.when,
            if entry.own_time { "fact" } else { "article" },
            &f.subject,
            &f.predicate,
            &f.object,
            &f.lemma,
            f.event_type.as_deref().unwrap_or(""),
            f.cameo_root.as_deref().unwrap_or(""),
            &f.sources.max(1).to_string(),
            if f.negated { "true" } else { "false" },
            &f.statement,
            &f.doc,
        ])?;
    }
    writer.flush()
}

const WIDTH: f64 = 1400.0;
const MARGIN: f64 = 28.0;
const TITLE_HEIGHT: f64 = 52.0;
const AXIS_HEIGHT: f64 = 34.0;
const ROW: f64 = 26.0;
const LEGEND_ROW: f64 = 22.0;
const LABEL_FONT: f64 = 12.0;
const MAX_LABEL: usize = 110;

/// The tick spacing of the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// Draws the entries as an SVG timeline titled `title`.
pub fn to_svg(entries: &[Entry], title: &str, options: &TimelineOptions) -> Result<Picture, ExportError> {
    let labels: Vec<String> = entries.iter().map(label).collect();
    let measured: Vec<(&str, f64)> = labels.iter().map(|l| (l.as_str(), LABEL_FONT)).collect();
    let widths = font::measure(&measured)?;
    let (first, last) = match (
        entries.iter().map(|e| e.start).min(),
        entries.iter().map(|e| e.end).max(),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => (0, 0),
    };
    // Pad the range so the first and last marks are not on the frame.
    let span = (last - first + 1).max(2) as f64;
    let (lo, hi) = (first as f64 - span * 0.04, last as f64 + 1.0 + span * 0.04);
    let (x0, x1) = (MARGIN + 8.0, WIDTH - MARGIN - 8.0);
    let x_of = |day: f64| x0 + (day - lo) / (hi - lo) * (x1 - x0);
    let mut events: Vec<&str> = entries.iter().filter_map(|e| e.fact.event_type.as_deref()).collect();
    events.sort_unstable();
    events.dedup();
    let any_article_date = entries.iter().any(|e| !e.own_time);
    let legend_items: Vec<(String, &str)> = events
        .iter()
        .map(|code| (code.to_string(), event_colour(code)))
        .chain(
            entries
                .iter()
                .any(|e| e.fact.event_type.is_none())
                .then(|| ("untyped".to_string(), UNTYPED_COLOUR)),
        )
        .collect();
    let legend_rows = legend_rows(&legend_items, any_article_date);
    let top = TITLE_HEIGHT + AXIS_HEIGHT;
    let height = top + ROW * entries.len().max(1) as f64 + 12.0 + LEGEND_ROW * legend_rows as f64 + MARGIN;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0}" height="{height:.0}" viewBox="0 0 {WIDTH:.0} {height:.0}" font-family="{FONT_FAMILY}">"#
    );
    if options.embed_font {
        let _ = writeln!(
            svg,
            "<defs><style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/ttf;base64,{}) format('truetype'); }}</style></defs>",
            render::base64(font::DEJAVU_SANS)
        );
    }
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let own = entries.iter().filter(|e| e.own_time).count();
    let subtitle = if entries.is_empty() {
        "no dated facts".to_string()
    } else {
        format!(
            "{} fact{} from {} to {} · {own} placed by their own time, {} by their article's date",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" },
            day_text(first),
            day_text(last),
            entries.len() - own
        )
    };
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN}" y="26" font-size="18" fill="#111827">{}</text><text x="{MARGIN}" y="44" font-size="12" fill="#6b7280">{}</text>"##,
        xml_escape(title),
        xml_escape(&subtitle)
    );

    // Axis: ticks, their labels and light grid lines down the rows.
    let rows_bottom = top + ROW * entries.len().max(1) as f64;
    let axis_y = top - 8.0;
    let _ = writeln!(
        svg,
        r##"<line x1="{x0:.1}" y1="{axis_y:.1}" x2="{x1:.1}" y2="{axis_y:.1}" stroke="#9ca3af"/>"##
    );
    let unit = unit_for(hi - lo);
    for (day, text) in ticks(lo, hi, unit) {
        let x = x_of(day as f64);
        let _ = writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{rows_bottom:.1}" stroke="#f3f4f6"/><line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{axis_y:.1}" stroke="#9ca3af"/><text x="{x:.1}" y="{:.1}" font-size="11" fill="#4b5563" text-anchor="middle">{}</text>"##,
            axis_y,
            axis_y - 5.0,
            axis_y - 9.0,
            xml_escape(&text)
        );
    }

    for (row, (entry, (text, width))) in entries.iter().zip(labels.iter().zip(&widths)).enumerate() {
        let y = top + ROW * row as f64 + ROW / 2.0;
        if row % 2 == 1 {
            let _ = writeln!(
                svg,
                r##"<rect x="{MARGIN}" y="{:.1}" width="{:.1}" height="{ROW}" fill="#f9fafb"/>"##,
                y - ROW / 2.0,
                WIDTH - 2.0 * MARGIN
            );
        }
        let colour = entry.fact.event_type.as_deref().map_or(UNTYPED_COLOUR, event_colour);
        let (xa, xb) = (x_of(entry.start as f64), x_of(entry.end as f64 + 1.0));
        let _ = write!(
            svg,
            "<g><title>{}</title>",
            xml_escape(&format!("{} · {}", entry.when, entry.fact.statement))
        );
        let mark_end = if entry.end > entry.start {
            // A month, a week, a year: a bar over the days it covers.
            let (fill, opacity) = if entry.own_time { (colour, 0.35) } else { ("white", 1.0) };
            let _ = write!(
                svg,
                r#"<rect x="{xa:.1}" y="{:.1}" width="{:.1}" height="10" rx="3" fill="{fill}" fill-opacity="{opacity}" stroke="{colour}" stroke-width="1.5"/>"#,
                y - 5.0,
                xb - xa
            );
            xb
        } else {
            let x = (xa + xb) / 2.0;
            let fill = if entry.own_time { colour } else { "white" };
            let _ = write!(
                svg,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="5.5" fill="{fill}" stroke="{colour}" stroke-width="2"/>"#
            );
            x + 6.0
        };
        // The label goes right of the mark, else left of it, else over a
        // long bar on a white backing, always inside the picture.
        let mark_start = if entry.end > entry.start { xa } else { mark_end - 12.0 };
        let lx = if mark_end + 8.0 + width <= WIDTH - MARGIN {
            mark_end + 8.0
        } else if mark_start - 8.0 - width >= MARGIN {
            mark_start - 8.0 - width
        } else {
            let lx = (xa + 8.0).min(WIDTH - MARGIN - width).max(MARGIN + 4.0);
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="white" fill-opacity="0.85"/>"#,
                lx - 3.0,
                y - LABEL_FONT * 0.7,
                width + 6.0,
                LABEL_FONT * 1.4
            );
            lx
        };
        let text_colour = if entry.fact.negated { "#b91c1c" } else { "#111827" };
        let _ = writeln!(
            svg,
            r#"<text x="{lx:.1}" y="{:.1}" font-size="{LABEL_FONT}" fill="{text_colour}">{}</text></g>"#,
            y + 0.36 * LABEL_FONT,
            xml_escape(text)
        );
    }

    // Legend: the event colours present, and what a hollow mark means.
    let mut x = MARGIN;
    let mut y = rows_bottom + 12.0 + LEGEND_ROW / 2.0;
    let _ = writeln!(
        svg,
        r##"<line x1="{MARGIN}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#e5e7eb"/>"##,
        rows_bottom + 6.0,
        WIDTH - MARGIN,
        rows_bottom + 6.0
    );
    for (name, colour) in &legend_items {
        let step = legend_step(name);
        if x + step > WIDTH - MARGIN && x > MARGIN {
            x = MARGIN;
            y += LEGEND_ROW;
        }
        let _ = writeln!(
            svg,
            r#"<circle cx="{:.1}" cy="{y:.1}" r="5" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="11" fill="{colour}">{name}</text>"#,
            x + 6.0,
            x + 16.0,
            y + 4.0
        );
        x += step;
    }
    if any_article_date {
        let note = "hollow: placed by the article's date (the fact has no time of its own)";
        if x + legend_step(note) > WIDTH - MARGIN && x > MARGIN {
            x = MARGIN;
            y += LEGEND_ROW;
        }
        let _ = writeln!(
            svg,
            r##"<circle cx="{:.1}" cy="{y:.1}" r="5" fill="white" stroke="#4b5563" stroke-width="2"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#4b5563">{note}</text>"##,
            x + 6.0,
            x + 16.0,
            y + 4.0
        );
    }
    svg.push_str("</svg>\n");
    Ok(Picture {
        svg,
        width: WIDTH,
        height,
    })
}

/// "2025-03-10 · Russie attacks Ukraine · ASSAULT · 3 sources"; a negated
/// fact says so, and the generic `relatedTo` shows its French verb.
fn label(entry: &Entry) -> String {
    let f = &entry.fact;
    // The generic relation says nothing: the French verb does.
    let predicate = if f.predicate == "relatedTo" && !f.lemma.is_empty() {
        &f.lemma
    } else {
        &f.predicate
    };
    let mut text = format!("{} · {} {predicate} {}", entry.when, f.subject, f.object);
    if f.negated {
        text.push_str(" (negated)");
    }
    if let Some(event) = &f.event_type {
        let _ = write!(text, " · {event}");
    }
    if f.sources > 1 {
        let _ = write!(text, " · {} sources", f.sources);
    }
    if text.chars().count() > MAX_LABEL {
        text = text.chars().take(MAX_LABEL - 1).collect::<String>() + "…";
    }
    text
}

fn legend_step(name: &str) -> f64 {
    16.0 + 7.0 * name.chars().count() as f64 + 18.0
}

fn legend_rows(items: &[(String, &str)], note: bool) -> usize {
    let names = items.iter().map(|(name, _)| name.as_str());
    let note_text = note.then_some("hollow: placed by the article's date (the fact has no time of its own)");
    let (mut x, mut rows) = (MARGIN, 1);
    for name in names.chain(note_text) {
        let step = legend_step(name);
        if x + step > WIDTH - MARGIN && x > MARGIN {
            x = MARGIN;
            rows += 1;
        }
        x += step;
    }
    rows
}

/// The coarsest unit that still gives a few ticks over `span` days.
fn unit_for(span: f64) -> Unit {
    if span <= 16.0 {
        Unit::Day
    } else if span <= 120.0 {
        Unit::Week
    } else if span <= 4.0 * 366.0 {
        Unit::Month
    } else if span <= 40.0 * 366.0 {
        Unit::Year
    } else {
        Unit::Decade
    }
}

/// Tick days in [lo, hi] and their labels, thinned to at most 14.
fn ticks(lo: f64, hi: f64, unit: Unit) -> Vec<(Day, String)> {
    let (first, last) = (lo.ceil() as Day, hi.floor() as Day);
    let (y0, _, _) = civil_from_days(first);
    let mut out = Vec::new();
    match unit {
        Unit::Day => out.extend((first..=last).map(|d| (d, day_text(d)))),
        Unit::Week => out.extend(
            (first..=last)
                .filter(|d| (d + 3).rem_euclid(7) == 0)
                .map(|d| (d, day_text(d))),
        ),
        Unit::Month => {
            let (mut y, mut m) = (y0, civil_from_days(first).1);
            while let Some(d) = days_from_civil(y, m, 1) {
                if d > last {
                    break;
                }
                if d >= first {
                    out.push((d, format!("{y:04}-{m:02}")));
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        Unit::Year | Unit::Decade => {
            let step = if unit == Unit::Year { 1 } else { 10 };
            let mut y = y0 - y0.rem_euclid(step);
            while let Some(d) = days_from_civil(y, 1, 1) {
                if d > last {
                    break;
                }
                if d >= first {
                    out.push((d, format!("{y:04}")));
                }
                y += step;
            }
        }
    }
    let every = out.len().div_ceil(14).max(1);
    out.into_iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(_, t)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(statement: &str, doc: &str, time: &str) -> RelationRow {
        RelationRow {
            statement: statement.into(),
            subject_iri: "urn:e:police".into(),
            subject: "police".into(),
            predicate: "expels".into(),
            object_iri: Some("urn:e:manifestants".into()),
            object: "manifestants".into(),
            doc: doc.into(),
            event_type: Some("COERCE".into()),
            time_value: Some(time.into()),
            sources: 1,
            confidence: 0.7,
            ..Default::default()
        }
    }

    #[test]
    fn a_fact_repeated_in_one_article_is_one_row() {
        let snapshot = GraphSnapshot {
            relations: vec![
                fact("urn:d1/statement/0", "urn:d1", "2018-12-21"),
                fact("urn:d1/statement/13", "urn:d1", "2018-12-21"),
                // Another day, or another article, is another row.
                fact("urn:d1/statement/16", "urn:d1", "2018-12-22"),
                fact("urn:d2/statement/3", "urn:d2", "2018-12-21"),
            ],
            ..Default::default()
        };
        let rows: Vec<String> = entries(&snapshot, &TimelineOptions::default())
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e.when, e.fact.statement))
            .collect();
        assert_eq!(
            rows,
            [
                "2018-12-21 urn:d1/statement/0",
                "2018-12-21 urn:d2/statement/3",
                "2018-12-22 urn:d1/statement/16"
            ]
        );
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(2000, 3, 1), Some(11_017));
        for day in [-800_000, -1, 0, 59, 11_016, 20_158, 400_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), Some(day));
        }
        assert_eq!(days_from_civil(2025, 2, 29), None);
        assert_eq!(
            days_from_civil(2024, 2, 29).map(day_text).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn values_become_day_intervals() {
        let text = |v: &str| interval(v).map(|(a, b)| (day_text(a), day_text(b)));
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(text("2025-03-10"), pair("2025-03-10", "2025-03-10"));
        assert_eq!(text("2025-03-10TEV"), pair("2025-03-10", "2025-03-10"));
        assert_eq!(text("2025-03-11T14:30:00Z"), pair("2025-03-11", "2025-03-11"));
        assert_eq!(text("2024-02"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(text("2025-W10"), pair("2025-03-03", "2025-03-09"));
        assert_eq!(text("2020-W53"), pair("2020-12-28", "2021-01-03"));
        assert_eq!(text("2025-Q2"), pair("2025-04-01", "2025-06-30"));
        assert_eq!(text("2014"), pair("2014-01-01", "2014-12-31"));
        assert_eq!(text("199"), pair("1990-01-01", "1999-12-31"));
        assert_eq!(text("19"), pair("1900-01-01", "1999-12-31"));
        for unknown in [
            "XXXX-02-28",
            "P3Y",
            "PAST_REF",
            "2025-02-31",
            "2025-W54",
            "",
            "lundi",
            "2025-13",
        ] {
            assert_eq!(interval(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn ticks_follow_the_span() {
        let d = |y, m, dd| days_from_civil(y, m, dd).unwrap() as f64;
        let days = ticks(d(2025, 3, 3), d(2025, 3, 12), unit_for(9.0));
        assert_eq!(days.first().map(|t| t.1.as_str()), Some("2025-03-03"));
        let months = ticks(d(2024, 11, 20), d(2025, 4, 2), unit_for(133.0));
        let names: Vec<&str> = months.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(names, ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]);
        assert!(ticks(d(1900, 1, 1), d(2020, 1, 1), Unit::Year).len() <= 14);
    }
}
