//! Red-flag rules: the pack's lexicons compiled into one Aho-Corasick automaton, and the
//! rules evaluated over its hits.
//!
//! Every phrase of every language is searched at once in the normalized text, so
//! code-switched messages (Taglish, Hinglish, Chinese with English) match the phrases of
//! each language they mix. A rule fires when one of its clauses finds all its concepts within
//! a window of each other, unless a cancelling concept (`no fee`) sits near the anchor hit.

mod lexicon;

use crate::error::{Error, Result};
use crate::pack::{ComboDef, RuleDef, RulesSection};
use crate::report::Severity;
pub use lexicon::{Hit, Lexicon};
use std::collections::{BTreeMap, HashMap};

/// Default distance, in normalized bytes, between the parts of a clause.
pub const DEFAULT_WINDOW: u32 = 200;
/// At most this many evidence spans are kept per finding.
pub const MAX_EVIDENCE: usize = 5;
/// At most this many anchors of one concept are tried per rule (bounds work on huge texts).
const MAX_ANCHORS: usize = 2000;

/// A concept reference inside a rule: a lexicon concept or an entity signal (`$name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConceptRef {
    /// Index of a lexicon concept.
    Lexicon(u16),
    /// Index of an entity signal.
    Signal(u16),
}

/// The entity signals rules may refer to with `$name`.
pub const SIGNALS: &[&str] = &[
    "money_daily",
    "money_monthly_high",
    "messenger_link",
    "crypto_address",
    "free_mail",
    "lookalike_domain",
    "risky_link",
];

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule's definition from the pack.
    pub def: RuleDef,
    /// Parsed severity.
    pub severity: Severity,
    clauses: Vec<Vec<ConceptRef>>,
    unless: Vec<ConceptRef>,
    window: u32,
}

/// A compiled combination.
#[derive(Debug, Clone)]
pub struct Combo {
    /// The combo's definition from the pack.
    pub def: ComboDef,
    /// Parsed severity.
    pub severity: Severity,
    any_of: Vec<Vec<usize>>,
}

/// A rule that fired, with the normalized spans that made it fire.
#[derive(Debug, Clone)]
pub struct Fired {
    /// Index into [`RuleSet::rules`].
    pub rule: usize,
    /// Normalized byte spans.
    pub spans: Vec<(u32, u32)>,
}

/// Hits sorted by start, per concept or signal.
#[derive(Debug, Default)]
pub struct HitIndex {
    lexicon: Vec<Vec<(u32, u32)>>,
    signals: Vec<Vec<(u32, u32)>>,
}

impl HitIndex {
    /// Groups `hits` by concept; `signals` come as (signal index, span).
    pub fn new(concepts: usize, hits: &[Hit], signals: &[(u16, (u32, u32))]) -> HitIndex {
        let mut lexicon = vec![Vec::new(); concepts];
        for h in hits {
            lexicon[h.concept as usize].push((h.start, h.end));
        }
        let mut sig = vec![Vec::new(); SIGNALS.len()];
        for (i, span) in signals {
            sig[*i as usize].push(*span);
        }
        for v in lexicon.iter_mut().chain(sig.iter_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        HitIndex {
            lexicon,
            signals: sig,
        }
    }

    fn get(&self, c: ConceptRef) -> &[(u32, u32)] {
        match c {
            ConceptRef::Lexicon(i) => &self.lexicon[i as usize],
            ConceptRef::Signal(i) => &self.signals[i as usize],
        }
    }

    /// The hit of `c` nearest to `at` within `window`, if any.
    /// Whether a hit of `c` lies within `window` of `at` with no sentence end between them.
    fn in_sentence(&self, c: ConceptRef, at: (u32, u32), window: u32, text: &str) -> bool {
        let hits = self.get(c);
        let lo = at.0.saturating_sub(window);
        let hi = at.1.saturating_add(window);
        let first = hits.partition_point(|h| h.1 < lo);
        hits[first..].iter().take_while(|h| h.0 <= hi).any(|h| {
            let (from, to) = if h.1 <= at.0 {
                (h.1, at.0)
            } else if at.1 <= h.0 {
                (at.1, h.0)
            } else {
                return true;
            };
            text.get(from as usize..to as usize)
                .is_some_and(|between| !between.contains(SENTENCE_ENDS))
        })
    }

    fn near(&self, c: ConceptRef, at: (u32, u32), window: u32) -> Option<(u32, u32)> {
        let hits = self.get(c);
        let lo = at.0.saturating_sub(window);
        let hi = at.1.saturating_add(window);
        let first = hits.partition_point(|h| h.1 < lo);
        hits[first..]
            .iter()
            .take_while(|h| h.0 <= hi)
            .min_by_key(|h| (h.0 as i64 - at.0 as i64).unsigned_abs())
            .copied()
    }
}

/// Compiled negation settings.
#[derive(Debug, Clone)]
struct Negation {
    concept: u16,
    window: u32,
    max_words: u32,
    exempt: Vec<bool>,
}

/// All rules and combos of a pack, with the lexicon they use.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The phrase automaton.
    pub lexicon: Lexicon,
    /// Rules in pack order.
    pub rules: Vec<Rule>,
    /// Combos in pack order.
    pub combos: Vec<Combo>,
    negation: Option<Negation>,
    dampeners: Vec<(crate::pack::DampenerDef, u16)>,
}

/// Characters that end a sentence in the scripts the packs cover.
const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', '\n', '。', '！', '？', '။', '។', '៕', '؟', '।', '॥', '።',
];

/// Merges sorted spans that overlap ("payer" inside "payer les frais"), so evidence shows each
/// passage once.
fn merge_overlapping(spans: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `between` (the text from a negation to a hit) keeps them in one clause of at most
/// `max_words` words.
fn same_clause(between: &str, max_words: u32) -> bool {
    if between.contains([
        '.', '!', '?', ';', ':', ',', '\n', '。', '！', '？', '；', '，', '、', '|', '၊', '။', '។',
        '៕', '،', '؛', '؟', '।', '॥', '።', '፣',
    ]) {
        return false;
    }
    // In scripts written without spaces, two characters count as a word.
    let unspaced = between
        .chars()
        .filter(|&c| c.is_alphabetic() && !crate::text::uses_spaces(c))
        .count() as u32;
    between.split_whitespace().count() as u32 + unspaced / 2 <= max_words
}

fn severity(id: &str, s: &str) -> Result<Severity> {
    Severity::parse(s).ok_or_else(|| Error::PackInvalidRule {
        id: id.into(),
        reason: format!("unknown severity `{s}`"),
    })
}

impl RuleSet {
    /// Compiles the pack's rules against its lexicons.
    pub fn compile(
        section: &RulesSection,
        lexicons: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
        normalizer: &crate::text::Normalizer,
    ) -> Result<RuleSet> {
        let short_ok: Vec<&str> = section
            .negation
            .iter()
            .map(|n| n.concept.as_str())
            .collect();
        let lexicon = Lexicon::compile(lexicons, normalizer, &short_ok).map_err(|reason| {
            Error::PackInvalidRule {
                id: "lexicons".into(),
                reason,
            }
        })?;
        let resolve = |id: &str, name: &str| -> Result<ConceptRef> {
            if let Some(sig) = name.strip_prefix('$') {
                SIGNALS
                    .iter()
                    .position(|s| *s == sig)
                    .map(|i| ConceptRef::Signal(i as u16))
                    .ok_or_else(|| Error::PackInvalidRule {
                        id: id.into(),
                        reason: format!("unknown signal `{name}`"),
                    })
            } else {
                lexicon
                    .concept_index(name)
                    .map(ConceptRef::Lexicon)
                    .ok_or_else(|| Error::PackInvalidRule {
                        id: id.into(),
                        reason: format!("concept `{name}` has no phrases in any language"),
                    })
            }
        };
        let mut rules = Vec::new();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for def in &section.rules {
            if ids.insert(&def.id, rules.len()).is_some() {
                return Err(Error::PackInvalidRule {
                    id: def.id.clone(),
                    reason: "duplicate id".into(),
                });
            }
            if def.when.is_empty() || def.when.iter().any(Vec::is_empty) {
                return Err(Error::PackInvalidRule {
                    id: def.id.clone(),
                    reason: "empty `when` clause".into(),
                });
            }
            if !(0.0..=100.0).contains(&def.weight) {
                return Err(Error::PackInvalidRule {
                    id: def.id.clone(),
                    reason: "weight must be within 0..=100".into(),
                });
            }
            let clauses = def
                .when
                .iter()
                .map(|c| {
                    c.iter()
                        .map(|n| resolve(&def.id, n))
                        .collect::<Result<Vec<_>>>()
                })
                .collect::<Result<Vec<_>>>()?;
            let unless = def
                .unless
                .iter()
                .map(|n| resolve(&def.id, n))
                .collect::<Result<Vec<_>>>()?;
            rules.push(Rule {
                severity: severity(&def.id, &def.severity)?,
                def: def.clone(),
                clauses,
                unless,
                window: def.window.unwrap_or(DEFAULT_WINDOW),
            });
        }
        let mut combos = Vec::new();
        for def in &section.combos {
            let any_of = def
                .any_of
                .iter()
                .map(|set| {
                    set.iter()
                        .map(|r| {
                            ids.get(r.as_str())
                                .copied()
                                .ok_or_else(|| Error::PackInvalidRule {
                                    id: def.id.clone(),
                                    reason: format!("unknown rule `{r}`"),
                                })
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .collect::<Result<Vec<_>>>()?;
            combos.push(Combo {
                severity: severity(&def.id, &def.severity)?,
                def: def.clone(),
                any_of,
            });
        }
        let negation = match &section.negation {
            None => None,
            Some(def) => {
                let concept =
                    lexicon
                        .concept_index(&def.concept)
                        .ok_or_else(|| Error::PackInvalidRule {
                            id: "negation".into(),
                            reason: format!("concept `{}` has no phrases", def.concept),
                        })?;
                let mut exempt = vec![false; lexicon.concept_count()];
                exempt[concept as usize] = true;
                for name in &def.exempt {
                    if let Some(i) = lexicon.concept_index(name) {
                        exempt[i as usize] = true;
                    }
                }
                Some(Negation {
                    concept,
                    window: def.window,
                    max_words: def.max_words,
                    exempt,
                })
            }
        };
        let dampeners = section
            .dampeners
            .iter()
            .map(|d| {
                if !(0.0..=1.0).contains(&d.factor) {
                    return Err(Error::PackInvalidRule {
                        id: d.id.clone(),
                        reason: "factor must be within 0..=1".into(),
                    });
                }
                lexicon
                    .concept_index(&d.concept)
                    .map(|c| (d.clone(), c))
                    .ok_or_else(|| Error::PackInvalidRule {
                        id: d.id.clone(),
                        reason: format!("concept `{}` has no phrases", d.concept),
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RuleSet {
            lexicon,
            rules,
            combos,
            negation,
            dampeners,
        })
    }

    /// Indexes the hits in `text` (normalized), dropping those a negation cancels.
    pub fn index(&self, text: &str, hits: &[Hit], signals: &[(u16, (u32, u32))]) -> HitIndex {
        let Some(neg) = &self.negation else {
            return HitIndex::new(self.lexicon.concept_count(), hits, signals);
        };
        // A negation inside another concept's phrase ("不限学历", "no experience needed") is
        // part of that phrase, not a negation of what follows.
        let mut spans: Vec<(u32, u32)> = hits
            .iter()
            .filter(|h| h.concept != neg.concept)
            .map(|h| (h.start, h.end))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut max_end = 0;
        for s in &spans {
            max_end = max_end.max(s.1);
            reach.push(max_end);
        }
        let covered = |n: &Hit| {
            let i = spans.partition_point(|s| s.0 <= n.start);
            i > 0 && reach[i - 1] >= n.end
        };
        let mut negs: Vec<(u32, u32)> = hits
            .iter()
            .filter(|h| h.concept == neg.concept && !covered(h))
            .map(|h| (h.start, h.end))
            .collect();
        negs.sort_unstable();
        let kept: Vec<Hit> = hits
            .iter()
            .filter(|h| {
                if neg.exempt[h.concept as usize] {
                    return true;
                }
                let from = h.start.saturating_sub(neg.window);
                let first = negs.partition_point(|n| n.1 < from);
                !negs[first..]
                    .iter()
                    .take_while(|n| n.1 <= h.start)
                    .any(|n| {
                        text.get(n.1 as usize..h.start as usize)
                            .is_some_and(|between| same_clause(between, neg.max_words))
                    })
            })
            .copied()
            .collect();
        HitIndex::new(self.lexicon.concept_count(), &kept, signals)
    }

    /// The dampening contexts present, and the factor they apply together.
    pub fn dampening(&self, index: &HitIndex) -> (f64, Vec<String>) {
        let mut factor = 1.0;
        let mut ids = Vec::new();
        for (def, c) in &self.dampeners {
            if index.get(ConceptRef::Lexicon(*c)).len() as u32 >= def.min_hits {
                factor *= def.factor;
                ids.push(def.id.clone());
            }
        }
        (factor, ids)
    }

    /// Evaluates every rule over the hits.
    pub fn evaluate(&self, index: &HitIndex, text: &str) -> Vec<Fired> {
        let mut fired = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            let mut spans: Vec<(u32, u32)> = Vec::new();
            for clause in &rule.clauses {
                let anchor = clause[0];
                for &a in index.get(anchor).iter().take(MAX_ANCHORS) {
                    // A cancelling statement counts in the anchor's own sentence only: "no
                    // registration fee. Pay the deposit of $200" still flags the deposit.
                    if rule
                        .unless
                        .iter()
                        .any(|&u| index.in_sentence(u, a, rule.window, text))
                    {
                        continue;
                    }
                    let others: Option<Vec<(u32, u32)>> = clause[1..]
                        .iter()
                        .map(|&c| index.near(c, a, rule.window))
                        .collect();
                    if let Some(others) = others {
                        for s in std::iter::once(a).chain(others) {
                            if !spans.contains(&s) {
                                spans.push(s);
                            }
                        }
                        if spans.len() >= MAX_EVIDENCE {
                            break;
                        }
                    }
                }
                if spans.len() >= MAX_EVIDENCE {
                    break;
                }
            }
            if !spans.is_empty() {
                spans.sort_unstable();
                let mut spans = merge_overlapping(spans);
                spans.truncate(MAX_EVIDENCE);
                fired.push(Fired { rule: ri, spans });
            }
        }
        fired
    }

    /// The combos whose rule sets all fired.
    pub fn combos_fired(&self, fired: &[Fired]) -> Vec<(usize, Vec<usize>)> {
        let on: Vec<usize> = fired.iter().map(|f| f.rule).collect();
        self.combos
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| {
                c.any_of
                    .iter()
                    .find(|set| set.iter().all(|r| on.contains(r)))
                    .map(|set| (ci, set.clone()))
            })
            .collect()
    }
}
