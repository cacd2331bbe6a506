//! Discord's size limits and the text helpers that keep rendered output within them.
//!
//! Discord rejects an oversized message with a 400, which users see as "This interaction
//! failed", and serenity checks only a few of these limits itself. Lengths are measured in
//! UTF-16 code units, never fewer than Discord's own count (which is in characters), so a text
//! that fits here fits there, emoji included.

/// Embed title.
pub const EMBED_TITLE: usize = 256;
/// Embed description.
pub const EMBED_DESCRIPTION: usize = 4096;
/// Fields in one embed.
pub const EMBED_FIELDS: usize = 25;
/// Field name.
pub const FIELD_NAME: usize = 256;
/// Field value.
pub const FIELD_VALUE: usize = 1024;
/// Embed footer text.
pub const EMBED_FOOTER: usize = 2048;
/// All text across all embeds of one message.
pub const EMBED_TOTAL: usize = 6000;
/// Embeds in one message.
pub const EMBEDS: usize = 10;
/// Message content.
pub const CONTENT: usize = 2000;
/// Action rows in one message.
pub const ROWS: usize = 5;
/// Buttons in one action row.
pub const BUTTONS_PER_ROW: usize = 5;
/// Button label.
pub const BUTTON_LABEL: usize = 80;
/// Component custom id, in bytes (Discord counts characters; bytes are never fewer).
pub const CUSTOM_ID: usize = 100;
/// Options in a select menu.
pub const SELECT_OPTIONS: usize = 25;
/// Select option label, value and description.
pub const SELECT_OPTION_TEXT: usize = 100;
/// Select menu placeholder.
pub const SELECT_PLACEHOLDER: usize = 150;
/// Autocomplete choices in one response.
pub const CHOICES: usize = 25;
/// Autocomplete choice name and (string) value.
pub const CHOICE_TEXT: usize = 100;

/// What follows a shortened text.
const ELLIPSIS: char = '…';

/// The length of `s` as Discord's limits are checked here.
pub fn len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `s` cut at a character boundary to at most `max` units, without any marker: for values that
/// are read back (autocomplete values, queries in custom ids).
pub fn cut(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > max {
            return &s[..i];
        }
    }
    s
}

/// `s` shortened to at most `max` units, ending in "…" when anything was cut.
pub fn fit(s: &str, max: usize) -> String {
    if len(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = cut(s, max - 1).to_owned();
    out.push(ELLIPSIS);
    out
}

/// Characters that Discord markdown gives a meaning to, in message text and embeds.
fn is_markdown(c: char) -> bool {
    matches!(
        c,
        '\\' | '*'
            | '_'
            | '~'
            | '`'
            | '|'
            | '['
            | ']'
            | '('
            | ')'
            | '<'
            | '>'
            | '#'
            | '-'
            | '@'
            | ':'
    )
}

/// `s` with markdown escaped and whitespace runs (newlines included) folded to one space, so a
/// hostile title cannot format, link or break out of the line it is shown on; shortened to at
/// most `max` units (ellipsis included) without ever splitting an escape.
pub fn escape_fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut last_space = true;
    let mut cut_short = false;
    let budget = max.saturating_sub(1);
    let chars: Vec<char> = s.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let mut piece = String::new();
        if c.is_whitespace() || c.is_control() {
            if last_space {
                continue;
            }
            piece.push(' ');
            last_space = true;
        } else {
            if is_markdown(c) {
                piece.push('\\');
            }
            piece.push(c);
            last_space = false;
        }
        let n = len(&piece);
        // The last piece may use the unit reserved for the ellipsis.
        let room = if i + 1 == chars.len() { max } else { budget };
        if used + n > room {
            cut_short = true;
            break;
        }
        out.push_str(&piece);
        used += n;
    }
    if cut_short && max > 0 {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push(ELLIPSIS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_utf16_units() {
        assert_eq!(len("abc"), 3);
        assert_eq!(len("中文"), 2);
        assert_eq!(len("😀"), 2);
    }

    #[test]
    fn cut_and_fit_respect_boundaries() {
        assert_eq!(cut("中文字", 2), "中文");
        assert_eq!(cut("a😀", 2), "a");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 3), "abc");
        assert!(len(&fit(&"😀".repeat(100), 51)) <= 51);
    }

    #[test]
    fn escaping_never_splits_and_fits() {
        assert_eq!(escape_fit("a*b", 10), "a\\*b");
        assert_eq!(escape_fit("x\n\n  y", 10), "x y");
        for max in 1..30 {
            let s = escape_fit("**[@everyone](http://x)**", max);
            assert!(len(&s) <= max, "{s} > {max}");
            // Escapes are pushed whole: a cut never leaves a backslash escaping the ellipsis.
            assert!(!s.trim_end_matches('…').ends_with('\\'), "{s}");
        }
        assert_eq!(escape_fit("abc", 3), "abc");
    }
}
