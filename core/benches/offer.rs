//! Offer-check speed: a 2 KB offer with the full default pack (goal ≤ 50 µs median), engine cold
//! start from the embedded pack (goal ≤ 20 ms), and 256 KB vs 1 MB of text (time must grow
//! linearly: criterion reports throughput in bytes per second for both).

#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use vigie_core::{CheckOptions, Engine};

const OFFER: &str = "URGENT HIRING 🔥 Customer Service Representative (English / Chinese speakers) for our \
office in Bangkok, Thailand. Salary $1,500 per month plus commission, free food and accommodation, \
no experience needed, we provide full training. Flight ticket and visa are paid by the company and \
deducted from your first salary. After training you will transfer to our branch near Myawaddy. \
Requirements: age 18-35, basic typing, can work night shifts. Please send a copy of your passport and \
a full body photo to our HR manager on Telegram @hr_jenny_thai or WhatsApp +66 81 234 5678. \
Interview by chat only. Registration fee 200 USD, refundable after 3 months. Limited places, leave \
this week! Do not tell your family until you arrive, they will worry. ";

fn two_kb() -> String {
    let mut s = String::new();
    while s.len() < 2048 {
        s.push_str(OFFER);
    }
    let mut end = 2048;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn benches(c: &mut Criterion) {
    let engine = Engine::new();
    let options = CheckOptions::default();
    let offer = two_kb();
    c.bench_function("check_offer 2KB", |b| {
        b.iter(|| engine.check_offer(black_box(&offer), &options).unwrap())
    });
    c.bench_function("engine cold start (embedded pack)", |b| {
        b.iter(|| black_box(Engine::new()))
    });
    // What a user waits for at the first check of a Latin-script offer: the Latin automaton is
    // built then, the others only when their script appears.
    c.bench_function("cold start + first 2KB check", |b| {
        b.iter(|| {
            let e = Engine::new();
            black_box(e.check_offer(&offer, &options).unwrap())
        })
    });
    c.bench_function("cold start + warm_up (every script)", |b| {
        b.iter(|| {
            let e = Engine::new();
            e.warm_up();
            black_box(e)
        })
    });

    let mut group = c.benchmark_group("check_offer large");
    group.sample_size(10);
    for size in [256 << 10, 1 << 20] {
        let text: String = OFFER
            .repeat(size / OFFER.len() + 1)
            .chars()
            .take_while({
                let mut n = 0;
                move |ch| {
                    n += ch.len_utf8();
                    n <= size
                }
            })
            .collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| {
            b.iter(|| engine.check_offer(black_box(t), &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(offer, benches);
criterion_main!(offer);
