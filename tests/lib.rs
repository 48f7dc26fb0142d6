//! Shared helpers for Vigie's integration, corpus, golden and binding tests: where the
//! labelled corpus and the reference data are, and how to load them.

#![deny(missing_docs)]

use serde::Deserialize;
use std::path::{Path, PathBuf};
use vigie_core::{CheckOptions, Engine, Message, OfferReport};

/// The `tests/` folder of the repository.
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/data` beside the repository, where the reference data sets live (never copied
/// into the repository). Panics with a clear message when it is missing: CI always has it.
pub fn shared_data() -> PathBuf {
    let p = tests_dir().join("../../shared/data");
    assert!(
        p.is_dir(),
        "reference data not found at {} (clone the repository beside ../shared)",
        p.display()
    );
    p
}

/// One message of a corpus conversation.
#[derive(Debug, Clone, Deserialize)]
pub struct CorpusMessage {
    /// Who wrote it.
    #[serde(default)]
    pub sender: String,
    /// What they wrote.
    pub text: String,
}

/// One labelled corpus item: an offer (`text`) or a conversation (`messages`).
#[derive(Debug, Clone, Deserialize)]
pub struct CorpusItem {
    /// Unique id, e.g. `fr-scam-03`.
    pub id: String,
    /// Language code.
    pub lang: String,
    /// `scam` or `legit`.
    pub label: String,
    /// The pattern it illustrates.
    #[serde(default)]
    pub pattern: String,
    /// The offer text.
    #[serde(default)]
    pub text: Option<String>,
    /// The conversation.
    #[serde(default)]
    pub messages: Option<Vec<CorpusMessage>>,
}

impl CorpusItem {
    /// Whether it is labelled as a scam.
    pub fn is_scam(&self) -> bool {
        self.label == "scam"
    }

    /// Runs the engine over it.
    pub fn check(&self, engine: &Engine) -> OfferReport {
        let options = CheckOptions::default();
        match (&self.text, &self.messages) {
            (Some(t), _) => engine.check_offer(t, &options),
            (None, Some(m)) => {
                let msgs: Vec<Message> = m
                    .iter()
                    .map(|m| Message {
                        sender: m.sender.clone(),
                        text: m.text.clone(),
                    })
                    .collect();
                engine.check_conversation(&msgs, &options)
            }
            _ => panic!("{}: neither text nor messages", self.id),
        }
        .unwrap_or_else(|e| panic!("{}: {e}", self.id))
    }
}

/// Every corpus file (`tests/corpus/*.jsonl`) with its items, sorted by file name.
pub fn corpus() -> Vec<(String, Vec<CorpusItem>)> {
    labelled_set("corpus")
}

/// Every file of a labelled set (`tests/<folder>/*.jsonl`) with its items, sorted by name.
pub fn labelled_set(folder: &str) -> Vec<(String, Vec<CorpusItem>)> {
    let dir = tests_dir().join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let items = read_jsonl(&p);
            (name, items)
        })
        .collect()
}

fn read_jsonl(p: &Path) -> Vec<CorpusItem> {
    std::fs::read_to_string(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", p.display(), i + 1))
        })
        .collect()
}
