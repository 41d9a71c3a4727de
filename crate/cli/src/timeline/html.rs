//! The timelines as one self-contained HTML page: a chart per file, badges
//! as rows and time as columns, each bar colored by the badge's polarity
//! and carrying its evidence (shown on hover or focus). No resource is
//! loaded from anywhere: inline CSS and a few lines of inline script, under
//! a Content-Security-Policy that forbids everything else. Policy text is
//! untrusted: it is escaped here and set as text by the script.

use std::collections::BTreeMap;
use std::fmt::Write;

use policy_badges::{BadgeId, Group, Polarity};

use super::changes::Kind;
use super::{day, FileTimeline, Status};
use crate::render::count;

/// Evidence sentences kept per bar, and characters per sentence.
const EVIDENCE_SENTENCES: usize = 3;
const EVIDENCE_CHARS: usize = 400;
/// One day, in seconds.
const DAY: i64 = 86_400;
/// The time axis runs this share of its span past the last commit, so that
/// the last version (and a badge it brought) has room to show.
const TAIL: i64 = 50;

/// What the page says about where the timelines come from.
pub struct Context<'a> {
    /// The repository, as given.
    pub source: &'a str,
    /// The revision read.
    pub rev: &'a str,
    /// The time of the last commit read: bars still present run up to it.
    pub end: i64,
}

/// The whole page.
pub fn page(files: &[FileTimeline], context: &Context<'_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let versions: usize = files.iter().map(|f| f.versions.len()).sum();
    let changes = files.iter().flat_map(|f| &f.changes).filter(|c| c.kind != Kind::Initial).count();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Policy badges over time: {source}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>Policy badges over time</h1>\n\
         <p class=\"sub\">{files}, {versions}, {changes} · {source} at {rev}, up to {end}</p>\n\
         <p class=\"legend\"><span class=\"key bad\">✗ concern</span> <span class=\"key good\">✓ protection</span> \
         <span class=\"key info\">i fact</span> · ticks mark versions, dashed ones were not read as a policy · \
         hover or focus a bar for the sentences that earned it</p>\n\
         <input id=\"filter\" type=\"search\" placeholder=\"Filter by file or badge\" aria-label=\"Filter by file or badge\">\n\
         </header>\n<main>\n",
        source = escape(context.source),
        files = count(files.len(), "file", "files"),
        versions = count(versions, "version", "versions"),
        changes = count(changes, "badge change", "badge changes"),
        rev = escape(context.rev),
        end = day(context.end),
    );
    index(&mut out, files);
    for (i, file) in files.iter().enumerate() {
        chart(&mut out, i, file, context.end);
    }
    let _ = write!(
        out,
        "</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// How a file's badge ended up, over all its changes.
struct Net {
    /// The file (an index into the files).
    file: usize,
    /// Whether the first policy version had the badge.
    first: bool,
    /// Whether the last one has it.
    last: bool,
    /// How many times it appeared or disappeared.
    moves: usize,
    /// When it last did.
    last_move: i64,
}

impl Net {
    /// How the badge ended up: "gained", "lost" or "came and went".
    fn outcome(&self) -> &'static str {
        match (self.first, self.last) {
            (false, true) => "gained",
            (true, false) => "lost",
            _ => "came and went",
        }
    }
}

/// Per badge, in display order: how each file that changed it ended up.
fn nets(files: &[FileTimeline]) -> BTreeMap<(Group, &'static str), Vec<Net>> {
    let mut by_badge: BTreeMap<(Group, &'static str), Vec<Net>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let mut per_badge: BTreeMap<(Group, &'static str), Net> = BTreeMap::new();
        for change in &file.changes {
            let initial = change.kind == Kind::Initial;
            let net = per_badge.entry(change.badge.display_key()).or_insert(Net {
                file: i,
                first: initial,
                last: false,
                moves: 0,
                last_move: 0,
            });
            net.last = change.kind != Kind::Disappeared;
            if !initial {
                net.moves += 1;
                net.last_move = file.versions[change.version].time;
            }
        }
        for (key, net) in per_badge.into_iter().filter(|(_, net)| net.moves > 0) {
            by_badge.entry(key).or_default().push(net);
        }
    }
    by_badge
}

/// Per badge, the files that gained it (with the date it came to stay),
/// lost it, or had it come and go, with links to their charts.
fn index(out: &mut String, files: &[FileTimeline]) {
    let by_badge = nets(files);
    if by_badge.is_empty() {
        return;
    }
    out.push_str("<details class=\"index\"><summary>Which files gained or lost each badge, and when</summary>\n<dl>\n");
    for ((_, id), mut nets) in by_badge {
        let Some(badge) = BadgeId::parse(id) else { continue };
        let def = badge.def();
        let _ =
            write!(out, "<dt class=\"{}\">{} {}</dt>", polarity(def.polarity), mark(def.polarity), escape(def.label));
        nets.sort_by_key(|net| net.last_move);
        for what in ["gained", "lost", "came and went"] {
            let group: Vec<String> = nets
                .iter()
                .filter(|net| net.outcome() == what)
                .map(|net| {
                    let name = escape(title(&files[net.file].path).0);
                    let link = format!("<a href=\"#f{}\">{name}</a>", net.file);
                    if net.first == net.last {
                        format!("{link} ({})", count(net.moves, "change", "changes"))
                    } else {
                        format!("{link} {}", day(net.last_move))
                    }
                })
                .collect();
            if !group.is_empty() {
                let _ = write!(out, "<dd><span class=\"what\">{what}:</span> {}</dd>", group.join(", "));
            }
        }
        out.push('\n');
    }
    out.push_str("</dl></details>\n");
}

/// A heading and a short name for a file: its directory (the service in
/// Open Terms Archive's layout) and its name.
fn title(path: &str) -> (&str, &str) {
    match path.rsplit_once('/') {
        Some((dir, name)) => (dir.rsplit('/').next().unwrap_or(dir), name),
        None => (path, ""),
    }
}

/// One file's chart: an axis of years and versions, a row per badge it
/// ever had, and the list of its changes.
fn chart(out: &mut String, index: usize, file: &FileTimeline, end: i64) {
    let Some(first) = file.versions.first() else { return };
    let start = first.time;
    let end = end.max(file.versions.last().map_or(start, |v| v.time));
    let axis_end = end + ((end - start) / TAIL).max(DAY);
    let span = axis_end - start;
    let x = |time: i64| format!("{:.3}", 100.0 * (time - start) as f64 / span as f64);
    let (name, document) = title(&file.path);
    let rows = rows(file, axis_end);
    let badge_ids: Vec<&str> = rows.iter().map(|(badge, _)| badge.as_str()).collect();
    let moves = file.changes.iter().filter(|c| c.kind != Kind::Initial).count();
    let _ = write!(
        out,
        "<section class=\"file\" id=\"f{index}\" data-name=\"{}\" data-badges=\"{}\">\n<h2>{}<span class=\"doc\">{}</span></h2>\n\
         <p class=\"meta\">{}, {} to {} · {}</p>\n<div class=\"chart\">\n",
        escape(&file.path.to_lowercase()),
        badge_ids.join(" "),
        escape(name),
        escape(document),
        count(file.versions.len(), "version", "versions"),
        day(start),
        day(end),
        count(moves, "badge change", "badge changes"),
    );
    // The axis: a label per year, a tick per version.
    let _ = write!(
        out,
        "<div class=\"row axis\"><div class=\"label\"></div><div class=\"track\" data-start=\"{start}\" data-end=\"{axis_end}\">"
    );
    for (year, time) in years(start, end) {
        let _ = write!(out, "<span class=\"year\" style=\"left:{}%\">{year}</span>", x(time));
    }
    for version in &file.versions {
        let class = if version.status == Status::Policy { "tick" } else { "tick off" };
        let _ = write!(
            out,
            "<span class=\"{class}\" style=\"left:{}%\" title=\"{} {}\"></span>",
            x(version.time),
            day(version.time),
            &version.commit.to_hex_with_len(8)
        );
    }
    out.push_str("</div></div>\n");
    if rows.is_empty() {
        out.push_str("<p class=\"meta\">No version was read as a privacy policy with badges.</p>\n");
    }
    for (badge, bars) in &rows {
        let def = badge.def();
        let class = polarity(def.polarity);
        let _ = write!(
            out,
            "<div class=\"row\" data-badge=\"{}\"><div class=\"label {class}\" title=\"{}\">{} {}</div><div class=\"track\">",
            def.id,
            escape(def.description),
            mark(def.polarity),
            escape(def.label)
        );
        for bar in bars {
            let when = if bar.to == axis_end {
                format!("since {}", day(bar.from))
            } else {
                format!("{} to {}", day(bar.from), day(bar.to))
            };
            let _ = write!(
                out,
                "<span class=\"bar {class}\" tabindex=\"0\" style=\"left:{}%;width:{}%\" data-title=\"{}: {when}\" data-ev=\"{}\"></span>",
                x(bar.from),
                format_args!("{:.3}", 100.0 * (bar.to - bar.from) as f64 / span as f64),
                escape(def.label),
                escape(&bar.evidence),
            );
        }
        out.push_str("</div></div>\n");
    }
    out.push_str("</div>\n");
    changes_list(out, file);
    out.push_str("</section>\n");
}

/// A stretch of time in which a file has a badge.
struct Bar {
    from: i64,
    to: i64,
    /// The sentences that earned it when it appeared, one per line.
    evidence: String,
}

/// The rows of a chart: each badge the file ever had, in display order,
/// with the stretches of time it had it.
fn rows(file: &FileTimeline, end: i64) -> Vec<(BadgeId, Vec<Bar>)> {
    let mut rows: BTreeMap<(Group, &str), (BadgeId, Vec<Bar>)> = BTreeMap::new();
    for change in &file.changes {
        let time = file.versions[change.version].time;
        let (_, bars) = rows.entry(change.badge.display_key()).or_insert_with(|| (change.badge, Vec::new()));
        match change.kind {
            Kind::Initial | Kind::Appeared => {
                bars.push(Bar { from: time, to: end, evidence: excerpt(&change.evidence) })
            }
            Kind::Disappeared => {
                if let Some(open) = bars.last_mut() {
                    open.to = time;
                }
            }
        }
    }
    rows.into_values().collect()
}

/// The changes after the first version, as a list under the chart.
fn changes_list(out: &mut String, file: &FileTimeline) {
    let moves: Vec<_> = file.changes.iter().filter(|c| c.kind != Kind::Initial).collect();
    if moves.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details><summary>{}</summary><ol class=\"changes\">",
        count(moves.len(), "badge change", "badge changes")
    );
    for change in moves {
        let def = change.badge.def();
        let (sign, verb) = if change.kind == Kind::Appeared { ("+", "appeared") } else { ("−", "disappeared") };
        let quote = change.evidence.first().map(|s| clip(s)).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><time>{}</time> <span class=\"{}\">{sign} {}</span> {verb} <q>{}</q></li>",
            day(file.versions[change.version].time),
            polarity(def.polarity),
            escape(def.label),
            escape(&quote),
        );
    }
    out.push_str("</ol></details>\n");
}

/// The first January of each year after `start` up to `end`, as
/// `(year, seconds)`.
fn years(start: i64, end: i64) -> Vec<(i64, i64)> {
    let first: i64 = day(start).get(..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    (first + 1..).map(|year| (year, january_first(year))).take_while(|&(_, time)| time <= end).collect()
}

/// Seconds since 1970 at the start of January 1st of `year` (UTC).
fn january_first(year: i64) -> i64 {
    let y = year - 1;
    let days = 365 * (year - 1970) + (y / 4 - y / 100 + y / 400) - (1969 / 4 - 1969 / 100 + 1969 / 400);
    days * DAY
}

/// Up to three sentences, each clipped, one per line.
fn excerpt(evidence: &[String]) -> String {
    evidence.iter().take(EVIDENCE_SENTENCES).map(|s| clip(s)).collect::<Vec<_>>().join("\n")
}

fn clip(sentence: &str) -> String {
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    match sentence.char_indices().nth(EVIDENCE_CHARS) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence,
    }
}

fn polarity(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Good => "good",
        Polarity::Bad => "bad",
        Polarity::Info => "info",
    }
}

/// The mark shown before a label, so polarity is not told by color alone.
fn mark(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Good => "✓",
        Polarity::Bad => "✗",
        Polarity::Info => "i",
    }
}

/// Escapes text for HTML content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --track: #f0f3f6;
  --good: #1a7f37; --bad: #cf222e; --info: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --track: #161b22;
    --good: #3fb950; --bad: #f85149; --info: #4493f8; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0; }
.doc { color: var(--muted); font-weight: normal; font-size: .9rem; margin-left: .5rem; }
.sub, .meta, .legend { color: var(--muted); margin: .25rem 0; }
.key.good, .good { color: var(--good); } .key.bad, .bad { color: var(--bad); } .key.info, .info { color: var(--info); }
#filter { margin: .5rem 0 1rem; padding: .35rem .6rem; width: 20rem; max-width: 100%; font: inherit; color: inherit;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.index dt { font-weight: 600; margin-top: .5rem; } .index dd { margin: 0 0 0 1.2rem; color: var(--muted); }
.index .what { font-style: italic; }
.index a { color: var(--fg); }
.file { border-top: 1px solid var(--line); padding: 1rem 0; content-visibility: auto; contain-intrinsic-size: auto 20rem; }
.chart { margin: .5rem 0; }
.row { display: grid; grid-template-columns: 17rem 1fr; align-items: center; min-height: 1.35rem; }
.label { font-size: 13px; padding-right: .75rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.track { position: relative; height: .95rem; background: var(--track); border-radius: 3px; }
.axis .track { height: 1.7rem; background: none; border-bottom: 1px solid var(--line); border-radius: 0; }
.year { position: absolute; top: 0; padding-left: 3px; border-left: 1px solid var(--line); height: 100%;
  font-size: 11px; color: var(--muted); }
.tick { position: absolute; bottom: 0; width: 2px; margin-left: -1px; height: .45rem; background: var(--muted); }
.tick.off { height: .8rem; width: 0; border-left: 2px dotted var(--muted); background: none; }
.bar { position: absolute; top: 0; bottom: 0; min-width: 4px; border-radius: 3px; cursor: help; }
.bar.good { background: var(--good); } .bar.bad { background: var(--bad); } .bar.info { background: var(--info); }
.bar:hover, .bar:focus { outline: 2px solid var(--fg); outline-offset: 1px; z-index: 1; }
.changes { margin: .25rem 0; padding-left: 1.5rem; } .changes li { margin: .2rem 0; }
.changes time { color: var(--muted); font-variant-numeric: tabular-nums; }
q { color: var(--muted); }
#tip { position: fixed; z-index: 2; max-width: 34rem; padding: .5rem .75rem; border: 1px solid var(--line);
  border-radius: 6px; background: var(--bg); color: var(--fg); box-shadow: 0 4px 16px rgb(0 0 0 / .25);
  pointer-events: none; font-size: 13px; }
#tip q { display: block; margin-top: .35rem; color: var(--fg); }
"#;

const SCRIPT: &str = r#"
'use strict';
const tip = document.getElementById('tip');
function show(bar) {
  tip.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = bar.dataset.title;
  tip.append(title);
  for (const sentence of bar.dataset.ev.split('\n')) {
    if (sentence) {
      const quote = document.createElement('q');
      quote.textContent = sentence;
      tip.append(quote);
    }
  }
  tip.style.left = '0px';
  tip.style.top = '0px';
  tip.hidden = false;
  const box = bar.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
  const below = box.bottom + 6 + height < window.innerHeight;
  tip.style.left = `${left}px`;
  tip.style.top = `${below ? box.bottom + 6 : Math.max(8, box.top - height - 6)}px`;
}
function hide() { tip.hidden = true; }
for (const type of ['pointerover', 'focusin']) {
  document.addEventListener(type, (event) => {
    const bar = event.target.closest?.('.bar');
    if (bar) { show(bar); } else if (type === 'pointerover') { hide(); }
  });
}
document.addEventListener('focusout', hide);
document.addEventListener('scroll', hide, { passive: true });
document.getElementById('filter').addEventListener('input', (event) => {
  const words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const file of document.querySelectorAll('.file')) {
    const text = `${file.dataset.name} ${file.dataset.badges}`;
    file.hidden = !words.every((word) => text.includes(word));
  }
});
"#;

#[cfg(test)]
mod tests {
    use super::super::changes::Change;
    use super::super::VersionInfo;
    use super::*;

    fn timeline() -> FileTimeline {
        let version = |time, status| VersionInfo { commit: gix::ObjectId::null(gix::hash::Kind::Sha1), time, status };
        let change = |version, kind, badge, evidence: &str| Change {
            version,
            previous: None,
            kind,
            badge,
            evidence: vec![evidence.to_string()],
        };
        FileTimeline {
            path: "Acme <script>/Privacy Policy.md".into(),
            versions: vec![
                version(1_577_836_800, Status::Policy),
                version(1_609_459_200, Status::NotPolicy),
                version(1_640_995_200, Status::Policy),
            ],
            changes: vec![
                change(0, Kind::Initial, BadgeId::NoSale, "We never sell <b>your</b> data."),
                change(2, Kind::Appeared, BadgeId::SellsData, "We \"may\" sell it & more."),
                change(2, Kind::Disappeared, BadgeId::NoSale, "We never sell <b>your</b> data."),
            ],
        }
    }

    fn page_of(timeline: FileTimeline) -> String {
        page(&[timeline], &Context { source: "repo", rev: "HEAD", end: 1_672_531_200 })
    }

    #[test]
    fn policy_text_is_escaped() {
        let html = page_of(timeline());
        assert!(!html.contains("<b>your</b>") && !html.contains("Acme <script>"));
        assert!(html.contains("We never sell &lt;b&gt;your&lt;/b&gt; data."));
        assert!(html.contains("We &quot;may&quot; sell it &amp; more."));
        assert_eq!(html.matches("<script>").count(), 1, "only the page's own script");
    }

    #[test]
    fn a_row_per_badge_and_a_bar_per_stretch() {
        let html = page_of(timeline());
        assert_eq!(html.matches("<div class=\"row\" data-badge=").count(), 2);
        assert!(html.contains("data-badge=\"sells-data\"") && html.contains("data-badge=\"no-sale\""));
        // no-sale from 2020 to 2022 of an axis from 2020 to 2023 and a fiftieth; sells-data from 2022 on.
        assert!(html.contains("style=\"left:0.000%;width:65.389%\""), "{html}");
        assert!(html.contains("style=\"left:65.389%;width:34.611%\""));
        assert!(html.contains(">2021</span>") && html.contains(">2023</span>"));
        assert_eq!(html.matches("class=\"tick off\"").count(), 1);
    }

    #[test]
    fn the_index_says_who_gained_and_lost_what() {
        let html = page_of(timeline());
        let sells = html.find("✗ May sell your data</dt>").expect("a sells-data entry");
        let no_sale = html.find("✓ Does not sell your data</dt>").expect("a no-sale entry");
        let entry = |at: usize| &html[at..at + html[at..].find("\n").expect("an end of line")];
        assert!(entry(sells).contains("gained:</span> <a href=\"#f0\">Acme &lt;script&gt;</a> 2022-01-01"));
        assert!(entry(no_sale).contains("lost:</span> <a href=\"#f0\">Acme &lt;script&gt;</a> 2022-01-01"));
    }

    #[test]
    fn the_page_loads_nothing() {
        let html = page_of(timeline());
        assert!(html.contains("default-src 'none'"));
        for needle in ["src=", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(needle), "{needle}");
        }
    }

    #[test]
    fn january_first_is_right() {
        assert_eq!(january_first(1970), 0);
        assert_eq!(january_first(2000), 946_684_800);
        assert_eq!(january_first(2024), 1_704_067_200);
    }
}
