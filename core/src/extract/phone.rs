//! Phone numbers written in international form (`+855 12 345 678`, `00855...`), and the
//! country their calling code belongs to.

use super::Raw;
use crate::report::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// ITU calling codes of the countries that matter most for recruitment to and from
/// South-East Asia, the Gulf, Africa, Europe and the Americas. Longest prefixes win.
const CALLING_CODES: &[(&str, &str)] = &[
    ("1", "US"),
    ("7", "RU"),
    ("20", "EG"),
    ("27", "ZA"),
    ("30", "GR"),
    ("31", "NL"),
    ("32", "BE"),
    ("33", "FR"),
    ("34", "ES"),
    ("36", "HU"),
    ("39", "IT"),
    ("40", "RO"),
    ("41", "CH"),
    ("43", "AT"),
    ("44", "GB"),
    ("45", "DK"),
    ("46", "SE"),
    ("47", "NO"),
    ("48", "PL"),
    ("49", "DE"),
    ("51", "PE"),
    ("52", "MX"),
    ("53", "CU"),
    ("54", "AR"),
    ("55", "BR"),
    ("56", "CL"),
    ("57", "CO"),
    ("58", "VE"),
    ("60", "MY"),
    ("61", "AU"),
    ("62", "ID"),
    ("63", "PH"),
    ("64", "NZ"),
    ("65", "SG"),
    ("66", "TH"),
    ("81", "JP"),
    ("82", "KR"),
    ("84", "VN"),
    ("86", "CN"),
    ("90", "TR"),
    ("91", "IN"),
    ("92", "PK"),
    ("93", "AF"),
    ("94", "LK"),
    ("95", "MM"),
    ("98", "IR"),
    ("211", "SS"),
    ("212", "MA"),
    ("213", "DZ"),
    ("216", "TN"),
    ("218", "LY"),
    ("220", "GM"),
    ("221", "SN"),
    ("223", "ML"),
    ("224", "GN"),
    ("225", "CI"),
    ("226", "BF"),
    ("227", "NE"),
    ("228", "TG"),
    ("229", "BJ"),
    ("230", "MU"),
    ("231", "LR"),
    ("232", "SL"),
    ("233", "GH"),
    ("234", "NG"),
    ("235", "TD"),
    ("236", "CF"),
    ("237", "CM"),
    ("241", "GA"),
    ("242", "CG"),
    ("243", "CD"),
    ("244", "AO"),
    ("249", "SD"),
    ("250", "RW"),
    ("251", "ET"),
    ("252", "SO"),
    ("253", "DJ"),
    ("254", "KE"),
    ("255", "TZ"),
    ("256", "UG"),
    ("257", "BI"),
    ("258", "MZ"),
    ("260", "ZM"),
    ("261", "MG"),
    ("263", "ZW"),
    ("265", "MW"),
    ("291", "ER"),
    ("351", "PT"),
    ("352", "LU"),
    ("353", "IE"),
    ("355", "AL"),
    ("357", "CY"),
    ("358", "FI"),
    ("359", "BG"),
    ("370", "LT"),
    ("371", "LV"),
    ("372", "EE"),
    ("373", "MD"),
    ("374", "AM"),
    ("375", "BY"),
    ("380", "UA"),
    ("381", "RS"),
    ("385", "HR"),
    ("420", "CZ"),
    ("421", "SK"),
    ("501", "BZ"),
    ("502", "GT"),
    ("503", "SV"),
    ("504", "HN"),
    ("505", "NI"),
    ("506", "CR"),
    ("507", "PA"),
    ("509", "HT"),
    ("591", "BO"),
    ("593", "EC"),
    ("595", "PY"),
    ("598", "UY"),
    ("670", "TL"),
    ("673", "BN"),
    ("675", "PG"),
    ("679", "FJ"),
    ("850", "KP"),
    ("852", "HK"),
    ("853", "MO"),
    ("855", "KH"),
    ("856", "LA"),
    ("880", "BD"),
    ("886", "TW"),
    ("960", "MV"),
    ("961", "LB"),
    ("962", "JO"),
    ("963", "SY"),
    ("964", "IQ"),
    ("965", "KW"),
    ("966", "SA"),
    ("967", "YE"),
    ("968", "OM"),
    ("970", "PS"),
    ("971", "AE"),
    ("972", "IL"),
    ("973", "BH"),
    ("974", "QA"),
    ("975", "BT"),
    ("976", "MN"),
    ("977", "NP"),
    ("992", "TJ"),
    ("993", "TM"),
    ("994", "AZ"),
    ("995", "GE"),
    ("996", "KG"),
    ("998", "UZ"),
];

/// The ISO country of an international number given as digits after `+`.
pub fn calling_code_country(digits: &str) -> Option<&'static str> {
    (1..=3).rev().filter(|&n| digits.len() > n).find_map(|n| {
        CALLING_CODES
            .iter()
            .find(|(code, _)| *code == &digits[..n])
            .map(|(_, c)| *c)
    })
}

fn pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?:\+|(?-u:\b)00)[1-9][0-9 ().-]{6,18}[0-9](?-u:\b)").expect("phone regex")
    })
}

/// International phone numbers in `text`.
pub fn find(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for m in pattern().find_iter(text) {
        let s = m.as_str();
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let digits = if s.starts_with("00") {
            digits[2..].to_string()
        } else {
            digits
        };
        if !(7..=15).contains(&digits.len()) {
            continue;
        }
        let mut raw = Raw::new(EntityKind::Phone, m.start(), m.end(), format!("+{digits}"));
        raw.country = calling_code_country(&digits).map(String::from);
        out.push(raw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_international_numbers() {
        let r = find("Call +855 12 345 678 or 0066-81-234-5678 today");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].value, "+85512345678");
        assert_eq!(r[0].country.as_deref(), Some("KH"));
        assert_eq!(r[1].value, "+66812345678");
        assert_eq!(r[1].country.as_deref(), Some("TH"));
        assert_eq!(calling_code_country("14155550100"), Some("US"));
    }
}
