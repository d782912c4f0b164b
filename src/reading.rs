//! Reading an article's bytes without trusting them: in chunks, checking
//! the first bytes as they arrive (UTF-16, UTF-32, binary), NUL bytes and
//! UTF-8 anywhere as it goes, and stopping at a size cap. So
//! `whosaid export /dev/urandom` fails at its first chunk, and an endless
//! stream stops at the cap instead of filling the memory.
//!
//! Text is UTF-8 unless it says otherwise: a web server's `charset` (in its
//! Content-Type), or for a page that gave none, a `<meta charset>` (or
//! `http-equiv` Content-Type) or an XML declaration's `encoding` in its first
//! 1024 bytes, as browsers look for them. A declared encoding other than
//! UTF-8 (windows-1252, ISO-8859-1, Shift_JIS…) is decoded with
//! `encoding_rs`; NUL bytes are binary whatever the declaration.

use std::io::Read;
use std::path::Path;

use encoding_rs::Encoding;

use crate::document::LoadError;

/// The size cap when none is given: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

/// The largest cap there can be: 4 GiB − 1. The analysis keeps offsets in
/// 32 bits, so a longer text must never reach it.
pub const MAX_BYTES_LIMIT: u64 = u32::MAX as u64;

/// How much is read at a time.
const CHUNK: usize = 64 << 10;

/// How many bytes the start-of-file checks look at.
const HEAD: usize = 8 << 10;

/// Reads all of `input` (named `path` in errors) as UTF-8 text of at most
/// `max_bytes` bytes (clamped to [`MAX_BYTES_LIMIT`]). A leading byte-order
/// mark is kept; the caller drops it.
pub fn read_text(input: impl Read, path: &Path, max_bytes: u64) -> Result<String, LoadError> {
    read_text_in(input, path, max_bytes, None)
}

/// [`read_text`] of text in the encoding `charset` names (a web server's
/// Content-Type charset), else the one the text declares, else UTF-8.
pub fn read_text_in(
    mut input: impl Read,
    path: &Path,
    max_bytes: u64,
    charset: Option<&str>,
) -> Result<String, LoadError> {
    let max_bytes = max_bytes.min(MAX_BYTES_LIMIT);
    let mut bytes: Vec<u8> = Vec::new();
    // Bytes before `valid` are checked (UTF-8, or the declared encoding's)
    // with no NUL in them.
    let mut valid = 0;
    let mut head_checked = false;
    // Another encoding than UTF-8, when the text declares one.
    let mut declared = None;
    loop {
        let start = bytes.len();
        let room = (max_bytes + 1)
            .saturating_sub(start as u64)
            .min(CHUNK as u64) as usize;
        // Read into the spare capacity, not into zeroed bytes first (and an
        // interrupted read is tried again).
        let n = match input
            .by_ref()
            .take(room.max(1) as u64)
            .read_to_end(&mut bytes)
        {
            Ok(n) => n,
            Err(e) => return Err(LoadError::from_io(path, e)),
        };
        let at_end = n == 0;
        if bytes.len() as u64 > max_bytes {
            return Err(LoadError::TooLarge {
                path: path.to_owned(),
                max_bytes,
            });
        }
        if !head_checked && (bytes.len() >= HEAD || at_end) {
            check_head(&bytes, path)?;
            head_checked = true;
            declared = declared_encoding(charset, &bytes);
        }
        if head_checked {
            valid = match declared {
                Some(_) => check_no_nul(&bytes, valid, path)?,
                None => check_body(&bytes, valid, at_end, path)?,
            };
        }
        if at_end {
            break;
        }
    }
    Ok(match declared {
        Some(encoding) => encoding.decode_without_bom_handling(&bytes).0.into_owned(),
        None => String::from_utf8(bytes).expect("checked as UTF-8 while reading"),
    })
}

/// The encoding other than UTF-8 that the text is in: the one `charset`
/// names, else the one its head declares. `None` for UTF-8 (also when a
/// UTF-8 byte-order mark says so), an unknown name, or UTF-16 without its
/// mark (left to be refused as binary, as browsers read it as UTF-8 too).
fn declared_encoding(charset: Option<&str>, head: &[u8]) -> Option<&'static Encoding> {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return None;
    }
    let label = match charset {
        Some(charset) => charset.as_bytes().to_vec(),
        None => declared_in(&head[..head.len().min(1024)])?,
    };
    let encoding = Encoding::for_label(label.trim_ascii())?;
    let utf = [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::REPLACEMENT,
    ];
    (!utf.contains(&encoding)).then_some(encoding)
}

/// The encoding a page or an XML document names at its start: an XML
/// declaration's `encoding`, a `<meta charset>`, or the charset in a
/// `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn declared_in(head: &[u8]) -> Option<Vec<u8>> {
    let lower = head.to_ascii_lowercase();
    let start = lower.iter().position(|b| !b.is_ascii_whitespace())?;
    let lower = &lower[start..];
    if !lower.starts_with(b"<") {
        return None;
    }
    if lower.starts_with(b"<?xml") {
        let end = find(lower, b"?>").unwrap_or(lower.len());
        return value_after(&lower[..end], b"encoding=");
    }
    let mut rest = lower;
    while let Some(at) = find(rest, b"<meta") {
        let tag = &rest[at..];
        let tag = &tag[..find(tag, b">").unwrap_or(tag.len())];
        if let Some(value) = value_after(tag, b"charset=") {
            return Some(value);
        }
        rest = &rest[at + tag.len().max(1)..];
    }
    None
}

/// The value after `name` in a tag: quoted or bare.
fn value_after(tag: &[u8], name: &[u8]) -> Option<Vec<u8>> {
    let at = find(tag, name)? + name.len();
    let rest = tag[at..].trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_vec())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Checks `bytes[valid..]` for NUL bytes (text in a declared encoding is
/// decoded at the end), returning how far they are checked.
fn check_no_nul(bytes: &[u8], valid: usize, path: &Path) -> Result<usize, LoadError> {
    // memchr looks at a word or a vector at a time, not a byte.
    match memchr::memchr(0, &bytes[valid..]) {
        Some(i) => Err(LoadError::Binary {
            path: path.to_owned(),
            byte: valid + i,
        }),
        None => Ok(bytes.len()),
    }
}

/// The byte-order marks of UTF-32 and UTF-16 (UTF-32 first: its
/// little-endian mark begins with UTF-16's).
fn check_head(bytes: &[u8], path: &Path) -> Result<(), LoadError> {
    let path = path.to_owned();
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(LoadError::Utf32 { path });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16 { path });
    }
    Ok(())
}

/// Checks `bytes[valid..]` for NUL bytes and UTF-8, returning how far they
/// are now valid. A character cut at the end of the chunk waits for the
/// next one, unless this is the end.
fn check_body(bytes: &[u8], valid: usize, at_end: bool, path: &Path) -> Result<usize, LoadError> {
    check_no_nul(bytes, valid, path)?;
    let new = &bytes[valid..];
    match std::str::from_utf8(new) {
        Ok(_) => Ok(bytes.len()),
        Err(e) if e.error_len().is_none() && !at_end => Ok(valid + e.valid_up_to()),
        Err(e) => Err(invalid_utf8(path, bytes, valid + e.valid_up_to())),
    }
}

/// The error for bytes that stop being UTF-8 at `byte`: its line and
/// column (in characters) too.
fn invalid_utf8(path: &Path, bytes: &[u8], byte: usize) -> LoadError {
    let before = &bytes[..byte];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    LoadError::InvalidUtf8 {
        path: path.to_owned(),
        line,
        column,
        byte,
    }
}

/// A size as people write it: bytes, or a number with K, M or G (powers
/// of 1024, an optional `B` or `iB` after), e.g. `256M`, `1.5G`. At most
/// [`MAX_BYTES_LIMIT`].
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let number = lower.trim_end_matches("ib").trim_end_matches('b');
    let (number, unit) = match number.char_indices().last() {
        Some((i, 'k')) => (&number[..i], 1u64 << 10),
        Some((i, 'm')) => (&number[..i], 1 << 20),
        Some((i, 'g')) => (&number[..i], 1 << 30),
        _ => (number, 1),
    };
    let value: f64 = number
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && *v > 0.0)
        .ok_or_else(|| format!("{text:?} is not a size; write it as e.g. 256M, 1G or 500000"))?;
    let bytes = value * unit as f64;
    if bytes > MAX_BYTES_LIMIT as f64 {
        return Err(format!(
            "{text} is more than whosaid can analyse; the most is 4G less one byte ({MAX_BYTES_LIMIT})"
        ));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Café “Léa” — 5 €" in windows-1252 bytes.
    const CP1252: &[u8] = b"Caf\xE9 \x93L\xE9a\x94 \x97 5 \x80";

    #[test]
    fn a_page_that_declares_its_charset_is_decoded() {
        for declaration in [
            &b"<meta charset=\"windows-1252\">"[..],
            b"<META CHARSET=iso-8859-1>",
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
        ] {
            let mut page = b"<!DOCTYPE html><html><head>".to_vec();
            page.extend_from_slice(declaration);
            page.extend_from_slice(b"</head><body><p>");
            page.extend_from_slice(CP1252);
            let text = read(&page, 1 << 20).unwrap();
            assert!(text.ends_with("<p>Café “Léa” — 5 €"), "{text}");
        }
        let feed = [
            &b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>"[..],
            CP1252,
        ]
        .concat();
        assert!(read(&feed, 1 << 20).unwrap().ends_with("Café “Léa” — 5 €"));
    }

    #[test]
    fn a_servers_charset_comes_before_the_pages_own() {
        let page = [&b"<meta charset=utf-8><p>"[..], CP1252].concat();
        let text = read_text_in(
            &page[..],
            Path::new("a.html"),
            1 << 20,
            Some("windows-1252"),
        );
        assert!(text.unwrap().ends_with("Café “Léa” — 5 €"));
        // UTF-8 named by the server is checked as UTF-8.
        let error = read_text_in(&page[..], Path::new("a.html"), 1 << 20, Some("UTF-8"));
        assert!(
            matches!(error, Err(LoadError::InvalidUtf8 { .. })),
            "{error:?}"
        );
    }

    #[test]
    fn undeclared_or_binary_text_is_still_refused() {
        // No declaration: not UTF-8 is an error, as before.
        let plain = [&b"<p>"[..], CP1252].concat();
        assert!(matches!(
            read(&plain, 1 << 20),
            Err(LoadError::InvalidUtf8 { .. })
        ));
        // A declaration in plain text (not a page) is words, not a charset.
        let words = [&b"note: <meta charset=latin1> "[..], CP1252].concat();
        assert!(matches!(
            read(&words, 1 << 20),
            Err(LoadError::InvalidUtf8 { .. })
        ));
        // NUL bytes are binary whatever the page says, even far in.
        let mut binary = b"<meta charset=windows-1252><p>".to_vec();
        binary.extend(std::iter::repeat_n(b'a', 20_000));
        binary.push(0);
        assert!(matches!(
            read(&binary, 1 << 20),
            Err(LoadError::Binary { byte: 20_030, .. })
        ));
        // An unknown name leaves UTF-8 in force.
        let unknown = [&b"<meta charset=klingon><p>"[..], CP1252].concat();
        assert!(matches!(
            read(&unknown, 1 << 20),
            Err(LoadError::InvalidUtf8 { .. })
        ));
    }

    fn read(bytes: &[u8], max: u64) -> Result<String, LoadError> {
        read_text(bytes, Path::new("a.txt"), max)
    }

    /// Bytes that never end, counting how many were taken.
    struct Endless<'a> {
        byte: u8,
        taken: &'a mut u64,
    }

    impl Read for Endless<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(self.byte);
            *self.taken += buf.len() as u64;
            Ok(buf.len())
        }
    }

    #[test]
    fn text_reads_whole_across_chunks_even_with_a_character_cut_between_them() {
        let text = "Zoë said “yes”. 😀\n".repeat(10_000);
        assert!(text.len() > 3 * CHUNK);
        assert_eq!(read(text.as_bytes(), DEFAULT_MAX_BYTES).unwrap(), text);
    }

    #[test]
    fn an_endless_stream_stops_at_the_cap() {
        let mut taken = 0;
        let err = read_text(
            Endless {
                byte: b'a',
                taken: &mut taken,
            },
            Path::new("-"),
            1 << 20,
        )
        .unwrap_err();
        assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
        assert!(taken <= (1 << 20) + CHUNK as u64, "read {taken} bytes");
        assert!(err.to_string().contains("--max-size"), "{err}");
    }

    #[test]
    fn random_bytes_fail_at_the_first_chunk() {
        for byte in [0u8, 0xFF] {
            let mut taken = 0;
            let err = read_text(
                Endless {
                    byte,
                    taken: &mut taken,
                },
                Path::new("/dev/urandom"),
                DEFAULT_MAX_BYTES,
            )
            .unwrap_err();
            assert!(taken <= 2 * CHUNK as u64, "read {taken} bytes of {byte}");
            assert!(
                matches!(
                    err,
                    LoadError::Binary { .. } | LoadError::InvalidUtf8 { .. }
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn a_nul_byte_anywhere_is_binary() {
        let mut text = "plain words ".repeat(5000).into_bytes();
        text.push(0);
        let err = read(&text, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(
            matches!(err, LoadError::Binary { byte: 60_000, .. }),
            "{err}"
        );
    }

    #[test]
    fn utf32_is_not_called_utf16() {
        let le = read(&[0xFF, 0xFE, 0, 0, b'H', 0, 0, 0], 100).unwrap_err();
        assert!(matches!(le, LoadError::Utf32 { .. }), "{le}");
        assert!(le.to_string().contains("UTF-32"), "{le}");
        let be = read(&[0, 0, 0xFE, 0xFF, 0, 0, 0, b'H'], 100).unwrap_err();
        assert!(matches!(be, LoadError::Utf32 { .. }), "{be}");
        let utf16 = read(&[0xFF, 0xFE, b'H', 0], 100).unwrap_err();
        assert!(matches!(utf16, LoadError::Utf16 { .. }), "{utf16}");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = read(b"ok\nab\xffc", 100).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::InvalidUtf8 {
                    line: 2,
                    column: 3,
                    byte: 5,
                    ..
                }
            ),
            "{err}"
        );
        let cut = read("é".as_bytes().split_at(1).0, 100).unwrap_err();
        assert!(
            matches!(cut, LoadError::InvalidUtf8 { byte: 0, .. }),
            "{cut}"
        );
    }

    #[test]
    fn the_cap_is_exact() {
        assert_eq!(read(b"12345", 5).unwrap(), "12345");
        assert!(matches!(
            read(b"123456", 5),
            Err(LoadError::TooLarge { .. })
        ));
    }

    #[test]
    fn sizes_read_as_people_write_them_and_never_past_4g() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("1k"), Ok(1024));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("4G").is_err(), "4 GiB is one byte too many");
        assert_eq!(parse_size("4294967295"), Ok(MAX_BYTES_LIMIT));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1M").is_err());
    }
}
