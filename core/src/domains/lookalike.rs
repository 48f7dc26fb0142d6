//! Lookalike domains: hosts that imitate a protected brand by a typo, a homoglyph, a brand
//! name plus a job word, or the brand's exact name on a hosting service or an odd TLD.
//!
//! Every brand label (`amazon`, `linkedin`) is indexed three ways when the engine is built:
//! exactly, by its Unicode TR39 skeleton (so `аmazon` with a Cyrillic `а`, `arnazon` and
//! `amaz0n` meet `amazon`), and by its one-character deletions, raw and skeleton (a
//! symmetric-delete index: two strings within one edit share a deletion), which finds every
//! omission, insertion, replacement, transposition, repetition, bit flip, vowel swap, hyphen
//! and added letter with a handful of hash lookups instead of a scan of the brand list.

use super::hostset::hash;
use crate::report::Severity;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The keys of the deletion index are already good 64-bit hashes: hashing them again (SipHash)
/// would only cost time.
#[derive(Debug, Default, Clone, Copy)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
use unicode_security::MixedScript;

/// How a lookalike imitates its brand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Technique {
    /// One character omitted, added, replaced, swapped, doubled or bit-flipped.
    Typo,
    /// Characters that look the same (Cyrillic `а`, `rn` for `m`, `0` for `o`).
    Homoglyph,
    /// The brand name joined to other words (`amazon-careers`, `hr-linkedin`).
    Combo,
    /// The brand name as a subdomain of someone else's domain (`paypal.com.secure-login.top`).
    Subdomain,
    /// The brand name on a hosting service where anyone can register (`paypal.github.io`).
    Hosted,
    /// The brand's exact name under a top-level domain it does not use (`amazon.top`).
    TldSwap,
}

/// One protected brand, as written in the pack's `domains/brands.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct BrandDef {
    /// Display name.
    pub name: String,
    /// `employer`, `job_board`, `staffing`, `delivery`, `bank`, `payment`, `messaging`, `mail`.
    #[serde(default)]
    pub kind: String,
    /// `global` or a region or country.
    #[serde(default)]
    pub region: String,
    /// Official domains (registrable domains or hosts); the first is shown to users.
    pub domains: Vec<String>,
    /// Whether the name is distinctive enough to be recognized in text ("recruiting for
    /// Deloitte"); common words (Apple, Shell, Indeed) set this to false.
    #[serde(default = "yes")]
    pub mention: bool,
}

fn yes() -> bool {
    true
}

/// `domains/brands.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BrandsFile {
    /// Words that, joined to a brand name, make a recruiting or phishing combo-squat.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Real words one edit away from a brand label that must not count as typos.
    #[serde(default)]
    pub not_typos: Vec<String>,
    /// The brands.
    #[serde(default)]
    pub brands: Vec<BrandDef>,
}

/// Shortest brand label checked for typos (shorter names have too many real-word neighbours).
pub const MIN_TYPO_LABEL: usize = 5;
/// Shortest brand label checked for homoglyphs and combos.
pub const MIN_LABEL: usize = 3;
/// Shortest brand label recognized as a subdomain of someone else's domain.
const MIN_SUBDOMAIN_LABEL: usize = 5;

#[derive(Debug, Clone)]
struct Label {
    text: String,
    chars: Vec<char>,
    skeleton: Vec<char>,
    brand: u16,
    domain: u16,
}

/// A lookalike found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index of the brand in [`BrandIndex::brand`].
    pub brand: usize,
    /// The brand domain imitated.
    pub domain: String,
    /// How.
    pub technique: Technique,
    /// How strong a sign it is: high for typos, homoglyphs, brand plus a recruiting or login
    /// word, or the brand on an abused TLD; medium for the brand's name on a hosting service,
    /// in a subdomain or on an unusual TLD; low for the brand joined to other words.
    pub severity: Severity,
}

/// The protected brands, indexed for lookalike checks.
#[derive(Debug, Clone, Default)]
pub struct BrandIndex {
    brands: Vec<BrandDef>,
    /// Official domains (lower-case ASCII) -> brand.
    own: HashMap<String, u16>,
    /// Brand label -> label index.
    exact: HashMap<String, u16>,
    labels: Vec<Label>,
    /// Skeleton -> label indexes.
    skeletons: HashMap<String, Vec<u16>>,
    /// Hash of a tagged label or one-deletion variant -> label indexes.
    deletes: HashMap<u64, Vec<u16>, BuildHasherDefault<PreHashed>>,
    keywords: Vec<String>,
    not_typos: HashSet<String>,
    /// Longest label in the deletion index.
    max_label: usize,
    /// Keyword indexes by first and by last byte (ASCII; others share slot `b % 128`).
    keywords_by_first: Vec<Vec<u16>>,
    keywords_by_last: Vec<Vec<u16>>,
    /// One bit per deletion-index hash: most lookups stop here without touching the map.
    filter: Vec<u64>,
}

/// TR39 skeleton of a label, lower-cased, with combining marks dropped and digits read as the
/// letters they are used for (`0`→`o`, `1`→`l`, `3`→`e`, `4`→`a`, `5`→`s`, `7`→`t`, `8`→`b`,
/// `9`→`g`), and the letter pairs `vv`→`w`, `cl`→`d`.
pub fn skeleton(label: &str) -> String {
    let mapped: String = if label.is_ascii() {
        // Most hosts are ASCII: a table built once from the full algorithm gives the same
        // result without Unicode normalization.
        let table = ascii_table();
        label.bytes().map(|b| table[b as usize]).collect()
    } else {
        full_skeleton(label)
    };
    // Letter pairs read as one letter, which TR39 leaves apart.
    if mapped.contains("vv") || mapped.contains("cl") {
        mapped.replace("vv", "w").replace("cl", "d")
    } else {
        mapped
    }
}

fn ascii_table() -> &'static [&'static str; 128] {
    static T: std::sync::OnceLock<[&'static str; 128]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        std::array::from_fn(|b| {
            let s = full_skeleton(&char::from(b as u8).to_string());
            &*Box::leak(s.into_boxed_str())
        })
    })
}

fn full_skeleton(label: &str) -> String {
    // Look-alikes TR39 maps elsewhere than to the Latin letter they imitate in domains.
    let lower: String = label
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'κ' => 'k',
            'ь' => 'b',
            'ϲ' => 'c',
            _ => c,
        })
        .collect();
    unicode_security::skeleton(&lower)
        .flat_map(char::to_lowercase)
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '8' => 'b',
            '9' => 'g',
            _ => c,
        })
        .collect()
}

/// Whether the label mixes scripts in a way TR39 calls mixed-script (Latin with Cyrillic or
/// Greek letters, say); digits and hyphens belong to every script.
pub fn is_mixed_script(label: &str) -> bool {
    !label.is_ascii() && !label.is_single_script()
}

/// Whether `a` and `b` are at most one edit apart (insert, delete, replace, or swap of two
/// neighbours), in linear time.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == a.len() {
        return true;
    }
    if a.len() == b.len() {
        let s = a.len();
        let suffix_eq = |from: usize| a[from..s] == b[from..s];
        // Replacement at p, or transposition of p and p + 1.
        suffix_eq(p + 1) || (p + 1 < s && a[p] == b[p + 1] && a[p + 1] == b[p] && suffix_eq(p + 2))
    } else {
        a[p..] == b[p + 1..]
    }
}

/// Calls `f` with every one-character deletion of `s`.
fn for_each_deletion(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for (i, c) in s.char_indices() {
        buf.clear();
        buf.push_str(&s[..i]);
        buf.push_str(&s[i + c.len_utf8()..]);
        f(buf);
    }
}

/// Bits of the filter in front of the deletion index (32 KiB: stays in cache).
const FILTER_BITS: usize = 1 << 18;

impl BrandIndex {
    /// Indexes the brands; `registrable_label` gives the label left of the public suffix of a
    /// domain (`amazon` for `amazon.co.uk`).
    pub fn new(file: BrandsFile, registrable_label: impl Fn(&str) -> Option<String>) -> BrandIndex {
        let mut ix = BrandIndex {
            keywords: file.keywords.iter().map(|k| k.to_lowercase()).collect(),
            not_typos: file.not_typos.iter().map(|k| k.to_lowercase()).collect(),
            ..Default::default()
        };
        // Longer keywords first, so `careers` is stripped before `career`.
        ix.keywords.sort_by_key(|k| std::cmp::Reverse(k.len()));
        ix.keywords_by_first = vec![Vec::new(); 128];
        ix.keywords_by_last = vec![Vec::new(); 128];
        for (i, k) in ix.keywords.iter().enumerate() {
            if let (Some(&f), Some(&l)) = (k.as_bytes().first(), k.as_bytes().last()) {
                ix.keywords_by_first[f as usize % 128].push(i as u16);
                ix.keywords_by_last[l as usize % 128].push(i as u16);
            }
        }
        let mut buf = String::new();
        for (bi, brand) in file.brands.iter().enumerate() {
            let bi = bi as u16;
            for (di, d) in brand.domains.iter().enumerate() {
                let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
                ix.own.entry(d.clone()).or_insert(bi);
                let Some(label) = registrable_label(&d) else {
                    continue;
                };
                // A brand's secondary domains protect only distinctive names (`icloud`, not
                // `mac` or `live`): short second names are own domains but not indexed.
                let min = if di == 0 {
                    MIN_LABEL
                } else {
                    MIN_TYPO_LABEL + 1
                };
                if label.chars().count() < min || ix.exact.contains_key(&label) {
                    continue;
                }
                let li = ix.labels.len() as u16;
                let chars: Vec<char> = label.chars().collect();
                let skel = skeleton(&label);
                let skel_chars: Vec<char> = skel.chars().collect();
                ix.exact.insert(label.clone(), li);
                ix.skeletons.entry(skel.clone()).or_default().push(li);
                if chars.len() >= MIN_TYPO_LABEL {
                    ix.max_label = ix.max_label.max(chars.len()).max(skel_chars.len());
                    // Raw and skeleton forms share one index: a query meets a brand when either
                    // of its forms is within one edit of either of the brand's.
                    if ix.filter.is_empty() {
                        ix.filter = vec![0u64; FILTER_BITS / 64];
                    }
                    for s in [&label, &skel] {
                        let mut put = |v: &str| {
                            let h = hash(v.as_bytes());
                            let bit = (h as usize) % FILTER_BITS;
                            ix.filter[bit / 64] |= 1 << (bit % 64);
                            let e = ix.deletes.entry(h).or_default();
                            if !e.contains(&li) {
                                e.push(li);
                            }
                        };
                        put(s);
                        for_each_deletion(s, &mut buf, put);
                    }
                }
                ix.labels.push(Label {
                    text: label,
                    chars,
                    skeleton: skel_chars,
                    brand: bi,
                    domain: di as u16,
                });
            }
        }
        ix.brands = file.brands;
        ix
    }

    /// Number of brands.
    pub fn len(&self) -> usize {
        self.brands.len()
    }

    /// Whether there are no brands.
    pub fn is_empty(&self) -> bool {
        self.brands.is_empty()
    }

    /// The brand at `i`.
    pub fn brand(&self, i: usize) -> &BrandDef {
        &self.brands[i]
    }

    /// Every brand.
    pub fn brands(&self) -> &[BrandDef] {
        &self.brands
    }

    /// Every indexed brand label with its brand index.
    pub fn labels(&self) -> impl Iterator<Item = (&str, usize)> {
        self.labels
            .iter()
            .map(|l| (l.text.as_str(), l.brand as usize))
    }

    /// The keywords of combo-squats.
    pub fn keywords(&self) -> &[String] {
        &self.keywords
    }

    /// The brand owning `host` or one of its parents, if any.
    pub fn owner(&self, host: &str) -> Option<usize> {
        let mut rest = host;
        loop {
            if let Some(&b) = self.own.get(rest) {
                return Some(b as usize);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    fn domain_of(&self, li: u16) -> String {
        let l = &self.labels[li as usize];
        self.brands[l.brand as usize].domains[l.domain as usize].to_ascii_lowercase()
    }

    fn hit(&self, li: u16, technique: Technique, severity: Severity) -> Match {
        Match {
            brand: self.labels[li as usize].brand as usize,
            domain: self.domain_of(li),
            technique,
            severity,
        }
    }

    /// The brand label `token` imitates by homoglyphs or one typo, if any (never `token`'s own
    /// exact label). `typos` allows edit-distance matches.
    fn similar(&self, token: &str, typos: bool) -> Option<(u16, Technique)> {
        if token.is_empty() || self.exact.contains_key(token) {
            return None;
        }
        let skel = skeleton(token);
        if let Some(ls) = self.skeletons.get(&skel) {
            return Some((ls[0], Technique::Homoglyph));
        }
        // `1` stands for `l` in TR39 but as often for `i` (`n1ke`).
        if token.contains('1') {
            if let Some(ls) = self.skeletons.get(&skeleton(&token.replace('1', "i"))) {
                return Some((ls[0], Technique::Homoglyph));
            }
        }
        let chars: Vec<char> = token.chars().collect();
        if !typos
            || self.filter.is_empty()
            || chars.len() + 1 < MIN_TYPO_LABEL
            || chars.len() > self.max_label + 1
            || self.not_typos.contains(token)
        {
            return None;
        }
        let skel_chars: Vec<char> = skel.chars().collect();
        let mut buf = String::new();
        let mut best: Option<u16> = None;
        let forms: &[(&str, &Vec<char>)] = if skel == token {
            &[(token, &chars)]
        } else {
            &[(token, &chars), (&skel, &skel_chars)]
        };
        for &(form, s) in forms {
            let mut check = |v: &str| {
                if best.is_some() {
                    return;
                }
                let h = hash(v.as_bytes());
                let bit = (h as usize) % FILTER_BITS;
                if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
                    return;
                }
                if let Some(ls) = self.deletes.get(&h) {
                    best = ls.iter().copied().find(|&li| {
                        let l = &self.labels[li as usize];
                        [&l.chars, &l.skeleton].into_iter().any(|target| {
                            // In short names a different first letter reads as another name
                            // (`tmail`, `cmail` are not `gmail`).
                            let first_changed = target.len() <= MIN_TYPO_LABEL
                                && s.len() == target.len()
                                && s.first() != target.first()
                                && s[1..] == target[1..];
                            !first_changed && within_one_edit(s, target)
                        })
                    });
                }
            };
            check(form);
            for_each_deletion(form, &mut buf, &mut check);
            if best.is_some() {
                break;
            }
        }
        best.map(|li| (li, Technique::Typo))
    }

    /// The brand label `token` is or imitates: exact first, then homoglyph or typo.
    fn brand_token(&self, token: &str, typos: bool) -> Option<(u16, Technique)> {
        if let Some(&li) = self.exact.get(token) {
            return Some((li, Technique::Combo));
        }
        self.similar(token, typos)
    }

    /// Checks one host. `labels_unicode` is the host split in Unicode labels; `reg_labels` the
    /// number of labels of the registrable domain (0 when the host has none); `suffix_last`
    /// the last label of the public suffix; `private` whether the suffix is a hosting service;
    /// `abused_tld` whether the TLD is one phishers favour.
    pub fn check(&self, host: &HostParts<'_>) -> Option<Match> {
        if self.owner(host.ascii).is_some() || host.reg_index.is_none() {
            return None;
        }
        let ri = host.reg_index?;
        let label = host.labels[ri];
        let ascii_label = host.ascii.split('.').nth(ri).unwrap_or("");
        // 1. The brand's exact label on a suffix that is not its own.
        if let Some(&li) = self.exact.get(ascii_label) {
            let tld_ok = host.tld.len() == 2 || matches!(host.tld, "com" | "net" | "org");
            if host.private {
                return Some(self.hit(li, Technique::Hosted, Severity::Medium));
            }
            if host.abused_tld {
                return Some(self.hit(li, Technique::TldSwap, Severity::High));
            }
            if !tld_ok {
                return Some(self.hit(li, Technique::TldSwap, Severity::Medium));
            }
            // The brand's name under a country or classic TLD: its site in another country.
            return None;
        } else if let Some((li, t)) = self.similar(label, true) {
            // 2. The whole label is a homoglyph or typo of a brand.
            return Some(self.hit(li, t, Severity::High));
        } else if let Some(m) = self.combo(label) {
            return Some(m);
        }
        // 4. A brand name as a subdomain label.
        for sub in &host.labels[..ri] {
            for token in sub.split(['-', '_']) {
                if token.chars().count() < MIN_SUBDOMAIN_LABEL {
                    continue;
                }
                if let Some((li, _)) = self.brand_token(token, false) {
                    return Some(self.hit(li, Technique::Subdomain, Severity::Medium));
                }
            }
        }
        None
    }

    /// A brand (or its imitation) joined to other words in one label.
    fn combo(&self, label: &str) -> Option<Match> {
        let tokens: Vec<&str> = label.split(['-', '_']).filter(|t| !t.is_empty()).collect();
        let is_kw = |t: &str| self.keywords.iter().any(|k| k == t);
        let mut weak = None;
        if tokens.len() >= 2 {
            let has_kw = tokens.iter().any(|t| is_kw(t));
            let others: Vec<&str> = tokens.iter().copied().filter(|t| !is_kw(t)).collect();
            let mut candidates: Vec<String> = others.iter().map(|t| t.to_string()).collect();
            if others.len() > 1 {
                let joined = others.concat();
                if joined.chars().count() <= self.max_label + 1 {
                    candidates.push(joined);
                }
            }
            for c in &candidates {
                let n = c.chars().count();
                if n < MIN_LABEL {
                    continue;
                }
                if let Some((li, _)) = self.brand_token(c, n > MIN_TYPO_LABEL) {
                    if has_kw {
                        return Some(self.hit(li, Technique::Combo, Severity::High));
                    }
                    weak = weak.or(Some(self.hit(li, Technique::Combo, Severity::Low)));
                }
            }
        }
        // Keywords glued to the brand: `amazoncareers`, `hrlinkedin`, `coca-colacareers`.
        let whole = (tokens.len() > 1).then_some(label);
        for t in whole.iter().chain(&tokens) {
            let (Some(&first), Some(&last)) = (t.as_bytes().first(), t.as_bytes().last()) else {
                continue;
            };
            // Only keywords that start or end like the token can be glued to it.
            let by_first = &self.keywords_by_first[first as usize % 128];
            let by_last = &self.keywords_by_last[last as usize % 128];
            for &ki in by_first.iter().chain(by_last) {
                let k = self.keywords[ki as usize].as_str();
                let rest = t.strip_suffix(k).or_else(|| t.strip_prefix(k));
                let Some(rest) = rest else { continue };
                let rest = rest.trim_matches(|c: char| c == '-' || c.is_ascii_digit());
                let n = rest.chars().count();
                if n < MIN_LABEL || k.len() < 2 {
                    continue;
                }
                if let Some((li, _)) = self.brand_token(rest, n > MIN_TYPO_LABEL) {
                    return Some(self.hit(li, Technique::Combo, Severity::High));
                }
            }
        }
        weak
    }

    /// The brand a messenger handle (`@Deloitte_HR`) claims to speak for, when it joins a
    /// brand name to a recruiting word.
    pub fn handle_brand(&self, handle: &str) -> Option<usize> {
        let h = handle.trim_start_matches('@').to_lowercase();
        let tokens: Vec<&str> = h.split(['_', '.', '-']).filter(|t| !t.is_empty()).collect();
        let has_kw = tokens.iter().any(|t| {
            let t = t.trim_end_matches(|c: char| c.is_ascii_digit());
            self.keywords.iter().any(|k| k == t)
        });
        if has_kw {
            for t in &tokens {
                if t.chars().count() >= 4 {
                    if let Some((li, _)) = self.brand_token(t, false) {
                        return Some(self.labels[li as usize].brand as usize);
                    }
                }
            }
        }
        self.combo(&h)
            .filter(|m| m.severity == Severity::High)
            .map(|m| m.brand)
    }
}

/// A host cut into the parts the lookalike check needs.
#[derive(Debug, Clone)]
pub struct HostParts<'a> {
    /// Lower-case ASCII host.
    pub ascii: &'a str,
    /// Unicode labels, left to right.
    pub labels: Vec<&'a str>,
    /// Index in `labels` of the registrable domain's first label.
    pub reg_index: Option<usize>,
    /// Last label of the host (the TLD).
    pub tld: &'a str,
    /// Whether the public suffix is in the private section.
    pub private: bool,
    /// Whether the TLD is on the abused list.
    pub abused_tld: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> BrandIndex {
        let file: BrandsFile = serde_json::from_str(
            r#"{"keywords": ["careers", "career", "jobs", "hr", "recruit", "hiring", "login"],
                "not_typos": ["apply"],
                "brands": [
                  {"name": "Amazon", "domains": ["amazon.com", "amazon.jobs"]},
                  {"name": "LinkedIn", "domains": ["linkedin.com", "lnkd.in"]},
                  {"name": "Apple", "domains": ["apple.com"], "mention": false},
                  {"name": "PayPal", "domains": ["paypal.com"]}
                ]}"#,
        )
        .unwrap();
        BrandIndex::new(file, |d| d.split('.').next().map(String::from))
    }

    fn parts<'a>(ascii: &'a str, unicode: &'a str) -> HostParts<'a> {
        let labels: Vec<&str> = unicode.split('.').collect();
        let n = labels.len();
        HostParts {
            ascii,
            reg_index: (n >= 2).then(|| n - 2),
            tld: ascii.rsplit('.').next().unwrap(),
            labels,
            private: false,
            abused_tld: ascii.ends_with(".top"),
        }
    }

    fn check(host: &str) -> Option<(String, Technique)> {
        let ix = index();
        ix.check(&parts(host, host))
            .map(|m| (m.domain, m.technique))
    }

    #[test]
    fn edit_distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_one_edit(&c("amazon"), &c("amazn")));
        assert!(within_one_edit(&c("amazon"), &c("amazoon")));
        assert!(within_one_edit(&c("amazon"), &c("amzaon")));
        assert!(within_one_edit(&c("amazon"), &c("amazin")));
        assert!(!within_one_edit(&c("amazon"), &c("maazno")));
        assert!(!within_one_edit(&c("abc"), &c("bca")));
    }

    #[test]
    fn skeletons_meet() {
        assert_eq!(skeleton("аmazon"), skeleton("amazon"));
        assert_eq!(skeleton("amaz0n"), skeleton("amazon"));
        assert_eq!(skeleton("arnazon"), skeleton("amazon"));
        assert_eq!(skeleton("paypa1"), skeleton("paypal"));
        assert!(is_mixed_script("аmazon"));
        assert!(!is_mixed_script("amazon"));
        assert!(!is_mixed_script("яндекс"));
    }

    #[test]
    fn finds_lookalikes() {
        let t = Technique::Typo;
        assert_eq!(check("amazn.com"), Some(("amazon.com".into(), t)));
        assert_eq!(check("linkedln.com"), Some(("linkedin.com".into(), t)));
        assert_eq!(check("amaz0n.top").unwrap().1, Technique::Homoglyph);
        assert_eq!(check("amazon-careers.top").unwrap().1, Technique::Combo);
        assert_eq!(check("amaz0n-careers.top").unwrap().1, Technique::Combo);
        assert_eq!(check("amazoncareers.com").unwrap().1, Technique::Combo);
        assert_eq!(check("hr-linkedin.net").unwrap().1, Technique::Combo);
        assert_eq!(
            check("paypal.com.secure-login.top").unwrap().1,
            Technique::Subdomain
        );
        assert_eq!(check("amazon.top").unwrap().1, Technique::TldSwap);
        assert_eq!(check("amazon.de"), None);
        assert_eq!(check("jobs.amazon.com"), None);
        assert_eq!(check("apply.com"), None);
        assert_eq!(check("example.com"), None);
        let ix = index();
        let host = "аmazon.com";
        let m = ix.check(&parts("xn--mazon-3ve.com", host)).unwrap();
        assert_eq!(m.technique, Technique::Homoglyph);
    }

    #[test]
    fn handles() {
        let ix = index();
        assert_eq!(ix.handle_brand("@Amazon_HR"), Some(0));
        assert_eq!(ix.handle_brand("@amazoncareers"), Some(0));
        assert_eq!(ix.handle_brand("@anna_hr"), None);
        assert_eq!(ix.handle_brand("@amazon_fan"), None);
    }
}
