//! Query sets and their judging, shared by the tests and the benchmarks: the golden keyword
//! set (tests/golden.toml), the keyword hold-out (tests/holdout.toml), the two halves of the
//! conversational set (tests/conversation/{tune,holdout}.toml), and the two halves of each of
//! its later rounds (tests/conversation/round{N}-{tune,holdout}.toml, listed once in
//! [`ROUNDS`]), each written later by a writer blind to the engine and reported on its own.

#![allow(dead_code)]

use serde::Deserialize;

pub const GOLDEN: &str = include_str!("../golden.toml");
pub const HOLDOUT: &str = include_str!("../holdout.toml");
pub const CONVERSATION_TUNE: &str = include_str!("../conversation/tune.toml");
pub const CONVERSATION_HOLDOUT: &str = include_str!("../conversation/holdout.toml");

/// Lists the later rounds' halves, tune before hold-out, as (file name, text).
macro_rules! rounds {
    ($($n:literal)*) => {
        /// Every later round's two halves, in order, as (file name, text). A new round is one
        /// more number here and its floors in tests/conversation.rs; the quality bench reports
        /// every half listed.
        pub const ROUNDS: &[(&str, &str)] = &[$(
            (
                concat!("round", $n, "-tune.toml"),
                include_str!(concat!("../conversation/round", $n, "-tune.toml")),
            ),
            (
                concat!("round", $n, "-holdout.toml"),
                include_str!(concat!("../conversation/round", $n, "-holdout.toml")),
            ),
        )*];
    };
}

rounds!(2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179 180 181 182 183 184 185 186 187 188 189 190 191 192 193 194 195 196 197 198 199 200 201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 218 219 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234);

/// One query and what it must get.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub query: String,
    pub tag: String,
    pub top1: Option<String>,
    #[serde(default)]
    pub top3: Vec<String>,
    #[serde(default)]
    pub any3: Vec<String>,
    /// Comparisons and lists: one group of acceptable ids per concept; each group should have
    /// a member in the top 5.
    #[serde(default)]
    pub covers: Vec<Vec<String>>,
    #[serde(default)]
    pub none: bool,
    /// "greeting", "thanks" or "help": the message is small talk, not a question.
    pub small_talk: Option<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    case: Vec<Case>,
}

/// Parses a query set; `name` is for messages.
pub fn load(text: &str, name: &str) -> Vec<Case> {
    let file: File = toml::from_str(text).unwrap_or_else(|e| panic!("{name} must parse: {e}"));
    for c in &file.case {
        let kinds = usize::from(c.top1.is_some())
            + usize::from(!c.top3.is_empty())
            + usize::from(!c.any3.is_empty())
            + usize::from(c.none)
            + usize::from(c.small_talk.is_some());
        assert!(kinds >= 1, "{name}: case {:?} asserts nothing", c.query);
    }
    file.case
}

/// The golden keyword set.
pub fn cases() -> Vec<Case> {
    load(GOLDEN, "tests/golden.toml")
}

/// What an engine said to one query, as the judge sees it.
pub struct Said<'a> {
    /// Resource ids, best first.
    pub ranked: &'a [String],
    /// The small talk recognised, kebab-case ("greeting"), if any.
    pub small_talk: Option<&'a str>,
}

impl Case {
    /// True for a case that expects results (not off-topic, not small talk).
    pub fn on_topic(&self) -> bool {
        !self.none && self.small_talk.is_none()
    }

    /// Why `ranked` (resource ids, best first) fails this case, or `None` when it passes.
    pub fn judge(&self, ranked: &[String]) -> Option<String> {
        self.judge_said(&Said {
            ranked,
            small_talk: None,
        })
    }

    /// [`Case::judge`] with the small talk an answer recognised.
    pub fn judge_said(&self, said: &Said<'_>) -> Option<String> {
        let ranked = said.ranked;
        let top3 = &ranked[..ranked.len().min(3)];
        if let Some(want) = &self.small_talk {
            return match said.small_talk {
                Some(got) if got == want && ranked.is_empty() => None,
                got => Some(format!(
                    "expected small talk {want}, got {got:?} with {top3:?}"
                )),
            };
        }
        if said.small_talk.is_some() {
            return Some(format!("taken for small talk {:?}", said.small_talk));
        }
        if self.none && !ranked.is_empty() {
            return Some(format!("expected no results, got {top3:?}"));
        }
        if let Some(want) = &self.top1
            && ranked.first() != Some(want)
        {
            return Some(format!("expected {want} first, got {top3:?}"));
        }
        for want in &self.top3 {
            if !top3.contains(want) {
                return Some(format!("expected {want} in top 3, got {top3:?}"));
            }
        }
        if !self.any3.is_empty() && !self.any3.iter().any(|w| top3.contains(w)) {
            return Some(format!(
                "expected one of {:?} in top 3, got {top3:?}",
                self.any3
            ));
        }
        None
    }

    /// For comparisons: whether every concept has an acceptable resource in the top 5.
    pub fn covered(&self, ranked: &[String]) -> bool {
        let top5 = &ranked[..ranked.len().min(5)];
        self.covers
            .iter()
            .all(|group| group.iter().any(|id| top5.contains(id)))
    }
}
