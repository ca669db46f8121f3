//! The web app of `trame serve` in a real browser: Debian's chromium,
//! headless, driven over the DevTools protocol. The store is built by the
//! real pipeline from the seed, a few Wikinews articles and an article full
//! of HTML and `<script>`; a hand-made document adds HTML in labels.
//!
//! Screenshots of the entity page and the graph view are written to the
//! folder named by `TRAME_SERVE_SCREENSHOTS` (the README's come from
//! `TRAME_SERVE_SCREENSHOTS=exports cargo test --test serve_browser`),
//! else to a temporary folder.
//!
//! Needs `/usr/bin/chromium` (`tests/setup.sh` installs it); the browser is
//! never downloaded.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use trame::facts as trame_facts;

mod serve_support;
mod store_support;
use serve_support::{encode, Server};

const CHROMIUM: &str = "/usr/bin/chromium";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Seed + three Wikinews articles + the HTML article, built by `trame build`;
/// then the hand-made hostile document through the library.
fn build_store(dir: &Path) -> PathBuf {
    let store = dir.join("db");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_trame"))
        .arg("build")
        .arg(repo("seeds/000_9c81224ff3cb7629.txt"))
        .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_02-001.txt"))
        .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_07-001.txt"))
        .arg(repo("tests/data/wikinews-fr-2018/01/2018_01_13-001.txt"))
        .arg(repo("tests/data/serve/balises.txt"))
        .arg("--store")
        .arg(&store)
        .arg("--quiet")
        .env_remove("TRAME_STORE")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    trame::store::Store::open(&store).unwrap().put_document(&serve_support::hostile_document()).unwrap();
    store
}

fn browser(profile: &Path) -> Browser {
    assert!(Path::new(CHROMIUM).exists(), "{CHROMIUM} is missing: run tests/setup.sh (it installs chromium)");
    let args: Vec<&OsStr> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--font-render-hinting=none",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .enable_gpu(false)
        .disable_default_args(true)
        .args(args)
        .user_data_dir(Some(profile.to_path_buf()))
        .window_size(Some((1280, 900)))
        .idle_browser_timeout(Duration::from_secs(300))
        .build()
        .unwrap();
    Browser::new(options).expect("start chromium")
}

fn text_of(tab: &Tab, selector: &str) -> String {
    tab.wait_for_element(selector).unwrap().get_inner_text().unwrap()
}

fn evaluate(tab: &Tab, expression: &str) -> serde_json::Value {
    tab.evaluate(expression, false).unwrap().value.unwrap_or(serde_json::Value::Null)
}

fn screenshot(tab: &Tab, name: &str, scratch: &Path) {
    let folder = std::env::var_os("TRAME_SERVE_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| scratch.to_path_buf());
    let png = tab.capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "an empty screenshot");
    std::fs::write(folder.join(name), png).unwrap();
}

fn wait_until(tab: &Tab, condition: &str) {
    for _ in 0..300 {
        if evaluate(tab, condition) == serde_json::Value::Bool(true) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("never true in the page: {condition}");
}

#[test]
fn search_entity_graph_and_editor_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_store(dir.path());
    let server = Server::start(&store, &[]);
    let profile = tempfile::tempdir().unwrap();
    let browser = browser(profile.path());
    let tab: Arc<Tab> = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(30));

    // Search: lower case, no accent; pick the suggestion.
    tab.navigate_to(&server.url("/")).unwrap().wait_until_navigated().unwrap();
    tab.wait_for_element("#search").unwrap().click().unwrap();
    tab.type_str("rubio").unwrap();
    let suggestion = tab.wait_for_element("#suggestions li.suggestion").unwrap();
    assert!(suggestion.get_inner_text().unwrap().contains("Marco Rubio"));
    suggestion.click().unwrap();
    wait_until(&tab, "location.pathname === '/entity' && !!document.querySelector('.fact mark')");

    // The entity page: a known fact of the seed, its sentence, the span marked.
    assert!(text_of(&tab, "#entity-label").starts_with("Marco Rubio"));
    let main = text_of(&tab, "#main");
    assert!(main.contains("Roles: secrétaire d’État"), "{main}");
    let role = evaluate(
        &tab,
        "Array.from(document.querySelectorAll('section[data-predicate=\"role\"] .fact')).map(f => f.innerText).join('\\n')",
    );
    let role = role.as_str().unwrap();
    assert!(role.contains("Le secrétaire d’État Marco Rubio a été rejoint"), "{role}");
    let marked = evaluate(&tab, "Array.from(document.querySelectorAll('section[data-predicate=\"role\"] mark')).map(m => m.textContent)");
    assert!(marked.as_array().unwrap().iter().any(|m| m.as_str().unwrap().contains("secrétaire d’État Marco Rubio")), "{marked}");
    assert!(main.contains("confidence 0.90"), "{main}");
    screenshot(&tab, "serve-entity.png", dir.path());

    // Accents: "etats" finds États-Unis.
    tab.wait_for_element("#search").unwrap().click().unwrap();
    tab.type_str("etats").unwrap();
    wait_until(&tab, "Array.from(document.querySelectorAll('#suggestions li.suggestion')).some(li => li.innerText.includes('États-Unis'))");

    // The graph view draws nodes.
    tab.wait_for_element("#graph-link").unwrap().click().unwrap();
    wait_until(&tab, "location.pathname === '/graph' && document.getElementById('cy') && document.getElementById('cy').dataset.ready === '1'");
    let nodes = evaluate(&tab, "window.trameGraph.nodes().length").as_u64().unwrap();
    assert!(nodes >= 3, "{nodes} nodes");
    let drawn = evaluate(&tab, "document.querySelectorAll('#cy canvas').length").as_u64().unwrap();
    assert!(drawn >= 1);
    let centre = evaluate(&tab, "window.trameGraph.nodes('[centre = 1]').data('label')");
    assert_eq!(centre, "Marco Rubio");
    // A depth-2 view around a busier entity for the README.
    let etats = "https://w3id.org/trame/entity/place/etats-unis";
    tab.navigate_to(&server.url(&format!("/graph?iri={}&depth=1", encode(etats)))).unwrap().wait_until_navigated().unwrap();
    wait_until(&tab, "document.getElementById('cy') && document.getElementById('cy').dataset.ready === '1'");
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&tab, "serve-graph.png", dir.path());

    // The SPARQL editor: run an example, get a table.
    tab.navigate_to(&server.url("/editor")).unwrap().wait_until_navigated().unwrap();
    wait_until(&tab, "!!document.getElementById('query') && document.getElementById('query').value.length > 0");
    evaluate(
        &tab,
        "document.getElementById('query').value = 'SELECT ?label WHERE { ?p a trame:Person ; skos:prefLabel ?label } ORDER BY ?label'",
    );
    tab.wait_for_element("#run").unwrap().click().unwrap();
    wait_until(&tab, "!!document.querySelector('#results tbody tr')");
    let cells = evaluate(&tab, "Array.from(document.querySelectorAll('#results tbody td')).map(td => td.textContent)");
    let cells: Vec<&str> = cells.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert!(cells.contains(&"Marco Rubio"), "{cells:?}");
    assert_eq!(text_of(&tab, "#results thead"), "label");
    // A malformed query shows the parser's message.
    evaluate(&tab, "document.getElementById('query').value = 'SELECT ?s WHERE { ?s ?p }'");
    tab.wait_for_element("#run").unwrap().click().unwrap();
    wait_until(&tab, "!!document.getElementById('query-error')");
    assert!(text_of(&tab, "#query-error").contains("400: SPARQL syntax error at line 1"));
}

#[test]
fn html_in_labels_and_sentences_is_shown_as_text_and_never_run() {
    let dir = tempfile::tempdir().unwrap();
    let store = build_store(dir.path());
    let server = Server::start(&store, &[]);
    let profile = tempfile::tempdir().unwrap();
    let browser = browser(profile.path());
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(30));

    // The search box lists the hostile label as text.
    tab.navigate_to(&server.url("/")).unwrap().wait_until_navigated().unwrap();
    tab.wait_for_element("#search").unwrap().click().unwrap();
    tab.type_str("nunez").unwrap();
    let suggestion = tab.wait_for_element("#suggestions li.suggestion").unwrap();
    assert!(suggestion.get_inner_text().unwrap().contains("<img src=x"));
    suggestion.click().unwrap();
    wait_until(&tab, "location.pathname === '/entity' && !!document.querySelector('.fact')");
    let label = text_of(&tab, "#entity-label");
    assert!(label.starts_with(serve_support::HOSTILE_PERSON), "{label}");
    let main = text_of(&tab, "#main");
    assert!(main.contains(serve_support::HOSTILE_ORG), "{main}");
    assert!(main.contains("directrice <em>générale</em>"), "{main}");
    assert!(main.contains("<b>Rachat</b> & <i>cie</i>"), "{main}");
    assert_eq!(evaluate(&tab, "document.querySelectorAll('#main img, #main script, #main em, #main b').length"), 0);

    // Every page of both hostile documents, the graph and the editor: nothing ran.
    let documents = server.get("/api/documents", &[]).json();
    for doc in documents.as_array().unwrap() {
        let iri = doc["iri"].as_str().unwrap();
        tab.navigate_to(&server.url(&format!("/document?iri={}", encode(iri)))).unwrap().wait_until_navigated().unwrap();
        wait_until(&tab, "!!document.querySelector('article')");
        assert_eq!(evaluate(&tab, "document.querySelectorAll('main img, main script, main i, main b').length"), 0);
    }
    let article = documents.as_array().unwrap().iter().find(|d| d["source"].as_str().unwrap().ends_with("balises.txt")).unwrap();
    tab.navigate_to(&server.url(&format!("/document?iri={}", encode(article["iri"].as_str().unwrap()))))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    wait_until(&tab, "!!document.querySelector('article')");
    let text = text_of(&tab, "article");
    assert!(text.contains("<script>window.__pwned=5</script>"), "{text}");
    // Hovering a highlighted fact shows it.
    if evaluate(&tab, "document.querySelectorAll('article mark').length").as_u64().unwrap() > 0 {
        let title = evaluate(&tab, "document.querySelector('article mark').getAttribute('title')");
        assert!(title.as_str().unwrap().contains("—"), "{title}");
    }
    let org = "https://w3id.org/trame/entity/person/";
    let person_iri = server.get(&format!("/api/search?q={}", encode("nunez")), &[]).json()[0]["iri"].as_str().unwrap().to_string();
    assert!(person_iri.starts_with(org));
    tab.navigate_to(&server.url(&format!("/graph?iri={}", encode(&person_iri)))).unwrap().wait_until_navigated().unwrap();
    wait_until(&tab, "document.getElementById('cy') && document.getElementById('cy').dataset.ready === '1'");
    assert!(text_of(&tab, "h1").contains("<img src=x"));
    assert_eq!(evaluate(&tab, "typeof window.__pwned"), "undefined");
}
