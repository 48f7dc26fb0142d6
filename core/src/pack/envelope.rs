//! The pack envelope: a fixed binary header, a JSON header and the checksummed content.
//!
//! Layout (all integers little-endian):
//! `b"VIGIEPAK"` · format version `u16` · header length `u32` · header (JSON) · content (JSON).
//! The header records the content length and its SHA-256, so a truncated, padded or altered
//! pack is refused before its content is parsed.
//!
//! This file is also compiled by `build.rs` (through `#[path]`), so it depends only on `std`,
//! `serde_json` and `sha2`.

use sha2::{Digest, Sha256};

/// The eight bytes every pack starts with.
pub const MAGIC: &[u8; 8] = b"VIGIEPAK";
/// The envelope format this engine reads and writes.
pub const FORMAT_VERSION: u16 = 1;
/// Bytes before the JSON header: magic, format version and header length.
pub const PREFIX_LEN: usize = 8 + 2 + 4;

/// Why an envelope could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Fewer bytes than the fixed prefix or than the lengths it announces.
    Truncated,
    /// The bytes do not start with [`MAGIC`].
    BadMagic,
    /// A format version this engine does not read.
    UnsupportedFormat(u16),
    /// The JSON header does not parse or lacks a field.
    BadHeader(String),
    /// Bytes after the announced content.
    TrailingBytes,
    /// The content does not hash to the header's checksum.
    ChecksumMismatch,
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Wraps `content` in an envelope whose header holds `fields` plus the content length and hash.
pub fn seal(fields: &serde_json::Map<String, serde_json::Value>, content: &[u8]) -> Vec<u8> {
    let mut header = fields.clone();
    header.insert(
        "content_len".into(),
        serde_json::Value::from(content.len() as u64),
    );
    header.insert(
        "content_sha256".into(),
        serde_json::Value::from(sha256_hex(content)),
    );
    let header =
        serde_json::to_vec(&serde_json::Value::Object(header)).expect("a JSON map serializes");
    let mut out = Vec::with_capacity(PREFIX_LEN + header.len() + content.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(content);
    out
}

/// Checks the envelope and returns its JSON header and its verified content bytes.
pub fn open(
    bytes: &[u8],
) -> Result<(serde_json::Map<String, serde_json::Value>, &[u8]), EnvelopeError> {
    if bytes.len() < PREFIX_LEN {
        // A prefix of the magic (or nothing at all) is a cut pack; anything else is not a pack.
        return Err(if MAGIC.starts_with(&bytes[..bytes.len().min(8)]) {
            EnvelopeError::Truncated
        } else {
            EnvelopeError::BadMagic
        });
    }
    if &bytes[..8] != MAGIC {
        return Err(EnvelopeError::BadMagic);
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version != FORMAT_VERSION {
        return Err(EnvelopeError::UnsupportedFormat(version));
    }
    let header_len = u32::from_le_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]) as usize;
    let rest = &bytes[PREFIX_LEN..];
    if rest.len() < header_len {
        return Err(EnvelopeError::Truncated);
    }
    let header: serde_json::Value = serde_json::from_slice(&rest[..header_len])
        .map_err(|e| EnvelopeError::BadHeader(e.to_string()))?;
    let serde_json::Value::Object(header) = header else {
        return Err(EnvelopeError::BadHeader(
            "the header is not a JSON object".into(),
        ));
    };
    let content_len = header
        .get("content_len")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| EnvelopeError::BadHeader("content_len is missing".into()))?
        as usize;
    let expected = header
        .get("content_sha256")
        .and_then(|v| v.as_str())
        .ok_or_else(|| EnvelopeError::BadHeader("content_sha256 is missing".into()))?
        .to_ascii_lowercase();
    let content = &rest[header_len..];
    if content.len() < content_len {
        return Err(EnvelopeError::Truncated);
    }
    if content.len() > content_len {
        return Err(EnvelopeError::TrailingBytes);
    }
    if sha256_hex(content) != expected {
        return Err(EnvelopeError::ChecksumMismatch);
    }
    Ok((header, content))
}
