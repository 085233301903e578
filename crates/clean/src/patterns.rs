//! The boilerplate and caption patterns, as a table editors can extend.
//!
//! Every pattern is a regular expression (Rust `regex` syntax, matched case-insensitively
//! unless it starts with `(?-i)`) tried against each **trimmed line** of an article body. What
//! happens on a match depends on the pattern's [`Action`]:
//!
//! * [`Action::RemoveLine`]: the whole line is boilerplate and goes, with the pattern's reason.
//!   Only lines up to [`MAX_BOILERPLATE_LINE`] bytes are tried: boilerplate is short, and a long
//!   paragraph that mentions "all rights reserved" is news.
//! * [`Action::RemoveMatch`]: only the matched text goes (an inline `(END)`, a trailing
//!   "Read more »").
//! * [`Action::Credit`]: the line is an image caption; the matched text is its credit marker
//!   (`(Photo: Reuters)`, `/ Getty Images`), which is removed while the rest of the line is kept
//!   and marked as a caption. A line that is nothing but a credit goes entirely.
//!
//! To add patterns without rebuilding, pass a file to
//! [`Cleaner::with_extra_patterns`](crate::Cleaner::with_extra_patterns): one pattern per line,
//! `ACTION<TAB>REASON<TAB>REGEX`, where ACTION is `remove-line`, `remove-match` or `credit`;
//! blank lines and lines starting with `#` are ignored. For example (`→` is a tab):
//!
//! ```text
//! # our scraper leaves these behind
//! remove-line→navigation→^back to top$
//! credit→photo-credit→\(Photo courtesy of [^)]*\)$
//! ```

/// What a matching pattern does to its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Remove the whole line.
    RemoveLine,
    /// Remove the matched text only.
    RemoveMatch,
    /// Remove the matched credit marker and mark the rest of the line as a caption.
    Credit,
}

impl Action {
    /// The name used in extra-pattern files.
    pub fn name(self) -> &'static str {
        match self {
            Action::RemoveLine => "remove-line",
            Action::RemoveMatch => "remove-match",
            Action::Credit => "credit",
        }
    }

    /// Parses a name used in extra-pattern files.
    pub fn from_name(name: &str) -> Option<Action> {
        [Action::RemoveLine, Action::RemoveMatch, Action::Credit]
            .into_iter()
            .find(|a| a.name() == name)
    }
}

/// One pattern: what it does, why (the reason reported for removals), and the regex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    /// What happens on a match.
    pub action: Action,
    /// Short kebab-case reason, reported in [`Removed`](crate::Removed).
    pub reason: &'static str,
    /// The regular expression.
    pub regex: &'static str,
}

/// Longest trimmed line (in bytes) that [`Action::RemoveLine`] patterns are tried on.
pub const MAX_BOILERPLATE_LINE: usize = 400;

const fn line(reason: &'static str, regex: &'static str) -> Pattern {
    Pattern {
        action: Action::RemoveLine,
        reason,
        regex,
    }
}

const fn inline(reason: &'static str, regex: &'static str) -> Pattern {
    Pattern {
        action: Action::RemoveMatch,
        reason,
        regex,
    }
}

const fn credit(regex: &'static str) -> Pattern {
    Pattern {
        action: Action::Credit,
        reason: "photo-credit",
        regex,
    }
}

/// Agencies and picture desks that appear in photo credits.
macro_rules! agencies {
    () => {
        r"(?:AP|AFP|Reuters|EPA|EPA-EFE|Getty Images|Getty|Yonhap|Xinhua|KCNA|KNS|Kyodo|UPI|Bloomberg|Anadolu|TASS|Sputnik|Pool|Shutterstock|Alamy|PA|PA Images|NurPhoto|SIPA|Newsis|News1|Korea Herald|Korea Times|Chosun Ilbo|JoongAng Ilbo|Hankyoreh|Kremlin|White House|Handout)"
    };
}

/// The built-in patterns, in the order they are reported when several match.
pub const PATTERNS: &[Pattern] = &[
    // Advertising placeholders.
    line(
        "advertisement",
        r"^[-–—*\[(\s]*(?:advertisement|advertising|ad|sponsored(?: content| post| links?)?|paid (?:content|post|partner content)|promoted(?: content| stories)?)[-–—*\])\s]*$",
    ),
    line(
        "advertisement",
        r"^(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?$|^continue reading (?:the main story|below)$|^scroll (?:down )?to continue(?: with content)?$",
    ),
    inline("advertisement", r"(?-i)\bADVERTISEMENT\b\s*"),
    // Comment forms and threads.
    line(
        "comment-form",
        r"^(?:leave a (?:comment|reply)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|comments? (?:are|is) closed|view comments|show comments|load comments|\d+\s+comments?|comments?(?:\s*\(\d+\))?)[.:!]?$",
    ),
    line(
        "comment-form",
        r"your email address will not be published|required fields are marked|^(?:name|email|website|comment)\s*\*?$|save my name, email|^cancel reply$|^post comment$|^submit comment$",
    ),
    // Sharing bars.
    line(
        "share",
        r"^(?:share|share this(?: article| story| page)?|share on \w+|share via \w+|click to share.*|tweet this|email this(?: article)?|print this(?: article| page)?|copy link)[.:!]?$",
    ),
    line(
        "share",
        r"^(?:(?:share on \w+|share via \w+|share|tweet|email|e-mail|print|pin|pinterest|whatsapp|facebook|twitter|linkedin|reddit|telegram|messenger|sms|copy link|comments?|save)\s*[|·•,/]?\s*){2,}$",
    ),
    // Pointers to other articles.
    line(
        "read-more",
        r"^(?:read more|read also|also read|see also|read next|more|more on this|more from \S.*|related|related (?:articles?|stories|story|coverage|content|links|topics|news)|recommended(?: for you| stories)?|you may also like|you might also like|watch|listen|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|don'?t miss|top stories|latest (?:news|stories)|editor'?s picks?|further reading)\s*(?:[:»›|>-].*|\.\.\.|…)?$",
    ),
    inline(
        "read-more",
        r"\s*(?:read more|continue reading|read the full (?:story|article))\s*(?:»|›|>|…|\.\.\.)?$",
    ),
    // Newsletters and sign-ups.
    line(
        "newsletter",
        r"^(?:subscribe|sign up|signup|register|get (?:the|our)\b.*\bnewsletter|join our\b.*\b(?:newsletter|mailing list))\b.*(?:newsletter|inbox|updates|email|alerts|free|now|today|here)[.!]?$|^subscribe(?: now| today| here)?[.!]?$",
    ),
    line(
        "newsletter",
        r"delivered (?:straight |directly )?to your inbox|^(?:sign up|subscribe) (?:for|to) (?:our|the)\b",
    ),
    // Copyright and reproduction notices.
    line(
        "copyright",
        r"^(?:©|\(c\)|copyright\b)|all rights reserved|reproduction (?:and|or) redistribution\b.*prohibited|may not be (?:published|reproduced|broadcast|rewritten|redistributed)|this (?:material|document|article) is subject to copyright|unauthori[sz]ed (?:reproduction|redistribution)",
    ),
    // End markers of wire copy.
    line(
        "end-marker",
        r"^[-–—(\[]*\s*(?:end|ends|xxx|###)\s*[-–—)\]]*$",
    ),
    inline("end-marker", r"(?-i)\s*\(END\)"),
    // Tip lines, contact and social footers.
    line(
        "tip-line",
        r"^(?:got|have) a (?:news )?tip\b|^send (?:us )?(?:your )?(?:news )?tips?\b|^(?:tips?|news tips?)\s*:|^(?:contact|email|reach) (?:the )?(?:author|reporter|us|him|her)\b.*(?:@|\bat\b)",
    ),
    line(
        "social",
        r"^follow (?:us|me|him|her|them|[\w.]+)?\s*(?:on|at|@)\s*(?:twitter|x|facebook|instagram|linkedin|telegram|youtube|tiktok|threads|bluesky|@)|^follow @\w+|^like us on facebook|^(?:find|join) us on\b|^(?:twitter|facebook|instagram)\s*:\s*@?\w+$",
    ),
    // Hashtag-only lines.
    line("hashtags", r"^(?:#\w+[\s,;|·]*)+$"),
    // Cookie and consent notices.
    line(
        "cookie-notice",
        r"\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b|^accept (?:all )?cookies$|^cookie (?:policy|settings|preferences|consent)$|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)",
    ),
    // Media player and gallery controls.
    line(
        "media-control",
        r"^(?:image|photo|picture|slide)\s*\d+\s*(?:of|/)\s*\d+$|^(?:caption|close|hide caption|toggle caption|enlarge this image|expand|view (?:gallery|slideshow)|\d+ (?:photos?|images?)|play video|watch video|video|replay|fullscreen|open gallery)$",
    ),
    // Photo credits: remove the marker, keep the caption.
    credit(concat!(
        r"\s*\((?:(?:file )?(?:photo|image|picture|pic|photograph|graphics?|video)s?\s*(?:credit)?\s*(?:by|:|=|/|courtesy of)?\s*[^()]{0,60}|",
        agencies!(),
        r"(?: photos?)?(?:/[^()]{0,40})?)\)\s*$"
    )),
    credit(r"\s*\[(?:photo|image|picture|graphics?)\s*(?:credit)?\s*(?:=|:|by)?[^\[\]]{0,60}\]"),
    credit(concat!(
        r"^(?:(?:file )?(?:photo|image|picture|photograph|credit|photo credit|image credit|source)\s*(?::|by|/|=)\s*[^.]{1,80}|",
        agencies!(),
        r")$"
    )),
    credit(concat!(
        r"\s*(?:[|/]|photo\s*/|image\s*/)\s*(?:[\p{Lu}][\w.'-]*\s+){0,3}(?:",
        agencies!(),
        r")(?:\s+via\s+\S.*)?$"
    )),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_round_trip() {
        for a in [Action::RemoveLine, Action::RemoveMatch, Action::Credit] {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        assert_eq!(Action::from_name("drop"), None);
    }

    #[test]
    fn every_pattern_compiles() {
        for p in PATTERNS {
            let re = format!("(?i){}", p.regex);
            assert!(
                regex::Regex::new(&re).is_ok(),
                "pattern {:?} does not compile",
                p.regex
            );
        }
    }
}
