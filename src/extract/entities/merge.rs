//! Grouping the mentions of one document that name the same thing.
//!
//! Rules, in order: same folded name (spelling variants of known places
//! folded to one name first); a lone surname joins the one full name that
//! ends with it ("Zelenskyy" → "Volodymyr Zelenskyy") but a lone first name
//! joins nothing (two Andriys stay apart); a multi-word name that begins
//! exactly one longer name joins it ("Centre de désinformation"). Works on
//! folded keys only; typing and filtering are left to the caller.

use crate::facts::EntityKind;
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
                    h != g && words[h].len() > 1 && words[h].last() == w.first() && (is_person(h) || !is_place(h))
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

/// Whether two types may be the same thing: equal, or place/organisation
/// (the Kremlin, the White House are both).
pub fn compatible(a: EntityKind, b: EntityKind) -> bool {
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
        let m = [k("andriy yermak", true), k("andriy sybiha", true), k("andriy", true)];
        assert_eq!(cluster(&m).len(), 3);
        let m = [k("jean martin", true), k("paul martin", true), k("martin", true)];
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
    fn names_fold_and_lose_a_leading_article() {
        use crate::names::key;
        assert_eq!(key("l'Ukraine"), "ukraine");
        assert_eq!(key("Les Républicains"), "republicains");
        assert_eq!(key("Le"), "le");
    }
}
