//! Behaviour of the offer check that apps rely on, shown on small real-looking texts:
//! negation, obfuscation, code-switching, conversations adding up, localization, offsets.

use vigie_core::{CheckOptions, Engine, Message, Risk};

fn rules(e: &Engine, text: &str) -> Vec<String> {
    e.check_offer(text, &CheckOptions::default())
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.rule_id)
        .collect()
}

#[test]
fn a_fee_is_flagged_unless_it_is_denied() {
    let e = Engine::new();
    assert!(rules(
        &e,
        "To confirm your place you must pay a registration fee of $150."
    )
    .contains(&"offer.fee.upfront".to_string()));
    assert!(
        !rules(&e, "We never charge candidates any registration fee.")
            .contains(&"offer.fee.upfront".to_string())
    );
    assert!(!rules(
        &e,
        "Nous ne demandons aucun frais d'inscription aux candidats."
    )
    .contains(&"offer.fee.upfront".to_string()));
}

#[test]
fn obfuscated_messenger_names_are_read() {
    let e = Engine::new();
    for text in [
        "Contact HR on teIegram for the interview",
        "contact HR on t e l e g r a m for the interview",
        "contact HR on whats@pp for the interview",
    ] {
        let r = e.check_offer(text, &CheckOptions::default()).unwrap();
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == "off_platform_contact"),
            "{text}: {:?}",
            r.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn code_switched_text_matches_both_languages() {
    let e = Engine::new();
    let r = e
        .check_offer(
            "高薪 customer service 西港, 包吃包住, passport 公司保管, add Telegram @hr_cs88",
            &CheckOptions::default(),
        )
        .unwrap();
    assert_eq!(
        r.risk,
        Risk::High,
        "{:?}",
        r.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>()
    );
    let r = e
        .check_offer(
            "May placement fee po na 50k, bayad muna bago umalis papuntang Dubai",
            &CheckOptions::default(),
        )
        .unwrap();
    assert!(
        r.risk >= Risk::Medium,
        "{:?}",
        r.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>()
    );
}

#[test]
fn signs_spread_over_a_conversation_add_up() {
    let e = Engine::new();
    let msgs = [
        (
            "recruiter",
            "Hi dear, thanks for applying. Let's continue on Telegram, add me @hr_sophie",
        ),
        ("me", "ok"),
        (
            "recruiter",
            "Please send a clear photo of your passport for the visa",
        ),
        ("me", "why?"),
        (
            "recruiter",
            "There is a visa processing fee of 250 USD, you pay before the flight",
        ),
    ];
    let messages: Vec<Message> = msgs
        .iter()
        .map(|(s, t)| Message {
            sender: s.to_string(),
            text: t.to_string(),
        })
        .collect();
    let whole = e
        .check_conversation(&messages, &CheckOptions::default())
        .unwrap();
    let best_single = messages
        .iter()
        .map(|m| {
            e.check_offer(&m.text, &CheckOptions::default())
                .unwrap()
                .score
        })
        .max()
        .unwrap();
    assert!(
        whole.score > best_single,
        "{} <= {best_single}",
        whole.score
    );
    assert_eq!(whole.risk, Risk::High);
    for f in &whole.findings {
        for ev in &f.evidence {
            let i = ev.message_index.unwrap() as usize;
            assert_eq!(
                &messages[i].text[ev.start as usize..ev.end as usize],
                ev.text
            );
        }
    }
}

#[test]
fn explanations_follow_the_lang_option_with_english_fallback() {
    let e = Engine::new();
    let text = "Pay the registration fee of $200 to get the job.";
    let en = e
        .check_offer(
            text,
            &CheckOptions {
                lang: Some("en".into()),
            },
        )
        .unwrap();
    let fr = e
        .check_offer(
            text,
            &CheckOptions {
                lang: Some("fr-FR".into()),
            },
        )
        .unwrap();
    let de = e
        .check_offer(
            text,
            &CheckOptions {
                lang: Some("de".into()),
            },
        )
        .unwrap();
    assert_eq!(fr.output_language, "fr");
    assert_eq!(de.output_language, "en");
    assert_ne!(en.findings[0].title, fr.findings[0].title);
    assert_eq!(en.findings[0].title, de.findings[0].title);
    assert_eq!(en.findings[0].rule_id, fr.findings[0].rule_id);
}

#[test]
fn evidence_offsets_slice_the_original_in_utf8_and_utf16() {
    let e = Engine::new();
    let text = "😀😀 𝐔𝐑𝐆𝐄𝐍𝐓 招聘！ Ｐａｙ the REGISTRATION FEE before departure, we keep your passport on arrival.";
    let r = e.check_offer(text, &CheckOptions::default()).unwrap();
    assert!(!r.findings.is_empty());
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for f in &r.findings {
        for ev in &f.evidence {
            assert_eq!(&text[ev.start as usize..ev.end as usize], ev.text);
            assert_eq!(
                String::from_utf16(&utf16[ev.start_utf16 as usize..ev.end_utf16 as usize]).unwrap(),
                ev.text
            );
        }
    }
}

#[test]
fn news_about_scam_centres_is_not_rated_high() {
    let e = Engine::new();
    let text = "Police rescued 40 victims of human trafficking from a scam compound in Myawaddy. \
                The victims said recruiters on Telegram had promised customer service jobs with high salaries, \
                then took their passports. Authorities warn jobseekers and urge them to report such offers to the hotline.";
    let r = e.check_offer(text, &CheckOptions::default()).unwrap();
    assert!(
        r.risk < Risk::High,
        "score {} {:?}",
        r.score,
        r.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>()
    );
    assert!(r.contexts.contains(&"context.awareness".to_string()));
}

#[test]
fn the_engine_is_shared_across_threads() {
    let e = std::sync::Arc::new(Engine::new());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let e = e.clone();
            std::thread::spawn(move || {
                e.check_offer(
                    &format!("Pay the registration fee of ${i}00 now"),
                    &CheckOptions::default(),
                )
                .unwrap()
                .risk
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() >= Risk::Medium);
    }
}
