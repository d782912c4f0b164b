//! Publication dates as pages and feeds write them ("2025-03-03T08:00:00Z",
//! "Mon, 03 Mar 2025 08:00:00 +0000", "March 3, 2025", "3 March 2025"),
//! read into one moment so articles sort by when they were published, not
//! by how their date happens to be spelled, and show as one kind of day.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

/// Days written with the month in words or as numbers, year first or last;
/// chrono's `%B` takes "March" and "Mar" alike. Whatever follows the day
/// (a time, a zone, "Updated") is left unread.
const DAY_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%B %Y",
];

/// When `text` says something was published, in UTC where it names a zone
/// (else as written); `None` when it is no date whosaid reads.
pub fn parse(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment.naive_utc());
    }
    if let Ok(moment) = DateTime::parse_from_rfc2822(text) {
        return Some(moment.naive_utc());
    }
    if let Ok(moment) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(moment);
    }
    let text = without_weekday(text).replace('.', "");
    DAY_FORMATS.iter().find_map(|format| {
        let day = match NaiveDate::parse_and_remainder(&text, format) {
            Ok((day, _)) => day,
            // A month and year alone: its first day.
            Err(_) if *format == "%B %Y" => {
                NaiveDate::parse_from_str(&format!("1 {text}"), "%d %B %Y").ok()?
            }
            Err(_) => return None,
        };
        Some(day.and_time(NaiveTime::MIN))
    })
}

/// The day `text` names, as "2025-03-03", if it is a date whosaid reads.
pub fn day(text: &str) -> Option<String> {
    parse(text).map(|moment| moment.format("%Y-%m-%d").to_string())
}

/// "Monday, March 3, 2025" → "March 3, 2025".
fn without_weekday(text: &str) -> &str {
    match text.split_once(", ") {
        Some((first, rest)) if first.parse::<chrono::Weekday>().is_ok() => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_spellings_of_one_day_read_as_that_day() {
        for text in [
            "2025-03-03",
            "2025-03-03T08:00:00Z",
            "2025-03-03T08:00:00",
            "2025-03-03 08:00",
            "Mon, 03 Mar 2025 08:00:00 +0000",
            "March 3, 2025",
            "Mar. 3, 2025",
            "March 3, 2025 8:00 AM ET",
            "Monday, March 3, 2025",
            "3 March 2025",
            "3 Mar 2025",
        ] {
            assert_eq!(day(text).as_deref(), Some("2025-03-03"), "{text}");
        }
    }

    #[test]
    fn a_zone_counts_so_moments_compare_in_utc() {
        let east = parse("2025-03-03T01:00:00+02:00").unwrap();
        let west = parse("2025-03-02T20:00:00-05:00").unwrap();
        assert!(
            east < west,
            "23:00 UTC on the 2nd is before 01:00 UTC on the 3rd"
        );
    }

    #[test]
    fn words_that_are_no_date_read_as_none() {
        for text in ["", "yesterday", "3/4/25", "Updated recently"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
