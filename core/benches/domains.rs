//! Domain-check speed and memory.
//!
//! - Host lookup in a list of 1,000,000 generated domains: the compact [`HostSet`] against a
//!   plain `HashSet<String>` in the same run (goal ≤ 100 ns per lookup, ≤ 12 bytes per domain);
//!   the memory of both is printed before the timings.
//! - Lookalike check of one host against the full protected-brand list (goal ≤ 5 µs), alone
//!   and as the whole `check_url` (parsing, Public Suffix List, lists, brands).
//! - Cold start of the domain section (PSL parsing, brand indexing, lists).

#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::HashSet;
use std::hint::black_box;
use vigie_core::domains::hostset::HostSet;
use vigie_core::domains::lookalike::HostParts;
use vigie_core::domains::DomainIntel;
use vigie_core::pack::{Pack, DEFAULT_PACK};
use vigie_core::Engine;

const N: usize = 1_000_000;
const WORDS: &[&str] = &[
    "secure", "login", "account", "verify", "update", "wallet", "bank", "job", "career", "shop",
    "mail", "support", "online", "global", "service", "pay", "crypto", "apply", "hr", "team",
];
const TLDS: &[&str] = &[
    "com",
    "net",
    "org",
    "top",
    "xyz",
    "info",
    "co.uk",
    "com.br",
    "github.io",
    "ru",
];

/// Deterministic pseudo-random domains of realistic length (about 20 characters).
fn domain(i: usize) -> String {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD6E8_FEB8_6659_FD93;
    x ^= x >> 29;
    let a = WORDS[(x % 20) as usize];
    let b = WORDS[((x >> 8) % 20) as usize];
    let t = TLDS[((x >> 16) % 10) as usize];
    format!("{a}-{b}{}.{t}", x % 1_000_003)
}

fn hashset_bytes(s: &HashSet<String>) -> usize {
    // Buckets (String header + one control byte each) plus the strings' own buffers.
    s.capacity() * (std::mem::size_of::<String>() + 1)
        + s.iter().map(String::capacity).sum::<usize>()
}

fn host_lookup(c: &mut Criterion) {
    let domains: Vec<String> = (0..N).map(domain).collect();
    let compact = HostSet::new(&domains);
    let plain: HashSet<String> = domains.iter().cloned().collect();
    let compact_bpd = compact.heap_bytes() as f64 / compact.len() as f64;
    let plain_bpd = hashset_bytes(&plain) as f64 / plain.len() as f64;
    eprintln!(
        "memory for {} domains: HostSet {:.1} bytes/domain ({:.1} MB), HashSet<String> {:.1} bytes/domain ({:.1} MB)",
        compact.len(),
        compact_bpd,
        compact.heap_bytes() as f64 / 1e6,
        plain_bpd,
        hashset_bytes(&plain) as f64 / 1e6
    );
    // Half hits, half misses, spread over the whole set so caches do not flatter either.
    let queries: Vec<String> = (0..4096)
        .map(|i| {
            if i % 2 == 0 {
                domain(i * 241)
            } else {
                format!("absent{}", domain(i))
            }
        })
        .collect();
    let mut g = c.benchmark_group("host_lookup_1M");
    g.bench_function("HostSet", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(compact.contains(black_box(&queries[i])))
        })
    });
    g.bench_function("HashSet<String>", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(plain.contains(black_box(&queries[i])))
        })
    });
    g.finish();
}

const HOSTS: &[&str] = &[
    "amaz0n-careers.top",
    "linkedln-hr.com",
    "xn--ndeed-m2e.com",
    "jobs.apple.com",
    "careers.example-company.com",
    "paypal.com.secure-login.xyz",
    "recruitment-deloitte.net",
    "my-small-bakery.fr",
    "wellsfargo-verify.online",
    "news.ycombinator.com",
    "deliveroo-riders.co.uk",
    "shopee-jobs.ph",
];

fn lookalike(c: &mut Criterion) {
    let engine = Engine::new();
    let brands = engine.domains().brands();
    eprintln!("{} brands", brands.len());
    let parts: Vec<HostParts<'static>> = HOSTS
        .iter()
        .map(|h| {
            let labels: Vec<&str> = h.split('.').collect();
            let n = labels.len();
            HostParts {
                ascii: h,
                reg_index: Some(n - 2),
                tld: labels[n - 1],
                labels,
                private: false,
                abused_tld: false,
            }
        })
        .collect();
    c.bench_function("lookalike_check_per_host", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % parts.len();
            black_box(brands.check(black_box(&parts[i])))
        })
    });
    c.bench_function("check_url_per_host", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % HOSTS.len();
            black_box(engine.check_url(black_box(HOSTS[i])).ok())
        })
    });
}

fn cold_start(c: &mut Criterion) {
    let pack = Pack::parse(DEFAULT_PACK).unwrap();
    let section = pack.sections.get("domains").cloned();
    c.bench_function("domains_section_build", |b| {
        b.iter(|| black_box(DomainIntel::new(section.as_ref()).unwrap()))
    });
    c.bench_function("domains_section_build_without_psl", |b| {
        let mut s = section.clone().unwrap();
        s.as_object_mut().unwrap().remove("public_suffix_list");
        b.iter(|| black_box(DomainIntel::new(Some(&s)).unwrap()))
    });
    c.bench_function("engine_from_pack", |b| {
        b.iter(|| black_box(Engine::from_pack(DEFAULT_PACK).unwrap()))
    });
    // The same pack without the domain section: the engine's cold start before this module.
    let (header, content) = vigie_core::pack::envelope::open(DEFAULT_PACK).unwrap();
    let mut content: serde_json::Value = serde_json::from_slice(content).unwrap();
    content.as_object_mut().unwrap().remove("domains");
    let without = vigie_core::pack::envelope::seal(&header, &serde_json::to_vec(&content).unwrap());
    eprintln!(
        "default pack {} bytes, {} bytes without the domain section",
        DEFAULT_PACK.len(),
        without.len()
    );
    c.bench_function("engine_from_pack_without_domains", |b| {
        b.iter(|| black_box(Engine::from_pack(&without).unwrap()))
    });
}

criterion_group! {
    name = domains;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = host_lookup, lookalike, cold_start
}
criterion_main!(domains);
