//! Amounts of money with their currency and, when stated, the period they are paid for
//! (`$300/day`, `1 500 € par mois`, `月薪3万`, `USDT 50 per task`).

use super::Raw;
use crate::report::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// An amount of money.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The amount, with `k`, `万`, `lakh`... applied.
    pub amount: Option<f64>,
    /// ISO 4217 code, `USDT` or a crypto network.
    pub currency: Option<String>,
    /// `hour`, `day`, `week`, `month` or `year`.
    pub period: Option<String>,
}

const CURRENCIES: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("usd", "USD"),
    ("$", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("dolares", "USD"),
    ("dólares", "USD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("usdt", "USDT"),
    ("u", "USDT"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("¥", "CNY"),
    ("rmb", "CNY"),
    ("元", "CNY"),
    ("人民币", "CNY"),
    ("₱", "PHP"),
    ("php", "PHP"),
    ("pesos", "PHP"),
    ("₹", "INR"),
    ("rs", "INR"),
    ("inr", "INR"),
    ("rupees", "INR"),
    ("฿", "THB"),
    ("บาท", "THB"),
    ("thb", "THB"),
    ("baht", "THB"),
    ("₫", "VND"),
    ("vnd", "VND"),
    ("đồng", "VND"),
    ("rm", "MYR"),
    ("myr", "MYR"),
    ("ringgit", "MYR"),
    ("rp", "IDR"),
    ("idr", "IDR"),
    ("rupiah", "IDR"),
    ("₦", "NGN"),
    ("ksh", "KES"),
    ("kes", "KES"),
    ("tsh", "TZS"),
    ("birr", "ETB"),
    ("aed", "AED"),
    ("dirhams", "AED"),
    ("dhs", "AED"),
    ("sar", "SAR"),
    ("riyals", "SAR"),
    ("₽", "RUB"),
    ("руб", "RUB"),
    ("рублей", "RUB"),
    ("r$", "BRL"),
    ("reais", "BRL"),
    ("brl", "BRL"),
    ("mxn", "MXN"),
];

const PERIODS: &[(&str, &str)] = &[
    ("hour", "hour"),
    ("hr", "hour"),
    ("heure", "hour"),
    ("hora", "hour"),
    ("jam", "hour"),
    ("day", "day"),
    ("daily", "day"),
    ("jour", "day"),
    ("día", "day"),
    ("dia", "day"),
    ("hari", "day"),
    ("araw", "day"),
    ("siku", "day"),
    ("ngày", "day"),
    ("день", "day"),
    ("วัน", "day"),
    ("日", "day"),
    ("天", "day"),
    ("week", "week"),
    ("semaine", "week"),
    ("semana", "week"),
    ("minggu", "week"),
    ("month", "month"),
    ("mois", "month"),
    ("mes", "month"),
    ("mês", "month"),
    ("bulan", "month"),
    ("buwan", "month"),
    ("mwezi", "month"),
    ("tháng", "month"),
    ("месяц", "month"),
    ("เดือน", "month"),
    ("月", "month"),
    ("year", "year"),
    ("an", "year"),
    ("año", "year"),
    ("ano", "year"),
    ("tahun", "year"),
];

fn pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        let cur = r"us\$|r\$|usdt|usd|eur|euros?|dollars?|d[oó]lares|gbp|rmb|php|pesos|inr|rupees|rs\.?|thb|baht|vnd|đồng|myr|ringgit|rm|idr|rupiah|rp\.?|ksh|kes|tsh|birr|aed|dirhams|dhs|sar|riyals|reais|brl|mxn|руб\w*|美元|美金|人民币|元|บาท|[$€£¥₱₹฿₫₦₽]";
        let num = r"\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?";
        let mult = r"k|K|mil|juta|jt|lakh|lakhs|crore|triệu|tr|万|千|w|тыс\.?";
        let per = r"(?:\s?(?:/|per|a|an|par|por|al|ao|kwa|sa|mỗi|в|每|một|/ ?1)\s?(?P<per1>hour|hr|heure|hora|jam|day|jour|d[ií]a|hari|araw|siku|ngày|день|วัน|日|天|week|semaine|semana|minggu|month|mois|m[eê]s|bulan|buwan|mwezi|tháng|месяц|เดือน|月|year|an|a[nñ]o|tahun))|(?:\s?(?P<per2>daily|a day|per day|monthly|weekly|hourly))";
        regex::RegexBuilder::new(&format!(
            r"(?i)(?P<pre>日薪|日结|月薪|月入|周薪|年薪|时薪)?\s?(?:(?P<c1>{cur})\s?(?P<n1>{num})(?:\s?(?P<m1>{mult}))?|(?P<n2>{num})(?:\s?(?P<m2>{mult}))?\s?(?P<c2>{cur}|u(?-u:\b)))(?:{per})?"
        ))
        .dfa_size_limit(8 << 20)
        .build()
        .expect("money regex")
    })
}

fn parse_number(s: &str) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    // `1.500` and `1,500` are thousands; `1.5` and `1,50` are decimals.
    let parts: Vec<&str> = s.split(['.', ',']).collect();
    if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
        return parts.concat().parse().ok();
    }
    if parts.len() == 2 {
        return format!("{}.{}", parts[0], parts[1]).parse().ok();
    }
    s.parse().ok()
}

fn multiplier(m: &str) -> f64 {
    match m.to_lowercase().trim_end_matches('.') {
        "k" | "千" | "mil" => 1e3,
        "万" | "w" => 1e4,
        "тыс" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "juta" | "jt" | "triệu" | "tr" => 1e6,
        "crore" => 1e7,
        _ => 1.0,
    }
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    let key = key.to_lowercase();
    let key = key.trim_end_matches('.');
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .or_else(|| {
            if key.starts_with("руб") {
                Some("RUB")
            } else {
                None
            }
        })
}

/// Amounts of money in `text`.
pub fn find(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for c in pattern().captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let (n, mult, cur) = match (c.name("n1"), c.name("n2")) {
            (Some(n), _) => (n, c.name("m1"), c.name("c1")),
            (_, Some(n)) => (n, c.name("m2"), c.name("c2")),
            _ => continue,
        };
        let Some(cur) = cur else { continue };
        let currency = lookup(CURRENCIES, cur.as_str());
        let amount =
            parse_number(n.as_str()).map(|a| a * mult.map_or(1.0, |m| multiplier(m.as_str())));
        let pre = c.name("pre").map(|p| p.as_str());
        let period = c
            .name("per1")
            .or(c.name("per2"))
            .and_then(|p| {
                let p = p.as_str().to_lowercase();
                let p = p.trim_start_matches("a ").trim_start_matches("per ");
                lookup(PERIODS, p).or(match p {
                    "monthly" => Some("month"),
                    "weekly" => Some("week"),
                    "hourly" => Some("hour"),
                    _ => None,
                })
            })
            .or(match pre {
                Some("日薪" | "日结") => Some("day"),
                Some("月薪" | "月入") => Some("month"),
                Some("周薪") => Some("week"),
                Some("年薪") => Some("year"),
                Some("时薪") => Some("hour"),
                _ => None,
            });
        let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
        let value = text[start..m.end()].trim().to_string();
        let mut raw = Raw::new(EntityKind::Money, start, start + value.len(), value);
        raw.money = Some(Money {
            amount,
            currency: currency.map(String::from),
            period: period.map(String::from),
        });
        out.push(raw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> Money {
        let r = find(t);
        assert_eq!(r.len(), 1, "{t}: {r:?}");
        r[0].money.clone().unwrap()
    }

    #[test]
    fn amounts_currencies_periods() {
        assert_eq!(
            one("earn $300/day"),
            Money {
                amount: Some(300.0),
                currency: Some("USD".into()),
                period: Some("day".into())
            }
        );
        assert_eq!(
            one("salaire 1.500 € par mois"),
            Money {
                amount: Some(1500.0),
                currency: Some("EUR".into()),
                period: Some("month".into())
            }
        );
        assert_eq!(
            one("月薪3万元"),
            Money {
                amount: Some(30000.0),
                currency: Some("CNY".into()),
                period: Some("month".into())
            }
        );
        assert_eq!(
            one("deposit 50 USDT"),
            Money {
                amount: Some(50.0),
                currency: Some("USDT".into()),
                period: None
            }
        );
        assert_eq!(
            one("fee of Rs 2 lakh"),
            Money {
                amount: Some(200000.0),
                currency: Some("INR".into()),
                period: None
            }
        );
    }

    #[test]
    fn plain_numbers_are_not_money() {
        assert!(find("room 42, call at 5 pm").is_empty());
    }
}
