//! For the tests of `trame serve`: start the real binary on a free
//! loopback port, speak raw HTTP/1.1 to it (so that tests can send what a
//! polite client would not: broken escapes, bad bytes, `..` paths), and a
//! hand-made document whose labels and sentences hold HTML.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::documents::{entity, literal, Draft};
use super::http;
pub use super::http::{encode, send, Reply};
use trame::facts::{Document, EntityKind, LiteralKind, Object};

/// A running `trame serve`, stopped when dropped.
pub struct Server {
    child: Option<Child>,
    pub addr: SocketAddr,
    pub stderr: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `trame serve --store STORE --bind 127.0.0.1:0 EXTRA…` and
    /// waits for the address it prints.
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        Server::start_on(store, "127.0.0.1:0", extra)
    }

    /// Starts `trame serve --store STORE --bind BIND EXTRA…` and waits for
    /// the address it prints.
    pub fn start_on(store: &Path, bind: &str, extra: &[&str]) -> Server {
        let mut child = super::trame_process()
            .arg("serve")
            .arg("--store")
            .arg(store)
            .args(["--bind", bind])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start trame serve");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        {
            let lines = stderr.clone();
            let pipe = child.stderr.take().unwrap();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    // The line is kept before the host is announced, so a test
                    // that reads the lines once the server is up finds it.
                    let host = line.find("http://").map(|at| {
                        let rest = &line[at + "http://".len()..];
                        rest.split('/').next().unwrap_or("").to_string()
                    });
                    lines.lock().unwrap().push(line);
                    if let Some(host) = host {
                        let _ = tx.send(host);
                    }
                }
            });
        }
        let host = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(host) => host,
            Err(_) => {
                let _ = child.kill();
                panic!("trame serve printed no address; stderr: {:?}", stderr.lock().unwrap());
            }
        };
        let addr = host.parse().expect("an address in the start line");
        Server {
            child: Some(child),
            addr,
            stderr,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A GET with extra headers.
    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        self.raw(&http::get_request(self.addr, path, headers))
    }

    /// A POST of `body` with an optional Content-Type and extra headers.
    pub fn post(&self, path: &str, content_type: Option<&str>, body: &[u8], headers: &[(&str, &str)]) -> Reply {
        let mut request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(content_type) = content_type {
            request.push_str(&format!("Content-Type: {content_type}\r\n"));
        }
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes)
    }

    /// Sends raw bytes and reads the whole reply (the server closes after it).
    pub fn raw(&self, request: &[u8]) -> Reply {
        send(self.addr, request).expect("an HTTP reply from trame serve")
    }

    /// `/api/status` as JSON.
    pub fn status(&self) -> serde_json::Value {
        self.get("/api/status", &[]).json()
    }

    /// Sends SIGTERM and waits (at most 20 s) for the process to end.
    pub fn terminate(self) -> ExitStatus {
        self.signal("TERM")
    }

    /// Sends the signal `name` (`TERM`, `INT`: what Ctrl-C sends) and waits
    /// (at most 20 s) for the process to end.
    pub fn signal(mut self, name: &str) -> ExitStatus {
        let mut child = self.child.take().unwrap();
        Command::new("kill")
            .arg(format!("-{name}"))
            .arg(child.id().to_string())
            .status()
            .expect("run kill");
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!("trame serve did not stop within 20 s of SIG{name}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The label of [`hostile_document`]'s organisation.
pub const HOSTILE_ORG: &str = "<script>window.__pwned=1</script>Acme & Fils";
/// The label of [`hostile_document`]'s person.
pub const HOSTILE_PERSON: &str = "<img src=x onerror=\"window.__pwned=2\">Élodie Ñúñez";

/// A document whose title, labels, sentence and role hold HTML and script:
/// every page must show them as text.
pub fn hostile_document() -> Document {
    let sentence = format!("{HOSTILE_PERSON}, directrice <em>générale</em>, a racheté {HOSTILE_ORG} à Lyon.");
    let d = Draft::titled("<b>Rachat</b> & <i>cie</i>", &sentence);
    let described = format!("{HOSTILE_PERSON}, directrice <em>générale</em>");
    let mut facts = vec![
        d.fact(
            0,
            "relatedTo",
            "racheter",
            Object::Entity(1),
            &format!("{described}, a racheté {HOSTILE_ORG}"),
            0.8,
        ),
        d.fact(
            0,
            "role",
            "racheter",
            literal("directrice <em>générale</em>", LiteralKind::Text),
            &described,
            0.9,
        ),
    ];
    for fact in &mut facts {
        fact.rule = "svo".into();
    }
    let entities = vec![
        entity(HOSTILE_PERSON, EntityKind::Person, &["Ñúñez"]),
        entity(HOSTILE_ORG, EntityKind::Organization, &[]),
        entity("Lyon", EntityKind::Place, &[]),
    ];
    let mentions = vec![
        d.mention(0, HOSTILE_PERSON, 0),
        d.mention(1, HOSTILE_ORG, 0),
        d.mention(2, "Lyon", 0),
    ];
    d.document("hostile.txt", entities, mentions, facts)
}
