//! Turns a sentence into the lowercase ASCII form the rules match against.
//!
//! Accented Latin letters lose their accents ("café" reads "cafe"); any other
//! non-ASCII character separates words like a space. Rules are written for
//! English policies, and ASCII lets the phrase trie work on bytes
//! (see [`crate::phrase`]).
//!
//! Numbers read as `0` ("30 days" is "0 days"), so rules can say "a number
//! of days" without listing them.
//!
//! Offsets are never taken from the normalized form: evidence always points
//! at whole segments of the original input, so normalizing may change lengths.

/// Mis-decoded byte sequences seen in archived policies, and what they stood
/// for. `ï¿½` is U+FFFD's UTF-8 read as Latin-1; the `â€` family is UTF-8
/// punctuation read as Windows-1252.
const MOJIBAKE: &[(&str, char)] = &[
    ("ï¿½", '\''),
    ("â€™", '\''),
    ("â€˜", '\''),
    ("â€œ", '"'),
    ("â€\u{9d}", '"'),
    ("â€“", '-'),
    ("â€”", '-'),
    ("Ã©", 'é'),
];

/// Returns `text` lowercased, with curly quotes, dashes, mojibake and
/// invisible characters mapped to plain ASCII punctuation and every run of
/// whitespace or control characters collapsed to one space.
pub fn for_matching(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_matching_into(text, &mut out);
    out
}

/// Appends [`for_matching`] of `text` to `out`: many texts in one string.
pub fn for_matching_into(text: &str, out: &mut String) {
    let mut out = Ascii { start: out.len(), text: out, pending_space: false, in_number: false };
    let mut rest = text;
    while let Some(&byte) = rest.as_bytes().first() {
        if matches!(byte, b'h' | b'H' | b'w' | b'W') && !out.ends_in_word() {
            if let Some(url_len) = url_at(rest) {
                // Addresses are not statements; "https://" is no claim of encryption.
                rest = &rest[url_len..];
                out.space();
                continue;
            }
        }
        if !byte.is_ascii() {
            rest = &rest[out.other(rest)..];
        } else if byte.is_ascii_digit() {
            rest = &rest[1..];
            out.digit();
        } else if byte.is_ascii_graphic() {
            rest = &rest[1..];
            out.push(char::from(byte.to_ascii_lowercase()));
            if byte.is_ascii_alphabetic() {
                // The rest of the word's letters: no address starts inside
                // a word, so they need none of the checks above.
                let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                out.push_letters(&rest[..letters]);
                rest = &rest[letters..];
            }
        } else {
            rest = &rest[1..];
            out.space();
        }
    }
}

/// Normalized text being built: spaces are held back so runs collapse and
/// the text neither starts nor ends with one; every number becomes `0`.
struct Ascii<'o> {
    /// The string written to; this text's form starts at `start`.
    text: &'o mut String,
    start: usize,
    pending_space: bool,
    in_number: bool,
}

impl Ascii<'_> {
    #[inline] // once per character
    fn push(&mut self, c: char) {
        if self.pending_space {
            self.text.push(' ');
            self.pending_space = false;
        }
        self.text.push(c);
        self.in_number = false;
    }

    /// ASCII letters right after a letter, lowercased.
    fn push_letters(&mut self, letters: &str) {
        let from = self.text.len();
        self.text.push_str(letters);
        self.text[from..].make_ascii_lowercase();
    }

    /// A digit: the first of a run stands for the whole number.
    fn digit(&mut self) {
        if !self.in_number {
            self.push('0');
            self.in_number = true;
        }
    }

    fn space(&mut self) {
        self.pending_space = self.text.len() > self.start;
        self.in_number = false;
    }

    fn ends_in_word(&self) -> bool {
        !self.pending_space
            && self.text.len() > self.start
            && self.text.as_bytes()[self.text.len() - 1].is_ascii_alphanumeric()
    }

    /// Adds the non-ASCII char `rest` starts with, mapped and repaired;
    /// returns how many bytes of `rest` it took. Kept out of the ASCII loop:
    /// most policies are nearly all ASCII, and a short loop is quick to
    /// compile and to run in a wasm engine's first tier.
    #[inline(never)]
    fn other(&mut self, rest: &str) -> usize {
        let Some(c) = rest.chars().next() else { return rest.len() };
        let repaired = match c {
            'ï' | 'â' | 'Ã' => MOJIBAKE.iter().find(|(bad, _)| rest.starts_with(bad)),
            _ => None,
        };
        let (mapped, len) = match repaired {
            Some((bad, good)) => (Some(*good), bad.len()),
            None => (map_char(c), c.len_utf8()),
        };
        match mapped {
            None => {}
            Some(' ') => self.space(),
            Some(m) => {
                for lower in m.to_lowercase() {
                    match (lower.is_ascii(), without_accent(lower)) {
                        (true, _) => self.push(lower),
                        (false, Some(letters)) => letters.chars().for_each(|l| self.push(l)),
                        (false, None) => self.space(),
                    }
                }
            }
        }
        len
    }
}

/// The ASCII letters of an accented lowercase Latin letter.
fn without_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì'..='ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ß' => "ss",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Length of the web address `text` starts with, if it starts with one.
fn url_at(text: &str) -> Option<usize> {
    let starts_url = ["http://", "https://", "www."]
        .iter()
        .any(|p| text.len() >= p.len() && text.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
    starts_url.then(|| {
        text.find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '<')).unwrap_or(text.len())
    })
}

/// Maps one character to its plain form: `Some(' ')` for any space or
/// control character, `None` to drop it (zero-width and soft hyphens).
fn map_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' | '\u{FFFD}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => None,
        c if c.is_whitespace() || c.is_control() => Some(' '),
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::{for_matching, for_matching_into};

    #[test]
    fn appending_normalizes_each_text_on_its_own() {
        let mut out = String::new();
        for text in ["  We  SELL ", "https://x.example data", "Why 42"] {
            for_matching_into(text, &mut out);
            out.push('|');
        }
        assert_eq!(out, "we sell|data|why 0|");
        assert_eq!(for_matching("  We  SELL "), "we sell");
    }

    #[test]
    fn lowercases_and_collapses_whitespace() {
        assert_eq!(for_matching("  We  DO\tnot\n use "), "we do not use");
    }

    #[test]
    fn maps_typographic_punctuation() {
        assert_eq!(for_matching("We don\u{2019}t \u{201C}sell\u{201D} \u{2014} ever"), "we don't \"sell\" - ever");
    }

    #[test]
    fn repairs_mojibake_apostrophes() {
        assert_eq!(for_matching("the usersï¿½ profile"), "the users' profile");
        assert_eq!(for_matching("we donâ€™t"), "we don't");
    }

    #[test]
    fn yields_ascii_only() {
        assert_eq!(for_matching("Politique de CONFIDENTIALITÉ — Straße"), "politique de confidentialite - strasse");
        assert_eq!(for_matching("我们使用cookies 😀 ok"), "cookies ok");
        assert!(for_matching("نحن لا نبيع Ǆ ǅ ﬁ").is_ascii());
    }

    #[test]
    fn numbers_read_as_zero() {
        assert_eq!(for_matching("Kept 30 days, or 1,095 days (3 years)."), "kept 0 days, or 0,0 days (0 years).");
    }

    #[test]
    fn drops_web_addresses() {
        assert_eq!(for_matching("see [here](https://a.example/p?q=1). Or www.b.example now"), "see [here]( ). or now");
    }

    #[test]
    fn drops_invisible_characters_and_controls() {
        assert_eq!(for_matching("coo\u{200B}kies\u{0}\u{7} here"), "cookies here");
    }
}
