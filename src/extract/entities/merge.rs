//! Grouping mentions that name the same thing, within a document and with
//! entities already known from other documents.
//!
//! Rules, in order: same folded name (spelling variants of known places
//! folded to one name first); a lone surname joins the one full name that
//! ends with it ("Zelenskyy" → "Volodymyr Zelenskyy") but a lone first name
//! joins nothing (two Andriys stay apart); a multi-word name that begins
//! exactly one longer name joins it ("Centre de désinformation"). Works on
//! folded keys only; typing and filtering are left to the caller.

use crate::facts::{EntityKind, KnownEntity};
use std::collections::HashMap;

/// One mention as merging sees it.
#[derive(Debug, Clone)]
pub struct Keyed {
    /// The name begins with a word that heads organisation names ("Centre").
    pub org_head: bool,
    /// Folded name, place variants already mapped to their preferred name.
    pub key: String,
    /// Mentions typed as a person by the NER or by a title.
    pub person: bool,
    /// Whether the key names a known place (never joins a person's name).
    pub place: bool,
}

/// Groups of mention indices, each group one entity, in order of first mention.
pub fn cluster(mentions: &[Keyed]) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match by_key.get(m.key.as_str()) {
            Some(&g) => groups[g].push(i),
            None => {
                by_key.insert(&m.key, groups.len());
                groups.push(vec![i]);
                keys.push(&m.key);
            }
        }
    }
    let n = groups.len();
    let mut target: Vec<usize> = (0..n).collect();
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    let is_person = |g: usize| groups[g].iter().any(|&i| mentions[i].person);
    let is_place = |g: usize| groups[g].iter().any(|&i| mentions[i].place);
    for g in 0..n {
        if is_place(g) {
            continue;
        }
        let w = &words[g];
        let joins: Vec<usize> = if w.len() == 1 {
            // A lone surname: full person names ending with it.
            (0..n)
                .filter(|&h| {
                    h != g
                        && words[h].len() > 1
                        && words[h].last() == w.first()
                        && (is_person(h) || !is_place(h))
                })
                .filter(|&h| is_person(h) || is_person(g))
                .collect()
        } else {
            // A shortened name: longer names starting with all its words.
            (0..n)
                .filter(|&h| {
                    h != g
                        && words[h].len() > w.len()
                        && words[h][..w.len()] == w[..]
                        && !is_person(h)
                        && mentions[groups[h][0]].org_head
                })
                .collect()
        };
        if let [h] = joins[..] {
            target[g] = h;
        }
    }
    // Follow chains (A → B → C) so every group lands on its final target.
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (g, members) in groups.iter().enumerate() {
        let mut t = g;
        for _ in 0..n {
            if target[t] == t {
                break;
            }
            t = target[t];
        }
        merged[t].extend(members.iter().copied());
    }
    let mut out: Vec<Vec<usize>> = merged.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m[0]);
    out
}

/// Index of known entities by folded label and alias; a name shared by two
/// known entities is ambiguous and dropped.
pub struct KnownIndex<'a> {
    known: &'a [KnownEntity],
    by_name: HashMap<String, Option<usize>>,
    by_surname: HashMap<String, Option<usize>>,
}

impl<'a> KnownIndex<'a> {
    pub fn new(known: &'a [KnownEntity], normalise: impl Fn(&str) -> String) -> Self {
        let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
        let mut by_surname: HashMap<String, Option<usize>> = HashMap::new();
        for (i, k) in known.iter().enumerate() {
            let mut names: Vec<String> = std::iter::once(&k.label)
                .chain(&k.aliases)
                .map(|n| normalise(n))
                .collect();
            names.sort();
            names.dedup();
            for name in names {
                insert_unique(&mut by_name, name.clone(), i);
                if k.kind == EntityKind::Person {
                    if let Some((_, last)) = name.rsplit_once(' ') {
                        insert_unique(&mut by_surname, last.to_string(), i);
                    }
                }
            }
        }
        // A surname that is also somebody's full name is not a surname match.
        by_surname.retain(|s, _| !by_name.contains_key(s));
        KnownIndex {
            known,
            by_name,
            by_surname,
        }
    }

    /// The known entity with one of these folded names, if exactly one.
    pub fn find(
        &self,
        keys: &[String],
        kind: Option<EntityKind>,
        single_word_person: bool,
    ) -> Option<usize> {
        let mut hits: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.by_name.get(k).copied().flatten())
            .collect();
        if hits.is_empty() && single_word_person {
            hits = keys
                .iter()
                .filter_map(|k| self.by_surname.get(k).copied().flatten())
                .collect();
        }
        hits.sort_unstable();
        hits.dedup();
        match hits[..] {
            [h] if kind.is_none_or(|k| compatible(k, self.known[h].kind)) => Some(h),
            _ => None,
        }
    }

    pub fn get(&self, i: usize) -> &KnownEntity {
        &self.known[i]
    }
}

fn insert_unique(map: &mut HashMap<String, Option<usize>>, key: String, i: usize) {
    map.entry(key)
        .and_modify(|v| {
            if *v != Some(i) {
                *v = None
            }
        })
        .or_insert(Some(i));
}

/// Whether two types may be the same thing: equal, or place/organisation
/// (the Kremlin, the White House are both).
fn compatible(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    a == b
        || matches!(
            (a, b),
            (Place, Organization) | (Organization, Place) | (Misc, _) | (_, Misc)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(key: &str, person: bool) -> Keyed {
        Keyed {
            key: key.into(),
            person,
            place: false,
            org_head: key.starts_with("centre"),
        }
    }

    #[test]
    fn surname_joins_the_unique_full_name() {
        let m = [
            k("volodymyr zelenskyy", true),
            k("zelenskyy", false),
            k("andriy yermak", true),
            k("yermak", true),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn first_names_and_ambiguous_surnames_stay_apart() {
        let m = [
            k("andriy yermak", true),
            k("andriy sybiha", true),
            k("andriy", true),
        ];
        assert_eq!(cluster(&m).len(), 3);
        let m = [
            k("jean martin", true),
            k("paul martin", true),
            k("martin", true),
        ];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn a_known_place_does_not_join_a_person() {
        let m = [
            k("george washington", true),
            Keyed {
                key: "washington".into(),
                person: false,
                place: true,
                org_head: false,
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn shortened_organisation_names_join_the_long_one() {
        let m = [
            k("centre de desinformation du gouvernement ukrainien", false),
            k("centre de desinformation", false),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
    }

    #[test]
    fn known_entities_match_by_name_or_unique_surname() {
        let known = vec![
            KnownEntity {
                label: "Volodymyr Zelenskyy".into(),
                kind: EntityKind::Person,
                aliases: vec!["Zelensky".into()],
            },
            KnownEntity {
                label: "Ukraine".into(),
                kind: EntityKind::Place,
                aliases: vec![],
            },
        ];
        let idx = KnownIndex::new(&known, crate::names::key);
        assert_eq!(
            idx.find(&["zelensky".into()], Some(EntityKind::Person), true),
            Some(0)
        );
        assert_eq!(
            idx.find(&["zelenskyy".into()], Some(EntityKind::Person), true),
            Some(0)
        );
        assert_eq!(
            idx.find(&["zelenskyy".into()], Some(EntityKind::Person), false),
            None
        );
        assert_eq!(
            idx.find(&["ukraine".into()], Some(EntityKind::Person), false),
            None
        );
        assert_eq!(idx.find(&["ukraine".into()], None, false), Some(1));
    }
}
