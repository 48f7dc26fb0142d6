//! The reports the engine returns: plain data, serializable to JSON and, with the `uniffi`
//! feature, exported as Kotlin and Swift records.

use serde::Serialize;

/// Overall risk of an offer, link or device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Risk {
    /// No known warning sign.
    None,
    /// A weak sign: worth a second look.
    Low,
    /// Several signs or one strong one: check before going further.
    Medium,
    /// Typical of fraud or trafficking: do not go on without help.
    High,
}

impl Risk {
    /// The lower-case name used in JSON and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::None => "none",
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }

    /// The risk of a 0–100 score.
    pub fn from_score(score: u32) -> Risk {
        match score {
            60.. => Risk::High,
            35.. => Risk::Medium,
            10.. => Risk::Low,
            _ => Risk::None,
        }
    }
}

/// How strong one finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    /// Weak on its own.
    Low,
    /// A real warning sign.
    Medium,
    /// A strong warning sign.
    High,
}

impl Severity {
    /// Parses `low`, `medium` or `high`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

/// A piece of the original text, with offsets usable from Rust, Kotlin and Swift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Evidence {
    /// The exact words, as written.
    pub text: String,
    /// Start, in UTF-8 bytes.
    pub start: u32,
    /// End (exclusive), in UTF-8 bytes.
    pub end: u32,
    /// Start, in UTF-16 code units (Kotlin `String`, Swift `NSString`).
    pub start_utf16: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end_utf16: u32,
    /// For a conversation: which message the offsets are in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_index: Option<u32>,
}

/// One red flag found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    /// Stable id apps can map (`offer.fee.upfront`).
    pub rule_id: String,
    /// Indicator category (`recruitment_fee`, `debt_bondage`, ...).
    pub category: String,
    /// How strong the sign is.
    pub severity: Severity,
    /// Short localized title.
    pub title: String,
    /// Localized explanation of why it matters.
    pub explanation: String,
    /// Localized safe next step.
    pub advice: String,
    /// The ILO indicator or fair-recruitment principle it relates to.
    pub indicator: String,
    /// Where the pattern is documented.
    pub source: String,
    /// The words that raised it.
    pub evidence: Vec<Evidence>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EntityKind {
    /// A web link or bare domain.
    Url,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A messenger link (t.me, wa.me, line.me, ...).
    Messenger,
    /// An `@handle`.
    Handle,
    /// A cryptocurrency address.
    CryptoAddress,
    /// An amount of money.
    Money,
}

/// Something extracted from the text: a contact, a link, an amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Where it is, and the exact text.
    pub span: Evidence,
    /// A normalized value: the URL, lower-case e-mail, `+digits` phone, handle, address.
    pub value: String,
    /// Messenger platform (`telegram`, `whatsapp`, `line`, `wechat`, ...), for links and handles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Country (ISO 3166 alpha-2) of a phone number, when its calling code tells.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Amount of money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// ISO 4217 code (or `USDT`, `BTC`) of the amount, or the crypto network of an address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `hour`, `day`, `week`, `month` or `year` when the amount is a rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// The result of checking an offer or a conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OfferReport {
    /// Overall risk.
    pub risk: Risk,
    /// 0–100.
    pub score: u32,
    /// Detected language (ISO 639-1), `und` if undetermined.
    pub language: String,
    /// Language the texts are written in.
    pub output_language: String,
    /// Localized risk label.
    pub risk_label: String,
    /// Localized one-line summary.
    pub summary: String,
    /// Red flags, strongest first.
    pub findings: Vec<Finding>,
    /// Links, contacts, addresses and amounts found.
    pub entities: Vec<Entity>,
    /// Localized general safe steps.
    pub advice: Vec<String>,
    /// Contexts that lowered the score (e.g. `context.awareness` for a news article or NGO
    /// warning that describes these scams).
    pub contexts: Vec<String>,
    /// Id of the pack that judged.
    pub pack_id: String,
    /// Version of the pack that judged.
    pub pack_version: String,
}

/// Options of a check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckOptions {
    /// Language of explanations (`fr`, `pt-BR`...); the detected language when absent, English
    /// when untranslated.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub lang: Option<String>,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Message {
    /// Who wrote it (`recruiter`, a name...). Messages from `me` (also `self`, `user`,
    /// `jobseeker`, `candidate` and their usual translations) are the person's own: they are
    /// kept for offsets but not judged, so asking "is there a fee?" raises nothing.
    pub sender: String,
    /// What they wrote.
    pub text: String,
}
