//! The CSV dump: entities.csv, relations.csv, mentions.csv, triples.csv,
//! documents.csv and timex.csv (`shared/eval/TIME.md`).
//!
//! Columns, order and meaning follow the evaluation contract
//! (`shared/eval/README.md`): UTF-8, RFC 4180 quoting by the `csv` crate,
//! one header row, extra columns only after the contract's. The folder is
//! written beside its destination under a temporary name and renamed into
//! place, so a failure never leaves half a dump that looks finished. Owns
//! nothing but the tables' format; rows come from the [`GraphSnapshot`].
//!
//! Cells that a spreadsheet would run as a formula (they begin with `=`,
//! `+`, `-`, `@`, a tab or a carriage return: CSV injection, OWASP) are
//! written with a leading `'` unless [`CsvOptions::raw`] asks for them as
//! they are; [`CsvOptions::excel`] opens each file with a UTF-8 byte-order
//! mark so that Excel reads `Élysée` as UTF-8.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{check_parent_folder, sibling_path, ExportError};
use crate::store::snapshot::GraphSnapshot;

/// The files of a dump, in the order they are written.
pub const FILES: [&str; 6] = [
    "entities.csv",
    "relations.csv",
    "mentions.csv",
    "triples.csv",
    "documents.csv",
    "timex.csv",
];

pub const ENTITY_COLUMNS: [&str; 5] = ["id", "label", "type", "aliases", "mentions"];
/// The contract's nine columns, then trame's extras.
pub const RELATION_COLUMNS: [&str; 20] = [
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "lemma",
    "doc",
    "sentence",
    "confidence",
    "negated",
    "hypothetical",
    "reported",
    "rule",
    "start",
    "end",
    "event_type",
    "cameo_root",
    "quad_class",
    "sources",
    "claim",
];
pub const MENTION_COLUMNS: [&str; 7] = ["entity_id", "doc", "source", "start", "end", "text", "type"];
pub const TRIPLE_COLUMNS: [&str; 4] = ["subject", "predicate", "object", "graph"];
/// The time contract's four columns, then where the date was found.
pub const DOCUMENT_COLUMNS: [&str; 6] = ["doc", "source", "title", "date", "date_origin", "authors"];
pub const TIMEX_COLUMNS: [&str; 8] = ["doc", "source", "start", "end", "text", "value", "type", "mod"];

/// Row counts of a written dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DumpSummary {
    pub entities: usize,
    pub relations: usize,
    pub mentions: usize,
    pub triples: usize,
    pub documents: usize,
    pub timexes: usize,
}

/// How the cells of a dump are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// Write every cell as it is, even one a spreadsheet would run as a
    /// formula (by default such a cell gets a leading `'`).
    pub raw: bool,
    /// Begin each file with a UTF-8 byte-order mark, for Excel.
    pub excel: bool,
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: with a leading `'` when it would start a formula,
/// unless `options.raw`.
pub fn cell(text: &str, options: CsvOptions) -> Cow<'_, str> {
    if !options.raw && text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// [`write_dump_with`] with the default [`CsvOptions`] (formulas
/// neutralised, no byte-order mark).
pub fn write_dump(snapshot: &GraphSnapshot, dir: &Path) -> Result<DumpSummary, ExportError> {
    write_dump_with(snapshot, dir, CsvOptions::default())
}

/// Writes the four tables into the folder `dir`, replacing an earlier dump
/// there. The parent folder must exist; `dir` must be new, empty, or hold
/// only the four dump files (anything else is left alone and reported).
pub fn write_dump_with(snapshot: &GraphSnapshot, dir: &Path, options: CsvOptions) -> Result<DumpSummary, ExportError> {
    check_parent_folder(dir)?;
    check_replaceable(dir)?;
    let temp = sibling_path(dir, "tmp");
    let _ = std::fs::remove_dir_all(&temp);
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    std::fs::create_dir(&temp).map_err(io_error(&temp))?;
    let written = write_tables(snapshot, &temp, options).and_then(|summary| {
        swap_into_place(&temp, dir)?;
        Ok(summary)
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    written
}

/// entities.csv: id, label, type, aliases (`|`-separated), mentions.
pub fn write_entities(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &ENTITY_COLUMNS)?;
    for e in &snapshot.entities {
        let aliases = e.aliases.join("|");
        writer.row([e.iri.as_str(), &e.label, &e.kind, &aliases, &e.mentions.to_string()])?;
    }
    writer.flush()?;
    Ok(snapshot.entities.len())
}

/// relations.csv: the contract's columns, then negated, hypothetical,
/// reported, rule, start, end, the event type (PLOVER code, CAMEO root,
/// quad class; empty when untyped), the number of distinct documents that
/// state the fact (`sources`) and its claim's IRI (empty when only one does).
pub fn write_relations(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &RELATION_COLUMNS)?;
    for r in &snapshot.relations {
        writer.row([
            r.subject_iri.as_str(),
            &r.subject,
            &r.predicate,
            r.object_iri.as_deref().unwrap_or(""),
            &r.object,
            &r.lemma,
            &r.doc,
            &r.sentence,
            &confidence(r.confidence),
            bool_text(r.negated),
            bool_text(r.hypothetical),
            bool_text(r.reported),
            &r.rule,
            &r.start.to_string(),
            &r.end.to_string(),
            r.event_type.as_deref().unwrap_or(""),
            r.cameo_root.as_deref().unwrap_or(""),
            r.quad_class.as_deref().unwrap_or(""),
            &r.sources.max(1).to_string(),
            r.claim.as_deref().unwrap_or(""),
        ])?;
    }
    writer.flush()?;
    Ok(snapshot.relations.len())
}

/// mentions.csv: entity_id, doc, source, start, end, text, type.
pub fn write_mentions(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &MENTION_COLUMNS)?;
    for m in &snapshot.mentions {
        writer.row([
            m.entity_iri.as_str(),
            &m.doc,
            &m.source,
            &m.start.to_string(),
            &m.end.to_string(),
            &m.text,
            &m.kind,
        ])?;
    }
    writer.flush()?;
    Ok(snapshot.mentions.len())
}

/// triples.csv: subject, predicate, object, graph (N-Triples terms).
pub fn write_triples(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &TRIPLE_COLUMNS)?;
    for q in &snapshot.quads {
        writer.row([q.subject.as_str(), &q.predicate, &q.object, &q.graph])?;
    }
    writer.flush()?;
    Ok(snapshot.quads.len())
}

/// documents.csv: doc, source, title, date (`YYYY-MM-DD`, empty when unknown), date_origin,
/// authors (the byline's names, `; ` between them).
pub fn write_documents(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &DOCUMENT_COLUMNS)?;
    for d in &snapshot.documents {
        writer.row([
            d.iri.as_str(),
            &d.source,
            d.title.as_deref().unwrap_or(""),
            d.date.as_deref().unwrap_or(""),
            d.date_origin.as_deref().unwrap_or(""),
            &d.authors.join("; "),
        ])?;
    }
    writer.flush()?;
    Ok(snapshot.documents.len())
}

/// timex.csv: doc, source, start, end (characters, end exclusive), text, value (TIMEX3), type,
/// mod (TIMEX3 `mod`, empty when none).
pub fn write_timexes(snapshot: &GraphSnapshot, out: impl Write, options: CsvOptions) -> Result<usize, ::csv::Error> {
    let mut writer = Table::new(out, options, &TIMEX_COLUMNS)?;
    for t in &snapshot.timexes {
        writer.row([
            t.doc.as_str(),
            &t.source,
            &t.start.to_string(),
            &t.end.to_string(),
            &t.text,
            &t.value,
            &t.kind,
            t.modifier.as_deref().unwrap_or(""),
        ])?;
    }
    writer.flush()?;
    Ok(snapshot.timexes.len())
}

/// One table being written: the byte-order mark and header first, then
/// rows whose cells pass through [`cell`].
pub(crate) struct Table<W: Write> {
    writer: ::csv::Writer<W>,
    options: CsvOptions,
}

impl<W: Write> Table<W> {
    pub(crate) fn new(mut out: W, options: CsvOptions, header: &[&str]) -> Result<Self, ::csv::Error> {
        if options.excel {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record(header)?;
        Ok(Table { writer, options })
    }

    pub(crate) fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), ::csv::Error> {
        let options = self.options;
        self.writer
            .write_record(cells.into_iter().map(|text| cell(text, options).into_owned()))
    }

    pub(crate) fn flush(&mut self) -> Result<(), ::csv::Error> {
        Ok(self.writer.flush()?)
    }
}

/// A confidence in 0..1 with at most four decimals, no trailing zeros.
fn confidence(value: f32) -> String {
    let value = if value.is_finite() { value.clamp(0.0, 1.0) } else { 0.0 };
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

fn bool_text(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

fn write_tables(snapshot: &GraphSnapshot, dir: &Path, options: CsvOptions) -> Result<DumpSummary, ExportError> {
    type Writer = fn(&GraphSnapshot, std::io::BufWriter<std::fs::File>, CsvOptions) -> Result<usize, ::csv::Error>;
    let writers: [Writer; 6] = [
        |s, w, o| write_entities(s, w, o),
        |s, w, o| write_relations(s, w, o),
        |s, w, o| write_mentions(s, w, o),
        |s, w, o| write_triples(s, w, o),
        |s, w, o| write_documents(s, w, o),
        |s, w, o| write_timexes(s, w, o),
    ];
    let mut counts = [0usize; 6];
    for ((name, write), count) in FILES.iter().zip(writers).zip(counts.iter_mut()) {
        let path = dir.join(name);
        let file = std::fs::File::create(&path).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        *count = write(snapshot, std::io::BufWriter::new(file), options)
            .map_err(|source| ExportError::Csv { path, source })?;
    }
    Ok(DumpSummary {
        entities: counts[0],
        relations: counts[1],
        mentions: counts[2],
        triples: counts[3],
        documents: counts[4],
        timexes: counts[5],
    })
}

/// Refuses a destination that is a file, or a folder holding anything but
/// an earlier dump: replacing it must never delete the user's other files.
fn check_replaceable(dir: &Path) -> Result<(), ExportError> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(ExportError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let entries = std::fs::read_dir(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| ExportError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    match names.into_iter().find(|name| !FILES.contains(&name.as_str())) {
        Some(example) => Err(ExportError::FolderNotEmpty {
            path: dir.to_path_buf(),
            example,
        }),
        None => Ok(()),
    }
}

/// Renames the finished `temp` folder to `dir`; an earlier dump there is
/// moved aside first and deleted only once the new one is in place.
fn swap_into_place(temp: &Path, dir: &Path) -> Result<(), ExportError> {
    let io_error = |path: PathBuf| move |source| ExportError::Io { path, source };
    if !dir.exists() {
        return std::fs::rename(temp, dir).map_err(io_error(dir.to_path_buf()));
    }
    let old = sibling_path(dir, "old");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(dir, &old).map_err(io_error(dir.to_path_buf()))?;
    if let Err(source) = std::fs::rename(temp, dir) {
        // Put the earlier dump back rather than leave nothing.
        let _ = std::fs::rename(&old, dir);
        return Err(ExportError::Io {
            path: dir.to_path_buf(),
            source,
        });
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graph::tests::{entity, fact};
    use crate::store::snapshot::{DocumentRow, MentionRow, QuadRow, TimexRow};

    fn tricky() -> GraphSnapshot {
        let mut a = entity("urn:e:a", "Jean \"Le Grand\" Dupont", "PER");
        a.aliases = vec!["Dupont".into(), "J. D.".into()];
        a.mentions = 3;
        let b = entity("urn:e:b", "Paris, France", "LOC");
        let mut r = fact(&a, "visits", Some(&b), "");
        r.sentence = "Il a dit : « oui,\nvraiment ».".into();
        let mut lit = fact(&a, "role", None, "ministre");
        lit.confidence = 0.5;
        GraphSnapshot {
            entities: vec![a, b],
            relations: vec![r, lit],
            mentions: vec![MentionRow {
                entity_iri: "urn:e:a".into(),
                doc: "urn:doc:1".into(),
                source: "seeds/a.txt".into(),
                start: 3,
                end: 9,
                text: "Dupont".into(),
                kind: "PER".into(),
            }],
            quads: vec![QuadRow {
                subject: "<urn:e:a>".into(),
                predicate: "<http://www.w3.org/2000/01/rdf-schema#label>".into(),
                object: "\"Jean \\\"Le Grand\\\" Dupont\"@fr".into(),
                graph: "<urn:doc:1>".into(),
            }],
            documents: vec![DocumentRow {
                iri: "urn:doc:1".into(),
                source: "seeds/a.txt".into(),
                title: Some("Grève, \"générale\"".into()),
                authors: vec!["Marie Dupont".into(), "Jean Martin".into()],
                date: Some("2025-03-11".into()),
                date_origin: Some("given".into()),
            }],
            timexes: vec![TimexRow {
                doc: "urn:doc:1".into(),
                source: "seeds/a.txt".into(),
                start: 10,
                end: 20,
                text: "lundi soir".into(),
                value: "2025-03-10TEV".into(),
                kind: "TIME".into(),
                modifier: Some("END".into()),
            }],
        }
    }

    fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = ::csv::Reader::from_reader(bytes);
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        (header, rows)
    }

    #[test]
    fn entities_round_trip_with_quotes_commas_and_aliases() {
        let mut out = Vec::new();
        write_entities(&tricky(), &mut out, CsvOptions::default()).unwrap();
        let (header, rows) = read(&out);
        assert_eq!(header, ENTITY_COLUMNS);
        assert_eq!(
            rows[0],
            ["urn:e:a", "Jean \"Le Grand\" Dupont", "PER", "Dupont|J. D.", "3"]
        );
        assert_eq!(rows[1][1], "Paris, France");
        assert!(String::from_utf8(out)
            .unwrap()
            .contains(r#""Jean ""Le Grand"" Dupont""#));
    }

    #[test]
    fn relations_have_contract_columns_first() {
        let mut out = Vec::new();
        write_relations(&tricky(), &mut out, CsvOptions::default()).unwrap();
        let (header, rows) = read(&out);
        assert_eq!(
            &header[..9],
            [
                "subject_id",
                "subject",
                "predicate",
                "object_id",
                "object",
                "lemma",
                "doc",
                "sentence",
                "confidence"
            ]
        );
        assert_eq!(rows[0][7], "Il a dit : « oui,\nvraiment ».");
        assert_eq!(rows[0][8], "0.8");
        assert_eq!(rows[1][3], "", "literal objects have no object_id");
        assert_eq!(rows[1][4], "ministre");
        assert_eq!(rows[1][8], "0.5");
    }

    #[test]
    fn documents_and_timexes_follow_the_time_contract() {
        let mut out = Vec::new();
        write_documents(&tricky(), &mut out, CsvOptions::default()).unwrap();
        let (header, rows) = read(&out);
        assert_eq!(&header[..4], ["doc", "source", "title", "date"]);
        assert_eq!(
            rows[0],
            [
                "urn:doc:1",
                "seeds/a.txt",
                "Grève, \"générale\"",
                "2025-03-11",
                "given",
                "Marie Dupont; Jean Martin"
            ]
        );
        let mut out = Vec::new();
        write_timexes(&tricky(), &mut out, CsvOptions::default()).unwrap();
        let (header, rows) = read(&out);
        assert_eq!(header, TIMEX_COLUMNS);
        assert_eq!(
            rows[0],
            [
                "urn:doc:1",
                "seeds/a.txt",
                "10",
                "20",
                "lundi soir",
                "2025-03-10TEV",
                "TIME",
                "END"
            ]
        );
    }

    #[test]
    fn formula_cells_are_neutralised_unless_raw_is_asked() {
        let mut snapshot = tricky();
        snapshot.entities[0].label = "=HYPERLINK(\"http://x\")".into();
        snapshot.entities[1].label = "-Côté".into();
        snapshot.relations[1].object = "+33 1 23".into();
        snapshot.mentions[0].text = "@Dupont".into();
        let write = |options| {
            let mut entities = Vec::new();
            write_entities(&snapshot, &mut entities, options).unwrap();
            let mut relations = Vec::new();
            write_relations(&snapshot, &mut relations, options).unwrap();
            let mut mentions = Vec::new();
            write_mentions(&snapshot, &mut mentions, options).unwrap();
            (read(&entities).1, read(&relations).1, read(&mentions).1)
        };
        let (entities, relations, mentions) = write(CsvOptions::default());
        assert_eq!(entities[0][1], "'=HYPERLINK(\"http://x\")");
        assert_eq!(entities[1][1], "'-Côté");
        assert_eq!(relations[1][4], "'+33 1 23");
        assert_eq!(mentions[0][5], "'@Dupont");
        assert_eq!(entities[0][4], "3", "other cells untouched");
        let (entities, relations, mentions) = write(CsvOptions {
            raw: true,
            excel: false,
        });
        assert_eq!(entities[0][1], "=HYPERLINK(\"http://x\")");
        assert_eq!(relations[1][4], "+33 1 23");
        assert_eq!(mentions[0][5], "@Dupont");
        for text in ["\tx", "\rx"] {
            assert_eq!(cell(text, CsvOptions::default()), format!("'{text}"));
        }
        assert_eq!(cell("Élysée", CsvOptions::default()), "Élysée");
    }

    #[test]
    fn excel_files_begin_with_a_byte_order_mark() {
        let mut out = Vec::new();
        write_entities(
            &tricky(),
            &mut out,
            CsvOptions {
                raw: false,
                excel: true,
            },
        )
        .unwrap();
        assert!(out.starts_with("\u{FEFF}id,label".as_bytes()));
        let mut plain = Vec::new();
        write_entities(&tricky(), &mut plain, CsvOptions::default()).unwrap();
        assert!(plain.starts_with(b"id,label"));
        assert_eq!(&out[3..], &plain[..]);
    }

    #[test]
    fn confidence_is_plain_decimal() {
        assert_eq!(confidence(1.0), "1");
        assert_eq!(confidence(0.0), "0");
        assert_eq!(confidence(0.123456), "0.1235");
        assert_eq!(confidence(f32::NAN), "0");
    }

    #[test]
    fn dump_replaces_an_earlier_dump_but_not_other_folders() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("csv");
        let summary = write_dump(&tricky(), &dir).unwrap();
        assert_eq!(
            summary,
            DumpSummary {
                entities: 2,
                relations: 2,
                mentions: 1,
                triples: 1,
                documents: 1,
                timexes: 1
            }
        );
        write_dump(&GraphSnapshot::default(), &dir).unwrap();
        let (_, rows) = read(&std::fs::read(dir.join("entities.csv")).unwrap());
        assert!(rows.is_empty());
        // Only the dump folder remains beside: no temp or old folders.
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);

        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let error = write_dump(&tricky(), &dir).unwrap_err();
        assert!(error.to_string().contains("notes.txt"), "{error}");
        assert!(dir.join("notes.txt").exists());
    }

    #[test]
    fn dump_into_missing_parent_names_it() {
        let root = tempfile::tempdir().unwrap();
        let error = write_dump(&tricky(), &root.path().join("a/b/csv")).unwrap_err();
        assert!(matches!(error, ExportError::MissingFolder { .. }), "{error}");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }
}
