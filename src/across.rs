//! What one actor said in every article of the library — the question no
//! single article answers — as the user corrected each article: a claim
//! dismissed, or given to another source, is not the actor's; one given to
//! it, made for it, or an actor renamed or merged into it, is. The store
//! says which articles may hold the actor; this reads each through the
//! user's layer ([`crate::corrected`]), so the store needs no view of it.

use crate::analysis::Actor;
use crate::filter::fold;
use crate::store::{ActorClaim, DocId, Elsewhere, KeptArticle, Store, StoreError, names_of};

/// Every claim, in every article kept, by an actor called `name` (its name
/// or an alias). Each article's latest kept analysis is read: run
/// [`unanalysed`](Store::unanalysed) first to bring them up to date.
pub fn claims_by(store: &Store, name: &str) -> Result<Vec<ActorClaim>, StoreError> {
    Ok(matching(store, &[fold(name)], None)?.claims)
}

/// Where an actor of document `id` appears in the other articles kept, by
/// any of its names.
pub fn elsewhere(store: &Store, id: DocId, actor: &Actor) -> Result<Elsewhere, StoreError> {
    matching(store, &names_of(actor), Some(id))
}

fn matching(
    store: &Store,
    names: &[String],
    except: Option<DocId>,
) -> Result<Elsewhere, StoreError> {
    let mut found = Elsewhere::default();
    store.each_kept_naming(names, except, |article| {
        let layer = store.user_layer(article.document)?;
        let names_it = claims_in(&article, &layer, names, &mut found.claims);
        found.articles += usize::from(names_it);
        Ok(())
    })?;
    Ok(found)
}

/// Pushes onto `found` the claims, in `article` as the user corrected it, of
/// the actors called one of `names`; whether any actor there is so called.
fn claims_in(
    article: &KeptArticle,
    layer: &crate::store::UserLayer,
    names: &[String],
    found: &mut Vec<ActorClaim>,
) -> bool {
    let corrected = crate::corrected::from_layer(&article.analysis, layer);
    let view = &corrected.analysis;
    let text = &article.text;
    let mut names_it = false;
    for who in view
        .actors
        .iter()
        .filter(|a| names_of(a).iter().any(|n| names.contains(n)))
    {
        names_it = true;
        let claims = who
            .claims
            .iter()
            .filter(|&&c| c < view.claims.len() && !corrected.claims[c].dismissed);
        for claim in claims.map(|&c| &view.claims[c]) {
            found.push(ActorClaim {
                document: article.document,
                actor: who.name.clone(),
                kind: claim.kind,
                span: claim.span,
                claim: claim.span.of(text).to_string(),
                cue: claim.cue.map(|c| c.of(text).to_string()),
                title: article.title.clone(),
                source: article.source.clone(),
            });
        }
    }
    names_it
}
