//! Text made safe to show on a terminal. An article (or a file name, or a
//! note) may hold escape sequences that would retitle the window, set the
//! clipboard or reset the screen if printed raw, so every human-readable
//! output — Markdown, CSV, the reader's status line and clipboard, error
//! messages — passes through [`for_terminal`]. JSON and W3C escape control
//! characters as JSON requires and need nothing more. Only the rendering
//! changes: the document text, and so every offset, stays as read.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Serializer;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// `text` with every control character that could drive a terminal
/// replaced by a visible stand-in of one column:
///
/// - C0 controls (U+0000–U+001F) other than tab and line feed become their
///   Unicode control picture (ESC shows as `␛`, BEL as `␇`, NUL as `␀`);
///   a carriage return directly before a line feed is kept, so CRLF line
///   ends stay line ends;
/// - DEL (U+007F) becomes `␡`;
/// - C1 controls (U+0080–U+009F, among them U+009B CSI and U+009D OSC)
///   become U+FFFD `�`: they have no pictures.
///
/// Text with none of these (nearly all) is returned as it is, unallocated.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else {
            out.push(visible(c));
        }
    }
    Cow::Owned(out)
}

/// Writes `value` as JSON to `out` (pretty-printed or compact), with DEL
/// and the C1 controls escaped as `\u007f`…`\u009f` too: JSON requires
/// escaping only U+0000–U+001F, but an export is often printed, and a
/// terminal may act on a raw U+009B. Only strings can hold such
/// characters, so escaping them is exact: the parsed value is unchanged.
/// Streamed: no copy of the JSON text is made; the many small pieces
/// are gathered in a buffer of its own, then written in large ones.
pub fn write_json<W: Write>(out: W, value: &impl Serialize, pretty: bool) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(BUFFER, out);
    write_json_unbuffered(&mut out, value, pretty)?;
    out.flush()
}

/// How much JSON [`write_json`] gathers before each write.
const BUFFER: usize = 1 << 16;

/// [`write_json`] without a buffer of its own (for output already in memory).
pub fn write_json_unbuffered<W: Write>(
    out: W,
    value: &impl Serialize,
    pretty: bool,
) -> io::Result<()> {
    if pretty {
        let formatter = ControlsEscaped(PrettyFormatter::new());
        value.serialize(&mut Serializer::with_formatter(out, formatter))?;
    } else {
        let formatter = ControlsEscaped(CompactFormatter);
        value.serialize(&mut Serializer::with_formatter(out, formatter))?;
    }
    Ok(())
}

/// A JSON formatter that lays out as `F` does and escapes DEL and the C1
/// controls in strings (see [`write_json`]).
struct ControlsEscaped<F>(F);

impl<F: Formatter> Formatter for ControlsEscaped<F> {
    /// The unescaped stretches of a string: DEL or a C1 control is found by
    /// a byte search (0x7F, or 0xC2 0x80..=0x9F in UTF-8), not by decoding
    /// every character, as exports are large.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut from = 0;
        for i in memchr::memchr2_iter(0x7f, 0xc2, bytes) {
            if let Some(c) = del_or_c1_at(bytes, i) {
                writer.write_all(&bytes[from..i])?;
                writer.write_all(&unicode_escape(c))?;
                from = i + utf8_len(c);
            }
        }
        writer.write_all(&bytes[from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// The code point (DEL or a C1 control) whose UTF-8 starts at `bytes[i]`,
/// if it is one of those the JSON exports escape beyond what JSON requires.
fn del_or_c1_at(bytes: &[u8], i: usize) -> Option<u8> {
    match bytes[i] {
        0x7f => Some(0x7f),
        0xc2 => bytes
            .get(i + 1)
            .filter(|b| (0x80..=0x9f).contains(*b))
            .copied(),
        _ => None,
    }
}

/// How many bytes UTF-8 takes for a code point below U+0100.
fn utf8_len(c: u8) -> usize {
    if c < 0x80 { 1 } else { 2 }
}

/// `\u00XX` for a code point below U+0100, as serde_json writes it (lower-case hex).
fn unicode_escape(c: u8) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    [
        b'\\',
        b'u',
        b'0',
        b'0',
        HEX[(c >> 4) as usize],
        HEX[(c & 0xf) as usize],
    ]
}

/// Appends `text` to `out` as the contents of a JSON string (without the
/// quotes), escaped byte for byte as [`write_json`] escapes a string:
/// serde_json's escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`, else
/// `\u00XX` below U+0020) and DEL and the C1 controls as `\u007f`…`\u009f`.
/// Plain stretches are copied whole: eight bytes are checked at a time.
pub fn escape_json_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the first byte of the next eight that may need escaping
        // (exports are mostly plain prose).
        if let Some(word) = bytes.get(i..i + 8) {
            let flags = escape_flags(u64::from_le_bytes(word.try_into().expect("eight bytes")));
            if flags == 0 {
                i += 8;
                continue;
            }
            i += flags.trailing_zeros() as usize / 8;
        }
        match escape_at(bytes, i) {
            Some((escape, len)) => {
                out.extend_from_slice(&bytes[from..i]);
                out.extend_from_slice(escape.as_bytes());
                i += len;
                from = i;
            }
            None => i += 1,
        }
    }
    out.extend_from_slice(&bytes[from..]);
}

/// A JSON escape, of at most six bytes.
struct Escape {
    bytes: [u8; 6],
    len: usize,
}

impl Escape {
    fn short(letter: u8) -> Escape {
        Escape {
            bytes: [b'\\', letter, 0, 0, 0, 0],
            len: 2,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The escape of the character at `bytes[i]` and how many bytes it takes,
/// or `None` when it is written as it is.
fn escape_at(bytes: &[u8], i: usize) -> Option<(Escape, usize)> {
    let b = bytes[i];
    let letter = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\t' => b't',
        b'\r' => b'r',
        0x08 => b'b',
        0x0c => b'f',
        _ => {
            let c = (b < 0x20).then_some(b).or_else(|| del_or_c1_at(bytes, i))?;
            let escape = Escape {
                bytes: unicode_escape(c),
                len: 6,
            };
            return Some((escape, utf8_len(c)));
        }
    };
    Some((Escape::short(letter), 1))
}

/// A high bit set in the byte of `word` that may need escaping (a control
/// below 0x20, `"`, `\\`, DEL, or 0xC2, the lead byte of a C1 control), by
/// bit tricks on the whole word (a byte `b` is below `n` when `b - n`
/// borrows). Bytes after the first flagged one may be flagged wrongly; the
/// lowest flag is always right.
fn escape_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    (below_space & !word & HIGH)
        | has_zero(word ^ (ONES * b'"' as u64))
        | has_zero(word ^ (ONES * b'\\' as u64))
        | has_zero(word ^ (ONES * 0x7f))
        | has_zero(word ^ (ONES * 0xc2))
}

/// Whether `c` is one that [`for_terminal`] replaces (a lone carriage
/// return included; one before a line feed is kept by the caller).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The stand-in for a character, itself when it is safe.
fn visible(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' if c != '\t' && c != '\n' => {
            char::from_u32(0x2400 + c as u32).expect("control pictures are chars")
        }
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        _ => c,
    }
}

/// The byte offset of the first character that needs replacing, found on
/// the bytes (a C1 control is 0xC2 0x80..=0x9F in UTF-8).
fn first_unsafe(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let unsafe_here = match b {
            b'\t' | b'\n' => false,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            _ => false,
        };
        unsafe_here.then_some(i)
    })
}

/// Terminal-control sequences a hostile article might hold, which the tests
/// feed through every output: a window title (OSC 2), the clipboard
/// (OSC 52), a terminal reset (ESC c), the alignment test (ESC # 8), 8-bit
/// CSI and OSC, a bell, NUL, DEL and a lone carriage return.
pub const HOSTILE: &[&str] = &[
    "\x1b]2;pwned\x07",
    "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1bc",
    "\x1b#8",
    "\u{9b}31m",
    "\u{9d}0;title\u{9c}",
    "\x07",
    "\0",
    "\x7f",
    "over\rwrite",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        for text in ["", "Plain words.", "tab\tand\nlines\r\n", "Zoë “quoted” 😀"] {
            assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn every_hostile_sequence_comes_out_without_a_control_character() {
        for seq in HOSTILE {
            let text = format!("before {seq} after");
            let safe = for_terminal(&text);
            assert!(!safe.chars().any(is_unsafe), "{text:?} became {safe:?}");
            assert!(safe.starts_with("before ") && safe.ends_with(" after"));
        }
    }

    #[test]
    fn controls_show_as_pictures_of_one_column() {
        assert_eq!(for_terminal("\x1b]2;x\x07"), "␛]2;x␇");
        assert_eq!(for_terminal("a\0b\x7fc"), "a␀b␡c");
        assert_eq!(for_terminal("\u{9b}1m\u{85}"), "\u{fffd}1m\u{fffd}");
        assert_eq!(for_terminal("a\rb\r\nc\r"), "a␍b\r\nc␍");
        assert_eq!(for_terminal("x\u{a0}y"), "x\u{a0}y", "U+00A0 is no control");
    }

    /// The JSON of `value` as [`write_json`] writes it.
    fn json(value: &impl Serialize, pretty: bool) -> String {
        let mut out = Vec::new();
        write_json(&mut out, value, pretty).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_keeps_its_value_with_del_and_c1_escaped() {
        let value = serde_json::json!({ "text": "a\u{9b}31m\u{7f}\x1b]2;x\x07 é", "k\u{85}": [1] });
        for pretty in [false, true] {
            let json = json(&value, pretty);
            assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
            assert!(json.contains("\\u009b31m\\u007f"), "{json}");
            assert!(json.contains("k\\u0085"), "keys too: {json}");
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&json).unwrap(),
                value
            );
        }
        // Laid out as serde_json lays out; a no-break space (0xC2 0xA0)
        // shares the C1 lead byte and stays.
        let plain = serde_json::json!({ "text": "a\u{a0}b", "list": [1, {"x": null}] });
        assert_eq!(json(&plain, false), serde_json::to_string(&plain).unwrap());
        assert_eq!(
            json(&plain, true),
            serde_json::to_string_pretty(&plain).unwrap()
        );
    }
}
