//! From what people paste (a link, a bare host, an e-mail address, often "defanged" as
//! `hxxp://evil[.]com`) to one normalized host, and from a host to its registrable domain with
//! the Public Suffix List.

use crate::error::{Error, Result};
use publicsuffix::{Psl, Type};
use url::{Host, Url};

/// The longest input [`parse`] accepts, in bytes: far more than any real link.
pub const MAX_INPUT_BYTES: usize = 64 << 10;

/// What an input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum InputKind {
    /// A link with a scheme, path, query or port.
    Url,
    /// A bare host name or IP address.
    Host,
    /// An e-mail address: its domain is checked.
    Email,
}

/// A parsed input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedInput {
    /// What the input was.
    pub kind: InputKind,
    /// Lower-case ASCII host (IDNs in punycode), no trailing dot; IPv6 without brackets.
    pub host: String,
    /// The host with IDN labels decoded to Unicode.
    pub host_unicode: String,
    /// Whether the host is an IP address.
    pub ip: bool,
    /// User info before `@` in a link (`https://paypal.com@evil.example/`).
    pub user_info: Option<String>,
    /// Whether the input was defanged (`hxxp`, `[.]`).
    pub defanged: bool,
    /// Local part of an e-mail address.
    pub local_part: Option<String>,
}

/// Undoes the usual ways of defanging links in warnings: `hxxp`, `[.]`, `(.)`, `[dot]`, `[:]`.
fn refang(s: &str) -> (String, bool) {
    let mut out = s.to_string();
    for (from, to) in [
        ("[.]", "."),
        ("(.)", "."),
        ("{.}", "."),
        ("[dot]", "."),
        ("(dot)", "."),
        ("[:]", ":"),
        ("[://]", "://"),
        ("[@]", "@"),
    ] {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    let lower = out.get(..8).unwrap_or(&out).to_ascii_lowercase();
    if lower.starts_with("hxxp://") || lower.starts_with("hxxps://") {
        out.replace_range(..4, "http");
    } else if lower.starts_with("fxp://") {
        out.replace_range(..3, "ftp");
    }
    let changed = out != s;
    (out, changed)
}

fn invalid(reason: &str) -> Error {
    Error::InvalidInput(reason.to_string())
}

/// Parses a link, bare host or e-mail address. Errors say what is wrong without repeating the
/// input.
pub fn parse(input: &str) -> Result<ParsedInput> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            len: input.len() as u64,
            max: MAX_INPUT_BYTES as u64,
        });
    }
    let trimmed = input
        .trim()
        .trim_start_matches(['<', '"', '\'', '(', '['])
        .trim_end_matches(['>', '"', '\'', ')', ']', '.', ',', ';']);
    if trimmed.is_empty() {
        return Err(invalid("the link is empty"));
    }
    let (s, defanged) = refang(trimmed);
    let s = s.as_str();
    let lower_start = s.get(..7).map(str::to_ascii_lowercase).unwrap_or_default();
    let (kind, to_parse, local_part) = if lower_start.starts_with("mailto:") {
        let addr = &s[7..];
        let addr = addr.split(['?', '#']).next().unwrap_or("");
        email_parts(addr)?
    } else if s.contains("://") {
        (InputKind::Url, s.to_string(), None)
    } else if s.contains('@') && !s.contains(['/', '?', '#']) {
        email_parts(s)?
    } else {
        let kind = if s.contains(['/', '?', '#', ':']) && !s.starts_with('[') || s.contains("]:") {
            InputKind::Url
        } else {
            InputKind::Host
        };
        (kind, format!("http://{s}"), None)
    };
    let url = Url::parse(&to_parse).map_err(|e| match e {
        url::ParseError::IdnaError => invalid("the host is not a valid international domain name"),
        url::ParseError::EmptyHost => invalid("the link has no host"),
        url::ParseError::InvalidPort => invalid("the link's port is not a number"),
        url::ParseError::InvalidIpv4Address => invalid("the host is not a valid IPv4 address"),
        url::ParseError::InvalidIpv6Address => invalid("the host is not a valid IPv6 address"),
        url::ParseError::InvalidDomainCharacter => {
            invalid("the host has characters not allowed in domain names")
        }
        _ => invalid("this is not a valid link, host or e-mail address"),
    })?;
    let (host, ip) = match url.host() {
        None => return Err(invalid("the link has no host")),
        Some(Host::Ipv4(a)) => (a.to_string(), true),
        Some(Host::Ipv6(a)) => (a.to_string(), true),
        Some(Host::Domain(d)) => (d.trim_end_matches('.').to_string(), false),
    };
    if host.is_empty() {
        return Err(invalid("the link has no host"));
    }
    if host.len() > 253 {
        return Err(invalid("the host is longer than 253 characters"));
    }
    if !ip && host.split('.').any(|l| l.is_empty() || l.len() > 63) {
        return Err(invalid(
            "a part of the host is empty or longer than 63 characters",
        ));
    }
    let user_info = (!url.username().is_empty()).then(|| {
        let mut u = url.username().to_string();
        if let Some(p) = url.password() {
            u.push(':');
            u.push_str(p);
        }
        u
    });
    let host_unicode = if ip || !host.contains("xn--") {
        host.clone()
    } else {
        url::quirks::domain_to_unicode(&host)
    };
    Ok(ParsedInput {
        kind,
        host,
        host_unicode,
        ip,
        user_info,
        defanged,
        local_part,
    })
}

fn email_parts(addr: &str) -> Result<(InputKind, String, Option<String>)> {
    let (local, domain) = addr
        .rsplit_once('@')
        .ok_or_else(|| invalid("the e-mail address has no domain"))?;
    if local.is_empty() || local.len() > 64 {
        return Err(invalid("the e-mail address has no valid local part"));
    }
    if domain.is_empty() || domain.contains([':', '[']) {
        return Err(invalid("the e-mail address has no valid domain"));
    }
    Ok((
        InputKind::Email,
        format!("http://{domain}"),
        Some(local.to_lowercase()),
    ))
}

/// The Public Suffix List, parsed.
#[derive(Debug, Clone)]
pub struct Suffixes {
    list: Option<publicsuffix::List>,
}

/// A host split around its public suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The public suffix (`co.uk`, `github.io`, `com`).
    pub suffix: &'a str,
    /// The registrable domain (`example.co.uk`), absent when the host is a suffix itself.
    pub registrable: Option<&'a str>,
    /// Whether the suffix comes from the list's private section (hosting and dynamic-DNS
    /// providers, where anyone can register a name).
    pub private: bool,
    /// Whether the suffix is in the list (otherwise the last label is taken).
    pub known: bool,
}

impl Split<'_> {
    /// The label just left of the suffix (`example` in `www.example.co.uk`).
    pub fn label(&self) -> Option<&str> {
        self.registrable
            .and_then(|r| r.strip_suffix(self.suffix))
            .map(|l| l.trim_end_matches('.'))
    }

    /// The labels left of the registrable domain, left to right.
    pub fn subdomain<'h>(&self, host: &'h str) -> Vec<&'h str> {
        match self.registrable {
            Some(r) if host.len() > r.len() => {
                host[..host.len() - r.len() - 1].split('.').collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The list with its few hundred Unicode rules (`中国`, `рф`) turned into punycode, since hosts
/// are looked up in ASCII; converting only those keeps parsing fast.
fn ascii_rules(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let rule = line.split_whitespace().next().unwrap_or("");
        if line.starts_with("//") || rule.is_ascii() {
            out.push_str(line);
        } else {
            let (prefix, rest) = match rule.strip_prefix("*.") {
                Some(r) => ("*.", r),
                None => match rule.strip_prefix('!') {
                    Some(r) => ("!", r),
                    None => ("", rule),
                },
            };
            match url::Host::parse(rest) {
                Ok(url::Host::Domain(d)) => {
                    out.push_str(prefix);
                    out.push_str(&d);
                }
                _ => continue,
            }
        }
        out.push('\n');
    }
    out.into()
}

impl Suffixes {
    /// Parses the list text (`public_suffix_list.dat`); an absent list makes every host's last
    /// label its suffix.
    pub fn new(text: Option<&str>) -> Result<Suffixes> {
        let list =
            match text {
                None => None,
                Some(t) => Some(ascii_rules(t).parse::<publicsuffix::List>().map_err(|e| {
                    Error::PackMalformed(format!("domains.public_suffix_list: {e}"))
                })?),
            };
        Ok(Suffixes { list })
    }

    /// Splits a lower-case ASCII host.
    pub fn split<'a>(&self, host: &'a str) -> Split<'a> {
        let fallback = || {
            let suffix = host.rsplit('.').next().unwrap_or(host);
            let registrable = host
                .rmatch_indices('.')
                .nth(1)
                .map(|(i, _)| &host[i + 1..])
                .or_else(|| (host.len() > suffix.len()).then_some(host));
            Split {
                suffix,
                registrable,
                private: false,
                known: false,
            }
        };
        let Some(list) = &self.list else {
            return fallback();
        };
        let Some(suffix) = list.suffix(host.as_bytes()) else {
            return fallback();
        };
        let suffix_str = &host[host.len() - suffix.as_bytes().len()..];
        let registrable = list
            .domain(host.as_bytes())
            .map(|d| &host[host.len() - d.as_bytes().len()..]);
        Split {
            suffix: suffix_str,
            registrable,
            private: suffix.typ() == Some(Type::Private),
            known: suffix.is_known(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ParsedInput {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_links_hosts_and_mails() {
        assert_eq!(p("https://Jobs.Apple.com/en-us").host, "jobs.apple.com");
        assert_eq!(p("amazon.de").kind, InputKind::Host);
        assert_eq!(p("amazon.de/jobs").kind, InputKind::Url);
        let m = p("HR.Team@Gmail.com");
        assert_eq!((m.kind, m.host.as_str()), (InputKind::Email, "gmail.com"));
        assert_eq!(m.local_part.as_deref(), Some("hr.team"));
        assert_eq!(p("mailto:a@b.example?subject=x").host, "b.example");
        let d = p("hxxps://evil[.]example[.]com/x");
        assert!(d.defanged);
        assert_eq!(d.host, "evil.example.com");
        assert_eq!(p("fxpectcrypt.com").host, "fxpectcrypt.com");
        assert_eq!(p("HXXP://a.example").host, "a.example");
        let u = p("https://paypal.com:secure@evil.example:8443/login");
        assert_eq!(u.host, "evil.example");
        assert_eq!(u.user_info.as_deref(), Some("paypal.com:secure"));
        assert!(p("http://[2001:db8::1]:8080/").ip);
        assert!(p("192.168.0.1").ip);
        assert_eq!(p("xn--80ak6aa92e.com").host_unicode, "аррӏе.com");
        assert_eq!(p("аррӏе.com").host, "xn--80ak6aa92e.com");
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        for bad in [
            "",
            "   ",
            "http://",
            "xn--zz.com",
            "http://exa mple.com",
            "a@",
            "@b.com",
            "http://host:99999/",
        ] {
            assert!(
                matches!(parse(bad), Err(Error::InvalidInput(_))),
                "{bad:?} -> {:?}",
                parse(bad)
            );
        }
        let long = format!("{}.com", "a".repeat(10_000));
        assert!(matches!(parse(&long), Err(Error::InvalidInput(_))));
        let long_labels = format!("{}com", "abcdefghij.".repeat(1000));
        assert!(matches!(parse(&long_labels), Err(Error::InvalidInput(_))));
        let huge = "a".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(parse(&huge), Err(Error::InputTooLarge { .. })));
    }

    #[test]
    fn splits_with_and_without_list() {
        let none = Suffixes::new(None).unwrap();
        let s = none.split("a.b.example.com");
        assert_eq!((s.suffix, s.registrable), ("com", Some("example.com")));
        assert_eq!(none.split("localhost").registrable, None);
        let list = Suffixes::new(Some(
            "// ===BEGIN ICANN DOMAINS===\ncom\nuk\nco.uk\n// ===BEGIN PRIVATE DOMAINS===\ngithub.io\n",
        ))
        .unwrap();
        let s = list.split("www.example.co.uk");
        assert_eq!(s.registrable, Some("example.co.uk"));
        assert_eq!(s.label(), Some("example"));
        assert_eq!(s.subdomain("www.example.co.uk"), vec!["www"]);
        let g = list.split("paypal.github.io");
        assert!(g.private);
        assert_eq!(g.registrable, Some("paypal.github.io"));
        assert_eq!(list.split("github.io").registrable, None);
        let idn = Suffixes::new(Some("// ===BEGIN ICANN DOMAINS===\n中国\nрф\n")).unwrap();
        assert_eq!(
            idn.split("a.b.xn--fiqs8s").registrable,
            Some("b.xn--fiqs8s")
        );
        assert!(idn.split("b.xn--p1ai").known);
    }
}
