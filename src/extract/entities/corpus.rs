//! Cross-document entity merging: which entities of a document set name the
//! same thing ("Zelenskyy" in one article, "Volodymyr Zelenskyy" in
//! another; "Kiev" and "Kyiv"; the Kremlin typed as a place here and an
//! organisation there).
//!
//! Each document's entities are extracted from its text alone (so a
//! document's graph never depends on what was built before it, on which
//! machine or in which shard); this module runs afterwards over the
//! entities of the whole set, as a one-machine build does at its end and
//! as `trame merge` does over a remote store. Its result is a function of
//! the *set* of entities: the order they come in never changes it.
//!
//! Rules, each decided on the partition left by the rules before it:
//! 1. same normalised name ([`super::normalise_name`]: folded, article
//!    removed, place variants mapped to one spelling) and compatible types
//!    (equal, place/organisation, or miscellaneous with a single other
//!    type); a name borne by incompatible types (a Person and a Place
//!    "Washington") joins only entities of one type;
//! 2. an alias a document gave an entity ("Zelenskyy" beside "Volodymyr
//!    Zelenskyy") joins the entities named so, unless two different
//!    entities claim that alias (two Martins), which leaves it alone;
//! 3. a lone one-word person name joins the one person whose full name
//!    ends with it, and nothing when several do.
//!
//! The entity each group keeps (its canonical member) has a label with
//! lower-case letters if any member has one ("Berlin" over "BERLIN"), then
//! the most words in its label, then a type other than miscellaneous, then the label
//! most documents give (a misspelling in one article does not name the
//! entity of ten), then the smallest label, then the first type in Person, Organization, Place, Misc order.
//! This module works on labels and types only; IRIs and RDF are the
//! store's.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::merge::compatible;
use super::normalise_name;
use crate::facts::{CandidateName, EntityKind, KnownEntity};

/// Entities found to be one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Index (into the input) of the entity the others are the same as.
    pub canonical: usize,
    /// Indices of the others, ascending; never empty.
    pub members: Vec<usize>,
    /// Every label and alias of the group except the canonical label,
    /// sorted: the names the canonical entity is also known by.
    pub alt_labels: Vec<String>,
}

/// Groups of two or more input entities that name the same thing, sorted
/// by canonical index. Entities in no group stand alone.
pub fn merge(entities: &[KnownEntity]) -> Vec<Group> {
    let keys: Vec<String> = entities.iter().map(|e| normalise_name(&e.label)).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        by_key.entry(key.as_str()).or_default().push(i);
    }
    let mut sets = Partition::new(entities.len());

    // 1. Same name, compatible types.
    for members in by_key.values() {
        let classes: BTreeSet<u8> = members.iter().filter_map(|&i| class(entities[i].kind)).collect();
        for &i in members {
            for &j in members {
                let same_class = class(entities[i].kind) == class(entities[j].kind);
                let misc_joins = classes.len() <= 1;
                if i < j && (same_class || misc_joins) {
                    sets.union(i, j);
                }
            }
        }
    }

    // 2. Aliases: the group named by an alias, when one group alone claims it.
    let mut claims: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (i, entity) in entities.iter().enumerate() {
        for alias in &entity.aliases {
            let key = normalise_name(alias);
            if key == keys[i] {
                continue;
            }
            for &j in by_key.get(key.as_str()).into_iter().flatten() {
                let (source, target) = (sets.find(i), sets.find(j));
                if source != target && compatible(entity.kind, entities[j].kind) {
                    claims.entry(target).or_default().insert(source);
                }
            }
        }
    }
    let links: Vec<(usize, usize)> = claims
        .into_iter()
        .filter_map(|(target, sources)| {
            (sources.len() == 1).then(|| (target, *sources.iter().next().unwrap_or(&target)))
        })
        .collect();
    for (target, source) in links {
        sets.union(target, source);
    }

    // 3. A lone surname joins the one person whose full name ends with it.
    let mut full_names: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let all_keys: Vec<Vec<String>> = entities
        .iter()
        .zip(&keys)
        .map(|(e, key)| {
            std::iter::once(key.clone())
                .chain(e.aliases.iter().map(|a| normalise_name(a)))
                .collect()
        })
        .collect();
    let mut has_full_name: HashSet<usize> = HashSet::new();
    for (i, entity) in entities.iter().enumerate() {
        if entity.kind != EntityKind::Person || !keys[i].contains(' ') {
            continue;
        }
        has_full_name.insert(sets.find(i));
        for key in &all_keys[i] {
            if let Some((_, last)) = key.rsplit_once(' ') {
                full_names.entry(last).or_default().insert(sets.find(i));
            }
        }
    }
    let mut surname_links = Vec::new();
    for (i, entity) in entities.iter().enumerate() {
        let root = sets.find(i);
        if entity.kind != EntityKind::Person || keys[i].contains(' ') || has_full_name.contains(&root) {
            continue;
        }
        if let Some(owners) = full_names.get(keys[i].as_str()) {
            if let [owner] = owners.iter().copied().collect::<Vec<_>>()[..] {
                surname_links.push((root, owner));
            }
        }
    }
    for (a, b) in surname_links {
        sets.union(a, b);
    }

    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..entities.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Group> = groups
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|members| group(entities, members))
        .collect();
    out.sort_by_key(|g| g.canonical);
    out
}

/// Which name candidates the document set resolves: `(candidate index,
/// entity index)` pairs, sorted, the entity being the canonical member of
/// its group (or the entity alone). `groups` is [`merge`]'s result over the
/// same `entities`.
///
/// A candidate names an entity when its normalised name is a name (label
/// or alias) of exactly one group and its type hint, if any, is compatible
/// with that group's type; a one-word candidate hinted as a person that
/// is nobody's whole name also names the one person whose full name ends
/// with it. Several groups bearing the name leave the candidate alone.
/// Like [`merge`], a function of the sets given, whatever their order.
pub fn resolve_names(entities: &[KnownEntity], groups: &[Group], candidates: &[CandidateName]) -> Vec<(usize, usize)> {
    let mut root: Vec<usize> = (0..entities.len()).collect();
    for g in groups {
        for &m in &g.members {
            root[m] = g.canonical;
        }
    }
    let mut by_name: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut by_surname: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (i, entity) in entities.iter().enumerate() {
        for name in std::iter::once(&entity.label).chain(&entity.aliases) {
            let key = normalise_name(name);
            if key.is_empty() {
                continue;
            }
            if entity.kind == EntityKind::Person {
                if let Some((_, last)) = key.rsplit_once(' ') {
                    by_surname.entry(last.to_string()).or_default().insert(root[i]);
                }
            }
            by_name.entry(key).or_default().insert(root[i]);
        }
    }
    let mut out = Vec::new();
    for (c, candidate) in candidates.iter().enumerate() {
        let key = normalise_name(&candidate.text);
        let hit = match by_name.get(&key) {
            Some(owners) => single(owners),
            None if candidate.kind == Some(EntityKind::Person) && !key.contains(' ') => {
                by_surname.get(&key).and_then(single)
            }
            None => None,
        };
        let Some(entity) = hit else { continue };
        if candidate.kind.is_none_or(|k| compatible(k, entities[entity].kind)) {
            out.push((c, entity));
        }
    }
    out
}

/// The one element of a set, if it has exactly one.
fn single(set: &BTreeSet<usize>) -> Option<usize> {
    match set.len() {
        1 => set.iter().next().copied(),
        _ => None,
    }
}

/// Types that may name the same thing share a class; miscellaneous has none.
fn class(kind: EntityKind) -> Option<u8> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Organization | EntityKind::Place => Some(1),
        EntityKind::Misc => None,
    }
}

fn kind_rank(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Misc => 3,
    }
}

fn group(entities: &[KnownEntity], members: Vec<usize>) -> Group {
    let rank = |i: usize| {
        let e = &entities[i];
        let words = e
            .label
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .count();
        // The label most documents give ("Cauchy" in ten, its misspelling
        // "Cauchi" in one); one label borne by two types leaves the type
        // order to decide.
        let uses: usize = members
            .iter()
            .filter(|&&j| entities[j].label == e.label)
            .map(|&j| entities[j].documents)
            .sum();
        (
            crate::names::casing_rank(&e.label),
            std::cmp::Reverse(words),
            e.kind == EntityKind::Misc,
            std::cmp::Reverse(uses),
            e.label.clone(),
            kind_rank(e.kind),
            i,
        )
    };
    let canonical = members.iter().copied().min_by_key(|&i| rank(i)).unwrap_or(members[0]);
    let label = &entities[canonical].label;
    let alt_labels: BTreeSet<String> = members
        .iter()
        .flat_map(|&i| std::iter::once(&entities[i].label).chain(&entities[i].aliases))
        .filter(|name| *name != label)
        .cloned()
        .collect();
    Group {
        canonical,
        members: members.into_iter().filter(|&i| i != canonical).collect(),
        alt_labels: alt_labels.into_iter().collect(),
    }
}

/// Disjoint sets over `0..n` (union by smallest root, so roots are stable).
struct Partition {
    parent: Vec<usize>,
}

impl Partition {
    fn new(n: usize) -> Self {
        Partition {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            self.parent[high] = low;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use EntityKind::*;

    fn e(label: &str, kind: EntityKind, aliases: &[&str]) -> KnownEntity {
        KnownEntity {
            label: label.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            documents: 1,
        }
    }

    #[test]
    fn the_name_most_documents_give_is_canonical() {
        // One article misspells the name and gives the right one as an
        // alias; ten write it right.
        let entities = [
            e("Benjamin Zorbi", Person, &["Benjamin Zorby"]),
            KnownEntity {
                documents: 10,
                ..e("Benjamin Zorby", Person, &[])
            },
        ];
        let groups = merge(&entities);
        assert_eq!(groups.len(), 1);
        assert_eq!(entities[groups[0].canonical].label, "Benjamin Zorby");
    }

    /// Groups as (canonical label and type, member labels and types), sorted:
    /// what the result means, whatever the input order.
    type Named = (String, EntityKind);

    fn meaning(entities: &[KnownEntity]) -> Vec<(Named, Vec<Named>, Vec<String>)> {
        let named = |i: usize| (entities[i].label.clone(), entities[i].kind);
        let mut out: Vec<_> = merge(entities)
            .into_iter()
            .map(|g| {
                let mut members: Vec<_> = g.members.iter().map(|&i| named(i)).collect();
                members.sort_by(|a, b| (&a.0, kind_rank(a.1)).cmp(&(&b.0, kind_rank(b.1))));
                (named(g.canonical), members, g.alt_labels)
            })
            .collect();
        out.sort_by(|a, b| a.0 .0.cmp(&b.0 .0));
        out
    }

    #[test]
    fn an_alias_joins_the_entity_named_by_it() {
        let entities = [
            e("Zelenskyy", Person, &[]),
            e("Volodymyr Zelenskyy", Person, &["Zelenskyy"]),
            e("Ukraine", Place, &[]),
        ];
        let groups = merge(&entities);
        assert_eq!(
            groups,
            vec![Group {
                canonical: 1,
                members: vec![0],
                alt_labels: vec!["Zelenskyy".into()]
            }]
        );
    }

    #[test]
    fn a_lone_surname_joins_the_only_full_name_ending_with_it() {
        let entities = [e("Rubio", Person, &[]), e("Marco Rubio", Person, &[])];
        assert_eq!(merge(&entities)[0].canonical, 1);
        let two = [
            e("Martin", Person, &[]),
            e("Paul Martin", Person, &["Martin"]),
            e("Jean Martin", Person, &["Martin"]),
        ];
        assert!(merge(&two).is_empty(), "two Martins claim the surname: nobody joins");
        let place = [e("Rubio", Place, &[]), e("Marco Rubio", Person, &[])];
        assert!(merge(&place).is_empty(), "only people have surnames");
    }

    #[test]
    fn place_variants_and_compatible_types_share_a_name() {
        let entities = [
            e("Kiev", Place, &[]),
            e("Kyiv", Place, &[]),
            e("Kremlin", Organization, &[]),
            e("Kremlin", Place, &[]),
            e("Washington", Person, &[]),
            e("Washington", Place, &[]),
            e("Washington", Misc, &[]),
        ];
        let meaning = meaning(&entities);
        let canonicals: Vec<&str> = meaning.iter().map(|g| g.0 .0.as_str()).collect();
        assert_eq!(canonicals, vec!["Kiev", "Kremlin"], "{meaning:?}");
        assert_eq!(meaning[1].0 .1, Organization);
    }

    #[test]
    fn the_canonical_entity_has_the_fullest_name_and_a_real_type() {
        let entities = [e("OTAN", Misc, &[]), e("OTAN", Organization, &["Alliance atlantique"])];
        let groups = merge(&entities);
        assert_eq!(groups[0].canonical, 1);
        assert_eq!(groups[0].alt_labels, vec!["Alliance atlantique".to_string()]);
    }

    fn name(text: &str, kind: Option<EntityKind>) -> CandidateName {
        CandidateName {
            text: text.into(),
            kind,
        }
    }

    /// (candidate text, label of the entity it names), whatever the order.
    fn resolved(entities: &[KnownEntity], candidates: &[CandidateName]) -> Vec<(String, String)> {
        let groups = merge(entities);
        let mut out: Vec<(String, String)> = resolve_names(entities, &groups, candidates)
            .into_iter()
            .map(|(c, e)| (candidates[c].text.clone(), entities[e].label.clone()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_candidate_names_the_one_group_bearing_its_name() {
        let entities = [
            e("Orvalie", Place, &[]),
            e("Compagnie des Ondes", Organization, &["Ondes"]),
            e("Ondine Perrac", Person, &[]),
            e("Perrac", Person, &[]),
        ];
        let candidates = [
            name("l'Orvalie", None),
            name("Ondes", Some(Organization)),
            name("Orvalie", Some(Person)),
            name("Perrac", Some(Person)),
            name("Tarbelle", None),
        ];
        assert_eq!(
            resolved(&entities, &candidates),
            vec![
                ("Ondes".to_string(), "Compagnie des Ondes".to_string()),
                ("Perrac".to_string(), "Ondine Perrac".to_string()),
                ("l'Orvalie".to_string(), "Orvalie".to_string()),
            ],
            "a person hint never names a place; unknown names stay alone"
        );
    }

    #[test]
    fn an_ambiguous_name_or_surname_names_nobody() {
        let entities = [
            e("Vernay", Place, &[]),
            e("Vernay", Person, &[]),
            e("Luc Sarrat", Person, &[]),
            e("Anne Sarrat", Person, &[]),
            e("Hugo Brisse", Person, &[]),
        ];
        let candidates = [
            name("Vernay", None),
            name("Sarrat", Some(Person)),
            name("Brisse", Some(Person)),
            name("Brisse", None),
        ];
        assert_eq!(
            resolved(&entities, &candidates),
            vec![("Brisse".to_string(), "Hugo Brisse".to_string())],
            "a surname counts only for a candidate the document took for a person"
        );
    }

    fn pool() -> Vec<KnownEntity> {
        vec![
            e("Zelenskyy", Person, &[]),
            e("Volodymyr Zelenskyy", Person, &["Zelenskyy", "Zelensky"]),
            e("Zelensky", Misc, &[]),
            e("Rubio", Person, &[]),
            e("Marco Rubio", Person, &[]),
            e("Martin", Person, &[]),
            e("Paul Martin", Person, &["Martin"]),
            e("Jean Martin", Person, &[]),
            e("Kiev", Place, &[]),
            e("Kyiv", Place, &["Kiev"]),
            e("Kremlin", Organization, &[]),
            e("Kremlin", Place, &[]),
            e("Washington", Person, &[]),
            e("George Washington", Person, &["Washington"]),
            e("Washington", Place, &[]),
            e("l'Ukraine", Place, &[]),
            e("Ukraine", Place, &[]),
        ]
    }

    proptest! {
        /// The result is a function of the set of entities, not of their order.
        #[test]
        fn merging_does_not_depend_on_order(seed in any::<u64>()) {
            let entities = pool();
            let mut shuffled = entities.clone();
            // A seeded Fisher–Yates shuffle.
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(meaning(&entities), meaning(&shuffled));
            let candidates = [
                name("Zelensky", Some(Person)),
                name("Martin", Some(Person)),
                name("Kyiv", None),
                name("Washington", None),
                name("Rubio", Some(Person)),
                name("Kremlin", Some(Place)),
            ];
            prop_assert_eq!(resolved(&entities, &candidates), resolved(&shuffled, &candidates));
        }
    }
}
