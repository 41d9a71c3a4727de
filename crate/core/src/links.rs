//! How a statement is linked to the statements around it
//! (`rules/links.toml`): the party an opening pronoun stands for, whether
//! an answer denies its question, whether a statement refers back to the
//! one before it. Each reads the scan the statement already has.

use policy_phrase::{Gap, Scan};

use crate::compiled::{library, LINKS};

/// What an opening pronoun is read as when the statement before named a
/// party working for the site ("We use a payment processor. It...").
pub const SERVICE_PARTY: &str = "our service provider";

/// What an opening pronoun is read as when the statement before named
/// another party ("We use Sensify. It receives...").
pub const THIRD_PARTY: &str = "a third party";

/// The party other than the site that a scanned statement names, as an
/// opening pronoun after it is read: a service provider, or else a third
/// party, a tracker, or a company by its capitalized name after "we use"
/// or "we work with" (`original` is the statement as written).
pub fn party_named(scan: &Scan<'_>, original: &str) -> Option<&'static str> {
    let library = library();
    let text = scan.text();
    let named = |pattern| library.is_match(scan, pattern, 0..text.len());
    if named(LINKS.service_party) {
        return Some(SERVICE_PARTY);
    }
    let partner = || {
        let verbs = library.find_all(scan, LINKS.names_a_partner, 0..text.len());
        verbs.iter().any(|verb| named_after(original, &text[verb.clone()]))
    };
    (named(LINKS.party) || partner()).then_some(THIRD_PARTY)
}

/// Where the pronoun a scanned statement opens with ends, if it opens with
/// one ("It receives...", "This company...").
pub fn opening_pronoun(scan: &Scan<'_>) -> Option<usize> {
    let library = library();
    library.find_all(scan, LINKS.pronoun_subject, 0..scan.len()).first().filter(|p| p.start == 0).map(|p| p.end)
}

/// Whether a scanned answer opens with a denial: "No.", "None", "We don't".
pub fn is_denial(scan: &Scan<'_>) -> bool {
    denies_at(scan, 0)
}

/// Whether the answer starting at `from` in a scanned text denies what its
/// question or label asks.
pub fn denies_at(scan: &Scan<'_>, from: usize) -> bool {
    let opens = |pattern, gap| library().matches_after(scan, pattern, from, gap, scan.len());
    // "Nobody gets it:" + "not advertisers, not brokers" spells the prompt
    // out rather than denying it; "nothing beyond your name" grants some.
    if opens(LINKS.exclusion_list, Gap::Words(0)) || opens(LINKS.qualified_denial, Gap::Words(0)) {
        return false;
    }
    // "Acme does not...": a name, then its denial.
    opens(LINKS.denial_answer, Gap::Words(0)) || opens(LINKS.named_denial, Gap::Words(1))
}

/// Whether a statement opens (at `own_start` of its scan) by referring
/// back to the one before it: "None of it...", "This data is never...".
pub fn refers_back(scan: &Scan<'_>, own_start: usize) -> bool {
    library().matches_after(scan, LINKS.back_reference, own_start, Gap::Words(0), scan.len())
}

/// Whether, in `original`, the words `verb` (normalized) are followed by a
/// capitalized name: "We work with Adtrail".
fn named_after(original: &str, verb: &str) -> bool {
    let lower = original.to_ascii_lowercase();
    lower.find(verb).is_some_and(|at| {
        original[at + verb.len()..].split_whitespace().next().is_some_and(|next| {
            next.chars().next().is_some_and(char::is_uppercase) && next.chars().skip(1).any(char::is_lowercase)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Scan<'_> {
        library().scan(text)
    }

    #[test]
    fn parties_are_named_by_kind_or_by_a_capitalized_name() {
        assert_eq!(party_named(&scan("we work with adtrail."), "We work with Adtrail."), Some(THIRD_PARTY));
        assert_eq!(party_named(&scan("we work with a payment processor."), "x"), Some(SERVICE_PARTY));
        assert_eq!(party_named(&scan("we keep a log."), "We keep a log."), None);
        assert_eq!(party_named(&scan("we use the app daily."), "We use the app daily."), None);
    }

    #[test]
    fn pronouns_answers_and_back_references_are_read_at_the_start() {
        assert_eq!(opening_pronoun(&scan("it receives your e-mail address")), Some(2));
        assert_eq!(opening_pronoun(&scan("we give it to them")), None);
        assert!(is_denial(&scan("no, never.")));
        assert!(!is_denial(&scan("yes, once.")));
        assert!(refers_back(&scan("none of it reaches a partner"), 0));
        assert!(!refers_back(&scan("we never share data"), 0));
    }
}
