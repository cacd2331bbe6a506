//! How Chinese words sound, as keys to find them by: a pinyin keyboard's slips (亮化 typed
//! for 量化 sounds the same) and Chinese typed in Latin letters without switching the keyboard
//! ("lianghua 4bit jiaocheng").

use pinyin::{ToPinyin, ToPinyinMulti};

/// How closely a pinyin key follows the syllables.
#[derive(Clone, Copy)]
pub enum Pinyin {
    /// The toneless syllables as they are.
    Exact,
    /// With the pairs most pinyin keyboards offer to confuse merged, since those are the
    /// slips people make and the keyboard then completes: z/zh, c/ch, s/sh and an/ang,
    /// en/eng, in/ing.
    Fuzzy,
}

/// The most readings of one word [`typed`] spells out: a word of polyphonic characters has as
/// many spellings as the product of their readings.
const MAX_TYPED: usize = 8;

/// The toneless pinyin of a run of ideographs, syllables joined by `-` ("量化" → "liang-hua",
/// fuzzy "lian-hua"), each character read its commonest way; `None` when a character has no
/// reading.
pub fn key(text: &str, how: Pinyin) -> Option<String> {
    let mut key = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let syllable = c.to_pinyin()?.plain();
        if !key.is_empty() {
            key.push('-');
        }
        match how {
            Pinyin::Exact => key.push_str(syllable),
            Pinyin::Fuzzy => key.push_str(&fuzzy(syllable)),
        }
    }
    Some(key)
}

/// The ways a run of ideographs is typed in Latin letters: its toneless syllables run
/// together, ü typed as v, every reading of a polyphonic character ("微调" → weitiao, the
/// reading meant, as well as weidiao and weizhou; at most eight). Empty when a
/// character has no reading.
pub fn typed(text: &str) -> Vec<String> {
    readings(text, "", usize::MAX, |syllable| {
        syllable
            .chars()
            .map(|c| if c == 'ü' { 'v' } else { c })
            .collect()
    })
}

/// [`key`] in the two commonest readings of a polyphonic character, at most eight keys, the
/// commonest first: a catalogue word is filed under each, since the reading a keyboard slip
/// sounds like is the one meant (微条 is 微调 read wei-tiao, not its commoner wei-diao). Rarer
/// readings are left out: read as 太, 大 would make 台大 sound like 以太. Empty when a
/// character has no reading.
pub fn keys(text: &str, how: Pinyin) -> Vec<String> {
    readings(text, "-", 2, |syllable| match how {
        Pinyin::Exact => syllable.to_owned(),
        Pinyin::Fuzzy => fuzzy(syllable),
    })
}

/// The readings of a run of ideographs, each character's syllables (toneless, as `spell`
/// writes them; its `per_char` commonest) joined by `separator`; at most [`MAX_TYPED`], the
/// commonest readings first.
fn readings(
    text: &str,
    separator: &str,
    per_char: usize,
    spell: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut keys = vec![String::with_capacity(text.len() * 2)];
    for (i, c) in text.chars().enumerate() {
        let Some(readings) = c.to_pinyin_multi() else {
            return Vec::new();
        };
        let mut syllables: Vec<String> = Vec::new();
        for reading in readings {
            let syllable = spell(reading.plain());
            if syllables.len() < per_char && !syllables.contains(&syllable) {
                syllables.push(syllable);
            }
        }
        let separator = if i == 0 { "" } else { separator };
        let mut next = Vec::with_capacity(keys.len() * syllables.len());
        for key in &keys {
            for syllable in &syllables {
                if next.len() < MAX_TYPED {
                    next.push(format!("{key}{separator}{syllable}"));
                }
            }
        }
        keys = next;
    }
    keys
}

/// A syllable with the retroflex initials and the -ng finals (other than -ong, which has no
/// -on partner) folded into their plain partners.
fn fuzzy(syllable: &str) -> String {
    let plain = ["zh", "ch", "sh"]
        .iter()
        .find_map(|r| {
            syllable
                .strip_prefix(r)
                .map(|rest| format!("{}{rest}", &r[..1]))
        })
        .unwrap_or_else(|| syllable.to_owned());
    match plain.strip_suffix('g') {
        Some(rest) if rest.ends_with('n') && !rest.ends_with("on") => rest.to_owned(),
        _ => plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_pinyin_merges_what_keyboards_confuse() {
        for (syllable, folded) in [
            ("zheng", "zen"),
            ("shi", "si"),
            ("chuang", "cuan"),
            ("jing", "jin"),
            ("liang", "lian"),
            ("zhong", "zong"),
            ("hong", "hong"),
            ("lu", "lu"),
        ] {
            assert_eq!(fuzzy(syllable), folded, "{syllable}");
        }
        assert_eq!(key("蒸馏", Pinyin::Fuzzy), key("真流", Pinyin::Fuzzy));
        assert_ne!(key("蒸馏", Pinyin::Exact), key("真流", Pinyin::Exact));
    }

    #[test]
    fn typed_pinyin_runs_the_syllables_together_in_every_reading() {
        assert_eq!(typed("量化")[0], "lianghua");
        assert!(typed("微调").contains(&"weitiao".to_owned()));
        assert!(typed("微调").contains(&"weidiao".to_owned()));
        assert!(typed("绿色").contains(&"lvse".to_owned()));
        assert!(typed("量化x").is_empty());
    }

    #[test]
    fn keys_cover_every_reading_the_commonest_first() {
        assert_eq!(keys("量化", Pinyin::Exact)[0], "liang-hua");
        assert_eq!(
            keys("量化", Pinyin::Exact)[0],
            key("量化", Pinyin::Exact).unwrap()
        );
        assert!(keys("微调", Pinyin::Exact).contains(&"wei-tiao".to_owned()));
        assert!(keys("微调", Pinyin::Fuzzy).contains(&key("微条", Pinyin::Fuzzy).unwrap()));
        assert!(!keys("台大", Pinyin::Exact).contains(&"yi-tai".to_owned()));
    }
}
