//! The default pack's content is complete: every rule and combo is translated in en, fr, es
//! and pt; every language the engine claims has a lexicon covering every concept used alone.

use serde_json::Value;
use vigie_core::pack::{envelope, Pack, DEFAULT_PACK};

const TRANSLATED: [&str; 4] = ["en", "fr", "es", "pt"];
const LANGUAGES: [&str; 17] = [
    "en", "fr", "es", "pt", "zh", "vi", "th", "id", "ms", "sw", "ru", "tl", "ar", "hi", "my", "km",
    "am",
];

#[test]
fn every_rule_is_translated() {
    let pack = Pack::parse(DEFAULT_PACK).unwrap();
    let ids = pack
        .rules
        .rules
        .iter()
        .map(|r| r.id.clone())
        .chain(pack.rules.combos.iter().map(|c| c.id.clone()));
    let mut missing = Vec::new();
    for id in ids {
        for lang in TRANSLATED {
            for part in ["title", "explanation", "advice"] {
                let key = format!("rule.{id}.{part}");
                if pack
                    .i18n
                    .get(lang)
                    .and_then(|m| m.get(&key))
                    .is_none_or(|t| t.trim().is_empty())
                {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing translations:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_language_has_every_concept_used_alone() {
    let pack = Pack::parse(DEFAULT_PACK).unwrap();
    let alone: std::collections::BTreeSet<&str> = pack
        .rules
        .rules
        .iter()
        .flat_map(|r| {
            r.when
                .iter()
                .filter(|c| c.len() == 1)
                .map(|c| c[0].as_str())
        })
        .filter(|c| !c.starts_with('$'))
        .collect();
    let mut missing = Vec::new();
    for lang in LANGUAGES {
        let lex = pack.lexicons.get(lang);
        for concept in &alone {
            if lex
                .and_then(|l| l.get(*concept))
                .is_none_or(|p| p.is_empty())
            {
                missing.push(format!("{lang}: {concept}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "concepts without phrases:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_rule_names_its_indicator_and_source() {
    let (_, content) = envelope::open(DEFAULT_PACK).unwrap();
    let content: Value = serde_json::from_slice(content).unwrap();
    for r in content["rules"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .chain(content["rules"]["combos"].as_array().unwrap())
    {
        assert!(
            r["indicator"].as_str().is_some_and(|s| s.len() > 10),
            "{}",
            r["id"]
        );
        assert!(
            r["source"].as_str().is_some_and(|s| s.len() > 10),
            "{}",
            r["id"]
        );
    }
}

/// The lexicons are written from general knowledge, not from the labelled sets that measure
/// them: no phrase of six words or more may appear verbatim in the corpus or held-out set.
#[test]
fn lexicons_do_not_copy_the_labelled_sets() {
    use vigie_core::text::normalize_phrase;
    let pack = Pack::parse(DEFAULT_PACK).unwrap();
    let mut texts = String::new();
    for folder in ["corpus", "holdout"] {
        for (_, items) in vigie_tests::labelled_set(folder) {
            for item in items {
                if let Some(t) = &item.text {
                    texts.push_str(&normalize_phrase(t));
                    texts.push('\n');
                }
                for m in item.messages.iter().flatten() {
                    texts.push_str(&normalize_phrase(&m.text));
                    texts.push('\n');
                }
            }
        }
    }
    let mut copied = Vec::new();
    for (lang, concepts) in &pack.lexicons {
        for (concept, phrases) in concepts {
            for p in phrases {
                let n = normalize_phrase(p.trim_matches('*'));
                if n.split_whitespace().count() >= 6 && texts.contains(&n) {
                    copied.push(format!("{lang}/{concept}: {p}"));
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "{} lexicon phrases copied from the labelled sets:\n{}",
        copied.len(),
        copied.join("\n")
    );
}
