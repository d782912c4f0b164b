//! TEMPORARY: the store's correction types as its branch defines them,
//! until it lands on main (then `crate::store` replaces this file).

use crate::analysis::ClaimKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChoice {
    Actor { name: String },
    Nobody,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Source {
        to: SourceChoice,
    },
    Dismiss,
    Kind {
        to: ClaimKind,
    },
    NewClaim {
        kind: ClaimKind,
        source: SourceChoice,
    },
    MergeActor {
        actor: String,
        into: String,
    },
    RenameActor {
        actor: String,
        to: String,
    },
}
