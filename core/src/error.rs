//! The engine's error type: rich enough to say what went wrong, free of user text.

use thiserror::Error;

/// Everything that can go wrong in the core. Messages never include the user's text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The pack bytes are shorter than their header announces.
    #[error("the pack is truncated")]
    PackTruncated,
    /// The bytes are not a Vigie pack.
    #[error("these bytes are not a Vigie pack (bad magic)")]
    PackBadMagic,
    /// The pack uses an envelope format this engine cannot read.
    #[error("pack format version {found} is not supported (this engine reads {supported})")]
    PackUnsupportedFormat {
        /// Version found in the pack.
        found: u16,
        /// Version this engine reads.
        supported: u16,
    },
    /// The pack's content does not match its checksum.
    #[error("the pack's checksum does not match its content")]
    PackChecksum,
    /// The pack needs a newer engine.
    #[error("the pack needs engine {required} or newer (this is {current})")]
    PackNeedsNewerEngine {
        /// Minimum engine version the pack declares.
        required: String,
        /// This engine's version.
        current: String,
    },
    /// The pack's header or content is malformed.
    #[error("the pack is malformed: {0}")]
    PackMalformed(String),
    /// A rule in the pack cannot be compiled.
    #[error("rule `{id}` is invalid: {reason}")]
    PackInvalidRule {
        /// The rule id.
        id: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The input is larger than the engine accepts.
    #[error("the input is too large ({len} bytes; the limit is {max})")]
    InputTooLarge {
        /// Size of the input in bytes.
        len: u64,
        /// The limit in bytes.
        max: u64,
    },
    /// The input is not something the engine can check.
    #[error("invalid input: {0}")]
    InvalidInput(String),
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
