//! JSON Lines: one JSON document a line, read a line at a time.

use std::io::{self, BufRead, Read};

use super::problem::JsonProblem;

/// The longest line a [`JsonLines`] reader holds by default: 1 MiB, not counting the `\n` that
/// ends it. A longer line is skipped to its end without being held whole, so that memory stays
/// flat whatever the file.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// A JSON Lines reader: the one way the crate, its examples and a service read a roster.
///
/// It reads one line at a time from any [`BufRead`], so a file of millions of lines needs no
/// more memory than one of ten, and gives each line with its 1-based number:
///
/// - a byte-order mark before the first line is skipped;
/// - a line's end (`\n` or `\r\n`) and the white space around its text are trimmed;
/// - a line that is only white space is [`Line::Blank`];
/// - a line that is not UTF-8, or longer than the cap ([`MAX_LINE_BYTES`] unless
///   [`with_max_line_bytes`](JsonLines::with_max_line_bytes) says otherwise), is
///   [`Line::Unreadable`], with its problem as data; the reading goes on with the next line.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::json::{JsonLines, Line};
///
/// let file: &[u8] = b"\xef\xbb\xbf{\"id\":\"A\"}\n\n\xff\n{\"id\":\"B\"}\r\n";
/// let mut lines = JsonLines::new(file);
/// let mut seen = Vec::new();
/// while let Some(line) = lines.next_line()? {
///     seen.push(match line {
///         Line::Json { number, text } => format!("{number}: {text}"),
///         Line::Blank { number } => format!("{number}: blank"),
///         Line::Unreadable { number, problem } => format!("{number}: {problem}"),
///     });
/// }
/// assert_eq!(seen, [r#"1: {"id":"A"}"#, "2: blank", "3: expected UTF-8 text", r#"4: {"id":"B"}"#]);
/// assert_eq!(lines.lines_read(), 4);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonLines<R> {
    reader: R,
    bytes: Vec<u8>,
    /// The number of the last line read (0 before the first).
    number: usize,
    max_line_bytes: usize,
}

/// One line of a [`JsonLines`] file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    /// A line with text: the text, trimmed, to read as one JSON document.
    Json {
        /// 1-based line number.
        number: usize,
        /// The line's text, trimmed.
        text: &'a str,
    },
    /// A line of white space only.
    Blank {
        /// 1-based line number.
        number: usize,
    },
    /// A line that cannot be read as text: [`JsonProblem::NotUtf8`] or
    /// [`JsonProblem::LineTooLong`].
    Unreadable {
        /// 1-based line number.
        number: usize,
        /// What is wrong with it.
        problem: JsonProblem,
    },
}

impl<'a> Line<'a> {
    /// Line `number` of a JSON Lines file, whose text (without its `\n`) is `text`: a
    /// byte-order mark is skipped on line 1 only, the text trimmed, white space alone a
    /// [`Line::Blank`]. The one rule for a line of text, for a caller who holds the lines itself
    /// (as [`RosterScan::line`](crate::RosterScan::line) does) as for [`JsonLines`].
    pub fn of_text(number: usize, text: &'a str) -> Line<'a> {
        let text = if number == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        match text.trim() {
            "" => Line::Blank { number },
            text => Line::Json { number, text },
        }
    }
}

impl Line<'_> {
    /// The line's 1-based number.
    pub fn number(&self) -> usize {
        match self {
            Line::Json { number, .. }
            | Line::Blank { number }
            | Line::Unreadable { number, .. } => *number,
        }
    }
}

impl<R: BufRead> JsonLines<R> {
    /// A reader of `reader`'s lines, the first numbered 1.
    pub fn new(reader: R) -> JsonLines<R> {
        JsonLines {
            reader,
            bytes: Vec::new(),
            number: 0,
            max_line_bytes: MAX_LINE_BYTES,
        }
    }

    /// The same reader, with lines longer than `bytes` bytes (not counting the `\n` that ends
    /// them) given as [`Line::Unreadable`]. At least 1.
    pub fn with_max_line_bytes(mut self, bytes: usize) -> JsonLines<R> {
        self.max_line_bytes = bytes.max(1);
        self
    }

    /// The same reader, numbering the next line `after + 1`: for a file read on after lines
    /// numbered elsewhere. A byte-order mark is skipped only on line 1.
    pub fn with_lines_before(mut self, after: usize) -> JsonLines<R> {
        self.number = after;
        self
    }

    /// How many lines have been read (the number of the last one).
    pub fn lines_read(&self) -> usize {
        self.number
    }

    /// The next line; `None` at the end of the input.
    ///
    /// # Errors
    ///
    /// An I/O error of the underlying reader. Text that is not UTF-8 is not an error but a
    /// [`Line::Unreadable`].
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        // The cap and one byte more, to tell a line of exactly the cap from a longer one; a cap of
        // `usize::MAX` has no byte more (saturating, not overflowing).
        let limit = u64::try_from(self.max_line_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        self.bytes.clear();
        if (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.bytes)?
            == 0
        {
            return Ok(None);
        }
        self.number += 1;
        let number = self.number;
        if self.bytes.len() > self.max_line_bytes && !self.bytes.ends_with(b"\n") {
            // Too long: skip to the end of the line, a bounded piece at a time.
            loop {
                self.bytes.clear();
                let n = (&mut self.reader)
                    .take(limit)
                    .read_until(b'\n', &mut self.bytes)?;
                if n == 0 || self.bytes.ends_with(b"\n") {
                    break;
                }
            }
            self.bytes.clear();
            return Ok(Some(Line::Unreadable {
                number,
                problem: JsonProblem::LineTooLong {
                    max_bytes: self.max_line_bytes,
                },
            }));
        }
        let Ok(text) = std::str::from_utf8(&self.bytes) else {
            return Ok(Some(Line::Unreadable {
                number,
                problem: JsonProblem::NotUtf8,
            }));
        };
        Ok(Some(Line::of_text(number, text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize) -> Vec<String> {
        let mut lines = JsonLines::new(input).with_max_line_bytes(max);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().expect("reading from memory") {
            out.push(match line {
                Line::Json { number, text } => format!("{number} {text}"),
                Line::Blank { number } => format!("{number} blank"),
                Line::Unreadable { number, problem } => format!("{number} {problem:?}"),
            });
        }
        out
    }

    #[test]
    fn a_byte_order_mark_is_skipped_on_line_1_only() {
        assert_eq!(
            all("\u{feff}[1]\n\u{feff}[2]\n".as_bytes(), 100),
            ["1 [1]", "2 \u{feff}[2]"]
        );
    }

    #[test]
    fn a_long_line_is_skipped_whole_and_the_next_read() {
        let mut input = b"[1]\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 50));
        input.extend(b"\n[3]");
        assert_eq!(
            all(&input, 10),
            [
                "1 [1]".to_owned(),
                "2 LineTooLong { max_bytes: 10 }".to_owned(),
                "3 [3]".to_owned()
            ]
        );
        // A line of exactly the cap, its end of line not counted, is read.
        assert_eq!(all(b"1234567890\n", 10), ["1 1234567890"]);
        assert_eq!(all(b"1234567890", 10), ["1 1234567890"]);
        assert_eq!(
            all(b"12345678901\n", 10),
            ["1 LineTooLong { max_bytes: 10 }"]
        );
    }

    /// Review: a cap of `usize::MAX` (no cap) overflowed `max + 1`: a panic in a debug build, and
    /// nothing read in a release build.
    #[test]
    fn the_largest_cap_reads_every_line() {
        assert_eq!(
            all(b"[1]\n\n[3]", usize::MAX),
            ["1 [1]", "2 blank", "3 [3]"]
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_make_an_unreadable_line() {
        assert_eq!(
            all(b"[1]\n\xff\xfe\n  \r\n[4]", 100),
            ["1 [1]", "2 NotUtf8", "3 blank", "4 [4]"]
        );
    }

    #[test]
    fn numbering_can_follow_lines_read_elsewhere() {
        let mut lines = JsonLines::new("\u{feff}[1]".as_bytes()).with_lines_before(7);
        assert_eq!(
            lines.next_line().expect("memory"),
            Some(Line::Json {
                number: 8,
                text: "\u{feff}[1]"
            })
        );
    }
}
