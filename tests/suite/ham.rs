//! Everyday messages must not raise alarms: the ham rows of the English, French, Indonesian,
//! Swahili and Chinese sets in `../shared/data/messages/` must stay below medium in at least
//! 99.5% of cases. The test prints the figure for each set.

use vigie_core::{CheckOptions, Engine, Risk};
use vigie_tests::shared_data;

const MIN_QUIET: f64 = 0.995;

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    // A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn measure(name: &str, texts: &[String]) -> f64 {
    assert!(
        texts.len() > 100,
        "{name}: only {} messages read",
        texts.len()
    );
    let engine = Engine::new();
    let mut loud = 0;
    for t in texts {
        if t.trim().is_empty() {
            continue;
        }
        let r = engine
            .check_offer(t, &CheckOptions::default())
            .expect("check");
        if r.risk >= Risk::Medium {
            loud += 1;
            if loud <= 10 {
                println!(
                    "  {name} rated {}: {:?} {:?}",
                    r.risk.as_str(),
                    r.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>(),
                    t.chars().take(120).collect::<String>()
                );
            }
        }
    }
    let quiet = 1.0 - loud as f64 / texts.len() as f64;
    println!(
        "{name}: {} everyday messages, {loud} rated medium or high, {:.2}% below medium",
        texts.len(),
        quiet * 100.0
    );
    quiet
}

fn read(rel: &str) -> String {
    let p = shared_data().join(rel);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn english_sms_ham() {
    let texts: Vec<String> = read("messages/sms_spam_collection/SMSSpamCollection")
        .lines()
        .filter_map(|l| l.strip_prefix("ham\t"))
        .map(String::from)
        .collect();
    assert!(measure("en sms_spam_collection", &texts) >= MIN_QUIET);
}

#[test]
fn french_sms_ham() {
    let rows = csv_rows(&read(
        "messages/multilingual_sms_spam_en_hi_de_fr/data-en-hi-de-fr.csv",
    ));
    let header = &rows[0];
    let label = header
        .iter()
        .position(|h| h == "labels")
        .expect("labels column");
    let fr = header
        .iter()
        .position(|h| h == "text_fr")
        .expect("text_fr column");
    let texts: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r.len() > fr && r[label] == "ham")
        .map(|r| r[fr].clone())
        .collect();
    assert!(measure("fr multilingual (machine-translated)", &texts) >= MIN_QUIET);
}

#[test]
fn indonesian_sms_normal() {
    let rows = csv_rows(&read(
        "messages/indonesian_sms_spam/dataset_sms_spam_v1.csv",
    ));
    let texts: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r.len() >= 2 && r[1].trim() == "0")
        .map(|r| r[0].clone())
        .collect();
    assert!(measure("id indonesian_sms_spam", &texts) >= MIN_QUIET);
}

#[test]
fn swahili_sms_trust() {
    let rows = csv_rows(&read("messages/swahili_sms_scam/bongo_scam.csv"));
    let texts: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r.len() >= 2 && r[0].trim().eq_ignore_ascii_case("trust"))
        .map(|r| r[1].clone())
        .collect();
    assert!(measure("sw bongo_scam", &texts) >= MIN_QUIET);
}

#[test]
fn chinese_normal_texts() {
    let rows = csv_rows(&read(
        "messages/chinese_telecom_fraud_texts_5/label00-last.csv",
    ));
    let texts: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r.len() >= 2 && r[1].trim() == "0")
        .map(|r| r[0].clone())
        .collect();
    assert!(measure("zh telecom label00 (normal)", &texts) >= MIN_QUIET);
}
