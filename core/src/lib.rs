//! # vigie-core
//!
//! The on-device engine of Vigie: it checks job offers and recruiters' messages for the red
//! flags of recruitment fraud and human trafficking, and says, in the reader's language, what
//! was found, in which exact words, and what to do. Everything runs locally: the crate does no
//! I/O, no network and no logging; apps hand it text and pack bytes.
//!
//! ```
//! use vigie_core::{CheckOptions, Engine, Risk};
//!
//! let engine = Engine::new(); // the embedded default pack
//! let report = engine
//!     .check_offer(
//!         "Urgent! Customer service job in Sihanoukville, high salary, no experience. \
//!          Pay a registration fee of $300 and send your passport on Telegram @hr_lee.",
//!         &CheckOptions { lang: Some("fr".into()) },
//!     )
//!     .unwrap();
//! assert!(report.risk >= Risk::Medium);
//! for f in &report.findings {
//!     println!("{} ({}): {}", f.title, f.rule_id, f.evidence[0].text);
//! }
//! ```
//!
//! Rules, lexicons, translations and lists live in a versioned pack ([`pack`]); a newer pack
//! gives a new [`Engine`] through [`Engine::from_pack`], and a bad one is refused with a typed
//! [`Error`] while the current engine keeps working.

#![deny(missing_docs)]

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod device;
pub mod domains;
mod engine;
mod error;
pub mod extract;
pub mod i18n;
pub mod pack;
mod report;
pub mod rules;
pub mod text;

pub use device::indicators::Attribution;
pub use device::report::{AuditReport, DeviceFinding};
pub use device::snapshot::{AppInfo, Checklist, ConfigProfile, DeviceSnapshot, Platform};
pub use device::{MAX_APPS, MAX_SNAPSHOT_BYTES};
pub use domains::{InputKind, SignalKind, Technique, UrlReport, UrlSignal};
pub use engine::{Engine, MAX_TEXT_BYTES};
pub use error::{Error, Result};
pub use pack::PackInfo;
pub use report::{
    CheckOptions, Entity, EntityKind, Evidence, Finding, Message, OfferReport, Risk, Severity,
};
