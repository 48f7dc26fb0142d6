//! What a link, host or e-mail check returns: plain data, serializable to JSON and exported
//! to Kotlin and Swift with the `uniffi` feature.

use super::host::InputKind;
use super::lookalike::Technique;
use crate::report::{Risk, Severity};
use serde::Serialize;

/// What kind of sign a link check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SignalKind {
    /// The host imitates a protected brand (see `brand_domain` and `technique`).
    Lookalike,
    /// The host or a parent domain is on a list of known phishing or fake-recruiter hosts.
    Blocklist,
    /// A URL shortener: the real destination is hidden.
    Shortener,
    /// A free webmail provider (informational: it does not raise the risk by itself).
    FreeMail,
    /// A disposable (throw-away) mail provider.
    DisposableMail,
    /// A top-level domain much used for phishing (weak sign).
    AbusedTld,
    /// The host is a bare IP address.
    IpHost,
    /// The host is an internationalized name written in punycode (informational).
    Punycode,
    /// A label mixes scripts (Latin with Cyrillic or Greek letters, say).
    MixedScript,
    /// The link puts a misleading name before `@` (`https://paypal.com@evil.example`).
    UserInfo,
    /// A messenger link (t.me, wa.me, line.me): informational.
    Messenger,
}

impl SignalKind {
    /// Whether this kind of signal raises the risk (informational kinds do not).
    pub fn counts(self) -> bool {
        !matches!(
            self,
            SignalKind::FreeMail | SignalKind::Punycode | SignalKind::Messenger
        )
    }
}

/// One sign found about a link, host or address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UrlSignal {
    /// What was found.
    pub kind: SignalKind,
    /// How strong it is.
    pub severity: Severity,
    /// A short English description for logs and developers (apps show localized findings).
    pub detail: String,
    /// For a lookalike: the brand imitated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// For a lookalike: the brand's official domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_domain: Option<String>,
    /// For a lookalike: how it imitates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<Technique>,
    /// For a list match: the list entry matched (the host or a parent domain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

impl UrlSignal {
    pub(crate) fn new(kind: SignalKind, severity: Severity, detail: impl Into<String>) -> Self {
        UrlSignal {
            kind,
            severity,
            detail: detail.into(),
            brand: None,
            brand_domain: None,
            technique: None,
            matched: None,
        }
    }
}

/// The result of checking one link, bare host or e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UrlReport {
    /// The input as given.
    pub input: String,
    /// What the input was.
    pub kind: InputKind,
    /// Overall risk: the strongest sign that counts.
    pub risk: Risk,
    /// The host, lower-case ASCII (punycode for international names).
    pub host: String,
    /// The host with international labels in Unicode.
    pub host_unicode: String,
    /// The registrable domain (`example.co.uk`, `someone.github.io`); absent for IP addresses
    /// and bare public suffixes.
    pub registrable_domain: Option<String>,
    /// The public suffix (`co.uk`, `github.io`).
    pub public_suffix: Option<String>,
    /// Whether the suffix belongs to a hosting service where anyone can register a name.
    pub private_suffix: bool,
    /// The brand that owns this host, when it is one of a protected brand's official domains.
    pub official_brand: Option<String>,
    /// The signs found, strongest first.
    pub signals: Vec<UrlSignal>,
}
