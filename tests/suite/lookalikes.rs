//! Generated lookalikes of every protected brand: typosquats (omission, insertion,
//! replacement, transposition, repetition, bitsquatting, vowel swap, hyphenation, addition),
//! homoglyphs and IDN confusables, and combo-squats with recruiting words. Prints the recall
//! per kind and the false alarms on real popular hosts from `../shared/data/domains/`.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use vigie_core::{Engine, Risk, SignalKind};

const TLDS: &[&str] = &["com", "net", "org", "top", "xyz", "online", "info", "co"];
const MIN_RECALL: f64 = 0.97;
const MAX_FALSE_ALARMS: f64 = 0.01;

/// Neighbouring keys on a QWERTY keyboard, for replacements people actually mistype.
fn keyboard(c: char) -> &'static str {
    match c {
        'q' => "wa",
        'w' => "qes",
        'e' => "wrd",
        'r' => "etf",
        't' => "ryg",
        'y' => "tuh",
        'u' => "yij",
        'i' => "uok",
        'o' => "ipl",
        'p' => "ol",
        'a' => "qsz",
        's' => "adw",
        'd' => "sfe",
        'f' => "dgr",
        'g' => "fht",
        'h' => "gjy",
        'j' => "hku",
        'k' => "jli",
        'l' => "ko",
        'z' => "xa",
        'x' => "zcs",
        'c' => "xvd",
        'v' => "cbf",
        'b' => "vng",
        'n' => "bmh",
        'm' => "nj",
        '0' => "9",
        '1' => "2",
        '2' => "13",
        '3' => "24",
        '4' => "35",
        '5' => "46",
        '6' => "57",
        '7' => "68",
        '8' => "79",
        '9' => "80",
        _ => "",
    }
}

/// Characters that look like Latin letters: Cyrillic, Greek, Armenian, digits, letter pairs.
fn glyphs(c: char) -> &'static [&'static str] {
    match c {
        'a' => &["а", "ɑ", "4"],
        'b' => &["Ь", "8"],
        'c' => &["с", "ϲ"],
        'd' => &["ԁ", "cl"],
        'e' => &["е", "3"],
        'g' => &["ɡ", "9"],
        'h' => &["һ"],
        'i' => &["і", "1", "ι"],
        'j' => &["ј"],
        'k' => &["κ"],
        'l' => &["ӏ", "1", "I"],
        'm' => &["rn", "ṃ"],
        'n' => &["ո"],
        'o' => &["о", "ο", "0"],
        'p' => &["р", "ρ"],
        'q' => &["ԛ"],
        's' => &["ѕ", "5"],
        'u' => &["υ", "ս"],
        'v' => &["ν", "ѵ"],
        'w' => &["vv", "ԝ"],
        'x' => &["х"],
        'y' => &["у"],
        'z' => &["ᴢ"],
        _ => &[],
    }
}

fn variants(label: &str) -> BTreeMap<&'static str, Vec<String>> {
    let c: Vec<char> = label.chars().collect();
    let n = c.len();
    let s = |v: &[char]| v.iter().collect::<String>();
    let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut add = |k: &'static str, v: String| out.entry(k).or_default().push(v);
    for i in 0..n {
        let mut v = c.clone();
        v.remove(i);
        add("omission", s(&v));
        let mut v = c.clone();
        v.insert(i, "xkzqj"[i % 5..].chars().next().unwrap());
        add("insertion", s(&v));
        for r in keyboard(c[i]).chars() {
            let mut v = c.clone();
            v[i] = r;
            add("replacement", s(&v));
        }
        if i + 1 < n && c[i] != c[i + 1] {
            let mut v = c.clone();
            v.swap(i, i + 1);
            add("transposition", s(&v));
        }
        let mut v = c.clone();
        v.insert(i, c[i]);
        add("repetition", s(&v));
        for bit in 0..7 {
            let f = ((c[i] as u8) ^ (1 << bit)) as char;
            if f.is_ascii_lowercase() || f.is_ascii_digit() || f == '-' {
                let mut v = c.clone();
                v[i] = f;
                add("bitsquatting", s(&v));
            }
        }
        if "aeiou".contains(c[i]) {
            for w in "aeiou".chars().filter(|&w| w != c[i]) {
                let mut v = c.clone();
                v[i] = w;
                add("vowel_swap", s(&v));
            }
        }
        if i > 0 && c[i] != '-' && c[i - 1] != '-' {
            let mut v = c.clone();
            v.insert(i, '-');
            add("hyphenation", s(&v));
        }
        for g in glyphs(c[i]) {
            let mut v: Vec<String> = c.iter().map(|x| x.to_string()).collect();
            v[i] = g.to_string();
            add("homoglyph", v.concat());
        }
    }
    for a in ['s', 'a', 'x', '1'] {
        add("addition", format!("{label}{a}"));
    }
    out
}

fn data() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/domains"
    ));
    p.is_dir().then_some(p).or_else(|| {
        eprintln!("SKIPPED: reference data not found at ../shared/data/domains");
        None
    })
}

#[test]
fn generated_lookalikes_are_caught_without_false_alarms() {
    let engine = Engine::new();
    let brands = engine.domains().brands();
    let exact: HashSet<&str> = brands.labels().map(|(l, _)| l).collect();
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut wrong_brand = 0;
    let mut n = 0usize;
    let mut tally = |kind: &'static str, host: String, brand: usize, engine: &Engine| {
        n += 1;
        let r = engine
            .check_url(&host)
            .unwrap_or_else(|e| panic!("{host}: {e}"));
        let look = r.signals.iter().find(|s| s.kind == SignalKind::Lookalike);
        let caught = look.is_some() && r.risk >= Risk::Medium;
        if let Some(s) = look {
            if s.brand.as_deref() != Some(brands.brand(brand).name.as_str()) {
                wrong_brand += 1;
            }
        }
        let e = per_kind.entry(kind).or_default();
        e.1 += 1;
        if caught {
            e.0 += 1;
        } else {
            misses.entry(kind).or_default().push(host);
        }
    };
    for (label, brand) in brands.labels() {
        if !label.is_ascii() {
            continue;
        }
        // Typos of names under five letters are mostly other real names: those are covered by
        // homoglyphs and combos only (see lookalike::MIN_TYPO_LABEL).
        let typo_ok = label.len() >= vigie_core::domains::lookalike::MIN_TYPO_LABEL;
        for (kind, vs) in variants(label) {
            if !typo_ok && kind != "homoglyph" {
                continue;
            }
            for (i, v) in vs.into_iter().enumerate() {
                if v == label || exact.contains(v.as_str()) || v.starts_with('-') {
                    continue;
                }
                let host = format!("{v}.{}", TLDS[(i + label.len()) % TLDS.len()]);
                if brands.owner(&host.to_ascii_lowercase()).is_some() {
                    continue;
                }
                tally(kind, host, brand, &engine);
            }
        }
        for (i, kw) in ["careers", "hr", "jobs", "recruit", "hiring"]
            .iter()
            .enumerate()
        {
            let tld = TLDS[(i + label.len()) % TLDS.len()];
            for host in [
                format!("{label}-{kw}.{tld}"),
                format!("{kw}-{label}.{tld}"),
                format!("{label}{kw}.{tld}"),
            ] {
                let l = host.split('.').next().unwrap();
                if exact.contains(l) || brands.owner(&host).is_some() {
                    continue;
                }
                tally("combo", host, brand, &engine);
            }
        }
    }
    let (mut hit, mut all) = (0, 0);
    for (kind, (h, t)) in &per_kind {
        hit += h;
        all += t;
        println!(
            "{kind:>14}: {h:>6}/{t:<6} {:.2}%",
            100.0 * *h as f64 / *t as f64
        );
        if let Some(m) = misses.get(kind) {
            println!("{:>16}missed e.g. {:?}", "", &m[..m.len().min(8)]);
        }
    }
    let recall = hit as f64 / all as f64;
    println!(
        "{:>14}: {hit:>6}/{all:<6} {:.2}% ({wrong_brand} attributed to another brand)",
        "overall",
        100.0 * recall
    );
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.4} below {MIN_RECALL}"
    );

    let Some(dir) = data() else { return };
    let mut popular: Vec<String> = Vec::new();
    let moz: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("top-sites.moz500.json")).unwrap())
            .unwrap();
    popular.extend(
        moz.as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["rootDomain"].as_str().map(String::from)),
    );
    let eth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("eth-phishing-detect.config.json")).unwrap(),
    )
    .unwrap();
    popular.extend(
        eth["whitelist"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str().map(String::from)),
    );
    let providers =
        std::fs::read_to_string(dir.join("free-email.email-providers-all.txt")).unwrap();
    popular.extend(vigie_core::domains::read_host_list(&providers));
    popular.sort();
    popular.dedup();
    let mut alarms = Vec::new();
    let mut checked = 0;
    for h in &popular {
        let Ok(r) = engine.check_url(h) else { continue };
        checked += 1;
        if r.signals.iter().any(|s| s.kind == SignalKind::Lookalike) && r.risk >= Risk::Medium {
            alarms.push(format!("{h} ~ {}", r.signals[0].detail));
        }
    }
    let rate = alarms.len() as f64 / checked as f64;
    println!(
        "false alarms on {checked} real hosts (Moz top 500, eth-phishing-detect allowlist, email providers): {} ({:.2}%) e.g. {:?}",
        alarms.len(),
        100.0 * rate,
        &alarms
    );
    assert!(rate <= MAX_FALSE_ALARMS);
}
