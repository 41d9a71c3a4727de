//! A progress bar on standard error, drawn only when it is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Whether a bar would be seen: standard error is a terminal.
pub fn visible() -> bool {
    std::io::stderr().is_terminal()
}

/// A bar counting `what` (e.g. "documents") up to `total`, or a counter
/// with a rate when the total is unknown. Hidden when standard error is not
/// a terminal, so logs and pipes get no control characters.
pub fn bar(total: Option<u64>, what: &str) -> ProgressBar {
    if !visible() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
            format!("{{bar:40}} {{pos}}/{{len}} {what} · {{per_sec}} · {{eta}} left · {{msg}}"),
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            format!("{{spinner}} {{pos}} {what} · {{per_sec}} · {{msg}}"),
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}
