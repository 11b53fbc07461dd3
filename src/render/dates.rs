//! Dates formatted per language with CLDR data: `2026年11月22日`, `22 November 2026`.

use crate::error::{Error, Result};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use std::collections::HashMap;

pub struct DateFormats {
    by_lang: HashMap<String, FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
}

impl DateFormats {
    /// One long-date formatter per `(language code, locale)` pair.
    pub fn new<'a>(languages: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self> {
        let mut by_lang = HashMap::new();
        for (code, locale) in languages {
            let loc: icu_locale_core::Locale = locale.parse().map_err(|_| {
                Error::msg(format!(
                    "`{locale}` is not a valid locale for `{code}` in site.yaml"
                ))
            })?;
            let formatter = FixedCalendarDateTimeFormatter::try_new(loc.into(), YMD::long())
                .map_err(|e| Error::msg(format!("no date format for locale `{locale}`: {e}")))?;
            by_lang.insert(code.to_string(), formatter);
        }
        Ok(DateFormats { by_lang })
    }

    pub fn format(&self, lang: &str, date: jiff::civil::Date) -> String {
        let Some(f) = self.by_lang.get(lang) else {
            return date.to_string();
        };
        match Date::try_new_gregorian(i32::from(date.year()), date.month() as u8, date.day() as u8)
        {
            Ok(d) => f.format(&d).to_string(),
            Err(_) => date.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_per_language() {
        let f = DateFormats::new([("ja", "ja-JP"), ("en", "en-GB")]).unwrap();
        let d = jiff::civil::date(2026, 11, 22);
        assert_eq!(f.format("ja", d), "2026年11月22日");
        assert_eq!(f.format("en", d), "22 November 2026");
    }
}
