//! Does the text read like a privacy policy at all?
//!
//! Three signals, each measured on the whole text: a heading that names a
//! privacy policy, how many sentences state the site's own data practices
//! ("we collect", "we share"), and how many distinct practices were found.
//! A news article about privacy lacks the first two; a shop page all three.

use policy_phrase::Scan;

use crate::compiled::{library, DETECTOR};

/// Whether a scanned sentence states one of the site's own data practices
/// (`practice` in `rules/detect.toml`): "we collect", "your information is
/// never sold".
pub fn states_practice(scan: &Scan<'_>) -> bool {
    library().is_match(scan, DETECTOR.practice, 0..scan.len())
}

/// Whether a scanned heading names a privacy policy or notice
/// (`privacy-heading` in `rules/detect.toml`).
pub fn names_privacy(scan: &Scan<'_>) -> bool {
    library().is_match(scan, DETECTOR.privacy_heading, 0..scan.len())
}

/// Fewer words than this is not enough text to call it a policy.
pub const MIN_POLICY_WORDS: usize = 60;

/// Sentences stating the site's practices that make the practice signal
/// full whatever else the page holds (a policy inside a long page).
const PRACTICE_SENTENCES_ENOUGH: usize = 12;

/// Score from which a text counts as a policy.
pub const POLICY_THRESHOLD: f32 = 0.5;

/// What the detector measured, and its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether the text reads like a privacy policy.
    pub is_policy: bool,
    /// Score from 0 to 1.
    pub score: f32,
    /// Why, in one sentence for people.
    pub reason: String,
}

/// Measures to judge a text by, gathered while it is analyzed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signals {
    /// Words in the text.
    pub words: usize,
    /// Sentences (not headings) in the text.
    pub sentences: usize,
    /// Sentences where the site states one of its own data practices.
    pub practice_sentences: usize,
    /// Whether a heading or the first line names a privacy policy or notice.
    pub privacy_heading: bool,
    /// Distinct badges the rules found.
    pub distinct_badges: usize,
}

impl Signals {
    /// Records one sentence, and whether it [`states_practice`].
    pub fn sentence(&mut self, states_practice: bool) {
        self.sentences += 1;
        self.practice_sentences += usize::from(states_practice);
    }

    /// Records one normalized heading, and whether it [`names_privacy`].
    /// A line of links ("privacy policy | terms of use | careers") is
    /// navigation, not a heading, and does not count.
    pub fn heading(&mut self, normalized: &str, names_privacy: bool) {
        let navigation = normalized.matches(" | ").count() >= 2;
        self.privacy_heading |= names_privacy && !navigation;
    }

    /// Weighs the signals into a verdict.
    pub fn verdict(&self) -> Verdict {
        if self.words == 0 {
            return Verdict { is_policy: false, score: 0.0, reason: "The page has no text to analyze.".into() };
        }
        let practice_ratio = self.practice_sentences as f32 / self.sentences.max(1) as f32;
        let practice_count = self.practice_sentences as f32 / PRACTICE_SENTENCES_ENOUGH as f32;
        let score = 0.35 * (self.distinct_badges as f32 / 8.0).min(1.0)
            + 0.35 * (practice_ratio / 0.2).max(practice_count).min(1.0)
            + if self.privacy_heading { 0.3 } else { 0.0 };
        let score = (score * 100.0).round() / 100.0;
        let long_enough = self.words >= MIN_POLICY_WORDS;
        let is_policy = long_enough && score >= POLICY_THRESHOLD;
        let reason = if !long_enough {
            format!("The page has only {} words, too few for a privacy policy.", self.words)
        } else if is_policy {
            format!(
                "{} of {} sentences describe how the site handles data, and {} practices were found.",
                self.practice_sentences, self.sentences, self.distinct_badges
            )
        } else if self.practice_sentences == 0 {
            "The page does not describe how a site collects, uses or shares data.".into()
        } else {
            format!(
                "Only {} of {} sentences describe how the site handles data, and no privacy policy heading was found.",
                self.practice_sentences, self.sentences
            )
        };
        Verdict { is_policy, score, reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_tell_practices_and_privacy_headings() {
        let practice = |text: &str| states_practice(&library().scan(text));
        assert!(practice("we collect the name you give us"));
        assert!(practice("your personal information is never sold"));
        assert!(!practice("the company said it shares data with advertisers"));
        let privacy = |text: &str| names_privacy(&library().scan(text));
        assert!(privacy("our privacy notice"));
        assert!(privacy("datenschutzerklarung"));
        assert!(!privacy("regulators fine social network"));
    }

    #[test]
    fn empty_text_is_not_a_policy() {
        let verdict = Signals::default().verdict();
        assert!(!verdict.is_policy);
        assert_eq!(verdict.score, 0.0);
    }

    #[test]
    fn short_text_is_not_a_policy_whatever_it_says() {
        let mut signals = Signals { words: 20, distinct_badges: 9, ..Signals::default() };
        signals.heading("privacy policy", true);
        signals.sentence(true);
        assert!(!signals.verdict().is_policy);
    }

    #[test]
    fn practices_under_a_privacy_heading_make_a_policy() {
        let mut signals = Signals { words: 400, distinct_badges: 7, ..Signals::default() };
        signals.heading("our privacy notice", true);
        for _ in 0..3 {
            signals.sentence(true);
            signals.sentence(false);
        }
        let verdict = signals.verdict();
        assert!(verdict.is_policy, "{verdict:?}");
        assert!(verdict.reason.contains("3 of 6 sentences"));
    }

    #[test]
    fn a_footer_link_is_not_a_privacy_heading() {
        let mut signals = Signals::default();
        signals.heading("privacy policy | terms of use | careers", true);
        assert!(!signals.privacy_heading);
        signals.heading("our privacy policy", true);
        assert!(signals.privacy_heading);
    }

    #[test]
    fn an_article_about_privacy_is_not_a_policy() {
        let mut signals = Signals { words: 900, distinct_badges: 4, ..Signals::default() };
        signals.heading("regulators fine social network", false);
        for _ in 0..20 {
            signals.sentence(false);
        }
        assert!(!signals.verdict().is_policy);
    }
}
