//! Deciding an entity's type from the NER's votes and from evidence the NER
//! often misses: a title makes a person, a known place is a place, an
//! organisation head word ("Centre", "Ministère") or a channel suffix
//! ("…TV") makes an organisation.
//!
//! Pure functions over a cluster's facts; no document access.

use super::tables::tables;
use crate::facts::EntityKind;

/// What is known about a group of mentions when its type is decided.
#[derive(Debug, Default, Clone)]
pub struct TypeEvidence {
    /// NER labels of the mentions, one per mention that came from the NER.
    pub votes: Vec<EntityKind>,
    /// The NER label of the longest mention, if it had one.
    pub longest_label: Option<EntityKind>,
    /// A title or honorific stood before a mention.
    pub titled: bool,
    /// The folded canonical name.
    pub key: String,
    /// Every mention's head is a plural common noun ("les Gilets jaunes"):
    /// a group, never one person.
    pub plural_common: bool,
}

/// The type, or `None` when there is no evidence at all.
pub fn decide(ev: &TypeEvidence) -> Option<EntityKind> {
    let t = tables();
    if ev.titled {
        return Some(EntityKind::Person);
    }
    if t.places.contains_key(&ev.key) {
        return Some(EntityKind::Place);
    }
    // A name ending with a channel's suffix ("BFMTV", "Canal TV") is a
    // broadcaster, whatever "sur BFMTV" made the NER say.
    if t.channel_core(&ev.key).is_some() {
        return Some(EntityKind::Organization);
    }
    let first = ev.key.split(' ').next().unwrap_or("");
    if ev.key.contains(' ') || !ev.votes.is_empty() {
        if t.org_heads.contains(first) && ev.key.contains(' ') {
            return Some(EntityKind::Organization);
        }
        if t.loc_heads.contains(first) && ev.key.contains(' ') {
            return Some(EntityKind::Place);
        }
    }
    if ev.plural_common {
        let votes: Vec<EntityKind> = ev.votes.iter().copied().filter(|&k| k != EntityKind::Person).collect();
        let longest = ev.longest_label.filter(|&k| k != EntityKind::Person);
        return majority(&votes, longest).or(Some(EntityKind::Organization));
    }
    majority(&ev.votes, ev.longest_label)
}

/// Most frequent label; ties go to the longest mention's label, then to
/// the order PER, ORG, LOC, MISC (a person's surname is the usual
/// mislabelled short mention).
fn majority(votes: &[EntityKind], longest: Option<EntityKind>) -> Option<EntityKind> {
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ];
    let count = |k: EntityKind| votes.iter().filter(|&&v| v == k).count();
    let best = kinds.iter().map(|&k| count(k)).max().unwrap_or(0);
    if best == 0 {
        return None;
    }
    if let Some(l) = longest {
        if count(l) == best {
            return Some(l);
        }
    }
    kinds.into_iter().find(|&k| count(k) == best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn ev(votes: &[EntityKind], key: &str) -> TypeEvidence {
        TypeEvidence {
            votes: votes.to_vec(),
            longest_label: votes.first().copied(),
            titled: false,
            key: key.into(),
            plural_common: false,
        }
    }

    #[test]
    fn title_makes_a_person() {
        let mut e = ev(&[Organization], "rustem umerov");
        e.titled = true;
        assert_eq!(decide(&e), Some(Person));
    }

    #[test]
    fn known_places_are_places_whatever_the_votes() {
        assert_eq!(decide(&ev(&[Person], "washington")), Some(Place));
        assert_eq!(decide(&ev(&[Misc], "moyen orient")), Some(Place));
    }

    #[test]
    fn organisation_heads_make_organisations() {
        assert_eq!(decide(&ev(&[Place], "centre de desinformation")), Some(Organization));
        assert_eq!(decide(&ev(&[Place], "ministere de l'interieur")), Some(Organization));
    }

    #[test]
    fn a_channel_suffix_makes_an_organisation() {
        assert_eq!(decide(&ev(&[Place], "canaltv")), Some(Organization));
        assert_eq!(decide(&ev(&[Place], "canal tv")), Some(Organization));
        assert_eq!(decide(&ev(&[Place], "canal")), Some(Place));
    }

    #[test]
    fn majority_then_longest_mention() {
        assert_eq!(decide(&ev(&[Place, Person, Person], "lelandais")), Some(Person));
        let e = TypeEvidence {
            votes: vec![Place, Organization],
            longest_label: Some(Organization),
            titled: false,
            key: "x y".into(),
            plural_common: false,
        };
        assert_eq!(decide(&e), Some(Organization));
        let mut g = ev(&[Person, Person], "gilets jaunes");
        g.plural_common = true;
        assert_eq!(decide(&g), Some(Organization));
        assert_eq!(decide(&ev(&[], "inconnu")), None);
    }
}
