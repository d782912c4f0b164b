//! Articles and feeds from the web, against a tiny HTTP server on 127.0.0.1
//! that each test starts for itself: nothing leaves the machine. A page that
//! cannot be had is one line on stderr naming the address, and exit code 2.

mod command;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// A page of the test site: status line, content type, body.
struct Reply {
    status: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Waits this long before answering.
    delay: Duration,
}

fn reply(status: &'static str, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
        delay: Duration::ZERO,
    }
}

fn page_html() -> String {
    std::fs::read_to_string(command::fixture("pages/bridge-vote/source.html")).unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The site's pages, by path; `base` is `http://127.0.0.1:PORT`.
fn route(path: &str, base: &str) -> Reply {
    match path {
        "/news/bridge-vote" => reply("200 OK", "text/html; charset=utf-8", page_html()),
        "/notes.md" => reply(
            "200 OK",
            "text/markdown",
            "# Ferry returns\n\nThe **ferry** will run again, the operator said.\n",
        ),
        "/loop" => Reply {
            headers: vec![("Location".into(), "/loop".into())],
            ..reply("302 Found", "text/html", "")
        },
        "/moved" => Reply {
            headers: vec![("Location".into(), "/news/bridge-vote".into())],
            ..reply("301 Moved Permanently", "text/html", "")
        },
        "/slow" => Reply {
            delay: Duration::from_secs(5),
            ..reply("200 OK", "text/html", "<p>late</p>")
        },
        "/huge" => reply("200 OK", "text/plain", vec![b'a'; 11 * 1024 * 1024]),
        "/photo" => reply("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        "/feed.xml" => reply("200 OK", "application/rss+xml", feed(base)),
        // The page in windows-1252 with its own declaration taken out: only
        // the server says what it is in.
        "/cafe" => reply(
            "200 OK",
            "text/html; charset=ISO-8859-1",
            command::undeclared_cafe_page(),
        ),
        "/gzipped" => Reply {
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Content-Encoding".into(), "gzip".into()),
            ],
            ..reply("200 OK", "", gzip(page_html().as_bytes()))
        },
        _ => reply("404 Not Found", "text/html", "<h1>Not here</h1>"),
    }
}

/// An RSS feed of two items: one only a teaser linking to the page, one
/// that carries its whole text.
fn feed(base: &str) -> String {
    let long_text = "<p>The ferry operator said the boats would run every hour.</p>".repeat(20);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Lakeside Courier: News</title>
  <link>{base}/</link>
  <description>Local news</description>
  <item>
    <title>Council backs harbour bridge repairs</title>
    <link>{base}/news/bridge-vote</link>
    <description>The council voted 7 to 2…</description>
    <pubDate>Fri, 14 Mar 2025 08:30:00 GMT</pubDate>
  </item>
  <item>
    <title>Ferry timetable changes for summer</title>
    <link>{base}/news/ferry</link>
    <pubDate>Thu, 13 Mar 2025 17:00:00 GMT</pubDate>
    <content:encoded><![CDATA[{long_text}]]></content:encoded>
  </item>
</channel>
</rss>"#
    )
}

/// Starts the site on a free port; returns its base URL. The server thread
/// ends with the test process.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let site = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            thread::spawn(move || answer(stream, &site));
        }
    });
    base
}

fn answer(mut stream: TcpStream, base: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Headers up to the blank line; none of them matters here.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let reply = route(path, base);
    thread::sleep(reply.delay);
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&reply.body);
}

fn whosaid() -> Command {
    let mut cmd = command::whosaid();
    // The local server must be reached directly, whatever the machine's proxy.
    cmd.env("NO_PROXY", "*")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy");
    cmd
}

fn export(url: &str) -> Value {
    let out = whosaid()
        .args(["export", "--format", "json", url])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// Runs `whosaid export URL`, expects exit code 2, returns stderr.
fn export_fails(url: &str) -> String {
    let out = whosaid()
        .env("WHOSAID_FETCH_TIMEOUT", "1")
        .args(["export", url])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(url), "names the address: {stderr}");
    stderr
}

#[test]
fn a_web_page_is_fetched_and_read_as_its_article() {
    let base = serve();
    let url = format!("{base}/news/bridge-vote");
    let out = export(&url);
    let doc = &out["document"];
    assert_eq!(doc["format"], "html");
    assert_eq!(doc["source"], url);
    assert_eq!(doc["byline"], "Marta Kovalenko");
    assert!(
        doc["text"]
            .as_str()
            .unwrap()
            .contains("“We cannot let the bridge close again,” said Mayor Ilse Brandt")
    );
    assert!(!out["claims"].as_array().unwrap().is_empty());
}

#[test]
fn a_redirect_is_followed_and_the_server_label_picks_markdown() {
    let base = serve();
    let out = export(&format!("{base}/moved"));
    assert_eq!(out["document"]["format"], "html");
    let out = export(&format!("{base}/notes.md"));
    assert_eq!(out["document"]["format"], "markdown");
    assert_eq!(
        out["document"]["text"],
        "Ferry returns\n\nThe ferry will run again, the operator said."
    );
}

#[test]
fn a_page_in_the_charset_the_server_names_is_decoded() {
    let base = serve();
    let out = export(&format!("{base}/cafe"));
    let doc = &out["document"];
    assert_eq!(doc["title"], "Café owners protest new terrace rules");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.contains("Mayor Léa Durand said the rules “will not change"),
        "{text}"
    );
}

#[test]
fn a_gzipped_page_is_unpacked() {
    let base = serve();
    let out = export(&format!("{base}/gzipped"));
    let text = out["document"]["text"].as_str().unwrap();
    assert!(
        text.contains("“We cannot let the bridge close again,” said Mayor Ilse Brandt"),
        "{text}"
    );
}

#[test]
fn an_error_status_is_named() {
    let base = serve();
    let err = export_fails(&format!("{base}/missing"));
    assert!(err.contains("404 Not Found"), "{err}");
}

#[test]
fn a_redirect_loop_is_stopped() {
    let base = serve();
    let err = export_fails(&format!("{base}/loop"));
    assert!(err.contains("redirect"), "{err}");
}

#[test]
fn a_server_that_does_not_answer_times_out() {
    let base = serve();
    let started = std::time::Instant::now();
    let err = export_fails(&format!("{base}/slow"));
    assert!(err.contains("no answer within 1 s"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "gave up in time"
    );
}

#[test]
fn a_body_too_big_is_refused() {
    let base = serve();
    let err = export_fails(&format!("{base}/huge"));
    assert!(err.contains("larger than 10 MiB"), "{err}");
}

#[test]
fn a_body_that_is_not_text_is_refused() {
    let base = serve();
    let err = export_fails(&format!("{base}/photo"));
    assert!(err.contains("is image/png, not a page of text"), "{err}");
}

#[test]
fn a_refused_connection_is_named() {
    // A port that was free a moment ago: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = export_fails(&format!("http://127.0.0.1:{port}/story"));
    assert!(err.contains("refused the connection"), "{err}");
}

#[test]
fn a_server_name_that_does_not_exist_is_named() {
    // `.invalid` never resolves (RFC 2606), with or without a network.
    let err = export_fails("http://no-such-newsroom.invalid/story");
    assert!(
        err.contains("cannot find the server no-such-newsroom.invalid"),
        "{err}"
    );
}

#[test]
fn a_feed_by_url_exports_each_article_fetching_the_teasers() {
    let base = serve();
    let out = whosaid()
        .args(["export", &format!("{base}/feed.xml")])
        .assert()
        .success();
    let lines: Vec<Value> = std::str::from_utf8(&out.get_output().stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // The first item is a teaser: its page was fetched and read.
    assert_eq!(
        lines[0]["document"]["source"],
        format!("{base}/news/bridge-vote")
    );
    assert_eq!(lines[0]["document"]["byline"], "Marta Kovalenko");
    assert!(
        lines[0]["document"]["text"]
            .as_str()
            .unwrap()
            .contains("Costs and critics")
    );
    // The second carries its whole text, which is used as it is (its link
    // would be a 404).
    assert_eq!(
        lines[1]["document"]["title"],
        "Ferry timetable changes for summer"
    );
    assert!(
        lines[1]["document"]["text"]
            .as_str()
            .unwrap()
            .contains("The ferry operator said the boats would run every hour.")
    );
}

#[test]
fn an_article_of_a_feed_that_cannot_be_fetched_is_an_error_line_and_exit_2() {
    let base = serve();
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Gone</title><link>{base}/gone</link></item>\
         <item><title>Here</title><link>{base}/news/bridge-vote</link></item>\
         </channel></rss>"
    );
    let out = whosaid()
        .args(["export", "-"])
        .write_stdin(feed)
        .assert()
        .code(2);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], format!("{base}/gone"));
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("404 Not Found")
    );
    assert_eq!(lines[1]["schema"], "whosaid/1");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("1 of 2 inputs were not articles"),
        "{stderr}"
    );
}

#[test]
fn urls_feeds_and_files_mix_in_one_export() {
    let base = serve();
    let page = command::fixture("bridge-vote.md");
    let out = whosaid()
        .args(["export", page.to_str().unwrap()])
        .arg(format!("{base}/feed.xml"))
        .arg(format!("{base}/news/bridge-vote"))
        .assert()
        .success();
    let formats: Vec<String> = std::str::from_utf8(&out.get_output().stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["document"]["format"].to_string())
        .collect();
    // The Markdown file, the feed's two articles, the page.
    assert_eq!(
        formats,
        ["\"markdown\"", "\"html\"", "\"html\"", "\"html\""]
    );
}
