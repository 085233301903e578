//! Small word tables shared by the stages that read dates (the reader's datelines, the
//! extractor's date lists).

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) whose English name starts with the first three letters of `name`, any
/// case ("Sept." → 9, "december" → 12). Callers check that `name` is really a month name or
/// abbreviation ("Mar" vs "march on") where that matters.
pub fn month_by_prefix(name: &str) -> Option<u32> {
    let m = match name.get(..3)?.to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_prefix() {
        for (w, m) in [
            ("January", Some(1)),
            ("sept.", Some(9)),
            ("DEC", Some(12)),
            ("Ma", None),
            ("Monday", None),
            ("é", None),
        ] {
            assert_eq!(month_by_prefix(w), m, "{w}");
        }
    }
}
