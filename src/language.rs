//! The two languages every text of the crate is written in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The language of an explanation, an error or a report: Chinese for a caseworker, English for
/// everyone else. Named `zh` and `en` in JSON, on a command line and by [`FromStr`]; English is
/// the default.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::Language;
///
/// let lang: Language = "zh".parse()?;
/// assert_eq!(lang, Language::Chinese);
/// assert_eq!(lang.to_string(), "zh");
/// assert_eq!(Language::default(), Language::English);
/// # Ok::<(), tianjin_disability_subsidies::language::UnknownLanguage>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Language {
    /// 中文 (`zh`).
    #[serde(rename = "zh")]
    Chinese,
    /// English (`en`), the default.
    #[default]
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// Both languages.
    pub const ALL: [Language; 2] = [Language::Chinese, Language::English];

    /// The language's code: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Chinese => "zh",
            Language::English => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither `zh` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// What was given.
    pub found: String,
}

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(code: &str) -> Result<Language, UnknownLanguage> {
        Language::ALL
            .into_iter()
            .find(|lang| lang.code() == code)
            .ok_or_else(|| UnknownLanguage {
                found: crate::json::excerpt(code),
            })
    }
}
