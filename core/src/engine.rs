//! The engine: one immutable, thread-safe value compiled from a pack, with one call per check.

use crate::device::{report::AuditReport, snapshot::DeviceSnapshot, DeviceAuditor};
use crate::domains::contact::ContactAnalysis;
use crate::domains::{DomainIntel, UrlReport};
use crate::error::{Error, Result};
use crate::extract::{self, Raw};
use crate::i18n::Catalog;
use crate::pack::{Pack, PackInfo, DEFAULT_PACK};
use crate::report::{
    CheckOptions, Entity, EntityKind, Evidence, Finding, Message, OfferReport, Risk, Severity,
};
use crate::rules::{RuleSet, SIGNALS};
use crate::text::{EmojiMap, LanguageDetector, Normalized, Normalizer, Utf16Index};

/// The largest text (or conversation, all messages together) the engine accepts: 4 MiB.
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// Daily pay from this amount (USD, USDT, EUR, GBP) up counts as unrealistic for the jobs these
/// lures advertise.
const DAILY_PAY_ALARM: f64 = 100.0;

/// Monthly pay from this amount (USD, USDT, EUR, GBP) up, offered with "no experience needed",
/// is the bait of scam-compound and sexual-exploitation recruiters.
const MONTHLY_PAY_ALARM: f64 = 2000.0;

/// The Vigie engine. Build it once (from the embedded pack or an update) and share it: it is
/// immutable, `Send` and `Sync`. A pack update builds a new engine; if that fails, the old one
/// is still there and still works.
#[derive(Debug, Clone)]
pub struct Engine {
    info: PackInfo,
    normalizer: Normalizer,
    rules: RuleSet,
    catalog: Catalog,
    languages: LanguageDetector,
    domains: DomainIntel,
    device: DeviceAuditor,
}

/// What one analysis of a text found, before localization.
struct Analysis {
    language: String,
    normalized: Normalized,
    entities: Vec<Raw>,
    fired: Vec<crate::rules::Fired>,
    combos: Vec<(usize, Vec<usize>)>,
    dampening: f64,
    contexts: Vec<String>,
    contact: ContactAnalysis,
}

impl Engine {
    /// An engine with the embedded default pack.
    pub fn new() -> Engine {
        Engine::from_pack(DEFAULT_PACK)
            .expect("the embedded default pack is checked by the crate's tests")
    }

    /// An engine built from pack bytes. Errors are typed and leave any existing engine as it was.
    pub fn from_pack(bytes: &[u8]) -> Result<Engine> {
        let pack = Pack::parse(bytes)?;
        let normalizer = Normalizer::new(EmojiMap::new(&pack.emoji));
        let rules = RuleSet::compile(&pack.rules, &pack.lexicons, &normalizer)?;
        let catalog = Catalog::new(&pack.i18n);
        if !catalog.has(crate::i18n::FALLBACK_LANG) && !pack.rules.rules.is_empty() {
            return Err(Error::PackMalformed(
                "the pack has no English translations".into(),
            ));
        }
        let domains = DomainIntel::new(pack.sections.get("domains"))?;
        let device =
            DeviceAuditor::compile(pack.sections.get("device"), pack.sections.get("indicators"))?;
        Ok(Engine {
            device,
            info: pack.info,
            normalizer,
            rules,
            catalog,
            languages: LanguageDetector::new(&pack.languages),
            domains,
        })
    }

    /// The pack this engine was built from.
    pub fn pack_info(&self) -> &PackInfo {
        &self.info
    }

    /// Builds every phrase automaton now instead of at the first text in each script: for an
    /// app that would rather spend the time at start-up, on a background thread.
    pub fn warm_up(&self) {
        self.rules.lexicon.build_all();
    }

    /// Number of rules and distinct lexicon phrases compiled.
    pub fn rule_stats(&self) -> (usize, usize) {
        (self.rules.rules.len(), self.rules.lexicon.phrase_count)
    }

    fn analyze(&self, text: &str) -> Analysis {
        let normalized = self.normalizer.normalize(text);
        let hits = self.rules.lexicon.find(&normalized.text);
        let entities = extract::extract(text);
        let contact = self.domains.offer_hits(&normalized, &entities);
        let mut signals = self.signals(&entities, &normalized);
        for (name, (s, e)) in &contact.signals {
            if let Some(i) = SIGNALS.iter().position(|x| x == name) {
                signals.push((
                    i as u16,
                    (
                        normalized.normalized_offset(*s as u32) as u32,
                        normalized.normalized_offset(*e as u32) as u32,
                    ),
                ));
            }
        }
        let index = self.rules.index(&normalized.text, &hits, &signals);
        let fired = self.rules.evaluate(&index, &normalized.text);
        let combos = self.rules.combos_fired(&fired);
        let (dampening, contexts) = self.rules.dampening(&index);
        Analysis {
            language: self.languages.detect(text),
            normalized,
            entities,
            fired,
            combos,
            dampening,
            contexts,
            contact,
        }
    }

    /// Checks one link, bare host or e-mail address (defanged forms such as
    /// `hxxps://evil[.]example` are accepted): registrable domain, lookalikes of protected
    /// brands, known-bad hosts, shorteners, free and disposable mail, abused TLDs.
    pub fn check_url(&self, input: &str) -> Result<UrlReport> {
        self.domains.check(input)
    }

    /// The compiled domain lists and brands.
    pub fn domains(&self) -> &DomainIntel {
        &self.domains
    }

    fn signals(&self, entities: &[Raw], n: &Normalized) -> Vec<(u16, (u32, u32))> {
        let sig = |name: &str| SIGNALS.iter().position(|s| *s == name).map(|i| i as u16);
        let mut out = Vec::new();
        for e in entities {
            let name = match e.kind {
                EntityKind::Messenger => Some("messenger_link"),
                EntityKind::Handle
                    if matches!(
                        e.platform.as_deref(),
                        Some("telegram" | "whatsapp" | "line" | "wechat" | "signal")
                    ) =>
                {
                    Some("messenger_link")
                }
                EntityKind::CryptoAddress => Some("crypto_address"),
                EntityKind::Money => e.money.as_ref().and_then(|m| {
                    let strong =
                        matches!(m.currency.as_deref(), Some("USD" | "USDT" | "EUR" | "GBP"));
                    let amount = m.amount.unwrap_or(0.0);
                    match m.period.as_deref() {
                        Some("day") if strong && amount >= DAILY_PAY_ALARM => Some("money_daily"),
                        Some("month") if strong && amount >= MONTHLY_PAY_ALARM => {
                            Some("money_monthly_high")
                        }
                        _ => None,
                    }
                }),
                _ => None,
            };
            if let Some(i) = name.and_then(sig) {
                out.push((
                    i,
                    (
                        n.normalized_offset(e.start as u32) as u32,
                        n.normalized_offset(e.end as u32) as u32,
                    ),
                ));
            }
        }
        out
    }

    fn check_size(len: usize) -> Result<()> {
        if len > MAX_TEXT_BYTES {
            return Err(Error::InputTooLarge {
                len: len as u64,
                max: MAX_TEXT_BYTES as u64,
            });
        }
        Ok(())
    }

    /// Checks one job offer or message.
    pub fn check_offer(&self, text: &str, options: &CheckOptions) -> Result<OfferReport> {
        Engine::check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::InvalidInput("the text is empty".into()));
        }
        let analysis = self.analyze(text);
        let segments = [(0usize, text)];
        Ok(self.report(&analysis, &segments, false, options))
    }

    /// Checks a whole exchange: signs spread over several messages add up.
    pub fn check_conversation(
        &self,
        messages: &[Message],
        options: &CheckOptions,
    ) -> Result<OfferReport> {
        let total: usize = messages.iter().map(|m| m.text.len() + 2).sum();
        Engine::check_size(total)?;
        if messages.iter().all(|m| m.text.trim().is_empty()) {
            return Err(Error::InvalidInput("the conversation has no text".into()));
        }
        let mut joined = String::with_capacity(total);
        let mut segments = Vec::with_capacity(messages.len());
        for m in messages {
            if !joined.is_empty() {
                joined.push_str("\n\n");
            }
            segments.push((joined.len(), m.text.as_str()));
            if is_own_message(&m.sender) {
                // The person's own words (their questions about fees, their phone number) are
                // not judged: blanks of the same length keep every offset in place.
                joined.extend(std::iter::repeat_n(' ', m.text.len()));
            } else {
                joined.push_str(&m.text);
            }
        }
        let analysis = self.analyze(&joined);
        Ok(self.report(&analysis, &segments, true, options))
    }

    fn report(
        &self,
        a: &Analysis,
        segments: &[(usize, &str)],
        conversation: bool,
        options: &CheckOptions,
    ) -> OfferReport {
        let lang = self.catalog.choose(options.lang.as_deref(), &a.language);
        let tr = |key: String| self.catalog.get(&lang, &key);
        let spans = Spans::new(segments, conversation);

        // Rules of one category are one piece of evidence (the strongest counts); categories
        // combine as independent evidence.
        let mut strongest: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
        let mut findings: Vec<(f64, Finding)> = Vec::new();
        for f in &a.fired {
            let rule = &self.rules.rules[f.rule];
            let w = strongest.entry(rule.def.category.as_str()).or_insert(0.0);
            *w = w.max(rule.def.weight);
            let evidence = f
                .spans
                .iter()
                .map(|&(s, e)| a.normalized.original_span(s as usize, e as usize))
                .collect::<Vec<_>>();
            findings.push((
                rule.def.weight,
                self.finding(
                    &rule.def.id,
                    &rule.def.category,
                    rule.severity,
                    &rule.def.indicator,
                    &rule.def.source,
                    spans.evidence(&evidence),
                    &tr,
                ),
            ));
        }
        for hit in &a.contact.hits {
            let Some((def, severity)) = self.domains.finding_def(hit.id) else {
                continue;
            };
            let w = strongest.entry(def.category.as_str()).or_insert(0.0);
            *w = w.max(def.weight);
            let ranges: Vec<(u32, u32)> = hit
                .spans
                .iter()
                .map(|&(s, e)| (s as u32, e as u32))
                .collect();
            findings.push((
                def.weight,
                self.finding(
                    hit.id,
                    &def.category,
                    *severity,
                    &def.indicator,
                    &def.source,
                    spans.evidence(&ranges),
                    &tr,
                ),
            ));
        }
        let mut bonus = 0.0;
        for (ci, set) in &a.combos {
            let combo = &self.rules.combos[*ci];
            bonus += combo.def.bonus;
            let evidence: Vec<Evidence> = set
                .iter()
                .filter_map(|r| {
                    findings
                        .iter()
                        .find(|(_, f)| f.rule_id == self.rules.rules[*r].def.id)
                })
                .filter_map(|(_, f)| f.evidence.first().cloned())
                .collect();
            findings.push((
                combo.def.bonus,
                self.finding(
                    &combo.def.id,
                    &combo.def.category,
                    combo.severity,
                    &combo.def.indicator,
                    &combo.def.source,
                    evidence,
                    &tr,
                ),
            ));
        }
        findings.sort_by(|a, b| b.1.severity.cmp(&a.1.severity).then(b.0.total_cmp(&a.0)));
        let keep: f64 = strongest.values().map(|w| 1.0 - w / 100.0).product();
        let score = (((100.0 * (1.0 - keep) + bonus) * a.dampening).round() as u32).min(100);
        let risk = Risk::from_score(score);
        let entities = a.entities.iter().map(|e| spans.entity(e)).collect();
        OfferReport {
            risk,
            score,
            language: a.language.clone(),
            output_language: lang.clone(),
            risk_label: tr(format!("risk.{}.label", risk.as_str())),
            summary: tr(format!("risk.{}.summary", risk.as_str())),
            findings: findings.into_iter().map(|(_, f)| f).collect(),
            entities,
            advice: self.catalog.numbered(&lang, "advice.general"),
            contexts: a.contexts.clone(),
            pack_id: self.info.pack_id.clone(),
            pack_version: self.info.pack_version.clone(),
        }
    }

    /// Audits a device snapshot for stalkerware, watchware, risky settings and location
    /// sharing. The report's language is `options.lang` (English when untranslated).
    pub fn audit_device(
        &self,
        snapshot: &DeviceSnapshot,
        options: &CheckOptions,
    ) -> Result<AuditReport> {
        let (raws, apps) = self.device.audit(snapshot, &self.info.created)?;
        let lang = self.catalog.choose(options.lang.as_deref(), "");
        Ok(crate::device::build_report(
            raws,
            apps,
            snapshot.platform,
            &self.device,
            &self.catalog,
            &lang,
            &self.info,
        ))
    }

    /// [`Engine::audit_device`] on a snapshot in JSON (`docs/snapshot.md`). Malformed JSON
    /// and oversized input are typed errors; unknown fields are ignored.
    pub fn audit_device_json(&self, json: &str, options: &CheckOptions) -> Result<AuditReport> {
        let snapshot = DeviceAuditor::parse_snapshot(json)?;
        self.audit_device(&snapshot, options)
    }

    /// Numbers of distinct package ids and certificates in the pack's imported indicators.
    pub fn indicator_counts(&self) -> (usize, usize) {
        self.device.indicators.counts()
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        id: &str,
        category: &str,
        severity: Severity,
        indicator: &str,
        source: &str,
        evidence: Vec<Evidence>,
        tr: &dyn Fn(String) -> String,
    ) -> Finding {
        Finding {
            rule_id: id.to_string(),
            category: category.to_string(),
            severity,
            title: tr(format!("rule.{id}.title")),
            explanation: tr(format!("rule.{id}.explanation")),
            advice: tr(format!("rule.{id}.advice")),
            indicator: indicator.to_string(),
            source: source.to_string(),
            evidence,
        }
    }
}

/// Sender names that mark the person's own messages in a conversation.
const OWN_SENDERS: &[&str] = &[
    "me",
    "self",
    "user",
    "jobseeker",
    "candidate",
    "moi",
    "yo",
    "eu",
    "ich",
    "我",
    "tôi",
    "toi",
    "saya",
    "aku",
    "ako",
    "mimi",
    "я",
    "मैं",
    "أنا",
];

fn is_own_message(sender: &str) -> bool {
    let s = sender.trim().to_lowercase();
    OWN_SENDERS.contains(&s.as_str())
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// Turns byte ranges of the analysed text into evidence relative to each message.
struct Spans<'a> {
    segments: &'a [(usize, &'a str)],
    utf16: Vec<Utf16Index<'a>>,
    conversation: bool,
}

impl<'a> Spans<'a> {
    fn new(segments: &'a [(usize, &'a str)], conversation: bool) -> Spans<'a> {
        let utf16 = segments.iter().map(|(_, t)| Utf16Index::new(t)).collect();
        Spans {
            segments,
            utf16,
            conversation,
        }
    }

    fn evidence_one(&self, start: usize, end: usize) -> Evidence {
        let i = self
            .segments
            .partition_point(|(base, _)| *base <= start)
            .saturating_sub(1);
        let (base, text) = self.segments[i];
        let s = start.saturating_sub(base).min(text.len());
        let e = end.saturating_sub(base).clamp(s, text.len());
        Evidence {
            text: text[s..e].to_string(),
            start: s as u32,
            end: e as u32,
            start_utf16: self.utf16[i].offset(s),
            end_utf16: self.utf16[i].offset(e),
            message_index: self.conversation.then_some(i as u32),
        }
    }

    fn evidence(&self, spans: &[(u32, u32)]) -> Vec<Evidence> {
        let mut out: Vec<Evidence> = Vec::new();
        for &(s, e) in spans {
            let ev = self.evidence_one(s as usize, e as usize);
            if !out.contains(&ev) && !ev.text.is_empty() {
                out.push(ev);
            }
        }
        out
    }

    fn entity(&self, e: &Raw) -> Entity {
        let money = e.money.as_ref();
        Entity {
            kind: e.kind,
            span: self.evidence_one(e.start, e.end),
            value: e.value.clone(),
            platform: e.platform.clone(),
            country: e.country.clone(),
            amount: money.and_then(|m| m.amount),
            currency: money.and_then(|m| m.currency.clone()),
            period: money.and_then(|m| m.period.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }

    #[test]
    fn empty_and_huge_inputs_are_typed_errors() {
        let e = Engine::new();
        assert!(matches!(
            e.check_offer("  ", &CheckOptions::default()),
            Err(Error::InvalidInput(_))
        ));
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        assert!(matches!(
            e.check_offer(&big, &CheckOptions::default()),
            Err(Error::InputTooLarge { .. })
        ));
    }
}
