//! Reading an article's bytes without trusting them: in chunks, checking
//! the first bytes as they arrive (UTF-16, UTF-32, binary), NUL bytes and
//! UTF-8 anywhere as it goes, and stopping at a size cap. So
//! `whosaid export /dev/urandom` fails at its first chunk, and an endless
//! stream stops at the cap instead of filling the memory.

use std::io::Read;
use std::path::Path;

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
pub fn read_text(mut input: impl Read, path: &Path, max_bytes: u64) -> Result<String, LoadError> {
    let max_bytes = max_bytes.min(MAX_BYTES_LIMIT);
    let mut bytes: Vec<u8> = Vec::new();
    // Bytes before `valid` are checked UTF-8 with no NUL in them.
    let mut valid = 0;
    let mut head_checked = false;
    loop {
        let start = bytes.len();
        let room = (max_bytes + 1)
            .saturating_sub(start as u64)
            .min(CHUNK as u64) as usize;
        bytes.resize(start + room.max(1), 0);
        let n = match input.read(&mut bytes[start..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => 0,
            Err(e) => return Err(LoadError::from_io(path, e)),
        };
        bytes.truncate(start + n);
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
        }
        if head_checked {
            valid = check_body(&bytes, valid, at_end, path)?;
        }
        if at_end {
            break;
        }
    }
    Ok(String::from_utf8(bytes).expect("checked as UTF-8 while reading"))
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
    let new = &bytes[valid..];
    if let Some(i) = new.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_owned(),
            byte: valid + i,
        });
    }
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
