//! Markdown for people: the article's title, then the claims grouped by
//! actor (name and role), each a blockquote with its kind, cue and hedges,
//! ready to paste into notes. Claims whose source is not a known actor come
//! last, in a group of their own.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::analysis::{Claim, ClaimKind};
use crate::corrected::Annotation;
use crate::export::Request;
use crate::safe_text::for_terminal;

/// The claims asked for, grouped by source actor: first the actors asked
/// for, in their order, then any other source actor in the order of its
/// first claim, then the claims with no actor. With the user's layer
/// (empty for none): each note under its quote, and "marked"
/// and "corrected by you" among a claim's details.
pub fn render(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    let (doc, analysis) = (request.doc, request.analysis);
    let no_user = Annotation::default();
    let user_of = |c: usize| request.user.get(c).unwrap_or(&no_user);
    let grouped = Grouped::new(request);

    write!(out, "# {}\n\n", escape(&doc.title))?;
    writeln!(
        out,
        "Who said what in {}: {} claim{} by {} actor{}.",
        if doc.source == "-" {
            "standard input".to_string()
        } else {
            escape(&doc.source)
        },
        request.claims.len(),
        plural(request.claims.len()),
        grouped.actors.len(),
        plural(grouped.actors.len()),
    )?;
    for &a in &grouped.actors {
        let actor = &analysis.actors[a];
        write!(out, "\n## {}", escape(&actor.name))?;
        if let Some(role) = &actor.role {
            write!(out, " — {}", escape(role))?;
        }
        writeln!(out)?;
        for &c in &grouped.claims_of[a] {
            claim_block(out, &doc.text, &analysis.claims[c], user_of(c), false)?;
        }
    }
    if !grouped.orphans.is_empty() {
        out.write_all(b"\n## No identified source\n")?;
        for &c in &grouped.orphans {
            claim_block(out, &doc.text, &analysis.claims[c], user_of(c), true)?;
        }
    }
    Ok(())
}

/// The claims asked for, grouped as [`render`] shows them. Each claim is
/// put in its group once (looking through all claims for each actor took
/// a time growing with actors × claims).
struct Grouped {
    /// The source actors, in the order shown.
    actors: Vec<usize>,
    /// By actor index: its claims asked for, in their order.
    claims_of: Vec<Vec<usize>>,
    /// The claims with no actor.
    orphans: Vec<usize>,
}

impl Grouped {
    fn new(request: &Request) -> Self {
        let analysis = request.analysis;
        let mut claims_of = vec![Vec::new(); analysis.actors.len()];
        let mut by_first_claim = Vec::new();
        let mut orphans = Vec::new();
        for &c in request.claims {
            match analysis.claims[c].source.and_then(|s| s.actor) {
                Some(a) => {
                    if claims_of[a].is_empty() {
                        by_first_claim.push(a);
                    }
                    claims_of[a].push(c);
                }
                None => orphans.push(c),
            }
        }
        // The actors asked for first, in their order; then the others.
        let mut actors: Vec<usize> = (request.actors.iter().copied())
            .filter(|&a| !claims_of[a].is_empty())
            .collect();
        let mut asked = vec![false; claims_of.len()];
        for &a in &actors {
            asked[a] = true;
        }
        actors.extend(by_first_claim.into_iter().filter(|&a| !asked[a]));
        Grouped {
            actors,
            claims_of,
            orphans,
        }
    }
}

/// One claim as a blockquote, then a line with its kind, cue and hedges
/// (and, when `show_source`, the words that name its source).
fn claim_block(
    out: &mut dyn Write,
    text: &str,
    claim: &Claim,
    user: &Annotation,
    show_source: bool,
) -> io::Result<()> {
    let words = claim.span.of(text).trim();
    let words = match claim.kind {
        ClaimKind::Direct => format!("“{words}”"),
        ClaimKind::Indirect | ClaimKind::Mixed => words.to_string(),
    };
    writeln!(out)?;
    for line in words.lines() {
        let line = escape(line.trim_end());
        if line.is_empty() {
            out.write_all(b">\n")?;
        } else {
            writeln!(out, "> {line}")?;
        }
    }
    let mut meta = vec![claim.kind.name().to_string()];
    if show_source {
        meta.push(match claim.source {
            Some(s) => format!("source: *{}*", escape(s.span.of(text))),
            None => "no source".to_string(),
        });
    }
    if let Some(cue) = claim.cue {
        meta.push(format!("cue: *{}*", escape(cue.of(text))));
    }
    if !claim.hedges.is_empty() {
        let hedges: Vec<String> = claim
            .hedges
            .iter()
            .map(|h| format!("*{}*", escape(h.of(text))))
            .collect();
        meta.push(format!("hedges: {}", hedges.join(", ")));
    }
    if user.marked {
        meta.push("marked".to_string());
    }
    if user.by_user {
        meta.push("corrected by you".to_string());
    }
    writeln!(out, ">\n> — {}", meta.join(" · "))?;
    if let Some(note) = &user.note {
        writeln!(out)?;
        for (i, line) in note.lines().enumerate() {
            let lead = if i == 0 { "**Note:** " } else { "" };
            // Two spaces end a Markdown line without ending the paragraph.
            writeln!(out, "{lead}{}  ", escape(line.trim_end()))?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One line of text with Markdown's inline markup characters escaped, a
/// line start that would begin a heading, list or quote escaped too, and
/// control characters shown safely (Markdown notes are printed and pasted).
/// A line break (a file name may hold one) becomes a space, so a title or
/// name cannot start a line of its own.
fn escape(text: &str) -> String {
    let one_line: Cow<str> = if text.contains('\n') {
        text.replace('\n', " ").into()
    } else {
        text.into()
    };
    let text = for_terminal(&one_line);
    let mut out = String::with_capacity(text.len());
    if text.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::document::Document;
    use crate::export::sample;

    #[test]
    fn claims_are_grouped_by_actor_with_the_unresolved_last() {
        let (doc, analysis) = sample::analysis();
        let md = sample::rendered(
            render,
            &Request::new(&doc, &analysis, &[0, 1, 2, 3], &[0, 1]),
        );
        assert_eq!(
            md,
            "# Café budget fight 🚀

Who said what in notes/café.txt: 4 claims by 2 actors.

## Élise Durand — Mayor

> “We won’t back down,”
>
> — direct · cue: *said*

> 31 percent of the budget would reportedly go to schools
>
> — indirect · cue: *said* · hedges: *reportedly*

## Zoë O’Neill

> the plan was “naïve” and might fail
>
> — mixed · cue: *argued* · hedges: *might*

## No identified source

> “a turning point”
>
> — direct · source: *Critics* · cue: *called*
"
        );
    }

    #[test]
    fn the_actor_order_given_comes_first() {
        let (doc, analysis) = sample::analysis();
        let md = sample::rendered(render, &Request::new(&doc, &analysis, &[0, 2], &[1]));
        let zoe = md.find("## Zoë").unwrap();
        let elise = md.find("## Élise").unwrap();
        assert!(zoe < elise, "{md}");
        assert!(md.contains("2 claims by 2 actors"));
        assert!(!md.contains("No identified source"));
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        assert_eq!(escape("# *not* [a] link_x"), r"\# \*not\* \[a\] link\_x");
        assert_eq!(escape("a - b"), "a - b");
    }

    #[test]
    fn a_file_name_with_escapes_makes_a_safe_one_line_title() {
        let doc = Document::from_text("/tmp/\x1b]2;pwned\x07\r\nnews\u{9b}.txt", "Quiet day.");
        let md = sample::rendered(render, &Request::new(&doc, &Analysis::default(), &[], &[]));
        let title = md.lines().next().unwrap();
        assert_eq!(title, "# ␛\\]2;pwned␇␍ news\u{fffd}");
        assert!(!md.chars().any(crate::safe_text::is_unsafe), "{md:?}");
        assert!(
            md.lines()
                .nth(2)
                .unwrap()
                .starts_with("Who said what in /tmp/␛")
        );
    }
}
