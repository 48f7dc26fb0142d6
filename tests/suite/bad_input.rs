//! Bad input never panics or hangs: it gets a report or a typed error.

use vigie_core::{CheckOptions, Engine, Error, Message, Risk, MAX_TEXT_BYTES};

#[test]
fn empty_text_is_a_typed_error() {
    let e = Engine::new();
    assert!(matches!(
        e.check_offer("", &CheckOptions::default()),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        e.check_conversation(&[], &CheckOptions::default()),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn ten_megabytes_is_refused_with_a_typed_error() {
    let e = Engine::new();
    let text = "Salaire élevé, frais d'inscription. ".repeat(10 * 1024 * 1024 / 36 + 1);
    assert!(text.len() > 10 << 20);
    match e.check_offer(&text, &CheckOptions::default()) {
        Err(Error::InputTooLarge { len, max }) => {
            assert_eq!(len as usize, text.len());
            assert_eq!(max as usize, MAX_TEXT_BYTES);
        }
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
}

#[test]
fn one_megabyte_is_checked() {
    let e = Engine::new();
    let unit = "Recrutement urgent 🚀 service client à Sihanoukville, payez les frais d'inscription. 高薪客服 ";
    let text = unit.repeat((1 << 20) / unit.len());
    let r = e.check_offer(&text, &CheckOptions::default()).unwrap();
    assert!(r.risk >= Risk::Medium);
    for f in &r.findings {
        for ev in &f.evidence {
            assert_eq!(&text[ev.start as usize..ev.end as usize], ev.text);
        }
    }
}

#[test]
fn odd_text_does_not_panic() {
    let e = Engine::new();
    let samples = [
        "\u{0}\u{1}\u{2}",
        "\u{FEFF}\u{200B}\u{200D}",
        "👩‍💻👩‍💻👩‍💻 🇰🇭🇰🇭",
        "a\u{301}\u{301}\u{301}\u{301}",
        "t e l e g r a m",
        "@",
        "+",
        "$$$$$$",
        "0x0x0x0x",
        &"x".repeat(100_000),
        &"é ".repeat(10_000),
        "\u{10FFFF}\u{E000}",
        "ـــــ",
    ];
    for s in samples {
        let _ = e.check_offer(s, &CheckOptions::default());
        let _ = e.check_conversation(
            &[Message {
                sender: String::new(),
                text: s.to_string(),
            }],
            &CheckOptions::default(),
        );
    }
}

#[test]
fn invalid_packs_are_typed_errors_and_leave_the_engine_working() {
    let engine = Engine::new();
    let good = vigie_core::pack::DEFAULT_PACK;
    let mut garbage = vec![0u8; 4096];
    for (i, b) in garbage.iter_mut().enumerate() {
        *b = (i * 7919 % 251) as u8;
    }
    let mut wrong_version = good.to_vec();
    wrong_version[8] = 2;
    let mut flipped = good.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("garbage", garbage),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("header only", good[..20].to_vec()),
        ("wrong version", wrong_version),
        ("checksum", flipped),
        ("trailing", [good, b"x"].concat()),
    ];
    for (name, bytes) in cases {
        let err = Engine::from_pack(&bytes).expect_err(name);
        assert!(!err.to_string().is_empty(), "{name}");
    }
    assert!(engine
        .check_offer(
            "Pay the registration fee to get the job",
            &CheckOptions::default()
        )
        .is_ok());
}

#[test]
fn a_pack_with_a_broken_rule_is_refused() {
    use vigie_core::pack::envelope;
    let (header, content) = envelope::open(vigie_core::pack::DEFAULT_PACK).unwrap();
    let mut content: serde_json::Value = serde_json::from_slice(content).unwrap();
    content["rules"]["rules"][0]["when"] = serde_json::json!([["no_such_concept"]]);
    let bytes = envelope::seal(&header, &serde_json::to_vec(&content).unwrap());
    assert!(matches!(
        Engine::from_pack(&bytes),
        Err(Error::PackInvalidRule { .. })
    ));
}
