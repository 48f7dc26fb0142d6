//! Golden tests: each `tests/golden/NAME.txt` (an offer) or `NAME.chat.json` (a conversation)
//! is checked and compared with `NAME.expected.json`: risk, the rule ids that fire, the exact
//! evidence words and the entities. Run with `UPDATE_GOLDEN=1` to rewrite the expectations
//! after a deliberate change, then review the diff.

use serde_json::{json, Value};
use vigie_core::{CheckOptions, Engine, Message, OfferReport};
use vigie_tests::tests_dir;

fn summarize(r: &OfferReport) -> Value {
    let mut rules: Vec<&str> = r.findings.iter().map(|f| f.rule_id.as_str()).collect();
    rules.sort();
    let evidence: Vec<Value> = r
        .findings
        .iter()
        .flat_map(|f| {
            f.evidence.iter().map(move |e| {
                json!([
                    f.rule_id,
                    e.message_index,
                    e.text,
                    e.start_utf16,
                    e.end_utf16
                ])
            })
        })
        .collect();
    let entities: Vec<Value> = r
        .entities
        .iter()
        .map(|e| json!([e.kind, e.value, e.platform, e.country, e.currency, e.period]))
        .collect();
    json!({ "risk": r.risk, "language": r.language, "rules": rules, "evidence": evidence, "entities": entities })
}

#[test]
fn golden_fixtures() {
    let dir = tests_dir().join("golden");
    let engine = Engine::new();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut checked = 0;
    let mut diffs = Vec::new();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let (stem, report) = if let Some(stem) = name.strip_suffix(".chat.json") {
            let msgs: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let msgs: Vec<Message> = msgs
                .iter()
                .map(|m| Message {
                    sender: m["sender"].as_str().unwrap_or("").into(),
                    text: m["text"].as_str().unwrap().into(),
                })
                .collect();
            (
                stem.to_string(),
                engine
                    .check_conversation(&msgs, &CheckOptions::default())
                    .unwrap(),
            )
        } else if let Some(stem) = name.strip_suffix(".txt") {
            (
                stem.to_string(),
                engine
                    .check_offer(
                        &std::fs::read_to_string(&path).unwrap(),
                        &CheckOptions::default(),
                    )
                    .unwrap(),
            )
        } else {
            continue;
        };
        let got = summarize(&report);
        let expected_path = dir.join(format!("{stem}.expected.json"));
        if update {
            std::fs::write(
                &expected_path,
                serde_json::to_string_pretty(&got).unwrap() + "\n",
            )
            .unwrap();
        } else {
            let expected: Value = serde_json::from_str(
                &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
                    panic!(
                        "{} is missing: run with UPDATE_GOLDEN=1",
                        expected_path.display()
                    )
                }),
            )
            .unwrap();
            if expected != got {
                diffs.push(format!("{stem}:\n expected {expected}\n      got {got}"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} golden fixtures");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
