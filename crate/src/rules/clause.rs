//! Reads the clause around a match: is the practice negated, and is the
//! statement about this site or about other sites?
//!
//! All functions take the normalized (lowercase) sentence and a byte range of
//! a rule's match in it.

use crate::pattern::Pattern;
use std::ops::Range;

thread_local! {
    /// Where a clause ends: punctuation, contrasts, a new subject.
    static BOUNDARY: Pattern = Pattern::built_in(r"[;:()]|\. |, (?:and|or|but) (?:we|you|they|it|our|this|these|the company|such)\b|\b(?:but|however|although|though|whereas|except|unless|other than|instead|provided that|so that)\b");
    /// The matched words are the subject of a denied verb.
    static PASSIVE_DENIAL: Pattern = Pattern::built_in(r"^[\s,]*(?:[\w-]+ ){0,3}?(?:(?:is|are|will|shall|would|may|can|do|does|was|were)(?: be)? )?(?:not|never)(?: be| ever)? (?:leaves?|sent|transmitted|used|use|set|placed|place|employed|stored|store|kept|keep|retained|retain|recorded|saved|collected|collect|gathered|shared|share|sold|sell|rented|rent|disclosed|disclose|transferred|traded|given|provided|released|passed|made available|tracked)\b");
    /// The clause speaks about other websites.
    static OTHER_SITES: Pattern = Pattern::built_in(r"\b(?:(?:these|such|those|any|other|third[- ]party|linked|external|outside|non-[\w-]+|partner|advertiser) (?:[\w-]+ )?(?:web ?sites?|sites|pages|services|apps|applications|companies' (?:web ?sites|sites)) (?:may|might|can|could|will|would|do|does|have|has|are|is|that|which|you|to which|we link|linked|collect|use|set|place|send)|(?:^|\bthe )(?:web ?sites?|sites) (?:that |which )?(?:we link|we are linked|we point|you (?:visit|reach|access|are directed|go|leave)|(?:are )?linked (?:from|to)|accessed (?:through|from|via))|(?:privacy )?(?:policies|practices|statements|policy|content) of (?:such|those|these|the|any|other|third|linked|external)|(?:not|no) (?:be )?(?:responsible|liable|control) |(?:when|once|if) you (?:leave|exit|click on|follow) |(?:web ?sites?|sites) (?:operated|owned|controlled) by (?:others|third|other|companies|parties))");
}

/// Words that negate what follows them.
const NEGATION_CUES: &[&str] = &[
    "not",
    "never",
    "no",
    "nor",
    "neither",
    "none",
    "nothing",
    "cannot",
    "can't",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "shouldn't",
    "wouldn't",
    "haven't",
    "hasn't",
    "shan't",
    "without",
    "unable",
    // Apostrophes get lost in copies of policies.
    "dont",
    "doesnt",
    "wont",
    "cant",
    "didnt",
    "isnt",
    "arent",
];

/// Words that, right after a cue, make it something other than a denial of
/// the practice ("not only", "not limited to", "no later than").
const CUE_RELEASERS: &[&str] = &[
    "only",
    "just",
    "limited",
    "necessarily",
    "all",
    "always",
    "matter",
    "later",
    "more",
    "less",
    "exclusively",
];

/// Words that open a new clause between a cue and the match, so the cue does
/// not reach the match ("we do not control the cookies that partners set").
const SCOPE_BREAKERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "if", "unless", "because", "while",
    "whether", "until", "except", "but", "however", "although", "though", "instead", "so", "once",
    "after", "before",
];

/// Subjects whose negations are about the reader or their software, not the
/// site ("you do not have to", "your browser does not accept cookies").
const READER_SUBJECTS: &[&str] = &[
    "you", "user", "users", "visitor", "visitors", "browser", "browsers", "computer", "device",
    "settings",
];

/// How many words before the match a negation cue may stand.
const NEGATION_WINDOW: usize = 7;

/// The byte range of the clause of `sentence` that contains `matched` (a
/// clause boundary inside the match itself, as in "e.u.", is ignored).
pub fn clause_around(sentence: &str, matched: Range<usize>) -> Range<usize> {
    let mut start = 0;
    let mut end = sentence.len();
    for boundary in BOUNDARY.with(|b| b.find_all(sentence)) {
        if boundary.end <= matched.start {
            start = boundary.end;
        } else if boundary.start >= matched.end {
            end = boundary.start;
            break;
        }
    }
    start..end
}

/// Whose negations deny the practice a rule looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denier {
    /// Only the site's: "you do not have to accept cookies" denies nothing
    /// about the site's cookies.
    Site,
    /// The reader's too, for what the reader can do: "you cannot delete
    /// your account" denies the choice.
    SiteOrReader,
}

/// Whether the practice matched at `matched` is denied in its clause:
/// "we do not sell", "no personal information is shared", "cookies are not
/// used", "we collect no personal data".
pub fn is_negated(sentence: &str, matched: Range<usize>, denier: Denier) -> bool {
    let clause = clause_around(sentence, matched.clone());
    negated_before(&sentence[clause.start..matched.start], denier)
        || negated_after(&sentence[matched.end..clause.end])
}

/// A cue in the last few words before the match, with no clause opener
/// between, not released ("not only") and, unless `denier` allows it, not
/// the reader's own negation.
fn negated_before(before: &str, denier: Denier) -> bool {
    let words: Vec<&str> = words(before).collect();
    let window_start = words.len().saturating_sub(NEGATION_WINDOW);
    let Some(cue) = (window_start..words.len())
        .rev()
        .find(|&i| is_cue(words[i]))
    else {
        return false;
    };
    let next = words.get(cue + 1).copied();
    let previous = cue.checked_sub(1).map(|i| words[i]);
    let released = next.is_some_and(|w| CUE_RELEASERS.contains(&w))
        || (words[cue] == "not" && cue >= 2 && words[cue - 2] == "whether")
        // "Do Not Track" is a name, not a denial.
        || (words[cue] == "not" && previous == Some("do") && next == Some("track"));
    let broken = words[cue + 1..].iter().any(|w| SCOPE_BREAKERS.contains(w));
    let subject_start = cue.saturating_sub(3);
    let conditional_or_readers = words[subject_start..cue]
        .iter()
        .any(|w| *w == "if" || (denier == Denier::Site && READER_SUBJECTS.contains(w)));
    !released && !broken && !conditional_or_readers
}

/// The matched words are the subject of a denied practice verb ("cookies
/// are not used", "card numbers will never be stored") or the verb of a
/// denied object ("we collect no personal data").
fn negated_after(after: &str) -> bool {
    let mut next_words = words(after);
    let object_denied = next_words.next() == Some("no")
        && next_words
            .next()
            .is_some_and(|w| !CUE_RELEASERS.contains(&w) && w != "longer");
    object_denied || PASSIVE_DENIAL.with(|p| p.is_match(after))
}

fn is_cue(word: &str) -> bool {
    NEGATION_CUES.contains(&word) || word.ends_with("n't")
}

/// The words of `text`: runs of letters, digits, apostrophes and hyphens.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Whether the clause around `at` speaks about other websites (linked sites,
/// third-party sites) rather than this one: such statements earn nothing.
pub fn is_about_other_sites(sentence: &str, matched: Range<usize>) -> bool {
    let clause = &sentence[clause_around(sentence, matched)];
    OTHER_SITES.with(|p| p.is_match(clause))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negated(sentence: &str, word: &str) -> bool {
        let at = sentence.find(word).expect("word in sentence");
        is_negated(sentence, at..at + word.len(), Denier::Site)
    }

    #[test]
    fn denials_negate() {
        assert!(negated("we do not sell your personal information", "sell"));
        assert!(negated(
            "we will never sell, rent or share your details",
            "share"
        ));
        assert!(negated(
            "no personal information is shared with outsiders",
            "shared"
        ));
        assert!(negated("cookies are not used on this website", "cookies"));
        assert!(negated(
            "your card number will never be stored by us",
            "card number"
        ));
        assert!(negated("this site doesn't place any cookies", "cookies"));
        assert!(negated("we collect no personal data at all", "collect"));
        assert!(!negated("we collect no more than we need", "collect"));
    }

    #[test]
    fn affirmations_do_not_negate() {
        assert!(!negated("we share your details with partners", "share"));
        assert!(!negated(
            "including but not limited to cookies and logs",
            "cookies"
        ));
        assert!(!negated(
            "not only do we use cookies, we also log visits",
            "cookies"
        ));
        assert!(!negated(
            "if you do not want cookies, change your settings",
            "cookies"
        ));
        assert!(!negated("you do not have to accept cookies", "cookies"));
        assert!(!negated(
            "we do not control the cookies that partners place",
            "place"
        ));
        assert!(!negated(
            "cookies do not contain personal information",
            "cookies"
        ));
        assert!(!negated(
            "we do not sell data, but we share it with sponsors",
            "share"
        ));
        assert!(!negated("whether or not you use cookies", "cookies"));
    }

    #[test]
    fn reader_negations_deny_only_what_the_reader_can_do() {
        let sentence = "you cannot delete your account";
        let at = sentence.find("delete").unwrap_or(0);
        assert!(!is_negated(sentence, at..at + 6, Denier::Site));
        assert!(is_negated(sentence, at..at + 6, Denier::SiteOrReader));
        let sentence = "if you do not want mail, you can unsubscribe";
        let at = sentence.find("unsubscribe").unwrap_or(0);
        assert!(!is_negated(sentence, at..at + 11, Denier::SiteOrReader));
    }

    #[test]
    fn clauses_end_at_semicolons_and_contrasts() {
        let sentence = "we never sell your data; we share it with advertisers";
        assert!(!negated(sentence, "share"));
        assert_eq!(
            &sentence[clause_around(sentence, 30..35)],
            " we share it with advertisers"
        );
    }

    #[test]
    fn recognizes_statements_about_other_sites() {
        let s = "third-party sites may use cookies to track you";
        assert!(is_about_other_sites(s, 22..29));
        let s = "we are not responsible for the privacy practices of such other sites";
        assert!(is_about_other_sites(s, 0..2));
        let s = "these companies may use information about your visits to this and other websites";
        assert!(!is_about_other_sites(s, 0..5));
        let s = "we use cookies on our site";
        assert!(!is_about_other_sites(s, 7..14));
    }
}
