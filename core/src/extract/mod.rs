//! Entity extraction: links, messenger links and handles, e-mails, phone numbers, crypto
//! addresses and amounts of money, found in the original text with their byte offsets.

mod money;
mod phone;

use crate::report::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

pub use money::Money;
pub use phone::calling_code_country;

/// An entity before offsets are converted and it is placed in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    /// What it is.
    pub kind: EntityKind,
    /// Byte range in the original text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Normalized value.
    pub value: String,
    /// Messenger platform.
    pub platform: Option<String>,
    /// Phone country.
    pub country: Option<String>,
    /// Money details.
    pub money: Option<Money>,
}

impl Raw {
    fn new(kind: EntityKind, start: usize, end: usize, value: String) -> Raw {
        Raw {
            kind,
            start,
            end,
            value,
            platform: None,
            country: None,
            money: None,
        }
    }
}

struct Patterns {
    url: Regex,
    bare: Regex,
    email: Regex,
    handle: Regex,
    crypto: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // Defanged `hxxp` and `[.]` forms are common in warnings people forward.
        url: Regex::new(r"(?i)(?-u:\b)(?:(?:https?|hxxps?)://|www\.)[^\s<>()\[\]{}'`“”‘’「」（）【】,，。、]+").expect("url regex"),
        bare: Regex::new(r"(?i)(?-u:\b)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|info|biz|top|xyz|io|co|me|app|site|online|shop|store|vip|club|live|link|work|jobs|asia|icu|cc|tk|ml|ga|cf|gq|pw|ws|in|kh|mm|la|th|vn|ph|id|my|sg|ae|sa|qa|ke|ng|tz|et|ru|ua|fr|es|pt|br|mx|ar|cl|pe|de|uk|it|nl|cn|hk|tw|jp|kr|us|ca|au)(?-u:\b)(?:/[^\s<>()'`“”，。]*)?").expect("bare regex"),
        email: Regex::new(r"(?i)(?-u:\b)[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}(?-u:\b)").expect("email regex"),
        handle: Regex::new(r"(?:^|[\s(（,:：;/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])?)").expect("handle regex"),
        crypto: Regex::new(r"(?-u:\b)(?:0x[a-fA-F0-9]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})(?-u:\b)").expect("crypto regex"),
    })
}

/// Known messenger hosts and the platform they belong to.
const MESSENGER_HOSTS: &[(&str, &str)] = &[
    ("t.me", "telegram"),
    ("telegram.me", "telegram"),
    ("telegram.dog", "telegram"),
    ("wa.me", "whatsapp"),
    ("api.whatsapp.com", "whatsapp"),
    ("chat.whatsapp.com", "whatsapp"),
    ("whatsapp.com", "whatsapp"),
    ("line.me", "line"),
    ("lin.ee", "line"),
    ("u.wechat.com", "wechat"),
    ("weixin.qq.com", "wechat"),
    ("zalo.me", "zalo"),
    ("m.me", "messenger"),
    ("signal.me", "signal"),
    ("viber.click", "viber"),
    ("invite.viber.com", "viber"),
    ("discord.gg", "discord"),
    ("open.kakao.com", "kakaotalk"),
];

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    host.split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase()
        .replace("[.]", ".")
}

/// The messenger platform of a URL's host, if it is one.
pub fn messenger_platform(url: &str) -> Option<&'static str> {
    let host = host_of(url);
    let host = host.strip_prefix("www.").unwrap_or(&host);
    MESSENGER_HOSTS
        .iter()
        .find(|(h, _)| *h == host)
        .map(|(_, p)| *p)
}

const HANDLE_PLATFORMS: &[(&str, &str)] = &[
    ("telegram", "telegram"),
    ("tg", "telegram"),
    ("телеграм", "telegram"),
    ("飞机", "telegram"),
    ("纸飞机", "telegram"),
    ("whatsapp", "whatsapp"),
    ("line", "line"),
    ("instagram", "instagram"),
    ("insta", "instagram"),
    ("ig", "instagram"),
    ("tiktok", "tiktok"),
    ("signal", "signal"),
    ("skype", "skype"),
    ("wechat", "wechat"),
    ("微信", "wechat"),
];

/// Guesses a handle's platform from the words just before it.
fn handle_platform(text: &str, at: usize) -> Option<String> {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..at].to_lowercase();
    HANDLE_PLATFORMS
        .iter()
        .filter_map(|(w, p)| before.rfind(w).map(|i| (i, *p)))
        .max_by_key(|(i, _)| *i)
        .map(|(_, p)| p.to_string())
}

fn overlaps(taken: &[(usize, usize)], s: usize, e: usize) -> bool {
    taken.iter().any(|&(a, b)| s < b && a < e)
}

fn trim_url_end(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\''])
}

/// Finds every entity in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Raw> {
    let p = patterns();
    let mut out: Vec<Raw> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();

    for m in p.email.find_iter(text) {
        out.push(Raw::new(
            EntityKind::Email,
            m.start(),
            m.end(),
            m.as_str().to_ascii_lowercase(),
        ));
        taken.push((m.start(), m.end()));
    }
    for re in [&p.url, &p.bare] {
        for m in re.find_iter(text) {
            let s = trim_url_end(m.as_str());
            let (start, end) = (m.start(), m.start() + s.len());
            if s.is_empty() || overlaps(&taken, start, end) {
                continue;
            }
            let value = s.replace("hxxp", "http").replace("[.]", ".");
            let mut raw = Raw::new(EntityKind::Url, start, end, value);
            if let Some(platform) = messenger_platform(s) {
                raw.kind = EntityKind::Messenger;
                raw.platform = Some(platform.into());
            }
            out.push(raw);
            taken.push((start, end));
        }
    }
    for c in p.handle.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let name = c.get(1).expect("handle group");
        let start = name.start() - 1;
        if overlaps(&taken, start, name.end()) {
            continue;
        }
        let mut raw = Raw::new(
            EntityKind::Handle,
            start,
            name.end(),
            format!("@{}", name.as_str()),
        );
        raw.platform = handle_platform(text, m.start());
        out.push(raw);
        taken.push((start, name.end()));
    }
    for m in p.crypto.find_iter(text) {
        let s = m.as_str();
        if overlaps(&taken, m.start(), m.end()) {
            continue;
        }
        // Base58 look-alikes must mix digits and letters to be taken for an address.
        let mixed =
            s.chars().any(|c| c.is_ascii_digit()) && s.chars().any(|c| c.is_ascii_alphabetic());
        if !mixed {
            continue;
        }
        let network = if s.starts_with("0x") {
            "ETH"
        } else if s.starts_with('T') {
            "TRX"
        } else {
            "BTC"
        };
        let mut raw = Raw::new(EntityKind::CryptoAddress, m.start(), m.end(), s.to_string());
        raw.money = Some(Money {
            amount: None,
            currency: Some(network.into()),
            period: None,
        });
        out.push(raw);
        taken.push((m.start(), m.end()));
    }
    for raw in phone::find(text) {
        if !overlaps(&taken, raw.start, raw.end) {
            taken.push((raw.start, raw.end));
            out.push(raw);
        }
    }
    for raw in money::find(text) {
        if !overlaps(&taken, raw.start, raw.end) {
            taken.push((raw.start, raw.end));
            out.push(raw);
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(EntityKind, String)> {
        extract(t).into_iter().map(|r| (r.kind, r.value)).collect()
    }

    #[test]
    fn links_handles_mails() {
        let k = kinds("Write to hr.jobs@gmail.com or t.me/hr_anna, Telegram @hr_thomas88, site https://amaz0n-careers.top/apply.");
        assert_eq!(
            k,
            vec![
                (EntityKind::Email, "hr.jobs@gmail.com".into()),
                (EntityKind::Messenger, "t.me/hr_anna".into()),
                (EntityKind::Handle, "@hr_thomas88".into()),
                (EntityKind::Url, "https://amaz0n-careers.top/apply".into()),
            ]
        );
        let r = extract("Telegram @hr_thomas88");
        assert_eq!(r[0].platform.as_deref(), Some("telegram"));
    }

    #[test]
    fn crypto_addresses() {
        let k = kinds("send to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE now");
        assert_eq!(
            k,
            vec![(
                EntityKind::CryptoAddress,
                "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE".into()
            )]
        );
    }
}
