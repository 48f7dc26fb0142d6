//! The lexicon: every phrase of every language, normalized, in Aho-Corasick automata — one per
//! script group, each built the first time a text contains that script.
//!
//! Loading a pack only sorts phrases into groups and validates them; the automaton for Latin
//! phrases is built by the first check, the one for Thai only when Thai text comes. A French
//! user never pays for the Russian, Arabic or Burmese automata, and code-switched text runs
//! the automata of every script it contains.

use crate::text::{is_word_char, uses_spaces, Normalizer, Script};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

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

/// A phrase as written in the pack, before normalization.
#[derive(Debug, Clone)]
struct RawPhrase {
    core: String,
    open_start: bool,
    open_end: bool,
    concept: u16,
}

#[derive(Debug, Clone)]
struct Built {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// The phrases starting with one script group, and their automaton once built.
#[derive(Debug, Clone, Default)]
struct Group {
    phrases: Vec<RawPhrase>,
    built: OnceLock<Built>,
}

/// Script groups: phrases are sorted by the script of their first letter.
const GROUPS: usize = 9;

fn group_of(c: char) -> usize {
    match Script::of(c) {
        Script::Cyrillic => 1,
        Script::Arabic => 2,
        Script::Devanagari => 3,
        Script::Ethiopic => 4,
        Script::Han | Script::Kana | Script::Hangul => 5,
        Script::Thai | Script::Lao => 6,
        Script::Myanmar => 7,
        Script::Khmer => 8,
        _ => 0,
    }
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    groups: Vec<Group>,
    concepts: Vec<String>,
    normalizer: Normalizer,
    /// Number of phrases in the pack.
    pub phrase_count: usize,
}

impl Lexicon {
    /// Sorts and validates `language -> concept -> phrases`; automata are built on first use.
    /// Phrases shorter than two characters are refused, except in the `short_ok` concepts.
    pub fn compile(
        lexicons: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
        normalizer: &Normalizer,
        short_ok: &[&str],
    ) -> Result<Lexicon, String> {
        let mut concepts: Vec<String> = Vec::new();
        let mut concept_ix: HashMap<&str, u16> = HashMap::new();
        let mut groups: Vec<Group> = vec![Group::default(); GROUPS];
        let mut phrase_count = 0;
        for (lang, entries) in lexicons {
            for (concept, phrases) in entries {
                let ci = match concept_ix.get(concept.as_str()) {
                    Some(&i) => i,
                    None => {
                        let i = u16::try_from(concepts.len())
                            .map_err(|_| "too many concepts".to_string())?;
                        concepts.push(concept.clone());
                        concept_ix.insert(concept, i);
                        i
                    }
                };
                for raw in phrases {
                    let raw = raw.trim();
                    let open_start = raw.starts_with('*');
                    let open_end = raw.ends_with('*') && raw.len() > 1;
                    let core = raw.trim_start_matches('*').trim_end_matches('*').trim();
                    let Some(first) = core.chars().next() else {
                        continue;
                    };
                    if core.chars().filter(|c| !c.is_whitespace()).count() < 2
                        && !short_ok.contains(&concept.as_str())
                    {
                        return Err(format!(
                            "{lang}/{concept}: phrase `{raw}` is too short to match safely"
                        ));
                    }
                    phrase_count += 1;
                    groups[group_of(first)].phrases.push(RawPhrase {
                        core: core.to_string(),
                        open_start,
                        open_end,
                        concept: ci,
                    });
                }
            }
        }
        Ok(Lexicon {
            groups,
            concepts,
            normalizer: normalizer.clone(),
            phrase_count,
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

    /// Builds every automaton now (for apps that prefer to pay at start-up, and for benches).
    pub fn build_all(&self) {
        for g in &self.groups {
            self.built(g);
        }
    }

    fn built<'a>(&self, group: &'a Group) -> &'a Built {
        group.built.get_or_init(|| {
            let mut by_text: HashMap<(String, bool, bool), usize> = HashMap::new();
            let mut texts: Vec<String> = Vec::new();
            let mut patterns: Vec<Pattern> = Vec::new();
            for p in &group.phrases {
                let text = self.normalizer.normalize(&p.core).text.trim().to_string();
                let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else {
                    continue;
                };
                let key = (
                    text,
                    !p.open_start && uses_spaces(first),
                    !p.open_end && uses_spaces(last),
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
                if !patterns[pi].concepts.contains(&p.concept) {
                    patterns[pi].concepts.push(p.concept);
                }
            }
            // A contiguous NFA builds fast and searches fast enough; a DFA over tens of
            // thousands of phrases would cost far more time and memory to build.
            let automaton = (!texts.is_empty()).then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&texts)
                    .expect("phrases are plain strings")
            });
            Built {
                automaton,
                patterns,
            }
        })
    }

    /// Every phrase occurrence in `text` (already normalized) that respects word boundaries.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut present = [false; GROUPS];
        present[0] = true;
        for c in text.chars().filter(|c| !c.is_ascii()) {
            present[group_of(c)] = true;
        }
        let mut hits = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            if present[g] && !group.phrases.is_empty() {
                find_in(self.built(group), text, &mut hits);
            }
        }
        hits
    }
}

fn find_in(built: &Built, text: &str, hits: &mut Vec<Hit>) {
    let Some(ac) = &built.automaton else { return };
    // A letter of a script written without spaces (Han, Thai...) next to a Latin phrase is a
    // boundary: "高薪customer service", "进KK园区".
    let joins = |c: char| is_word_char(c) && uses_spaces(c);
    for m in ac.find_overlapping_iter(text) {
        let p = &built.patterns[m.pattern().as_usize()];
        if p.check_start && text[..m.start()].chars().next_back().is_some_and(joins) {
            continue;
        }
        if p.check_end && text[m.end()..].chars().next().is_some_and(joins) {
            continue;
        }
        for &c in &p.concepts {
            hits.push(Hit {
                concept: c,
                start: m.start() as u32,
                end: m.end() as u32,
            });
        }
    }
}
