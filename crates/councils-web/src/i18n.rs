//! Translations (Project Fluent, English and Spanish) and choosing the reader's language.

use councils_domain::Language;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables would show up in handles and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(language: Language) -> &'static LanguageIdentifier {
    static IDS: OnceLock<[LanguageIdentifier; 2]> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        Language::ALL.map(|l| {
            l.code()
                .parse()
                .expect("language codes are valid identifiers")
        })
    });
    &ids[Language::ALL
        .iter()
        .position(|l| *l == language)
        .expect("every language is listed")]
}

/// Messages without arguments, resolved once per language: pages ask for hundreds of them.
fn plain(language: Language, key: &str) -> String {
    static PLAIN: OnceLock<[Mutex<HashMap<String, String>>; 2]> = OnceLock::new();
    let caches = PLAIN.get_or_init(|| [Mutex::new(HashMap::new()), Mutex::new(HashMap::new())]);
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .expect("every language is listed");
    let mut cache = caches[index].lock().expect("translation cache lock");
    if let Some(message) = cache.get(key) {
        return message.clone();
    }
    let message = LOCALES.lookup(langid(language), key);
    cache.insert(key.to_string(), message.clone());
    message
}

/// An argument of a message: text, or a number that can choose a plural form.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(u64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<u64> for Arg {
    fn from(number: u64) -> Self {
        Arg::Number(number)
    }
}

impl From<u32> for Arg {
    fn from(number: u32) -> Self {
        Arg::Number(u64::from(number))
    }
}

/// The translations of one language, handed to every template.
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub language: Language,
}

impl Tr {
    /// Translations in `language`.
    pub fn new(language: Language) -> Self {
        Self { language }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        plain(self.language, key)
    }

    /// The message named by a prefix and a code: `tp("role-", "organiser")`.
    pub fn tp(&self, prefix: &str, code: &str) -> String {
        self.t(&format!("{prefix}{code}"))
    }

    /// The message `key` with named arguments; numbers stay numbers, so plurals work.
    pub fn args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let args = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(number) => FluentValue::from(*number),
                };
                (Cow::Owned(name.to_string()), value)
            })
            .collect();
        LOCALES.lookup_with_args(langid(self.language), key, &args)
    }

    /// The message `key` with one text argument `$name`.
    pub fn ta(&self, key: &str, name: &str, value: &str) -> String {
        let args = HashMap::from([(
            Cow::Owned(name.to_string()),
            FluentValue::from(value.to_string()),
        )]);
        LOCALES.lookup_with_args(langid(self.language), key, &args)
    }

    /// The message `key` with a number `$count`, for plural forms.
    pub fn tn(&self, key: &str, count: u64) -> String {
        let args = HashMap::from([(Cow::Borrowed("count"), FluentValue::from(count))]);
        LOCALES.lookup_with_args(langid(self.language), key, &args)
    }
}

/// The best language for an `Accept-Language` header, English if none matches.
pub fn negotiate(accept_language: Option<&str>) -> Language {
    let Some(header) = accept_language else {
        return Language::En;
    };
    let mut offers: Vec<(f32, Language)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let language = Language::from_code(pieces.next()?.trim())?;
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((quality, language))
        })
        .collect();
    offers.sort_by(|a, b| b.0.total_cmp(&a.0));
    offers.first().map(|(_, l)| *l).unwrap_or(Language::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_with_the_highest_quality_wins() {
        assert_eq!(
            negotiate(Some("fr-FR, es-MX;q=0.9, en;q=0.8")),
            Language::Es
        );
        assert_eq!(negotiate(Some("en-GB,en;q=0.9,es;q=0.5")), Language::En);
        assert_eq!(negotiate(Some("de")), Language::En);
        assert_eq!(negotiate(None), Language::En);
    }

    fn keys(ftl: &str) -> std::collections::BTreeSet<String> {
        ftl.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    /// Every `"quoted-code"` after `=>` in a source file: the stable error codes.
    fn codes(source: &str) -> Vec<String> {
        source
            .split("=> \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    }

    /// The messages of a language, read from every Fluent file of its folder.
    fn messages(language: Language) -> std::collections::BTreeSet<String> {
        let folder = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), language.code());
        let mut all = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            all.extend(keys(
                &std::fs::read_to_string(entry.unwrap().path()).unwrap(),
            ));
        }
        all
    }

    /// Every template, in every folder under `templates/`.
    fn templates(folder: &std::path::Path) -> Vec<String> {
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                texts.extend(templates(&path));
            } else {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        texts
    }

    #[test]
    fn english_and_spanish_have_the_same_messages() {
        let en = messages(Language::En);
        let es = messages(Language::Es);
        assert!(en.len() > 150);
        assert_eq!(
            en.difference(&es).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in Spanish"
        );
        assert_eq!(
            es.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in English"
        );
    }

    #[test]
    fn every_error_code_has_a_message_in_both_languages() {
        let sources = [
            include_str!("../../councils-app/src/error.rs"),
            include_str!("../../councils-domain/src/handle.rs"),
            include_str!("../../councils-domain/src/passphrase.rs"),
            include_str!("../../councils-domain/src/federation.rs"),
            include_str!("../../councils-domain/src/motion/mod.rs"),
            include_str!("../../councils-domain/src/motion/options.rs"),
            include_str!("../../councils-domain/src/motion/text.rs"),
            include_str!("../../councils-domain/src/motion/choice.rs"),
        ];
        // These files hold other codes too (mandates, thresholds, caps): only their error's
        // `code` is read.
        let error_impls = [
            include_str!("../../councils-domain/src/mandate.rs"),
            include_str!("../../councils-domain/src/recall.rs"),
            include_str!("../../councils-domain/src/term.rs"),
            include_str!("../../councils-domain/src/report/mod.rs"),
        ];
        let mut all: Vec<String> = sources.iter().flat_map(|s| codes(s)).collect();
        for source in error_impls {
            let start = source.find("/// Stable error code").expect("an error code");
            let end = start + source[start..].find("\n}\n").expect("the end of its impl");
            all.extend(codes(&source[start..end]));
        }
        all.push("csrf-refused".into());
        assert!(all.len() > 25, "{all:?}");
        for language in Language::ALL {
            let messages = messages(language);
            for code in &all {
                assert!(
                    messages.contains(&format!("error-{code}")),
                    "error-{code} in {language:?}"
                );
            }
        }
    }

    #[test]
    fn every_role_kind_and_minutes_event_has_a_message() {
        for language in Language::ALL {
            let messages = messages(language);
            for role in councils_domain::Role::ALL {
                assert!(messages.contains(&format!("role-{}", role.code())));
            }
            for kind in councils_domain::CouncilKind::ALL {
                assert!(messages.contains(&format!("kind-{}", kind.code())));
            }
            for code in codes(include_str!("../../councils-domain/src/minutes.rs")) {
                assert!(
                    messages.contains(&format!("minutes-{code}")),
                    "minutes-{code} in {language:?}"
                );
            }
        }
    }

    #[test]
    fn every_message_a_template_asks_for_exists() {
        let folder = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates"));
        let messages = messages(Language::Es);
        for text in templates(folder) {
            for call in ["tr.t(\"", "tr.tn(\"", "tr.ta(\""] {
                for rest in text.split(call).skip(1) {
                    let key = rest.split('"').next().unwrap();
                    assert!(messages.contains(key), "{key}");
                }
            }
        }
    }

    #[test]
    fn a_message_with_a_count_takes_its_plural_form() {
        let es = Tr::new(Language::Es);
        assert_ne!(
            es.tn("council-members-count", 1),
            es.tn("council-members-count", 2)
        );
    }
}
