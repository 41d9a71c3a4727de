//! The text of an HTML page as the core reads it: the same structure the
//! extension's extraction writes (`extension/content/extract-text.js`), so
//! a page gets the same badges from the CLI as from a toolbar click:
//! - the page title first, as `# <title>`;
//! - `h1`–`h6` as `#`×level and a space; `role="heading"` with its
//!   `aria-level` (2 when it has none);
//! - each `li` on a line of its own, as `- ` and its text;
//! - each table row on one line, its cells joined by ` | `;
//! - other blocks and `<br>` break the line; whitespace collapses as HTML
//!   renders it. Folded `<details>` content is kept: it is policy text.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never policy text.
const SKIPPED: &[&str] = &[
    "audio", "canvas", "embed", "head", "iframe", "img", "input", "link", "meta", "noscript", "object", "script",
    "select", "style", "svg", "template", "textarea", "title", "video",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "iframe",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// What joins the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

/// Returns the text of `html`, structured as the module says.
pub fn visible_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Writer::default();
    let elements = || document.root_element().descendants().filter_map(ElementRef::wrap);
    if let Some(title) = elements().find(|e| e.value().name() == "title") {
        let title = title.text().collect::<String>();
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            out.marker("# ");
            out.marker(&title);
            out.newline();
        }
    }
    let body = document.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body");
    walk(body.unwrap_or_else(|| document.root_element()), &mut out);
    out.text
}

/// Appends the text under `root` to `out`, iteratively: hostile pages nest
/// elements deeper than any call stack.
fn walk(root: ElementRef<'_>, out: &mut Writer) {
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        BlockEnd,
        CellEnd,
        NextCell,
    }
    // Inside a table cell, blocks do not break the row's line.
    let mut cell_depth = 0usize;
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::BlockEnd => {
                if cell_depth == 0 {
                    out.newline();
                }
                continue;
            }
            Step::CellEnd => {
                cell_depth -= 1;
                continue;
            }
            Step::NextCell => {
                out.marker(CELL_SEPARATOR);
                continue;
            }
            Step::Enter(node) => node,
        };
        let element = match node.value() {
            Node::Text(text) => {
                out.text(&text.text);
                continue;
            }
            Node::Element(element) => element,
            _ => continue,
        };
        let name = element.name();
        if SKIPPED.contains(&name) {
            continue;
        }
        if name == "br" {
            if cell_depth == 0 {
                out.newline();
            } else {
                out.space();
            }
            continue;
        }
        let marker = line_marker(name, element.attr("role"), element.attr("aria-level"));
        if cell_depth == 0 && (marker.is_some() || BLOCKS.contains(&name)) {
            out.newline();
            stack.push(Step::BlockEnd);
            if let Some(marker) = marker {
                out.marker(&marker);
            }
        } else if cell_depth > 0 && BLOCKS.contains(&name) {
            out.space();
        }
        if matches!(name, "td" | "th") {
            cell_depth += 1;
            stack.push(Step::CellEnd);
        }
        let mut children = Vec::new();
        let mut cells = 0;
        for child in node.children() {
            let is_cell = child.value().as_element().is_some_and(|e| matches!(e.name(), "td" | "th"));
            if name == "tr" && is_cell {
                if cells > 0 {
                    children.push(Step::NextCell);
                }
                cells += 1;
            }
            children.push(Step::Enter(child));
        }
        stack.extend(children.into_iter().rev());
    }
}

/// The synthetic start of an element's line: `#`×level and a space for a
/// heading, `- ` for a list item.
fn line_marker(name: &str, role: Option<&str>, aria_level: Option<&str>) -> Option<String> {
    let level = match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => name[1..].parse().ok(),
        _ if role == Some("heading") => {
            Some(aria_level.and_then(|l| l.trim().parse::<usize>().ok()).filter(|l| (1..=6).contains(l)).unwrap_or(2))
        }
        _ => None,
    };
    match level {
        Some(level) => Some(format!("{} ", "#".repeat(level))),
        None => (name == "li").then(|| "- ".to_string()),
    }
}

/// The text being written: whitespace collapsed as HTML renders it, a
/// line broken once however many blocks end together.
#[derive(Default)]
struct Writer {
    text: String,
    /// At the start, or just after whitespace, a line break or a marker.
    at_break: bool,
}

impl Writer {
    /// Appends a text node's text, its runs of whitespace as one space.
    fn text(&mut self, text: &str) {
        let starts_with_space = text.starts_with(|c: char| c.is_ascii_whitespace());
        let mut words = text.split_ascii_whitespace().peekable();
        if words.peek().is_none() {
            if starts_with_space {
                self.space();
            }
            return;
        }
        if starts_with_space {
            self.space();
        }
        while let Some(word) = words.next() {
            self.text.push_str(word);
            self.at_break = false;
            if words.peek().is_some() {
                self.text.push(' ');
            }
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.space();
        }
    }

    /// A space, unless at a break already.
    fn space(&mut self) {
        if !self.at_break && !self.text.is_empty() {
            self.text.push(' ');
            self.at_break = true;
        }
    }

    /// Synthetic text: a heading's `## `, an item's `- `, a cell separator.
    fn marker(&mut self, marker: &str) {
        if marker.starts_with(' ') && self.text.ends_with(' ') {
            self.text.push_str(&marker[1..]);
        } else {
            self.text.push_str(marker);
        }
        self.at_break = marker.ends_with(' ');
    }

    /// A line break, once.
    fn newline(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.at_break = true;
    }
}

#[cfg(test)]
mod tests {
    use super::visible_text;

    fn lines(html: &str) -> Vec<String> {
        visible_text(html).lines().map(str::to_string).collect()
    }

    #[test]
    fn keeps_visible_text_block_boundaries_and_folded_sections() {
        let html = "<html><head><title> Acme  Privacy </title><style>p{}</style></head><body>\
            <h1>Cookies</h1><p>We use <b>cookies</b>.</p><script>var x = 'no';</script>\
            <details><summary>More</summary><p>We never sell data.</p></details></body></html>";
        assert_eq!(lines(html), ["# Acme Privacy", "# Cookies", "We use cookies.", "More", "We never sell data."]);
    }

    #[test]
    fn writes_headings_list_items_and_table_rows_as_the_extension_does() {
        let html = "<body><h3>Sharing</h3><div role=\"heading\" aria-level=\"4\">Who gets it</div>\
            <div role=\"heading\">Level two</div><ul><li>our <i>partners</i></li><li>nobody else</li></ul>\
            <table><tr><th>Data</th><th>Kept for</th></tr><tr><td>IP<br>address</td><td><p>7</p><p>days</p></td></tr></table></body>";
        assert_eq!(
            lines(html),
            [
                "### Sharing",
                "#### Who gets it",
                "## Level two",
                "- our partners",
                "- nobody else",
                "Data | Kept for",
                "IP address | 7 days"
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert!(visible_text(&html).contains("deep"));
    }
}
