//! `trame export` on a real store (the store's fixture documents): CSV,
//! pictures and RDF come out of `Store::snapshot` / `Store::write_rdf`.

use crate::support::{fixture_store, trame_on};

#[test]
fn csv_from_a_store_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let out = dir.path().join("csv");
    trame_on(&store)
        .args(["export", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    let mut relations = csv::Reader::from_path(out.join("relations.csv")).unwrap();
    let header: Vec<String> = relations.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..3], ["subject_id", "subject", "predicate"]);
    assert!(relations.records().count() > 0, "the fixture documents have facts");
    let mut entities = csv::Reader::from_path(out.join("entities.csv")).unwrap();
    for row in entities.records() {
        let row = row.unwrap();
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&&row[2]), "{row:?}");
    }
}

#[test]
fn pictures_and_rdf_from_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let png = dir.path().join("g.png");
    trame_on(&store)
        .args(["export", "png", "-o"])
        .arg(&png)
        .assert()
        .success();
    let pixmap = resvg::tiny_skia::Pixmap::load_png(&png).unwrap();
    assert!(pixmap.width() > 200);
    let dot = trame_on(&store)
        .args(["export", "dot", "--min-confidence", "0"])
        .output()
        .unwrap();
    assert!(dot.status.success());
    assert!(String::from_utf8(dot.stdout).unwrap().starts_with("digraph trame {"));
    let nq = trame_on(&store).args(["export", "nq"]).output().unwrap();
    assert!(nq.status.success(), "{}", String::from_utf8_lossy(&nq.stderr));
    assert!(!nq.stdout.is_empty());
    let ttl = dir.path().join("g.ttl");
    trame_on(&store)
        .args(["export", "ttl", "-o"])
        .arg(&ttl)
        .assert()
        .success();
    assert!(std::fs::metadata(&ttl).unwrap().len() > 0);
}
