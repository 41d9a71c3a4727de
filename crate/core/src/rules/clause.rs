//! Reads the clause around a match: is the practice negated, and is the
//! statement about this site or about other sites?
//!
//! A [`Reading`] of a normalized (lowercase) sentence finds its clause
//! boundaries once; questions are then asked about the byte range of a
//! rule's match in it.

use std::ops::Range;

use policy_phrase::{Gap, Library, Scan};

use crate::compiled::{CLAUSE, CLAUSE_WORDS, EVIDENCE};

/// Words that may stand between a match and a passive denial of it
/// (`passive-denial` in `rules/clause.toml`): a few words and the auxiliary
/// ("will be", "are").
const PASSIVE_LEAD: Gap = Gap::WordsAndCommas(4);

/// Auxiliaries and modals between a subject and its negation ("do not").
const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "is", "are",
    "was", "were", "have", "has", "had",
];

/// Abbreviations whose period ends no clause: "no outside service (e.g.
/// a CDN) sits in front" is one clause, and "no" reaches "a CDN".
const ABBREVIATIONS: &[&str] = &["e.g", "i.e", "etc", "incl", "cf", "vs", "approx"];

/// Whether `text` ends with one of [`ABBREVIATIONS`] as a word of its own.
fn ends_with_abbreviation(text: &str) -> bool {
    ABBREVIATIONS.iter().any(|abbreviation| {
        text.strip_suffix(abbreviation)
            .is_some_and(|before| before.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// Words that open a new subject after "and" ("and the keys", "and we").
const NEW_SUBJECTS: &[&str] = &["the", "your", "our", "their", "its", "this", "these", "those", "we", "it", "they"];

/// Words that may stand between a preposition and its object.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "our", "its", "their", "your", "any", "this", "that", "these", "those"];

/// Prepositions whose object a match may be.
const PREPOSITIONS: &[&str] = &["to", "with", "by", "from", "via", "through", "into", "onto"];

/// How many words before the match a negation cue may stand.
const NEGATION_WINDOW: usize = 14;

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

/// A sentence, read for its clauses.
pub struct Reading<'a, 't> {
    library: &'a Library,
    scan: &'a Scan<'t>,
    text: &'t str,
    boundaries: Vec<Range<usize>>,
}

impl<'a, 't> Reading<'a, 't> {
    /// Reads a sentence from its scan by the rules' library.
    pub fn of(library: &'a Library, scan: &'a Scan<'t>) -> Reading<'a, 't> {
        let text = scan.text();
        let mut boundaries = library.find_all(scan, CLAUSE.boundary, 0..text.len());
        let period_space = text
            .match_indices('.')
            .filter(|&(at, _)| text.as_bytes().get(at + 1) == Some(&b' ') && !ends_with_abbreviation(&text[..at]));
        boundaries.extend(period_space.map(|(at, _)| at..at + 2));
        policy_phrase::sort_ranges(&mut boundaries);
        Reading { library, scan, text, boundaries }
    }

    /// The byte range of the clause that contains `matched` (a boundary
    /// inside the match itself, as in "e.u.", is ignored).
    pub fn clause_around(&self, matched: Range<usize>) -> Range<usize> {
        let mut start = 0;
        let mut end = self.text.len();
        for boundary in &self.boundaries {
            if boundary.end <= matched.start {
                start = boundary.end;
            } else if boundary.start >= matched.end {
                end = boundary.start;
                break;
            }
        }
        start..end
    }

    /// Whether the practice matched at `matched` is denied in its clause:
    /// "we do not sell", "no personal information is shared", "cookies are
    /// not used", "we collect no personal data".
    pub fn is_negated(&self, matched: Range<usize>, denier: Denier) -> bool {
        let clause = self.clause_around(matched.clone());
        // "We do not share it, except with partners": a match that opens
        // with a clause opener is not under the cue before it.
        let opens_clause =
            words(&self.text[matched.clone()]).next().is_some_and(|w| CLAUSE_WORDS.scope_breakers.contains(w));
        (!opens_clause && negated_before(&self.text[clause.start..matched.start], denier))
            || self.negated_after(matched.clone(), clause.end)
            || self.has_negative_subject(clause.start, matched.start)
    }

    /// The clause is a label the rest of the sentence answers with a
    /// denial: "Sale of personal information: none", "Sharing: we never
    /// share it".
    pub fn is_denied_label(&self, matched: Range<usize>) -> bool {
        // The label is where the match starts: a match may run on into
        // the answer ("sharing: we neither sell it nor share it").
        let clause = self.clause_around(matched.start..matched.start);
        let rest = &self.text[clause.end..];
        let Some(answer) = rest.strip_prefix(':') else { return false };
        let from = clause.end + 1 + (answer.len() - answer.trim_start().len());
        crate::links::denies_at(self.scan, from)
    }

    /// The matched words are the subject of a denied practice verb ("cookies
    /// are not used", "card numbers will never be stored") or the verb of a
    /// denied object ("we collect no personal data").
    fn negated_after(&self, matched: Range<usize>, clause_end: usize) -> bool {
        let from = matched.end;
        let rest = &self.text[from..clause_end];
        let mut next_words = words(rest);
        let object_denied = rest.starts_with(" no ")
            && next_words.nth(1).is_some_and(|w| !CLAUSE_WORDS.cue_releasers.contains(w) && w != "longer");
        // "encrypted and the keys never leave": a new subject before the
        // denial makes it another statement's.
        let lead: Vec<&str> = words(rest).take(5).take_while(|w| !is_cue(w)).collect();
        let new_subject = lead
            .windows(2)
            .any(|pair| matches!(pair[0], "and" | "but" | "while" | "whereas") && NEW_SUBJECTS.contains(&pair[1]));
        // "sent to our payment processor and is not kept": the object of a
        // preposition is not the subject of the verb after it.
        let mut before = words_backwards(&self.text[..matched.start]).skip_while(|w| DETERMINERS.contains(w));
        let object = before.next().is_some_and(|w| PREPOSITIONS.contains(&w));
        object_denied
            || (!new_subject
                && !object
                && self.library.matches_after(self.scan, CLAUSE.passive_denial, from, PASSIVE_LEAD, clause_end))
    }

    /// The clause, before the match, opens with a negative subject: "none
    /// of the pages set cookies", "no one at our company sees it".
    fn has_negative_subject(&self, clause_start: usize, match_start: usize) -> bool {
        let start = clause_start + self.text[clause_start..].len() - self.text[clause_start..].trim_start().len();
        start < match_start
            && self.library.matches_after(self.scan, CLAUSE.negative_subject, start, Gap::Words(0), match_start)
    }

    /// Whether the clause around `matched`, or what the statement is read
    /// with (the text before `own_start`: "Right to limit:"), states a
    /// right of the reader's ("you have the right to know whether we sell
    /// your data") rather than the site's practice.
    pub fn is_a_right(&self, matched: Range<usize>, own_start: usize) -> bool {
        let clause = self.clause_around(matched);
        if self.library.is_match(self.scan, CLAUSE.site_right, clause.clone()) {
            return false;
        }
        // A label the clause answers ("Right to limit: you may limit...").
        let label = if self.text[..clause.start].trim_end().ends_with(':') { clause.start } else { 0 };
        let lead = self.text[..own_start].trim_end_matches([' ', ':']);
        self.library.is_match(self.scan, CLAUSE.rights, clause)
            || self.library.is_match(self.scan, CLAUSE.rights, 0..own_start.max(label))
            // A list that opens "Your rights:" lists rights.
            || (own_start > 0 && lead.ends_with("rights"))
    }

    /// Whether `matched` runs over into a clause with a subject of its own
    /// ("send you receipts, and it is never handed to anyone"): its words
    /// are not one statement.
    pub fn crosses_new_subject(&self, matched: Range<usize>) -> bool {
        let inner = self.library.find_all(self.scan, CLAUSE.new_subject, matched.clone());
        inner.iter().any(|b| b.start > matched.start && b.end < matched.end)
    }

    /// Whether the words before `own_start` (a question) ask about getting
    /// rid of what `matched` names, with a verb outside the match.
    pub fn disposes_of(&self, matched: Range<usize>, own_start: usize) -> bool {
        let verbs = self.library.find_all(self.scan, CLAUSE.disposal, 0..own_start);
        verbs.iter().any(|verb| verb.end <= matched.start)
    }

    /// Whether the clause around `matched` is a hypothetical the site
    /// raises about itself ("should we ever decide to sell it").
    pub fn is_hypothetical(&self, matched: Range<usize>) -> bool {
        self.library.is_match(self.scan, CLAUSE.hypothetical, self.clause_around(matched))
    }

    /// Whether the clause around `matched` speaks about other websites
    /// (linked sites, third-party sites) rather than this one: such
    /// statements earn nothing.
    pub fn is_about_other_sites(&self, matched: Range<usize>) -> bool {
        let clause = self.clause_around(matched.clone());
        // The boundary that opens the clause may hold its subject (", but
        // our partners").
        let opening = self.boundaries.iter().rev().find(|b| b.end == clause.start).map_or(clause.start, |b| b.start);
        self.library.is_match(self.scan, CLAUSE.other_sites, clause.clone())
            || (self.library.is_match(self.scan, CLAUSE.elsewhere, clause.clone())
                && !self.library.is_match(self.scan, EVIDENCE.site_subject, opening..clause.end))
    }
}

/// A cue in the last few words before the match, with no clause opener
/// between, not released ("not only") and, unless `denier` allows it, not
/// the reader's own negation.
fn negated_before(before: &str, denier: Denier) -> bool {
    // The window, and the few words before it that may be the cue's subject,
    // in order: filled from the end, on the stack.
    let mut last = [""; NEGATION_WINDOW + 3];
    let mut count = 0;
    for (slot, word) in last.iter_mut().rev().zip(words_backwards(before)) {
        *slot = word;
        count += 1;
    }
    let words = &last[last.len() - count..];
    let window_start = words.len().saturating_sub(NEGATION_WINDOW);
    let Some(cue) = (window_start..words.len()).rev().find(|&i| is_cue(words[i])) else {
        return false;
    };
    let next = words.get(cue + 1).copied();
    let previous = cue.checked_sub(1).map(|i| words[i]);
    let released = next.is_some_and(|w| CLAUSE_WORDS.cue_releasers.contains(w))
        || (words[cue] == "not" && cue >= 2 && words[cue - 2] == "whether")
        // "Do Not Track" is a name, not a denial.
        || (words[cue] == "not" && previous == Some("do") && next == Some("track"));
    let broken = words[cue + 1..].iter().any(|w| CLAUSE_WORDS.scope_breakers.contains(w));
    // The subject stands right before the cue, or before its auxiliary
    // ("your browser does not", "you may not"); "if" there makes it a condition.
    let before_cue = |back: usize| cue.checked_sub(back).map(|i| words[i]);
    let subject = match before_cue(1) {
        // "set your browser to not accept": the subject is before "to".
        Some(aux) if AUXILIARIES.contains(&aux) || aux == "to" => before_cue(2),
        word => word,
    };
    // "will not work without cookies": a denial of doing without it says
    // it is needed.
    let doubled = words[cue] == "without" && words[..cue].iter().rev().take(6).copied().any(is_cue);
    let conditional_or_readers = (1..=3).filter_map(before_cue).any(|w| w == "if")
        || (denier == Denier::Site && subject.is_some_and(|w| CLAUSE_WORDS.reader_subjects.contains(w)));
    !released && !broken && !conditional_or_readers && !doubled
}

fn is_cue(word: &str) -> bool {
    let shape = match word.as_bytes().first() {
        Some(&first) if word.len() < 32 => CUE_SHAPES[first as usize] >> word.len() & 1 == 1,
        _ => true, // no shortcut: searched
    };
    (shape && CLAUSE_WORDS.negation_cues.contains(word)) || word.ends_with("n't")
}

/// For each first byte, the lengths (below 32) of the negation cues that
/// start with it, as bits: most words before a match ("we", "data") are
/// no cue by their shape, without a search of the list.
static CUE_SHAPES: [u32; 256] = {
    let cues = CLAUSE_WORDS.negation_cues.0;
    let mut shapes = [0u32; 256];
    let mut at = 0;
    while at < cues.len() {
        let cue = cues[at].as_bytes();
        if let Some(&first) = cue.first() {
            shapes[first as usize] |= if cue.len() < 32 { 1 << cue.len() } else { 0 };
        }
        at += 1;
    }
    shapes
};

/// The words of `text`: runs of letters, digits, apostrophes and hyphens
/// (any non-ASCII character counts as a letter: the text is normalized).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.bytes().position(is_word_byte)?;
        let end = rest[start..].bytes().position(|b| !is_word_byte(b)).map_or(rest.len(), |len| start + len);
        let word = &rest[start..end];
        rest = &rest[end..];
        Some(word)
    })
}

/// The [`words`] of `text`, last first.
fn words_backwards(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let end = rest.bytes().rposition(is_word_byte)? + 1;
        let start = rest[..end].bytes().rposition(|b| !is_word_byte(b)).map_or(0, |at| at + 1);
        let word = &rest[start..end];
        rest = &rest[..start];
        Some(word)
    })
}

fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[byte as usize]
}

/// [`is_word_byte`] as a table: negation reads the words before every
/// match byte by byte.
static WORD_BYTES: [bool; 256] =
    policy_phrase::byte_table!(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || !b.is_ascii());

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `ask` on a reading of `sentence` by the rules' library.
    fn with_reading<T>(sentence: &str, ask: impl FnOnce(&Reading<'_, '_>) -> T) -> T {
        let library = crate::compiled::library();
        let scan = library.scan(sentence);
        ask(&Reading::of(library, &scan))
    }

    fn negated(sentence: &str, word: &str) -> bool {
        let at = sentence.find(word).expect("word in sentence");
        is_negated(sentence, at..at + word.len(), Denier::Site)
    }

    fn is_negated(sentence: &str, matched: Range<usize>, denier: Denier) -> bool {
        with_reading(sentence, |reading| reading.is_negated(matched, denier))
    }

    fn is_about_other_sites(sentence: &str, matched: Range<usize>) -> bool {
        with_reading(sentence, |reading| reading.is_about_other_sites(matched))
    }

    #[test]
    fn denials_negate() {
        assert!(negated("we do not sell your personal information", "sell"));
        assert!(negated("we will never sell, rent or share your details", "share"));
        assert!(negated("no personal information is shared with outsiders", "shared"));
        assert!(negated("cookies are not used on this website", "cookies"));
        assert!(negated("your card number will never be stored by us", "card number"));
        assert!(negated("this site doesn't place any cookies", "cookies"));
        assert!(negated("we collect no personal data at all", "collect"));
        assert!(!negated("we collect no more than we need", "collect"));
    }

    #[test]
    fn affirmations_do_not_negate() {
        assert!(!negated("we share your details with partners", "share"));
        assert!(!negated("including but not limited to cookies and logs", "cookies"));
        assert!(!negated("not only do we use cookies, we also log visits", "cookies"));
        assert!(!negated("if you do not want cookies, change your settings", "cookies"));
        assert!(!negated("you do not have to accept cookies", "cookies"));
        assert!(!negated("we do not control the cookies that partners place", "place"));
        assert!(!negated("cookies do not contain personal information", "cookies"));
        assert!(!negated("we do not sell data, but we share it with sponsors", "share"));
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
            &sentence[with_reading(sentence, |reading| reading.clause_around(30..35))],
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
