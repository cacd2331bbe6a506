//! Errors from reading a catalogue file, each pointing at the file, the entry and the line.

use std::fmt;

/// One thing wrong with a catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the entry (or of the offending value), when known.
    pub line: Option<usize>,
    /// The entry, e.g. "resource `github-vllm`" or "topic `lora`".
    pub entry: Option<String>,
    /// What is wrong, in words an editor of the file can act on.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(entry) = &self.entry {
            write!(f, "{entry}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Why a catalogue could not be loaded. Loading never panics; it returns one of these.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The file could not be read.
    #[error("cannot read catalogue {file}: {source}")]
    Io {
        /// The file named.
        file: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or has a value of the wrong type.
    #[error("{file}: {}", problem)]
    Syntax {
        /// The file named.
        file: String,
        /// Where and what.
        problem: Problem,
    },
    /// The file parsed, but entries contradict each other or are incomplete.
    #[error("{file}: {} problem(s) in the catalogue:{}", problems.len(), list(file, problems))]
    Invalid {
        /// The file named.
        file: String,
        /// Every problem found, in file order.
        problems: Vec<Problem>,
    },
}

impl CatalogueError {
    pub(crate) fn io(file: &str, source: std::io::Error) -> CatalogueError {
        CatalogueError::Io {
            file: file.to_owned(),
            source,
        }
    }

    /// Every problem found, in file order (one for I/O and syntax errors).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            CatalogueError::Io { source, .. } => {
                vec![Problem {
                    line: None,
                    entry: None,
                    message: source.to_string(),
                }]
            }
            CatalogueError::Syntax { problem, .. } => vec![problem.clone()],
            CatalogueError::Invalid { problems, .. } => problems.clone(),
        }
    }
}

fn list(file: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("\n  {file}: {p}"))
        .collect()
}
