//! The web app of `trame serve` in a real browser: Debian's chromium,
//! headless, driven over the DevTools protocol (`serve_support::cdp`,
//! through a pipe; no DevTools port, no browser download).
//!
//! The store is built once per run by the real pipeline (`trame build`)
//! from the seed, three Wikinews articles and `tests/data/serve/balises.txt`
//! (an article full of HTML and `<script>`); a hand-made document then adds
//! HTML to entity labels. Each test starts its own `trame serve` on a free
//! loopback port and its own chromium with a fresh temporary profile; the
//! tests take turns (one browser at a time), every wait has a deadline and
//! no test sleeps a fixed time.
//!
//! Screenshots of the entity page and the graph view are always taken and
//! checked; with `TRAME_UPDATE_GOLDEN` set they replace
//! `exports/serve-entity.png` and `exports/serve-graph.png` (the README's).
//!
//! Without `/usr/bin/chromium` (`tests/setup.sh` installs it) the tests
//! say loudly that they skipped, unless `TRAME_BROWSER_REQUIRED` is set
//! (tests/run.sh sets it): then they fail.

// The skip notice goes to stderr on purpose.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::cdp::Chromium;
use crate::support::serve::{self as serve_support, encode, Server};
use crate::support::{repo, trame_process, SEED};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The longest any one wait for a condition in the page may take.
const WAIT_LIMIT: Duration = Duration::from_secs(30);

/// True when chromium is there; false (after a loud notice) when it is
/// missing and `TRAME_BROWSER_REQUIRED` is not set; a failure otherwise.
fn have_chromium(test: &str) -> bool {
    if Path::new(CHROMIUM).is_file() {
        return true;
    }
    assert!(
        std::env::var_os("TRAME_BROWSER_REQUIRED").is_none(),
        "{CHROMIUM} is missing and TRAME_BROWSER_REQUIRED is set: run tests/setup.sh (it installs Debian's chromium)"
    );
    eprintln!(
        "\n********************************************************************\n\
         SKIPPED {test}: {CHROMIUM} is missing, so the web app was NOT tested\n\
         in a browser. Run tests/setup.sh (it installs Debian's chromium), or\n\
         set TRAME_BROWSER_REQUIRED=1 to make this a failure.\n\
         ********************************************************************\n"
    );
    false
}

/// One test at a time drives a browser (the machine may have two cores).
fn turn() -> std::sync::MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Every test's start: `None` (after a loud notice) without chromium;
/// else the test's turn and a server on the shared store.
fn begin(test: &str) -> Option<(std::sync::MutexGuard<'static, ()>, Server)> {
    if !have_chromium(test) {
        return None;
    }
    let turn = turn();
    Some((turn, Server::start(store(), &[])))
}

/// The store, built once per run under the target's scratch folder: seed +
/// three Wikinews articles + the HTML article by `trame build`, then the
/// hand-made hostile document through the library.
fn store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve_browser");
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let store = folder.join("db");
        let output = trame_process()
            .arg("build")
            .arg(repo(SEED))
            .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_02-001.txt"))
            .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_07-001.txt"))
            .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_13-001.txt"))
            .arg(repo("tests/data/serve/balises.txt"))
            .arg("--store")
            .arg(&store)
            .arg("--quiet")
            .output()
            .expect("run trame build");
        assert!(
            output.status.success(),
            "trame build failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        trame::store::Store::open(&store)
            .unwrap()
            .put_document(&serve_support::hostile_document())
            .unwrap();
        store
    })
}

/// A page in a fresh headless chromium, with helpers that wait.
struct Tab {
    browser: Option<Chromium>,
    _profile: tempfile::TempDir,
}

impl Tab {
    fn open() -> Tab {
        let profile = tempfile::tempdir().unwrap();
        let browser = Chromium::launch(Path::new(CHROMIUM), profile.path(), 1280, 900).expect("start chromium");
        Tab {
            browser: Some(browser),
            _profile: profile,
        }
    }

    fn b(&mut self) -> &mut Chromium {
        self.browser.as_mut().unwrap()
    }

    fn eval(&mut self, expression: &str) -> Value {
        self.b().evaluate(expression).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Waits until `condition` (a JavaScript expression) is `true`, for at
    /// most [`WAIT_LIMIT`]. A page between two documents counts as "not yet".
    fn wait_until(&mut self, condition: &str) {
        let deadline = Instant::now() + WAIT_LIMIT;
        loop {
            if let Ok(Value::Bool(true)) = self.b().evaluate(condition) {
                return;
            }
            if Instant::now() > deadline {
                let state = self
                    .b()
                    .evaluate("location.href + '\\n' + (document.body ? document.body.innerText.slice(0, 2000) : '')")
                    .unwrap_or_default();
                panic!("never true within {WAIT_LIMIT:?}: {condition}\npage: {state}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Loads `url` and waits for the document to be there.
    fn go(&mut self, url: &str) {
        self.b().navigate(url).unwrap_or_else(|e| panic!("{e}"));
        let target = serde_json::to_string(url).unwrap();
        self.wait_until(&format!(
            "location.href === {target} && document.readyState === 'complete'"
        ));
    }

    fn text(&mut self, selector: &str) -> String {
        let selector = serde_json::to_string(selector).unwrap();
        self.wait_until(&format!("!!document.querySelector({selector})"));
        self.eval(&format!("document.querySelector({selector}).innerText"))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn click(&mut self, selector: &str) {
        let quoted = serde_json::to_string(selector).unwrap();
        self.wait_until(&format!("!!document.querySelector({quoted})"));
        self.b().click(selector).unwrap_or_else(|e| panic!("{e}"));
    }

    /// Focuses the element by clicking it and types `text` into it.
    fn type_into(&mut self, selector: &str, text: &str) {
        self.click(selector);
        self.b().insert_text(text).unwrap_or_else(|e| panic!("{e}"));
    }

    /// A screenshot of the viewport, checked to be a real picture; written
    /// to `exports/NAME` when `TRAME_UPDATE_GOLDEN` is set.
    fn screenshot(&mut self, name: &str) {
        let png = self.b().screenshot().unwrap_or_else(|e| panic!("{e}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        assert!(png.len() > 20_000, "{name}: {} bytes, an empty page?", png.len());
        if std::env::var_os("TRAME_UPDATE_GOLDEN").is_some() {
            std::fs::write(repo("exports").join(name), &png).unwrap();
        }
    }

    /// Nothing from the store ran: the flag the hostile texts would set is unset.
    fn assert_nothing_ran(&mut self) {
        let at = self.eval("location.href");
        assert_eq!(
            self.eval("typeof window.__pwned"),
            "undefined",
            "a script from the store ran at {at}"
        );
    }
}

impl Drop for Tab {
    fn drop(&mut self) {
        if let Some(browser) = self.browser.take() {
            browser.close();
        }
    }
}

/// True once cytoscape's canvases hold painted pixels (nodes drawn).
const PAINTED: &str = "Array.from(document.querySelectorAll('#cy canvas')).some(c => { \
    if (!c.width || !c.height) return false; \
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
    for (let i = 3; i < data.length; i += 4 * 7) if (data[i] > 0) return true; \
    return false; })";

/// The texts of the editor's result cells.
const CELLS: &str = "Array.from(document.querySelectorAll('#results tbody td')).map(td => td.textContent)";

/// The strings of a JSON array (others skipped).
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

const GRAPH_READY: &str =
    "!!document.getElementById('cy') && document.getElementById('cy').dataset.ready === '1' && !!window.trameGraph";

#[test]
fn search_pick_entity_page_graph_and_editor() {
    let Some((_turn, server)) = begin("search_pick_entity_page_graph_and_editor") else {
        return;
    };
    let mut tab = Tab::open();
    tab.go(&server.url("/"));
    tab.wait_until("!!document.querySelector('.stats')");

    // Type a name (lower case) and pick the suggestion from the list.
    tab.type_into("#search", "rubio");
    tab.wait_until(
        "Array.from(document.querySelectorAll('#suggestions li.suggestion')).some(li => li.innerText.includes('Marco Rubio'))",
    );
    let shown = tab.text("#suggestions li.suggestion");
    assert!(shown.contains("Marco Rubio"), "{shown}");
    tab.click("#suggestions li.suggestion");
    tab.wait_until(
        "location.pathname === '/entity' && !!document.querySelector('#entity-label') && !!document.querySelector('.fact mark')",
    );

    // The entity page: the seed's role fact with its sentence, the span marked.
    assert!(tab.text("#entity-label").starts_with("Marco Rubio"));
    let main = tab.text("#main");
    assert!(main.contains("Roles:") && main.contains("secrétaire d’État"), "{main}");
    let role = tab.eval(
        "Array.from(document.querySelectorAll('section[data-predicate=\"role\"] .fact')).map(f => f.innerText).join('\\n')",
    );
    let role = role.as_str().unwrap_or_default();
    assert!(
        role.contains("Le secrétaire d’État Marco Rubio a été rejoint"),
        "{role}"
    );
    let marked = tab.eval(
        "Array.from(document.querySelectorAll('section[data-predicate=\"role\"] .sentence mark')).map(m => m.textContent)",
    );
    assert!(
        marked
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap_or_default().contains("Marco Rubio")),
        "no highlighted span names Marco Rubio: {marked}"
    );
    assert!(main.contains("confidence 0."), "{main}");
    tab.screenshot("serve-entity.png");

    // Accents and case are ignored: "etats" finds États-Unis.
    tab.type_into("#search", "etats");
    tab.wait_until(
        "Array.from(document.querySelectorAll('#suggestions li.suggestion')).some(li => li.innerText.includes('États-Unis'))",
    );
    tab.eval("document.getElementById('search').blur()");
    tab.wait_until("document.getElementById('suggestions').hidden");

    // The graph view from the entity page's link: cytoscape drew nodes.
    tab.click("#graph-link");
    tab.wait_until(&format!("location.pathname === '/graph' && {GRAPH_READY}"));
    let nodes = tab.eval("window.trameGraph.nodes().length").as_u64().unwrap();
    assert!(nodes >= 3, "{nodes} nodes");
    assert_eq!(
        tab.eval("window.trameGraph.nodes('[centre = 1]').data('label')"),
        "Marco Rubio"
    );
    assert_eq!(
        tab.eval("(() => { const e = window.trameGraph.extent(); return isFinite(e.w) && e.w > 0 && e.h > 0; })()"),
        true
    );
    tab.wait_until(PAINTED);

    // A busier neighbourhood for the README's picture.
    let etats = server
        .get(&format!("/api/search?q={}&limit=1", encode("etats-unis")), &[])
        .json();
    let etats = etats[0]["iri"]
        .as_str()
        .expect("États-Unis is in the store")
        .to_string();
    tab.go(&server.url(&format!("/graph?iri={}&depth=1", encode(&etats))));
    tab.wait_until(GRAPH_READY);
    assert!(tab.eval("window.trameGraph.nodes().length").as_u64().unwrap() >= 5);
    tab.wait_until(PAINTED);
    // The picture shows the drawing, with the download buttons above it.
    tab.eval(
        "window.scrollTo(0, document.querySelector('.downloads').getBoundingClientRect().top + window.scrollY - 70)",
    );
    tab.wait_until("window.scrollY > 0");
    tab.screenshot("serve-graph.png");

    // The SPARQL editor: an example is loaded; run a query, read the table.
    tab.go(&server.url("/editor"));
    tab.wait_until("!!document.getElementById('query') && document.getElementById('query').value.length > 0");
    tab.click("#query");
    tab.eval("document.getElementById('query').select()");
    tab.b()
        .insert_text("SELECT ?label WHERE { ?p a trame:Person ; skos:prefLabel ?label } ORDER BY ?label")
        .unwrap();
    assert_eq!(
        tab.eval("document.getElementById('query').value"),
        "SELECT ?label WHERE { ?p a trame:Person ; skos:prefLabel ?label } ORDER BY ?label"
    );
    tab.click("#run");
    tab.wait_until("!!document.querySelector('#results tbody tr')");
    let cells = strings(&tab.eval(CELLS));
    assert!(cells.contains(&"Marco Rubio".to_string()), "{cells:?}");
    assert_eq!(tab.text("#results thead").trim(), "label");
    let rows = tab.text("#row-count");
    assert!(rows.starts_with(&format!("{} rows", cells.len())), "{rows}");

    // A malformed query shows the parser's message and position.
    tab.eval("document.getElementById('query').value = 'SELECT ?s WHERE { ?s ?p }'");
    tab.click("#run");
    tab.wait_until("!!document.getElementById('query-error')");
    let error = tab.text("#query-error");
    assert!(error.contains("400: SPARQL syntax error at line 1"), "{error}");
    tab.assert_nothing_ran();
}

#[test]
fn document_page_highlights_facts_and_hovering_shows_them() {
    let Some((_turn, server)) = begin("document_page_highlights_facts_and_hovering_shows_them") else {
        return;
    };
    let documents = server.get("/api/documents", &[]).json();
    let seed = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["source"]
                .as_str()
                .unwrap_or_default()
                .ends_with("000_9c81224ff3cb7629.txt")
        })
        .expect("the seed is in the store");
    let iri = seed["iri"].as_str().unwrap().to_string();
    let facts = server.get(&format!("/api/document?iri={}", encode(&iri)), &[]).json()["facts"]
        .as_array()
        .unwrap()
        .len();
    assert!(facts > 0);
    let mut tab = Tab::open();
    tab.go(&server.url(&format!("/document?iri={}", encode(&iri))));
    tab.wait_until("!!document.querySelector('article mark.fact-span')");
    assert_eq!(
        tab.eval("document.querySelectorAll('ol.facts li.fact').length")
            .as_u64(),
        Some(facts as u64)
    );
    // Every highlight stands for at least one fact and carries it.
    assert_eq!(
        tab.eval(
            "Array.from(document.querySelectorAll('article mark.fact-span')).every(m => Number(m.dataset.facts) >= 1 && m.title.includes('→'))"
        ),
        true
    );
    // Hover the highlight in the sentence about Marco Rubio: the tip shows its fact.
    tab.eval(
        "Array.from(document.querySelectorAll('article mark.fact-span')).find(m => m.textContent.includes('Marco Rubio')).id = 'hover-me'",
    );
    assert_eq!(
        tab.eval("document.querySelector('.tip').hidden"),
        true,
        "a tip before any hover"
    );
    tab.b().hover("#hover-me").unwrap();
    tab.wait_until("!document.querySelector('.tip').hidden");
    let tip = tab.eval("document.querySelector('.tip').textContent");
    let title = tab.eval("document.getElementById('hover-me').title");
    assert_eq!(tip, title, "the tip is the highlight's fact");
    let tip = tip.as_str().unwrap();
    assert!(
        tip.contains("Marco Rubio") && tip.contains("→") && tip.contains("confidence"),
        "{tip}"
    );
    // Leaving the highlight hides the tip.
    tab.b().move_mouse(1.0, 1.0).unwrap();
    tab.wait_until("document.querySelector('.tip').hidden");
    tab.assert_nothing_ran();
}

#[test]
fn html_and_script_from_the_store_are_shown_as_text_and_never_run() {
    let Some((_turn, server)) = begin("html_and_script_from_the_store_are_shown_as_text_and_never_run") else {
        return;
    };
    let documents: Vec<(String, String)> = server
        .get("/api/documents", &[])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["iri"].as_str().unwrap().to_string(),
                d["source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(documents.iter().any(|(_, source)| source.ends_with("balises.txt")));
    let mut tab = Tab::open();
    tab.go(&server.url("/"));
    tab.wait_until("!!document.querySelector('.documents')");
    // The overview lists the titles as written.
    let overview = tab.text("#main");
    assert!(overview.contains("<b>Rachat</b> & <i>cie</i>"), "{overview}");

    // The suggestion shows the label's markup as text; pick it.
    tab.type_into("#search", "nunez");
    tab.wait_until("!!document.querySelector('#suggestions li.suggestion')");
    let shown = tab.text("#suggestions li.suggestion");
    assert!(shown.contains("<img src=x onerror="), "{shown}");
    tab.click("#suggestions li.suggestion");
    tab.wait_until("location.pathname === '/entity' && !!document.querySelector('.fact')");
    let label = tab.text("#entity-label");
    assert!(label.starts_with(serve_support::HOSTILE_PERSON), "{label}");
    let main = tab.text("#main");
    assert!(main.contains(serve_support::HOSTILE_ORG), "{main}");
    assert!(main.contains("directrice <em>générale</em>"), "{main}");
    assert!(main.contains("<b>Rachat</b> & <i>cie</i>"), "{main}");
    assert_eq!(
        tab.eval("document.querySelectorAll('#main img, #main script, #main em, #main b, #main i').length"),
        0
    );
    tab.assert_nothing_ran();

    // Every document page: no element made from the text, nothing ran.
    for (iri, source) in &documents {
        tab.go(&server.url(&format!("/document?iri={}", encode(iri))));
        tab.wait_until("!!document.querySelector('article')");
        assert_eq!(
            tab.eval("document.querySelectorAll('main img, main script, main b, main i, main em').length"),
            0,
            "{source}"
        );
        tab.assert_nothing_ran();
        if source.ends_with("balises.txt") {
            let text = tab.text("article");
            assert!(text.contains("<script>window.__pwned=5</script>"), "{text}");
            assert!(text.contains("<img src=x onerror=\"window.__pwned=6\">"), "{text}");
            let heading = tab.text("h1");
            assert!(heading.contains("<b>HTML</b>"), "{heading}");
        }
    }

    // The graph view of the hostile person: labels are data, the heading text.
    let person = server.get(&format!("/api/search?q={}", encode("nunez")), &[]).json()[0]["iri"]
        .as_str()
        .expect("the hand-made person is found without accents")
        .to_string();
    tab.go(&server.url(&format!("/graph?iri={}", encode(&person))));
    tab.wait_until(GRAPH_READY);
    assert!(tab.text("h1").contains("<img src=x"));
    let labels = strings(&tab.eval("window.trameGraph.nodes().map(n => n.data('label'))"));
    assert!(labels.contains(&serve_support::HOSTILE_ORG.to_string()), "{labels:?}");
    assert_eq!(tab.eval("document.querySelectorAll('main img, main script').length"), 0);
    tab.assert_nothing_ran();

    // The editor's table shows literals with markup as text.
    tab.go(&server.url("/editor"));
    tab.wait_until("!!document.getElementById('query')");
    tab.eval(
        "document.getElementById('query').value = 'SELECT ?label WHERE { ?e skos:prefLabel ?label FILTER(CONTAINS(?label, \"<\")) }'",
    );
    tab.click("#run");
    tab.wait_until("!!document.querySelector('#results tbody tr')");
    let cells = strings(&tab.eval(CELLS));
    assert!(cells.contains(&serve_support::HOSTILE_ORG.to_string()), "{cells:?}");
    assert_eq!(tab.eval("document.querySelectorAll('main img, main script').length"), 0);
    tab.assert_nothing_ran();
}

/// A concept (`trame:Concept`: "les manifestants") next to an entity in a
/// fact of the store: `(concept, entity)`.
fn concept_beside_an_entity(server: &Server) -> (String, String) {
    let query = "SELECT ?c ?e WHERE { ?st a trame:Statement . \
        { ?st rdf:subject ?c ; rdf:object ?e } UNION { ?st rdf:subject ?e ; rdf:object ?c } \
        ?c a trame:Concept . FILTER(STRSTARTS(STR(?e), \"https://w3id.org/trame/entity/\")) } ORDER BY ?c ?e LIMIT 1";
    let reply = server.get(
        &format!("/sparql?query={}", encode(query)),
        &[("Accept", "application/sparql-results+json")],
    );
    let row = &reply.json()["results"]["bindings"][0];
    let value = |var: &str| {
        row[var]["value"]
            .as_str()
            .expect("a concept beside an entity")
            .to_string()
    };
    (value("c"), value("e"))
}

#[test]
fn concepts_open_their_own_page_from_the_entity_page_and_the_graph() {
    let Some((_turn, server)) = begin("concepts_open_their_own_page_from_the_entity_page_and_the_graph") else {
        return;
    };
    let (concept, entity) = concept_beside_an_entity(&server);
    let label = server
        .get(&format!("/api/concept?iri={}", encode(&concept)), &[])
        .json()["label"]
        .as_str()
        .unwrap()
        .to_string();
    let mut tab = Tab::open();

    // From the entity page: the concept is a link to its own page, which
    // shows its label, its document and its facts (no error page).
    tab.go(&server.url(&format!("/entity?iri={}", encode(&entity))));
    tab.wait_until("!!document.querySelector('.fact')");
    let href = serde_json::to_string(&format!("/concept?iri={}", encode(&concept))).unwrap();
    let selector = format!("a.concept[href={href}]");
    tab.click(&selector);
    tab.wait_until("location.pathname === '/concept' && (!!document.querySelector('#concept-label') || !!document.querySelector('.error'))");
    assert_eq!(
        tab.eval("document.querySelectorAll('.error').length"),
        0,
        "{}",
        tab.text("#main")
    );
    assert!(tab.text("#concept-label").starts_with(&label));
    assert!(tab.text("#concept-document").len() > 3);
    assert!(tab.eval("document.querySelectorAll('.fact').length").as_u64().unwrap() >= 1);
    // Its document link opens the document page.
    tab.click("#concept-document");
    tab.wait_until("location.pathname === '/document' && !!document.querySelector('article')");
    assert_eq!(tab.eval("document.querySelectorAll('.error').length"), 0);

    // In the graph view of the entity, the concept is a node of its own
    // kind (with its own colour in the legend); tapping it recentres the
    // view on it, with no error.
    tab.go(&server.url(&format!("/graph?iri={}", encode(&entity))));
    tab.wait_until(GRAPH_READY);
    tab.wait_until(PAINTED);
    let id = serde_json::to_string(&concept).unwrap();
    assert_eq!(
        tab.eval(&format!("window.trameGraph.getElementById({id}).data('kind')")),
        "CONCEPT"
    );
    assert!(tab.text(".kinds label[data-kind=CONCEPT]").contains("concept"));
    tab.eval("document.getElementById('cy').scrollIntoView({block: 'center'})");
    let point = tab.eval(&format!(
        "(() => {{ const p = window.trameGraph.getElementById({id}).renderedPosition(); \
         const r = document.getElementById('cy').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()"
    ));
    let (x, y) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
    tab.b().click_at(x, y).unwrap();
    tab.wait_until(&format!(
        "location.pathname === '/graph' && new URLSearchParams(location.search).get('iri') === {id} && \
         ((!!window.trameGraph && document.getElementById('cy') && document.getElementById('cy').dataset.ready === '1') || !!document.querySelector('.error'))"
    ));
    assert_eq!(
        tab.eval("document.querySelectorAll('.error').length"),
        0,
        "{}",
        tab.text("#main")
    );
    assert_eq!(
        tab.eval("window.trameGraph.nodes('[centre = 1]').data('kind')"),
        "CONCEPT"
    );
    assert!(tab.eval("window.trameGraph.nodes().length").as_u64().unwrap() >= 2);
    // The heading links to the concept page.
    tab.click("h1 a");
    tab.wait_until("location.pathname === '/concept' && !!document.querySelector('#concept-label')");
    tab.assert_nothing_ran();
}

#[test]
fn the_footer_link_to_the_endpoint_opens_the_editor_in_a_browser() {
    let Some((_turn, server)) = begin("the_footer_link_to_the_endpoint_opens_the_editor_in_a_browser") else {
        return;
    };
    let mut tab = Tab::open();
    tab.go(&server.url("/"));
    tab.wait_until("!!document.querySelector('.stats')");
    tab.click("footer a[href='/sparql']");
    tab.wait_until("location.pathname === '/editor' && !!document.getElementById('query')");
    // An empty query from a browser lands there too.
    tab.b().navigate(&server.url("/sparql?query=")).unwrap();
    tab.wait_until("location.pathname === '/editor' && !!document.getElementById('query')");
}
