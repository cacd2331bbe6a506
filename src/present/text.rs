//! Text as a platform counts and writes it: the one clipping function, and the one place that
//! cleans what is echoed back to users.
//!
//! Platforms count limits in different units (Telegram in UTF-16 code units, Discord in
//! characters) and write some characters as escapes (`&amp;` in HTML, `\*` in Markdown), so a
//! [`Measure`] is both: a unit and the platform's escaping. [`Measure::clip`] cuts plain text so
//! that, once escaped, it fits a limit; it cuts between grapheme clusters only, so no emoji,
//! surrogate pair or combining mark is ever split, and no escape is ever cut in half.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

/// What a platform's limits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (Discord, terminals).
    Chars,
    /// UTF-16 code units: an emoji outside the BMP counts two (Telegram).
    Utf16,
}

/// How a platform writes one character of plain text when not as itself.
pub type Escape = fn(char) -> Option<&'static str>;

/// A unit and an escaping: how long text is once a platform has written it.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    unit: Unit,
    escape: Escape,
}

/// What marks a cut.
const ELLIPSIS: &str = "…";

fn as_is(_: char) -> Option<&'static str> {
    None
}

impl Measure {
    /// Plain text counted in characters (a terminal).
    pub const PLAIN: Measure = Measure::new(Unit::Chars, as_is);

    /// A measure for a platform.
    pub const fn new(unit: Unit, escape: Escape) -> Measure {
        Measure { unit, escape }
    }

    /// The unit.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    fn units(&self, c: char) -> usize {
        match (self.escape)(c) {
            Some(escaped) => self.len_raw(escaped),
            None => match self.unit {
                Unit::Chars => 1,
                Unit::Utf16 => c.len_utf16(),
            },
        }
    }

    fn len_raw(&self, text: &str) -> usize {
        match self.unit {
            Unit::Chars => text.chars().count(),
            Unit::Utf16 => text.encode_utf16().count(),
        }
    }

    /// The length of plain `text` once escaped, in the platform's unit.
    pub fn len(&self, text: &str) -> usize {
        text.chars().map(|c| self.units(c)).sum()
    }

    /// Plain `text` as the platform writes it.
    pub fn escape<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !text.chars().any(|c| (self.escape)(c).is_some()) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            match (self.escape)(c) {
                Some(escaped) => out.push_str(escaped),
                None => out.push(c),
            }
        }
        Cow::Owned(out)
    }

    /// The longest prefix of `text` whose escaped length is at most `max`, cut between
    /// grapheme clusters; no marker. For values that are read back (queries, choice values).
    pub fn cut<'a>(&self, text: &'a str, max: usize) -> &'a str {
        let mut used = 0;
        for (at, grapheme) in text.grapheme_indices(true) {
            used += self.len(grapheme);
            if used > max {
                return &text[..at];
            }
        }
        text
    }

    /// `text` shortened so that its escaped length is at most `max`, ending in "…" when
    /// anything was cut. Still plain text: escape it when writing it out.
    pub fn clip<'a>(&self, text: &'a str, max: usize) -> Cow<'a, str> {
        if self.len(text) <= max {
            return Cow::Borrowed(text);
        }
        let room = max.saturating_sub(self.len(ELLIPSIS));
        if room == 0 {
            return Cow::Borrowed(if max >= self.len(ELLIPSIS) {
                ELLIPSIS
            } else {
                ""
            });
        }
        let kept = self.cut(text, room).trim_end();
        Cow::Owned(format!("{kept}{ELLIPSIS}"))
    }
}

/// Bidirectional-text controls: echoed back, they reorder what follows them (U+202E turns the
/// rest of a line around).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from users or the catalogue, made safe to show on one line: control and bidi
/// characters removed, whitespace runs (line breaks included) folded to one space, trimmed.
pub fn sanitise(text: &str) -> Cow<'_, str> {
    let clean = |c: char| !c.is_control() && !is_bidi_control(c);
    let single_spaced = !text.contains("  ") && text.trim() == text;
    if single_spaced
        && text
            .chars()
            .all(|c| c == ' ' || (clean(c) && !c.is_whitespace()))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if clean(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(c: char) -> Option<&'static str> {
        match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            _ => None,
        }
    }

    const UTF16: Measure = Measure::new(Unit::Utf16, as_is);
    const HTML: Measure = Measure::new(Unit::Utf16, html);

    #[test]
    fn units_and_escapes_count() {
        assert_eq!(Measure::PLAIN.len("a😀中"), 3);
        assert_eq!(UTF16.len("a😀中"), 4);
        assert_eq!(HTML.len("a&<"), 1 + 5 + 4);
        assert_eq!(HTML.escape("a&b"), "a&amp;b");
        assert!(matches!(HTML.escape("ab"), Cow::Borrowed(_)));
    }

    #[test]
    fn clipping_keeps_graphemes_and_escapes_whole() {
        assert_eq!(Measure::PLAIN.clip("干货干货", 3), "干货…");
        assert_eq!(Measure::PLAIN.clip("abc", 3), "abc");
        // A family emoji is one grapheme of seven chars (eleven UTF-16 units).
        let family = "👩‍👩‍👧‍👦";
        assert_eq!(UTF16.clip(&format!("ab{family}"), 10), "ab…");
        assert_eq!(UTF16.cut("a😀", 2), "a");
        // "e" + combining acute accent is one grapheme.
        assert_eq!(Measure::PLAIN.cut("ae\u{301}x", 2), "a");
        // An escape is never cut in half: "&" costs five units here.
        assert_eq!(HTML.clip("ab&cd", 6), "ab…");
        for max in 0..12 {
            let clipped = HTML.clip("a&b<c&&d", max);
            assert!(HTML.len(&clipped) <= max, "{clipped} > {max}");
        }
    }

    #[test]
    fn sanitising_removes_controls_and_bidi() {
        assert_eq!(sanitise("  LoRA\n\t教程  "), "LoRA 教程");
        assert_eq!(sanitise("a\u{0}b\u{202e}c\u{200f}"), "abc");
        assert_eq!(sanitise("\u{202e} \u{0}"), "");
        assert!(matches!(sanitise("plain text"), Cow::Borrowed(_)));
        // Zero-width joiners hold emoji sequences together; they stay.
        assert_eq!(sanitise("👩‍💻"), "👩‍💻");
    }
}
