//! Domain and contact checks against real lists from `../shared/data/domains/` (read in
//! place, never copied): phishing hosts flagged, popular sites and the brands' own domains
//! quiet, shorteners and free-mail providers recognized. Each test prints its figures.

use std::path::{Path, PathBuf};
use vigie_core::domains::read_host_list;
use vigie_core::{Engine, Risk, SignalKind};

/// `../shared/data/domains`, or `None` (with a message) when the reference data is absent.
fn data() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/domains"
    ));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: reference data not found at {}", p.display());
        None
    }
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The default pack's sources plus extra host lists, built like `vigie pack build` does.
fn engine_with(lists: &[(&str, Vec<String>)]) -> Engine {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/data/default"));
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    for (i, (list, hosts)) in lists.iter().enumerate() {
        files.push((
            format!("domains/{list}.test{i}.txt"),
            hosts.join("\n").into_bytes(),
        ));
    }
    let bytes = vigie_core::pack::sources::build_pack(&files, Default::default()).unwrap();
    Engine::from_pack(&bytes).unwrap()
}

fn moz_hosts(dir: &Path) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&read(dir, "top-sites.moz500.json")).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["rootDomain"].as_str().map(String::from))
        .collect()
}

fn has(e: &Engine, input: &str, kind: SignalKind) -> bool {
    e.check_url(input)
        .map(|r| r.signals.iter().any(|s| s.kind == kind))
        .unwrap_or(false)
}

#[test]
fn phishing_lists_are_flagged() {
    let Some(dir) = data() else { return };
    let eth = read_host_list(&read(&dir, "eth-phishing-detect.config.json"));
    let openphish = read_host_list(&read(&dir, "openphish-adblock.domains.txt"));
    assert!(eth.len() > 13_000 && openphish.len() > 38_000);
    let default = Engine::new();
    let engine = engine_with(&[("blocklist", eth.clone()), ("blocklist", openphish.clone())]);
    for (name, hosts) in [("eth-phishing-detect", &eth), ("openphish", &openphish)] {
        let mut flagged = 0;
        let mut invalid = 0;
        let mut missed = 0;
        let mut default_medium = 0;
        for h in hosts.iter() {
            match engine.check_url(h) {
                Ok(r) => {
                    if r.risk == Risk::High
                        && r.signals.iter().any(|s| s.kind == SignalKind::Blocklist)
                    {
                        flagged += 1;
                    } else {
                        missed += 1;
                        if missed <= 5 {
                            println!("  not flagged: {h} {:?}", r.risk);
                        }
                    }
                }
                Err(_) => invalid += 1,
            }
            if default.check_url(h).is_ok_and(|r| r.risk >= Risk::Medium) {
                default_medium += 1;
            }
        }
        let valid = hosts.len() - invalid;
        println!(
            "{name}: {} hosts ({invalid} not valid host names); with the list in the pack {flagged}/{valid} flagged high ({:.2}%); default pack alone (lookalikes, no list) rates {default_medium} ({:.1}%) medium or high",
            hosts.len(),
            100.0 * flagged as f64 / valid as f64,
            100.0 * default_medium as f64 / hosts.len() as f64
        );
        assert_eq!(flagged, valid, "{name}: every listed host is flagged");
    }
}

#[test]
fn popular_sites_and_brand_domains_stay_quiet() {
    let Some(dir) = data() else { return };
    let engine = Engine::new();
    let mut loud = Vec::new();
    let moz = moz_hosts(&dir);
    assert_eq!(moz.len(), 500);
    for h in &moz {
        let r = engine.check_url(h).unwrap_or_else(|e| panic!("{h}: {e}"));
        if r.risk >= Risk::Medium {
            loud.push(format!(
                "{h} {:?}",
                r.signals.iter().map(|s| &s.detail).collect::<Vec<_>>()
            ));
        }
    }
    println!("Moz top 500: {} rated medium or high", loud.len());
    let mut brand_domains = 0;
    for b in engine.domains().brands().brands() {
        for d in &b.domains {
            for host in [
                d.clone(),
                format!("www.{d}"),
                format!("jobs.{d}"),
                format!("https://careers.{d}/apply?x=1"),
                format!("hr@{d}"),
            ] {
                brand_domains += 1;
                let r = engine
                    .check_url(&host)
                    .unwrap_or_else(|e| panic!("{host}: {e}"));
                if r.risk >= Risk::Medium {
                    loud.push(format!(
                        "{host} {:?}",
                        r.signals.iter().map(|s| &s.detail).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    // The brands in other countries: amazon.de, google.co.in.
    for host in [
        "amazon.de",
        "google.co.in",
        "jobs.apple.com",
        "amazon.com.tr",
        "google.com.kh",
        "dhl.co.th",
        "hsbc.com.mx",
        "indeed.co.za",
    ] {
        let r = engine.check_url(host).unwrap();
        if r.risk >= Risk::Medium {
            loud.push(host.to_string());
        }
    }
    println!("{brand_domains} brand domain forms checked");
    assert!(loud.is_empty(), "rated medium or high: {loud:#?}");
}

#[test]
fn shorteners_and_mail_providers_are_recognized() {
    let Some(dir) = data() else { return };
    let engine = Engine::new();
    let recall =
        |name: &str, hosts: &[String], input: &dyn Fn(&str) -> String, kind: SignalKind| {
            let hit = hosts
                .iter()
                .filter(|h| has(&engine, &input(h), kind))
                .count();
            let r = hit as f64 / hosts.len() as f64;
            println!(
                "{name}: default pack recognizes {hit}/{} ({:.1}%)",
                hosts.len(),
                100.0 * r
            );
            r
        };
    let url = |h: &str| format!("https://{h}/abc");
    let mail = |h: &str| format!("someone@{h}");
    let short = read_host_list(&read(&dir, "url-shorteners.list.txt"));
    let common = read_host_list(&read(&dir, "free-email.email-providers-common.txt"));
    let freemail = read_host_list(&read(&dir, "free-email.freemail.txt"));
    let disposable = read_host_list(&read(&dir, "disposable.disposable-email-domains-org.txt"));
    recall(
        "url-shorteners (active list)",
        &short,
        &url,
        SignalKind::Shortener,
    );
    // `common` mixes webmail and disposable providers: count either.
    let hit = common
        .iter()
        .filter(|h| {
            has(&engine, &mail(h), SignalKind::FreeMail)
                || has(&engine, &mail(h), SignalKind::DisposableMail)
        })
        .count();
    println!(
        "email-providers common (webmail and disposable): {hit}/{} ({:.1}%)",
        common.len(),
        100.0 * hit as f64 / common.len() as f64
    );
    recall(
        "freemail (free.txt)",
        &freemail,
        &mail,
        SignalKind::FreeMail,
    );
    recall(
        "disposable-email-domains",
        &disposable,
        &mail,
        SignalKind::DisposableMail,
    );
    assert!(has(&engine, "hr.recruit@gmail.com", SignalKind::FreeMail));
    assert!(has(&engine, "x@yahoo.com.br", SignalKind::FreeMail));
    assert!(has(&engine, "bit.ly/3abc", SignalKind::Shortener));
    // The same lists given to the pack builder are recognized in full.
    let built = engine_with(&[
        ("shorteners", short.clone()),
        ("free_mail", freemail.clone()),
        ("disposable_mail", disposable.clone()),
    ]);
    for (hosts, input, kind) in [
        (
            &short,
            &url as &dyn Fn(&str) -> String,
            SignalKind::Shortener,
        ),
        (&disposable, &mail, SignalKind::DisposableMail),
    ] {
        let miss: Vec<&String> = hosts
            .iter()
            .filter(|h| !has(&built, &input(h), kind))
            .collect();
        assert!(
            miss.len() * 1000 <= hosts.len(),
            "{kind:?} not recognized: {:?}",
            &miss[..miss.len().min(10)]
        );
    }
    let miss: Vec<&String> = freemail
        .iter()
        .filter(|h| {
            built.check_url(&mail(h)).is_ok()
                && !has(&built, &mail(h), SignalKind::FreeMail)
                && !has(&built, &mail(h), SignalKind::DisposableMail)
        })
        .collect();
    assert!(miss.is_empty(), "{miss:?}");
}

#[test]
fn offer_check_judges_links_contacts_and_phones() {
    let engine = Engine::new();
    let text = "We are recruiting for Deloitte in Bangkok, Thailand. Apply at https://amaz0n-careers.top/form \
                or https://bit.ly/3xYz, write to deloitte.hr@gmail.com, Telegram @Deloitte_HR, \
                or call +855 12 345 678.";
    let opts = vigie_core::CheckOptions {
        lang: Some("fr".into()),
    };
    let r = engine.check_offer(text, &opts).unwrap();
    let ids: Vec<&str> = r.findings.iter().map(|f| f.rule_id.as_str()).collect();
    for id in [
        "link.lookalike",
        "link.shortener",
        "contact.free_mail_corporate",
        "contact.handle_impersonation",
        "contact.phone_high_risk_country",
        "contact.phone_country_mismatch",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(r.risk >= Risk::High);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id == "link.lookalike")
        .unwrap();
    assert!(f.title.starts_with("Un lien"), "{}", f.title);
    assert_eq!(f.evidence[0].text, "https://amaz0n-careers.top/form");
    let m = r
        .findings
        .iter()
        .find(|f| f.rule_id == "contact.phone_country_mismatch")
        .unwrap();
    assert!(m.evidence.iter().any(|e| e.text == "+855 12 345 678"));
    // Every finding id has its texts in the four languages.
    for lang in ["en", "fr", "es", "pt"] {
        let r = engine
            .check_offer(
                text,
                &vigie_core::CheckOptions {
                    lang: Some(lang.into()),
                },
            )
            .unwrap();
        for f in &r.findings {
            assert!(
                !f.title.starts_with("rule."),
                "{lang}: {} untranslated",
                f.rule_id
            );
            assert!(
                !f.advice.starts_with("rule."),
                "{lang}: {} untranslated",
                f.rule_id
            );
        }
    }
    // The official site and a company address raise nothing.
    let ok = engine
        .check_offer(
            "Deloitte is hiring in Bangkok, Thailand: see https://www2.deloitte.com/careers or write to careers@deloitte.com, +66 2 034 0000.",
            &opts,
        )
        .unwrap();
    let ids: Vec<&str> = ok.findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(
        !ids.iter()
            .any(|i| i.starts_with("link.") || i.starts_with("contact.")),
        "{ids:?}"
    );
}

#[test]
fn bad_inputs_give_typed_errors_or_results() {
    let engine = Engine::new();
    for bad in [
        "",
        " ",
        "http://",
        "xn--zz.com",
        "a@",
        "@",
        "http://[::1",
        "javascript:alert(1)",
    ] {
        assert!(engine.check_url(bad).is_err(), "{bad:?} should be refused");
    }
    let long = format!("{}.com", "a".repeat(10_000));
    assert!(engine.check_url(&long).is_err());
    let many = format!("{}com", "ab.".repeat(5_000));
    assert!(engine.check_url(&many).is_err());
    assert!(engine.check_url(&"x".repeat(1 << 20)).is_err());
    for ok in [
        "https://user:pass@amazon.com:8443/jobs",
        "http://[2001:db8::1]/x",
        "hxxps://evil[.]example[.]com",
        "HTTPS://WWW.LINKEDIN.COM/jobs",
        "xn--80ak6aa92e.com",
        "ｅｘａｍｐｌｅ．ｃｏｍ",
        "mailto:hr@example.com",
        "example.com.",
        "localhost",
    ] {
        let r = engine.check_url(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        assert!(!r.host.is_empty());
    }
    assert_eq!(
        engine
            .check_url("HTTPS://WWW.LINKEDIN.COM/jobs")
            .unwrap()
            .risk,
        Risk::None
    );
    assert_eq!(
        engine.check_url("xn--80ak6aa92e.com").unwrap().risk,
        Risk::High
    );
}
