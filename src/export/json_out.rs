//! A streaming JSON writer that lays its output out byte for byte as
//! serde_json does (pretty: two-space indent and `"key": value`; compact: no
//! spaces), with strings escaped as every JSON export escapes them
//! ([`escape_json_into`]). The whosaid/1 export writes through it straight
//! from the analysis: serde's generic serialiser with a custom formatter,
//! and the structs built for it, cost more than the analysis's slower stages.
//!
//! Writing never fails on the spot: output gathers in a buffer that goes to
//! the writer in large pieces, and the first write error is kept and
//! returned by [`JsonOut::finish`] (later output is dropped).

use std::io::{self, Write};

use serde::Serialize;

use crate::safe_text::{escape_json_into, write_json_unbuffered};

/// How much output is gathered before it is written.
const BUFFER: usize = 1 << 16;

pub struct JsonOut<'w> {
    out: &'w mut dyn Write,
    buf: Vec<u8>,
    pretty: bool,
    /// How many objects and arrays are open.
    depth: u32,
    /// Bit `d` set: the open object or array at depth `d` (1 for the
    /// outermost) is an array. Bits, not a stack: a large export opens
    /// hundreds of thousands.
    arrays: u64,
    /// Bit `d` set: it has a member yet (a comma goes before the next).
    filled: u64,
    /// The first write error.
    error: Option<io::Error>,
}

/// The deepest nesting a [`JsonOut`] writes (the export's is 5).
const MAX_DEPTH: u32 = 63;

impl<'w> JsonOut<'w> {
    /// A writer laid out as `serde_json::to_writer_pretty` (or, not
    /// `pretty`, `to_writer`) would.
    pub fn new(out: &'w mut dyn Write, pretty: bool) -> Self {
        JsonOut {
            out,
            buf: Vec::with_capacity(BUFFER + BUFFER / 4),
            pretty,
            depth: 0,
            arrays: 0,
            filled: 0,
            error: None,
        }
    }

    pub fn begin_object(&mut self) {
        self.begin(b'{', false);
    }

    pub fn end_object(&mut self) {
        self.end(b'}');
    }

    pub fn begin_array(&mut self) {
        self.begin(b'[', true);
    }

    pub fn end_array(&mut self) {
        self.end(b']');
    }

    /// The key of the next member of the object being written; `key` is
    /// plain ASCII that needs no escaping (the contract's field names).
    #[inline]
    pub fn key(&mut self, key: &'static str) {
        self.separate();
        self.buf.push(b'"');
        // Inlined, a constant key is copied by a few stores, not a call.
        self.buf.extend_from_slice(key.as_bytes());
        self.buf
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    /// A string value, escaped.
    pub fn str(&mut self, text: &str) {
        self.value_start();
        self.buf.push(b'"');
        // A long string (the document text) goes out in pieces, so the
        // buffer stays small; a piece ends on a char boundary.
        let mut rest = text;
        while rest.len() > BUFFER {
            let mut cut = BUFFER;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            escape_json_into(&mut self.buf, &rest[..cut]);
            self.flush_if_full();
            rest = &rest[cut..];
        }
        escape_json_into(&mut self.buf, rest);
        self.buf.push(b'"');
        self.flush_if_full();
    }

    /// A string value of plain ASCII that needs no escaping (a name the
    /// contract spells, such as a kind or a rule).
    #[inline]
    pub fn plain_str(&mut self, text: &'static str) {
        self.value_start();
        self.buf.push(b'"');
        self.buf.extend_from_slice(text.as_bytes());
        self.buf.push(b'"');
    }

    /// A string value of `prefix` then a number ("c12"), unallocated.
    pub fn prefixed_number(&mut self, prefix: u8, number: usize) {
        self.value_start();
        self.buf.push(b'"');
        self.buf.push(prefix);
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
        self.buf.push(b'"');
    }

    #[inline]
    pub fn number(&mut self, number: usize) {
        self.value_start();
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
    }

    pub fn bool(&mut self, value: bool) {
        self.value_start();
        self.buf
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    pub fn null(&mut self) {
        self.value_start();
        self.buf.extend_from_slice(b"null");
    }

    /// A string value, or null.
    pub fn str_or_null(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.null(),
        }
    }

    /// Any value serde can write (a JSON Lines input's `id` or `meta`),
    /// escaped and laid out as the rest. Compact output only: serde's
    /// pretty layout would not know the indent it is written at.
    pub fn serialized(&mut self, value: &impl Serialize) {
        debug_assert!(!self.pretty, "serde values go in compact output only");
        self.value_start();
        write_json_unbuffered(&mut self.buf, value, false).expect("JSON values always serialise");
        self.flush_if_full();
    }

    /// Ends the output with a newline and writes what is left; the first
    /// error met on the way, if any.
    pub fn finish(mut self) -> io::Result<()> {
        debug_assert_eq!(self.depth, 0, "every object and array is closed");
        self.buf.push(b'\n');
        self.write_buffer();
        match self.error {
            Some(e) => Err(e),
            None => self.out.flush(),
        }
    }

    fn begin(&mut self, mark: u8, array: bool) {
        self.value_start();
        self.buf.push(mark);
        assert!(
            self.depth < MAX_DEPTH,
            "JSON nested deeper than {MAX_DEPTH}"
        );
        self.depth += 1;
        let bit = 1 << self.depth;
        self.filled &= !bit;
        if array {
            self.arrays |= bit;
        } else {
            self.arrays &= !bit;
        }
    }

    fn end(&mut self, mark: u8) {
        assert!(self.depth > 0, "an object or array is open");
        let filled = self.filled & (1 << self.depth) != 0;
        self.depth -= 1;
        if self.pretty && filled {
            self.new_line();
        }
        self.buf.push(mark);
        self.flush_if_full();
    }

    /// Before a value: in an array, the comma and line before it (in an
    /// object, [`key`](Self::key) wrote them).
    #[inline]
    fn value_start(&mut self) {
        if self.arrays & (1 << self.depth) != 0 {
            self.separate();
        }
    }

    /// Before a member of the object or array being written.
    #[inline]
    fn separate(&mut self) {
        let bit = 1 << self.depth;
        if self.filled & bit != 0 {
            self.buf.push(b',');
        }
        self.filled |= bit;
        if self.pretty {
            self.new_line();
        }
    }

    /// A line break and the indent of the depth being written.
    #[inline]
    fn new_line(&mut self) {
        const LINE: &[u8; 17] = b"\n                ";
        let width = 1 + 2 * self.depth as usize;
        if width <= LINE.len() {
            // A whole line of fixed length is copied by a few stores, then
            // cut to the indent: cheaper than copying a length not known.
            self.buf.extend_from_slice(LINE);
            self.buf.truncate(self.buf.len() - (LINE.len() - width));
        } else {
            self.buf.extend_from_slice(LINE);
            self.buf.resize(self.buf.len() + width - LINE.len(), b' ');
        }
    }

    fn flush_if_full(&mut self) {
        if self.buf.len() >= BUFFER {
            self.write_buffer();
        }
    }

    fn write_buffer(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safe_text::write_json;

    /// `value` written through [`JsonOut`] by walking it, as the export does.
    fn written(value: &serde_json::Value, pretty: bool) -> String {
        fn walk(w: &mut JsonOut, value: &serde_json::Value) {
            use serde_json::Value;
            match value {
                Value::Null => w.null(),
                Value::Bool(b) => w.bool(*b),
                Value::Number(n) => w.number(n.as_u64().unwrap() as usize),
                Value::String(s) => w.str(s),
                Value::Array(items) => {
                    w.begin_array();
                    items.iter().for_each(|item| walk(w, item));
                    w.end_array();
                }
                Value::Object(members) => {
                    w.begin_object();
                    for (key, member) in members {
                        // Keys are static in the export; leaked here for the test.
                        w.key(Box::leak(key.clone().into_boxed_str()));
                        walk(w, member);
                    }
                    w.end_object();
                }
            }
        }
        let mut out = Vec::new();
        let mut w = JsonOut::new(&mut out, pretty);
        walk(&mut w, value);
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// What serde writes through [`write_json`], with the newline `finish` adds.
    fn serde_written(value: &serde_json::Value, pretty: bool) -> String {
        let mut out = Vec::new();
        write_json(&mut out, value, pretty).unwrap();
        String::from_utf8(out).unwrap() + "\n"
    }

    #[test]
    fn output_is_laid_out_and_escaped_as_serde_writes_it() {
        let long = "plain words and a \"quote\"\n".repeat(5000) + "ok é";
        let value = serde_json::json!({
            "text": "tab\tline\nquote\" back\\ bell\u{7} nul\u{0} del\u{7f} csi\u{9b} nbsp\u{a0} é “x” 😀 \u{8}\u{c}\r\u{1f}",
            "empty": [],
            "nothing": {},
            "list": [1, null, true, false, {"x": "y", "z": []}, [[]]],
            "long": long,
            "n": 0,
            "deep": [[[[[[[[[[1, [2]]]]]]]]]]],
        });
        for pretty in [false, true] {
            assert_eq!(
                written(&value, pretty),
                serde_written(&value, pretty),
                "pretty: {pretty}"
            );
        }
    }

    #[test]
    fn every_byte_and_every_position_in_a_word_escapes_as_serde_escapes_it() {
        // Each special byte at each of the eight places of a checked word.
        let specials = [
            "\u{0}", "\u{1f}", "\"", "\\", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}", "\u{bf}",
        ];
        for special in specials {
            for at in 0..9 {
                let text = format!("{}{special}{}", "a".repeat(at), "b".repeat(9));
                let value = serde_json::Value::String(text);
                assert_eq!(written(&value, false), serde_written(&value, false));
            }
        }
        let adjacent = "x\"\\\u{1}\u{7f}\u{85}\n\u{9f}\t\"\u{a0}\u{c2}\u{1f}é\u{0}";
        let value = serde_json::Value::String(adjacent.repeat(3));
        assert_eq!(written(&value, false), serde_written(&value, false));
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let value = serde_json::Value::String(every_ascii);
        assert_eq!(written(&value, false), serde_written(&value, false));
    }

    /// A writer that takes nothing.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_is_returned_at_the_end() {
        let mut full = Full;
        let mut w = JsonOut::new(&mut full, true);
        w.begin_array();
        w.str(&"x".repeat(3 * BUFFER));
        w.end_array();
        let err = w.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    }
}
