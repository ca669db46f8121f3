//! End-to-end tests of event types, claims and the timeline, running the
//! real binary on small made-up articles (the language model is installed
//! on first use).

use std::path::Path;

use predicates::prelude::*;

use crate::support::{stdout_of, trame_on, write_file};

/// (sources, asserted, denied, contested) of every claim, as CSV rows.
fn claims(store: &Path) -> Vec<String> {
    let text = stdout_of(trame_on(store).args([
        "query",
        "--format",
        "csv",
        "SELECT ?n ?a ?d ?c WHERE { ?claim a trame:Claim ; trame:sourceCount ?n ; trame:assertedBy ?a ; \
         trame:deniedBy ?d ; trame:contested ?c } ORDER BY ?n",
    ]));
    text.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn the_same_fact_in_two_articles_is_one_claim_a_denial_contests_it_and_rm_updates_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let a = write_file(
        dir.path(),
        "a.txt",
        "Offensive au sud\n\nLa Russie a attaqué l'Ukraine dans la nuit.\n",
    );
    let b = write_file(
        dir.path(),
        "b.txt",
        "Nouvelle offensive\n\nSelon des témoins, la Russie a attaqué l'Ukraine.\n",
    );
    let c = write_file(
        dir.path(),
        "c.txt",
        "Démenti\n\nLa Russie n'a pas attaqué l'Ukraine, affirme Moscou.\n",
    );
    trame_on(&store)
        .args(["build", "--quiet"])
        .args([&a, &b])
        .assert()
        .success();
    assert_eq!(claims(&store), ["2,2,0,false"]);

    trame_on(&store).args(["build", "--quiet"]).arg(&c).assert().success();
    assert_eq!(claims(&store), ["3,2,1,true"]);

    // The fact is typed, and explain says who else states it.
    let explained = stdout_of(trame_on(&store).args(["explain", "Russie"]));
    assert!(explained.contains("event ASSAULT, CAMEO 19"), "{explained}");
    assert!(explained.contains("stated by 3 documents, contested"), "{explained}");

    // relations.csv gains the event type, the source count and the claim.
    let csv_dir = dir.path().join("csv");
    trame_on(&store)
        .args(["export", "csv", "-o"])
        .arg(&csv_dir)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(csv_dir.join("relations.csv")).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    let attacks: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[column("predicate")] == "attacks")
        .collect();
    assert_eq!(attacks.len(), 3);
    for row in &attacks {
        assert_eq!(&row[column("event_type")], "ASSAULT");
        assert_eq!(&row[column("sources")], "3");
        assert!(row[column("claim")].starts_with("https://w3id.org/trame/claim/"));
    }

    // stats counts facts by type and the claims.
    let stats = stdout_of(trame_on(&store).args(["stats", "--format", "csv"]));
    assert!(stats.contains("facts_by_event_type,ASSAULT,,3"), "{stats}");
    assert!(
        stats.contains("claims,claims,,1") && stats.contains("claims,contested,,1"),
        "{stats}"
    );

    // Removing the denial: two agreeing sources; removing one more: no claim.
    trame_on(&store).arg("rm").arg(&c).assert().success();
    assert_eq!(claims(&store), ["2,2,0,false"]);
    trame_on(&store).arg("rm").arg(&a).assert().success();
    assert!(claims(&store).is_empty());
}

#[test]
fn the_timeline_places_facts_by_their_article_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let a = write_file(dir.path(), "a.txt", "Frappes\n\nLa Russie a attaqué l'Ukraine.\n");
    let b = write_file(dir.path(), "b.txt", "Sanctions\n\nLa France a sanctionné la Russie.\n");
    trame_on(&store)
        .args(["build", "--quiet"])
        .args([&a, &b])
        .assert()
        .success();
    // Dates given to the documents by hand (the build may find none in such short texts).
    let docs = stdout_of(trame_on(&store).args([
        "query",
        "--format",
        "csv",
        "SELECT ?d ?s WHERE { ?d a trame:Document ; trame:sourcePath ?s } ORDER BY ?s",
    ]));
    let iris: Vec<&str> = docs.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(iris.len(), 2);
    let update = format!(
        "DELETE {{ GRAPH ?g {{ ?g schema:datePublished ?old }} }} WHERE {{ GRAPH ?g {{ ?g schema:datePublished ?old }} }} ; \
         INSERT DATA {{ GRAPH <{0}> {{ <{0}> schema:datePublished \"2018-03-02\"^^xsd:date }} \
                        GRAPH <{1}> {{ <{1}> schema:datePublished \"2018-03-09\"^^xsd:date }} }}",
        iris[0], iris[1]
    );
    trame_on(&store).args(["update", &update]).assert().success();

    let csv_path = dir.path().join("t.csv");
    trame_on(&store)
        .args(["export", "timeline", "-o"])
        .arg(&csv_path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(rows.len() >= 2, "{text}");
    assert!(
        rows[0].starts_with("2018-03-02,2018-03-02,2018-03-02,article,Russie,attacks,Ukraine"),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("2018-03-09,2018-03-09,2018-03-09,article,France,sanctions,Russie")),
        "{text}"
    );

    let png = dir.path().join("t.png");
    trame_on(&store)
        .args(["export", "timeline", "--focus", "Russie", "-o"])
        .arg(&png)
        .assert()
        .success();
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");

    trame_on(&store)
        .args(["export", "timeline", "-o", "t.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".svg, .png or .csv"));
    trame_on(&store)
        .args(["export", "timeline", "--focus", "Personne-Inconnue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Personne-Inconnue"));
}
