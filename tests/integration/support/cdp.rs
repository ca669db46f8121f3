//! A small Chrome DevTools Protocol client for the browser tests of
//! `trame serve`: starts Debian's chromium headless with
//! `--remote-debugging-pipe` (the protocol's JSON messages, each ended by a
//! NUL byte, on file descriptors 3 and 4; no DevTools port is opened at
//! all) and sends commands to one page with a deadline on every answer.
//!
//! Why not a CDP crate: `chromiumoxide` 0.9 turns on a feature of a crate
//! that RocksDB's build script depends on (so every test build would
//! compile RocksDB again), and `headless_chrome` 1.0 compiles `ring` (C)
//! for a build script that fetches the protocol. The few commands these
//! tests need (Target, Page, Runtime, Input, Emulation) fit in this file.
//!
//! Commands used: `Target.createTarget` / `attachToTarget` (flattened
//! sessions), `Page.navigate`, `Runtime.evaluate` (by value, awaiting
//! promises), `Input.insertText`, `Input.dispatchMouseEvent`,
//! `Emulation.setDeviceMetricsOverride`, `Page.captureScreenshot`,
//! `Browser.close`. See <https://chromedevtools.github.io/devtools-protocol/>.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// A headless chromium with one page, closed (or killed) when dropped.
pub struct Chromium {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
    session: String,
    /// The longest any one command may take to answer.
    pub command_timeout: Duration,
}

impl Chromium {
    /// Starts `executable` headless, with a fresh profile in `profile`
    /// (an empty folder), no sandbox (root in a container has none), and a
    /// resolver that only knows loopback; opens one page of `width` ×
    /// `height` CSS pixels.
    pub fn launch(executable: &Path, profile: &Path, width: u32, height: u32) -> Result<Chromium, String> {
        // The shell puts our pipes on the descriptors chromium reads (3) and
        // writes (4) the protocol on.
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null")
            .arg(executable)
            .args([
                "--headless",
                "--no-sandbox",
                "--remote-debugging-pipe",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--mute-audio",
                "--font-render-hinting=none",
                "--force-color-profile=srgb",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--lang=en-US",
            ])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", executable.display()))?;
        let input = child.stdin.take().unwrap();
        let output = child.stdout.take().unwrap();
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            let mut message = Vec::new();
            loop {
                message.clear();
                match reader.read_until(0, &mut message) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {
                        if message.last() == Some(&0) {
                            message.pop();
                        }
                        if let Ok(value) = serde_json::from_slice::<Value>(&message) {
                            if tx.send(value).is_err() {
                                return;
                            }
                        }
                    }
                }
            }
        });
        let mut browser = Chromium {
            child,
            input,
            messages,
            next_id: 0,
            session: String::new(),
            command_timeout: Duration::from_secs(60),
        };
        let target = browser.browser_call("Target.createTarget", json!({ "url": "about:blank" }))?;
        let target = target["targetId"].as_str().ok_or("no target id")?.to_string();
        let attached = browser.browser_call("Target.attachToTarget", json!({ "targetId": target, "flatten": true }))?;
        browser.session = attached["sessionId"].as_str().ok_or("no session id")?.to_string();
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )?;
        browser.command_timeout = Duration::from_secs(30);
        Ok(browser)
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.input
            .write_all(&bytes)
            .and_then(|()| self.input.flush())
            .map_err(|e| format!("{method}: chromium is gone ({e})"))?;
        let deadline = Instant::now() + self.command_timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(reply) if reply["id"] == id => {
                    if let Some(error) = reply.get("error") {
                        return Err(format!("{method}: {error}"));
                    }
                    return Ok(reply["result"].clone());
                }
                // Events and other answers: not waited for here.
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!("{method}: no answer within {:?}", self.command_timeout))
                }
                Err(RecvTimeoutError::Disconnected) => return Err(format!("{method}: chromium closed the pipe")),
            }
        }
    }

    fn browser_call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.send(None, method, params)
    }

    /// A command to the page; its `result` object.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let session = self.session.clone();
        self.send(Some(&session), method, params)
    }

    /// Loads `url` in the page (returns once the navigation is committed;
    /// wait for the page's own condition afterwards).
    pub fn navigate(&mut self, url: &str) -> Result<(), String> {
        let reply = self.call("Page.navigate", json!({ "url": url }))?;
        match reply.get("errorText") {
            Some(error) => Err(format!("{url}: {error}")),
            None => Ok(()),
        }
    }

    /// Evaluates a JavaScript expression in the page, awaiting a promise;
    /// its value as JSON (`Null` for `undefined`), or the exception's text.
    pub fn evaluate(&mut self, expression: &str) -> Result<Value, String> {
        let reply = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(exception) = reply.get("exceptionDetails") {
            let text = exception["exception"]["description"]
                .as_str()
                .or(exception["text"].as_str())
                .unwrap_or("an exception");
            return Err(format!("{expression}: {text}"));
        }
        Ok(reply["result"].get("value").cloned().unwrap_or(Value::Null))
    }

    /// Types `text` into the focused element (one `input` event).
    pub fn insert_text(&mut self, text: &str) -> Result<(), String> {
        self.call("Input.insertText", json!({ "text": text })).map(|_| ())
    }

    /// Moves the mouse to (x, y), in CSS pixels of the viewport.
    pub fn move_mouse(&mut self, x: f64, y: f64) -> Result<(), String> {
        self.call(
            "Input.dispatchMouseEvent",
            json!({ "type": "mouseMoved", "x": x, "y": y, "button": "none" }),
        )
        .map(|_| ())
    }

    /// A left click at (x, y): move, press, release.
    pub fn click_at(&mut self, x: f64, y: f64) -> Result<(), String> {
        self.move_mouse(x, y)?;
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 }),
            )?;
        }
        Ok(())
    }

    /// The centre of the first element matching `selector`, scrolled into
    /// view; `None` when there is none or it has no box.
    pub fn centre_of(&mut self, selector: &str) -> Result<Option<(f64, f64)>, String> {
        let selector = serde_json::to_string(selector).unwrap();
        let point = self.evaluate(&format!(
            "(() => {{ const e = document.querySelector({selector}); if (!e) return null; \
             e.scrollIntoView({{block: 'center', inline: 'center'}}); const r = e.getBoundingClientRect(); \
             if (!r.width || !r.height) return null; return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
        ))?;
        Ok(point
            .as_array()
            .and_then(|p| Some((p.first()?.as_f64()?, p.get(1)?.as_f64()?))))
    }

    /// Clicks the centre of the first element matching `selector`.
    pub fn click(&mut self, selector: &str) -> Result<(), String> {
        let (x, y) = self
            .centre_of(selector)?
            .ok_or_else(|| format!("nothing to click at {selector}"))?;
        self.click_at(x, y)
    }

    /// Hovers the centre of the first element matching `selector`.
    pub fn hover(&mut self, selector: &str) -> Result<(), String> {
        let (x, y) = self
            .centre_of(selector)?
            .ok_or_else(|| format!("nothing to hover at {selector}"))?;
        self.move_mouse(x, y)
    }

    /// A PNG of the viewport.
    pub fn screenshot(&mut self) -> Result<Vec<u8>, String> {
        let reply = self.call("Page.captureScreenshot", json!({ "format": "png" }))?;
        base64_decode(reply["data"].as_str().ok_or("no screenshot data")?)
    }

    /// Closes the browser and waits (at most 20 s) for it to exit.
    pub fn close(mut self) {
        let _ = self.browser_call("Browser.close", json!({}));
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Standard base64 (RFC 4648, with padding), as the protocol sends binary.
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if bytes.len() % 4 != 0 {
        return Err("base64 of a length that is not a multiple of 4".into());
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for quad in bytes.chunks(4) {
        let pad = quad.iter().rev().take_while(|&&b| b == b'=').count();
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c).ok_or("a byte outside base64")?;
        }
        n <<= 6 * pad as u32;
        let group = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&group[..3 - pad]);
    }
    Ok(out)
}

#[test]
fn base64_round_trips_known_vectors() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64_decode(coded).unwrap(), plain.as_bytes());
    }
    assert!(base64_decode("Zm9").is_err());
}
