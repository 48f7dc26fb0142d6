//! Domain and contact intelligence: is this link, host or address what it claims to be?
//!
//! Built from the pack's `domains` section (see `core/data/default/domains/README.md`):
//! the Public Suffix List, the protected brands, and host lists (known-bad hosts, URL
//! shorteners, free webmail, disposable mail, abused TLDs). One check parses the input
//! ([`host`]), finds its registrable domain, looks it up in the lists ([`hostset`]) and
//! compares it with the brands ([`lookalike`]). The offer check runs the same analysis on
//! every link, address, handle and phone number it extracts ([`contact`], [`phone`]).

pub mod contact;
pub mod host;
pub mod hostset;
pub mod lookalike;
pub mod names;
pub mod phone;
mod report;

pub use host::InputKind;
pub use lookalike::Technique;
pub use report::{SignalKind, UrlReport, UrlSignal};

use crate::error::{Error, Result};
use crate::report::{Risk, Severity};
use host::Suffixes;
use hostset::HostSet;
use lookalike::{BrandIndex, BrandsFile, HostParts};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// How a finding of the domain checks enters an offer report (`domains/findings.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingDef {
    /// Indicator category.
    pub category: String,
    /// `low`, `medium` or `high`.
    pub severity: String,
    /// Contribution to the score, 0–100.
    pub weight: f64,
    /// ILO indicator or fair-recruitment principle.
    pub indicator: String,
    /// Where the pattern is documented.
    pub source: String,
}

/// The compiled domain section of a pack.
#[derive(Debug, Clone, Default)]
pub struct DomainIntel {
    suffixes: Option<Suffixes>,
    brands: BrandIndex,
    blocklist: HostSet,
    shorteners: HostSet,
    free_mail: HostSet,
    free_mail_labels: HashSet<String>,
    disposable: HostSet,
    abused_tlds: HashSet<String>,
    countries: phone::Countries,
    findings: BTreeMap<String, (FindingDef, Severity)>,
    mentions: contact::Mentions,
}

/// Reads a host list in any of the usual shapes: one host a line (`#` comments, hosts-file
/// `0.0.0.0 host` and adblock `||host^` lines), a JSON array of hosts, or a JSON object with a
/// `blacklist`, `domains` or `hosts` array (MetaMask's eth-phishing-detect config).
pub fn read_host_list(text: &str) -> Vec<String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('[') || t.starts_with('{') {
        if let Ok(v) = serde_json::from_str::<Value>(t) {
            let arr = match &v {
                Value::Array(a) => Some(a),
                Value::Object(o) => ["blacklist", "blocklist", "domains", "hosts"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_array)),
                _ => None,
            };
            return arr
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .filter_map(hostset::normalize_entry)
                        .collect()
                })
                .unwrap_or_default();
        }
    }
    t.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with(['#', '!', '[']))
        .filter_map(hostset::normalize_entry)
        .collect()
}

fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

/// Every entry of the section's lists whose name is `prefix` or starts with `prefix.`
/// (`blocklist`, `blocklist.openphish`: extra lists added by `vigie pack build`).
fn list<'a>(section: &'a Map<String, Value>, prefix: &'a str) -> impl Iterator<Item = &'a str> {
    section
        .iter()
        .filter(move |(k, _)| {
            k.as_str() == prefix || k.strip_prefix(prefix).is_some_and(|r| r.starts_with('.'))
        })
        .flat_map(|(_, v)| strings(v))
}

fn typed<T: for<'de> Deserialize<'de> + Default>(
    section: &Map<String, Value>,
    key: &str,
) -> Result<T> {
    match section.get(key) {
        None => Ok(T::default()),
        Some(v) => {
            T::deserialize(v).map_err(|e| Error::PackMalformed(format!("domains.{key}: {e}")))
        }
    }
}

impl DomainIntel {
    /// Compiles the pack's `domains` section; an absent section gives checks that only parse.
    pub fn new(section: Option<&Value>) -> Result<DomainIntel> {
        let empty = Map::new();
        let section = match section {
            None => &empty,
            Some(Value::Object(m)) => m,
            Some(_) => return Err(Error::PackMalformed("`domains` must be an object".into())),
        };
        let suffixes = match section.get("public_suffix_list") {
            None => None,
            Some(Value::String(t)) => Some(Suffixes::new(Some(t))?),
            Some(_) => {
                return Err(Error::PackMalformed(
                    "domains.public_suffix_list must be text".into(),
                ))
            }
        };
        let brands_file: BrandsFile = typed(section, "brands")?;
        let fallback = Suffixes::new(None)?;
        let split_with = suffixes.as_ref().unwrap_or(&fallback);
        let brands = BrandIndex::new(brands_file, |d| {
            split_with.split(d).label().map(str::to_string)
        });
        let countries = phone::Countries::new(&typed(section, "countries")?)?;
        let defs: BTreeMap<String, FindingDef> = typed(section, "findings")?;
        let mut findings = BTreeMap::new();
        for (id, def) in defs {
            let sev = Severity::parse(&def.severity).ok_or_else(|| Error::PackInvalidRule {
                id: id.clone(),
                reason: format!("unknown severity `{}`", def.severity),
            })?;
            if !(0.0..=100.0).contains(&def.weight) {
                return Err(Error::PackInvalidRule {
                    id,
                    reason: "weight must be within 0..=100".into(),
                });
            }
            findings.insert(id, (def, sev));
        }
        let mentions = contact::Mentions::new(brands.brands())?;
        Ok(DomainIntel {
            blocklist: HostSet::new(list(section, "blocklist")),
            shorteners: HostSet::new(list(section, "shorteners")),
            free_mail: HostSet::new(list(section, "free_mail")),
            free_mail_labels: list(section, "free_mail_labels")
                .map(str::to_ascii_lowercase)
                .collect(),
            disposable: HostSet::new(list(section, "disposable_mail")),
            abused_tlds: list(section, "abused_tlds")
                .map(|t| t.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            suffixes,
            brands,
            countries,
            findings,
            mentions,
        })
    }

    /// The protected brands.
    pub fn brands(&self) -> &BrandIndex {
        &self.brands
    }

    /// How many entries each list holds: blocklist, shorteners, free mail, disposable mail,
    /// abused TLDs, brands.
    pub fn list_sizes(&self) -> [usize; 6] {
        [
            self.blocklist.len(),
            self.shorteners.len(),
            self.free_mail.len() + self.free_mail_labels.len(),
            self.disposable.len(),
            self.abused_tlds.len(),
            self.brands.len(),
        ]
    }

    pub(crate) fn finding_def(&self, id: &str) -> Option<&(FindingDef, Severity)> {
        self.findings.get(id)
    }

    fn split<'a>(&self, host: &'a str) -> host::Split<'a> {
        match &self.suffixes {
            Some(s) => s.split(host),
            None => Suffixes::new(None)
                .expect("an empty list always parses")
                .split(host),
        }
    }

    /// Whether `host` (or a parent, or any `<label>.<suffix>` of a webmail brand) is free
    /// webmail.
    fn is_free_mail(&self, host: &str, split: &host::Split<'_>) -> Option<String> {
        let floor = split.registrable.unwrap_or(host);
        if let Some(m) = self.free_mail.find_parent(host, floor) {
            return Some(m.to_string());
        }
        split
            .label()
            .filter(|l| self.free_mail_labels.contains(*l) && !split.private)
            .map(|_| floor.to_string())
    }

    /// Checks one link, bare host or e-mail address.
    pub fn check(&self, input: &str) -> Result<UrlReport> {
        let p = host::parse(input)?;
        let mut signals = Vec::new();
        let mut report = UrlReport {
            input: input.to_string(),
            kind: p.kind,
            risk: Risk::None,
            host: p.host.clone(),
            host_unicode: p.host_unicode.clone(),
            registrable_domain: None,
            public_suffix: None,
            private_suffix: false,
            official_brand: None,
            signals: Vec::new(),
        };
        if let Some(u) = &p.user_info {
            if u.contains('.') || self.brands.owner(&u.to_ascii_lowercase()).is_some() {
                signals.push(UrlSignal::new(
                    SignalKind::UserInfo,
                    Severity::Medium,
                    "the link shows a name before `@` that is not where it leads",
                ));
            }
        }
        if p.ip {
            if self.blocklist.contains(&p.host) {
                let mut s = UrlSignal::new(
                    SignalKind::Blocklist,
                    Severity::High,
                    "on a list of known phishing or fake-recruiter hosts",
                );
                s.matched = Some(p.host.clone());
                signals.push(s);
            }
            signals.push(UrlSignal::new(
                SignalKind::IpHost,
                Severity::Medium,
                "the link points to a bare IP address, not a named site",
            ));
            return Ok(finish(report, signals));
        }
        let host = p.host.as_str();
        let split = self.split(host);
        report.registrable_domain = split.registrable.map(str::to_string);
        report.public_suffix = Some(split.suffix.to_string());
        report.private_suffix = split.private;
        let floor = split.registrable.unwrap_or(host);
        let owner = self.brands.owner(host);
        report.official_brand = owner.map(|b| self.brands.brand(b).name.clone());

        if let Some(m) = self.blocklist.find_parent(host, floor) {
            let mut s = UrlSignal::new(
                SignalKind::Blocklist,
                Severity::High,
                "on a list of known phishing or fake-recruiter hosts",
            );
            s.matched = Some(m.to_string());
            signals.push(s);
        }
        if let Some(m) = self.shorteners.find_parent(host, floor) {
            let mut s = UrlSignal::new(
                SignalKind::Shortener,
                Severity::Low,
                "a URL shortener hides where the link really goes",
            );
            s.matched = Some(m.to_string());
            signals.push(s);
        }
        if p.kind == InputKind::Email {
            if let Some(m) = self.disposable.find_parent(host, floor) {
                let mut s = UrlSignal::new(
                    SignalKind::DisposableMail,
                    Severity::Medium,
                    "a throw-away mail address that stops working after use",
                );
                s.matched = Some(m.to_string());
                signals.push(s);
            } else if let Some(m) = self.is_free_mail(host, &split) {
                let mut s = UrlSignal::new(
                    SignalKind::FreeMail,
                    Severity::Low,
                    "a free webmail address anyone can open",
                );
                s.matched = Some(m);
                signals.push(s);
            }
        }
        if let Some(pl) = crate::extract::messenger_platform(host) {
            signals.push(UrlSignal::new(
                SignalKind::Messenger,
                Severity::Low,
                format!("a {pl} contact link"),
            ));
        }
        let tld = host.rsplit('.').next().unwrap_or(host);
        let abused = owner.is_none() && self.abused_tlds.contains(tld);
        if abused {
            signals.push(UrlSignal::new(
                SignalKind::AbusedTld,
                Severity::Low,
                format!("the .{tld} domain ending is much used for phishing (a weak sign)"),
            ));
        }
        let labels: Vec<&str> = p.host_unicode.split('.').collect();
        if host.split('.').any(|l| l.starts_with("xn--")) {
            signals.push(UrlSignal::new(
                SignalKind::Punycode,
                Severity::Low,
                format!("an international name, shown as {}", p.host_unicode),
            ));
        }
        if owner.is_none() && labels.iter().any(|l| lookalike::is_mixed_script(l)) {
            signals.push(UrlSignal::new(
                SignalKind::MixedScript,
                Severity::Medium,
                "the name mixes letters of different alphabets, a trick to look like another name",
            ));
        }
        if owner.is_none() && labels.len() == host.split('.').count() {
            let reg_labels = split.registrable.map(|r| r.split('.').count());
            let parts = HostParts {
                ascii: host,
                reg_index: reg_labels.map(|n| labels.len() - n),
                tld,
                labels,
                private: split.private,
                abused_tld: abused,
            };
            if let Some(m) = self.brands.check(&parts) {
                let brand = self.brands.brand(m.brand);
                let mut s = UrlSignal::new(
                    SignalKind::Lookalike,
                    m.severity,
                    format!("imitates {} ({})", brand.name, m.domain),
                );
                s.brand = Some(brand.name.clone());
                s.brand_domain = Some(m.domain);
                s.technique = Some(m.technique);
                signals.push(s);
            }
        }
        Ok(finish(report, signals))
    }
}

fn finish(mut report: UrlReport, mut signals: Vec<UrlSignal>) -> UrlReport {
    signals.sort_by_key(|s| std::cmp::Reverse((s.kind.counts(), s.severity)));
    report.risk = signals
        .iter()
        .filter(|s| s.kind.counts())
        .map(|s| match s.severity {
            Severity::Low => Risk::Low,
            Severity::Medium => Risk::Medium,
            Severity::High => Risk::High,
        })
        .max()
        .unwrap_or(Risk::None);
    report.signals = signals;
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intel() -> DomainIntel {
        let section = serde_json::json!({
            "public_suffix_list": "// ===BEGIN ICANN DOMAINS===\ncom\nde\ntop\nuk\nco.uk\n// ===BEGIN PRIVATE DOMAINS===\ngithub.io\n",
            "brands": {"keywords": ["careers", "hr"], "brands": [
                {"name": "Amazon", "domains": ["amazon.com", "amazon.co.uk"]}]},
            "blocklist": ["evil.example.com"],
            "blocklist.extra": ["phish.github.io"],
            "shorteners": ["bit.ly"],
            "free_mail": ["gmail.com"],
            "free_mail_labels": ["yahoo"],
            "disposable_mail": ["mailinator.com"],
            "abused_tlds": ["top"]
        });
        DomainIntel::new(Some(&section)).unwrap()
    }

    fn kinds(r: &UrlReport) -> Vec<SignalKind> {
        r.signals.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn checks_lists_and_lookalikes() {
        let d = intel();
        let r = d.check("hxxps://login.evil.example[.]com/x").unwrap();
        assert_eq!(r.risk, Risk::High);
        assert_eq!(kinds(&r), vec![SignalKind::Blocklist]);
        assert_eq!(d.check("phish.github.io").unwrap().risk, Risk::High);
        assert_eq!(d.check("other.github.io").unwrap().risk, Risk::None);
        let r = d.check("https://amaz0n-careers.top/apply").unwrap();
        assert_eq!(r.risk, Risk::High);
        assert_eq!(r.registrable_domain.as_deref(), Some("amaz0n-careers.top"));
        assert_eq!(r.signals[0].brand_domain.as_deref(), Some("amazon.com"));
        assert!(kinds(&r).contains(&SignalKind::AbusedTld));
        assert_eq!(d.check("www.amazon.co.uk").unwrap().risk, Risk::None);
        assert_eq!(
            d.check("www.amazon.co.uk")
                .unwrap()
                .official_brand
                .as_deref(),
            Some("Amazon")
        );
        assert_eq!(d.check("bit.ly/abc").unwrap().risk, Risk::Low);
        let m = d.check("jobs@yahoo.co.uk").unwrap();
        assert_eq!((m.kind, m.risk), (InputKind::Email, Risk::None));
        assert_eq!(kinds(&m), vec![SignalKind::FreeMail]);
        assert_eq!(d.check("x@mailinator.com").unwrap().risk, Risk::Medium);
        assert_eq!(d.check("http://10.0.0.1/").unwrap().risk, Risk::Medium);
        assert_eq!(
            kinds(&d.check("https://amazon.com@evil.example/").unwrap())[0],
            SignalKind::UserInfo
        );
        assert!(d.check("").is_err());
    }

    #[test]
    fn reads_list_shapes() {
        assert_eq!(
            read_host_list("# c\n0.0.0.0 A.example\n||b.example^\n\nc.example\n"),
            vec!["a.example", "b.example", "c.example"]
        );
        assert_eq!(
            read_host_list(r#"{"blacklist": ["x.example"], "whitelist": ["y.example"]}"#),
            vec!["x.example"]
        );
        assert_eq!(read_host_list(r#"["z.example"]"#), vec!["z.example"]);
    }
}
