//! The lexicon automaton: every phrase of every language, normalized, in one Aho-Corasick.

use crate::text::{is_word_char, uses_spaces, Normalizer};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{BTreeMap, HashMap};

/// A phrase found in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Concept index.
    pub concept: u16,
    /// Normalized start byte.
    pub start: u32,
    /// Normalized end byte (exclusive).
    pub end: u32,
}

#[derive(Debug, Clone)]
struct Pattern {
    concepts: Vec<u16>,
    check_start: bool,
    check_end: bool,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    concepts: Vec<String>,
    /// Number of distinct phrases after normalization.
    pub phrase_count: usize,
}

impl Lexicon {
    /// Compiles `language -> concept -> phrases`.
    pub fn compile(
        lexicons: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
        normalizer: &Normalizer,
        short_ok: &[&str],
    ) -> Result<Lexicon, String> {
        let mut concepts: Vec<String> = Vec::new();
        let mut concept_ix: HashMap<String, u16> = HashMap::new();
        let mut by_text: HashMap<(String, bool, bool), usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for (lang, entries) in lexicons {
            for (concept, phrases) in entries {
                let ci = match concept_ix.get(concept) {
                    Some(&i) => i,
                    None => {
                        let i = u16::try_from(concepts.len())
                            .map_err(|_| "too many concepts".to_string())?;
                        concepts.push(concept.clone());
                        concept_ix.insert(concept.clone(), i);
                        i
                    }
                };
                for raw in phrases {
                    let raw = raw.trim();
                    let open_start = raw.starts_with('*');
                    let open_end = raw.ends_with('*') && raw.len() > 1;
                    let core = raw.trim_start_matches('*').trim_end_matches('*');
                    let text = normalizer.normalize(core).text.trim().to_string();
                    if text.is_empty() {
                        continue;
                    }
                    if text.chars().count() < 2 && !short_ok.contains(&concept.as_str()) {
                        return Err(format!(
                            "{lang}/{concept}: phrase `{raw}` is too short to match safely"
                        ));
                    }
                    let first = text.chars().next().unwrap_or(' ');
                    let last = text.chars().last().unwrap_or(' ');
                    let key = (
                        text.clone(),
                        !open_start && uses_spaces(first),
                        !open_end && uses_spaces(last),
                    );
                    let pi = *by_text.entry(key.clone()).or_insert_with(|| {
                        texts.push(key.0.clone());
                        patterns.push(Pattern {
                            concepts: Vec::new(),
                            check_start: key.1,
                            check_end: key.2,
                        });
                        patterns.len() - 1
                    });
                    if !patterns[pi].concepts.contains(&ci) {
                        patterns[pi].concepts.push(ci);
                    }
                }
            }
        }
        let automaton = if texts.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&texts)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(Lexicon {
            automaton,
            phrase_count: texts.len(),
            patterns,
            concepts,
        })
    }

    /// Number of concepts.
    pub fn concept_count(&self) -> usize {
        self.concepts.len()
    }

    /// The index of a concept by name.
    pub fn concept_index(&self, name: &str) -> Option<u16> {
        self.concepts
            .iter()
            .position(|c| c == name)
            .map(|i| i as u16)
    }

    /// Every phrase occurrence in `text` (already normalized) that respects word boundaries.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            // A letter of a script written without spaces (Han, Thai...) next to a Latin phrase
            // is a boundary: "高薪customer service", "进KK园区".
            let joins = |c: char| is_word_char(c) && uses_spaces(c);
            if p.check_start && text[..m.start()].chars().next_back().is_some_and(joins) {
                continue;
            }
            if p.check_end && text[m.end()..].chars().next().is_some_and(joins) {
                continue;
            }
            debug_assert!(m.end() <= bytes.len());
            for &c in &p.concepts {
                hits.push(Hit {
                    concept: c,
                    start: m.start() as u32,
                    end: m.end() as u32,
                });
            }
        }
        hits
    }
}
