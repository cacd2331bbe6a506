//! The golden query set (tests/golden.toml): loading and judging, shared by the golden test
//! and the benchmark's hit@3 comparison.

#![allow(dead_code)]

use serde::Deserialize;

pub const GOLDEN: &str = include_str!("../golden.toml");

#[derive(Debug, Deserialize)]
pub struct Case {
    pub query: String,
    pub tag: String,
    pub top1: Option<String>,
    #[serde(default)]
    pub top3: Vec<String>,
    #[serde(default)]
    pub any3: Vec<String>,
    #[serde(default)]
    pub none: bool,
}

#[derive(Debug, Deserialize)]
struct File {
    case: Vec<Case>,
}

pub fn cases() -> Vec<Case> {
    let file: File = toml::from_str(GOLDEN).expect("tests/golden.toml must parse");
    for c in &file.case {
        let kinds = usize::from(c.top1.is_some())
            + usize::from(!c.top3.is_empty())
            + usize::from(!c.any3.is_empty())
            + usize::from(c.none);
        assert!(kinds >= 1, "case {:?} asserts nothing", c.query);
    }
    file.case
}

impl Case {
    /// Why `ranked` (resource ids, best first) fails this case, or `None` when it passes.
    pub fn judge(&self, ranked: &[String]) -> Option<String> {
        let top3 = &ranked[..ranked.len().min(3)];
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
}
