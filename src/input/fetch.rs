//! Fetching an article from the web (`http://`, `https://`) with `ureq`
//! over rustls: a timeout, a redirect limit, a size cap, gzip, and a user
//! agent that says who is asking. Every failure is one line that names the
//! address and says what went wrong.

use std::time::Duration;

use thiserror::Error;

/// Who is asking, as servers see it.
pub const USER_AGENT: &str = concat!(
    "whosaid/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; reads one article at a user's request)"
);

/// How long a fetch may take unless [`TIMEOUT_ENV`] says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest page body accepted unless the user says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Redirects followed before giving up.
pub const DEFAULT_MAX_REDIRECTS: u32 = 10;

/// Overrides the timeout in seconds (for a slow connection, or a test).
pub const TIMEOUT_ENV: &str = "WHOSAID_FETCH_TIMEOUT";

/// Limits on one fetch.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// For the whole exchange: connecting, redirects, the body.
    pub timeout: Duration,
    pub max_redirects: u32,
    /// The largest body accepted, after decompression.
    pub max_bytes: u64,
}

impl Default for Limits {
    /// The defaults, with the timeout from [`TIMEOUT_ENV`] when it is set.
    fn default() -> Self {
        let timeout = std::env::var(TIMEOUT_ENV)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map_or(DEFAULT_TIMEOUT, Duration::from_secs_f64);
        Limits {
            timeout,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// A page as the server sent it.
#[derive(Debug)]
pub struct Fetched {
    pub body: Vec<u8>,
    /// The `Content-Type` header, if any.
    pub media_type: Option<String>,
}

/// Why a page could not be fetched.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error(
        "{url}: cannot find the server {host} (DNS lookup failed); check the address and your connection"
    )]
    Dns { url: String, host: String },
    #[error("{url}: the server refused the connection; check the address, or try again later")]
    Refused { url: String },
    #[error("{url}: no answer within {seconds} s; try again later (or set {TIMEOUT_ENV} to wait longer)", seconds = .timeout.as_secs_f64())]
    Timeout { url: String, timeout: Duration },
    #[error("{url}: the server answered {status}; check the address")]
    Status { url: String, status: String },
    #[error(
        "{url}: more than {max} redirects (a redirect loop?); open the address it should end at"
    )]
    Redirects { url: String, max: u32 },
    #[error("{url}: is {media_type}, not a page of text; give the address of an article")]
    NotText { url: String, media_type: String },
    #[error("{url}: larger than {mib} MiB, too big for an article; save it and open the file if it is one", mib = .max_bytes / (1024 * 1024))]
    TooBig { url: String, max_bytes: u64 },
    #[error("{url}: not a web address whosaid can fetch ({reason})")]
    BadUrl { url: String, reason: String },
    #[error("{url}: cannot fetch it ({error})")]
    Other { url: String, error: String },
}

/// Whether `source` names a web page rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url` within `limits`.
pub fn fetch(url: &str, limits: Limits) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .user_agent(USER_AGENT)
        .http_status_as_error(true)
        .build()
        .into();
    let fail = |e: ureq::Error| classify(url, e, limits);
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/markdown,text/plain;q=0.9,*/*;q=0.1")
        .call()
        .map_err(fail)?;
    let media_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(media_type) = media_type.as_deref().filter(|m| !is_textual(m)) {
        return Err(FetchError::NotText {
            url: url.to_string(),
            media_type: media_type
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        });
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(fail)?;
    Ok(Fetched { body, media_type })
}

/// Text of some kind: pages, feeds, Markdown, plain text.
fn is_textual(media_type: &str) -> bool {
    let essence = super::detect::essence(media_type);
    essence.is_empty()
        || essence.starts_with("text/")
        || essence.ends_with("+xml")
        || essence == "application/xml"
}

/// The user's kind of failure for what `ureq` reports.
fn classify(url: &str, error: ureq::Error, limits: Limits) -> FetchError {
    let url_owned = url.to_string();
    match error {
        ureq::Error::HostNotFound => FetchError::Dns {
            host: host_of(url),
            url: url_owned,
        },
        ureq::Error::ConnectionFailed => FetchError::Refused { url: url_owned },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url: url_owned,
            timeout: limits.timeout,
        },
        ureq::Error::StatusCode(code) => FetchError::Status {
            url: url_owned,
            status: status_words(code),
        },
        ureq::Error::TooManyRedirects => FetchError::Redirects {
            url: url_owned,
            max: limits.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(max_bytes) => FetchError::TooBig {
            url: url_owned,
            max_bytes,
        },
        ureq::Error::BadUri(reason) => FetchError::BadUrl {
            url: url_owned,
            reason,
        },
        ureq::Error::Io(e) => match e.kind() {
            std::io::ErrorKind::ConnectionRefused => FetchError::Refused { url: url_owned },
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => FetchError::Timeout {
                url: url_owned,
                timeout: limits.timeout,
            },
            // The system resolver's failure arrives as a plain I/O error.
            _ if !resolves(url) => FetchError::Dns {
                host: host_of(url),
                url: url_owned,
            },
            _ => match ureq::Error::from(e) {
                // An I/O error may carry one of ureq's own (the size cap).
                ureq::Error::Io(e) => FetchError::Other {
                    url: url_owned,
                    error: e.to_string(),
                },
                inner => classify(url, inner, limits),
            },
        },
        other => FetchError::Other {
            url: url_owned,
            error: other.to_string(),
        },
    }
}

/// Whether the URL's host has an address: asked again only after a
/// failure, to tell a name that does not exist from other I/O errors.
fn resolves(url: &str) -> bool {
    use std::net::ToSocketAddrs;
    let host = host_of(url);
    [host.clone(), format!("{host}:80")].iter().any(|at| {
        at.to_socket_addrs()
            .is_ok_and(|mut found| found.next().is_some())
    })
}

/// The host part of a URL, for messages.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.to_string()
}

/// `404 Not Found`: the code with its usual words.
fn status_words(code: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(words) => format!("{code} {words}"),
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://news.example/story"));
        assert!(is_url("HTTP://news.example/"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("-"));
    }

    #[test]
    fn the_host_is_named_without_path_or_credentials() {
        assert_eq!(
            host_of("https://user:pw@news.example:8080/a?b"),
            "news.example:8080"
        );
    }

    #[test]
    fn pages_feeds_and_text_are_textual_images_are_not() {
        assert!(is_textual("text/html; charset=utf-8"));
        assert!(is_textual("application/rss+xml"));
        assert!(is_textual("application/xml"));
        assert!(!is_textual("image/png"));
        assert!(!is_textual("application/pdf"));
    }
}
