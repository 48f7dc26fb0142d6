//! The domain checks inside an offer check: every extracted link, address, handle and phone
//! number is judged, and what is wrong becomes a finding with a stable id (`link.lookalike`,
//! `contact.free_mail_corporate`, `contact.phone_country_mismatch`, ...) and, for the pack's
//! rules, an entity signal (`$lookalike_domain`, `$risky_link`, `$free_mail`).

use super::lookalike::BrandDef;
use super::names::NameMatcher;
use super::{DomainIntel, SignalKind};
use crate::error::Result;
use crate::extract::Raw;
use crate::report::EntityKind;
use crate::text::{normalize_phrase, Normalized};

/// Brand names compiled for finding "recruiting for Deloitte" in normalized text.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    matcher: NameMatcher,
    brand_of: Vec<u16>,
}

impl Mentions {
    /// Compiles the names of brands whose name is distinctive (`mention` not false).
    pub fn new(brands: &[BrandDef]) -> Result<Mentions> {
        let mut patterns = Vec::new();
        let mut brand_of = Vec::new();
        for (i, b) in brands.iter().enumerate() {
            let p = normalize_phrase(&b.name);
            if b.mention && p.chars().count() >= 3 {
                patterns.push(p);
                brand_of.push(i as u16);
            }
        }
        let matcher = NameMatcher::new(&patterns, "domains.brands")?;
        Ok(Mentions { matcher, brand_of })
    }

    /// Brands named in normalized text, as whole words: (brand index, start, end).
    pub fn find(&self, normalized: &str) -> Vec<(usize, usize, usize)> {
        self.matcher
            .find(normalized, false)
            .into_iter()
            .map(|(p, start, end)| (self.brand_of[p] as usize, start, end))
            .collect()
    }
}

/// One finding of the domain checks in an offer, before localization.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactHit {
    /// Stable rule id (`link.lookalike`).
    pub id: &'static str,
    /// Byte ranges in the analysed text.
    pub spans: Vec<(usize, usize)>,
}

/// What the domain checks found in an offer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactAnalysis {
    /// Findings, in order of first appearance.
    pub hits: Vec<ContactHit>,
    /// Entity signals for the pack's rules (`lookalike_domain`, `risky_link`, `free_mail`),
    /// with the byte range of the entity.
    pub signals: Vec<(&'static str, (usize, usize))>,
}

/// Words in a mail's local part that claim a recruiting role.
const CORPORATE_WORDS: &[&str] = &[
    "hr",
    "recruit",
    "career",
    "jobs",
    "hiring",
    "talent",
    "staffing",
    "rh",
    "recrut",
    "empleo",
    "vagas",
    "emploi",
    "rrhh",
    "personnel",
    "manpower",
    "agency",
];

impl DomainIntel {
    /// Judges the entities of an offer; `normalized` is the normalized form of the same text.
    pub fn offer_hits(&self, normalized: &Normalized, entities: &[Raw]) -> ContactAnalysis {
        let mut out = ContactAnalysis::default();
        let mut add = |id: &'static str, span: (usize, usize), signal: Option<&'static str>| {
            if let Some(sig) = signal {
                out.signals.push((sig, span));
            }
            if id.is_empty() {
                return;
            }
            if let Some(h) = out.hits.iter_mut().find(|h| h.id == id) {
                if !h.spans.contains(&span) {
                    h.spans.push(span);
                }
            } else {
                out.hits.push(ContactHit {
                    id,
                    spans: vec![span],
                });
            }
        };
        // Brand and country mentions are searched only when an address or a phone needs them.
        let mentions_cell = std::cell::OnceCell::new();
        let mentions = || mentions_cell.get_or_init(|| self.mentions.find(&normalized.text));
        let stated_cell = std::cell::OnceCell::new();
        let stated = || -> &Vec<super::phone::Mention> {
            stated_cell.get_or_init(|| self.countries.mentioned(&normalized.text))
        };
        for e in entities {
            let span = (e.start, e.end);
            match e.kind {
                EntityKind::Url | EntityKind::Email => {
                    let Ok(r) = self.check(&e.value) else {
                        continue;
                    };
                    for s in &r.signals {
                        let (id, signal) = match s.kind {
                            SignalKind::Lookalike => ("link.lookalike", Some("lookalike_domain")),
                            SignalKind::MixedScript => {
                                ("link.mixed_script", Some("lookalike_domain"))
                            }
                            SignalKind::Blocklist => ("link.blocklist", Some("risky_link")),
                            SignalKind::Shortener => ("link.shortener", Some("risky_link")),
                            SignalKind::IpHost => ("link.ip_host", Some("risky_link")),
                            SignalKind::UserInfo => ("link.user_info", Some("risky_link")),
                            SignalKind::AbusedTld => ("link.abused_tld", None),
                            SignalKind::DisposableMail => {
                                ("contact.disposable_mail", Some("free_mail"))
                            }
                            SignalKind::FreeMail => {
                                let local = e.value.split('@').next().unwrap_or("");
                                let claims_role = CORPORATE_WORDS.iter().any(|w| local.contains(w))
                                    || self
                                        .brands
                                        .labels()
                                        .any(|(l, _)| l.len() >= 4 && local.contains(l));
                                if claims_role || !mentions().is_empty() {
                                    add("contact.free_mail_corporate", span, Some("free_mail"));
                                    for &(_, s, e) in mentions().iter().take(2) {
                                        let (a, b) = normalized.original_span(s, e);
                                        add(
                                            "contact.free_mail_corporate",
                                            (a as usize, b as usize),
                                            None,
                                        );
                                    }
                                    continue;
                                }
                                ("", Some("free_mail"))
                            }
                            SignalKind::Punycode | SignalKind::Messenger => continue,
                        };
                        // An empty id (free mail with no corporate claim) only feeds the signal.
                        add(id, span, signal);
                    }
                }
                EntityKind::Handle if self.brands.handle_brand(&e.value).is_some() => {
                    add("contact.handle_impersonation", span, Some("risky_link"));
                }
                EntityKind::Phone => {
                    let Some(cc) = e.country.as_deref() else {
                        continue;
                    };
                    let elsewhere: Vec<&super::phone::Mention> =
                        stated().iter().filter(|m| m.country != cc).collect();
                    let mismatch =
                        !elsewhere.is_empty() && !stated().iter().any(|m| m.country == cc);
                    if self.countries.is_high_risk(cc) {
                        add("contact.phone_high_risk_country", span, None);
                    }
                    if mismatch {
                        add("contact.phone_country_mismatch", span, None);
                        let m = elsewhere[0];
                        let (a, b) = normalized.original_span(m.start, m.end);
                        add(
                            "contact.phone_country_mismatch",
                            (a as usize, b as usize),
                            None,
                        );
                    }
                }
                _ => {}
            }
        }
        out
    }
}
