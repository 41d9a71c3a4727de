//! The visible text of an HTML page, with block boundaries as line breaks.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never shown as text.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "br",
    "hr",
    "blockquote",
    "pre",
    "details",
    "summary",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "legend",
    "body",
    "title",
];

/// Returns the text a reader would see in `html` (including folded
/// `<details>` content), one block per line, with the page title first.
pub fn visible_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = String::new();
    let title =
        document.root_element().descendants().filter_map(ElementRef::wrap).find(|e| e.value().name() == "title");
    if let Some(title) = title {
        out.push_str(title.text().collect::<String>().trim());
        out.push('\n');
    }
    let body = document.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body");
    walk(body.unwrap_or_else(|| document.root_element()), &mut out);
    out
}

/// Appends the text under `root` to `out`, iteratively: hostile pages nest
/// elements deeper than any call stack.
fn walk(root: ElementRef<'_>, out: &mut String) {
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        LeaveBlock,
    }
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::LeaveBlock => {
                out.push('\n');
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(text) => push_text(&text.text, out),
            Node::Element(element) => {
                let name = element.name();
                if HIDDEN.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push('\n');
                    stack.push(Step::LeaveBlock);
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
}

/// Appends a text node, with runs of whitespace rendered as one space.
fn push_text(text: &str, out: &mut String) {
    let mut words = text.split_whitespace().peekable();
    if text.starts_with(char::is_whitespace) && words.peek().is_some() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    while let Some(word) = words.next() {
        out.push_str(word);
        if words.peek().is_some() || text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::visible_text;

    #[test]
    fn keeps_visible_text_and_block_boundaries() {
        let html = "<html><head><title>Privacy</title><style>p{}</style></head><body>\
            <h1>Cookies</h1><p>We use <b>cookies</b>.</p><script>var x = 'no';</script>\
            <details><summary>More</summary><p>We never sell data.</p></details></body></html>";
        let text = visible_text(html);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Privacy", "Cookies", "We use cookies.", "More", "We never sell data."]);
    }
}
