//! Entity extraction over the seed article as our pipeline annotates it
//! (tests/fixtures/extract/seed_md.jsonl: fr_core_news_md output, which the
//! Rust port reproduces), against the original text in seed.txt.

use super::*;
use crate::input::Paragraph;

const SEED_TEXT: &str = include_str!("../../../seeds/000_9c81224ff3cb7629.txt");
const SEED_DOCS: &str = include_str!("../../../tests/fixtures/extract/seed_md.jsonl");

#[derive(serde::Deserialize)]
struct Line {
    line: usize,
    doc: Doc,
}

/// The seed as `trame build` would prepare it: one paragraph per non-empty
/// line, model characters mapped to the original's.
fn seed() -> (PreparedText, Vec<Doc>) {
    let lines: Vec<Line> = SEED_DOCS
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture line parses"))
        .collect();
    let mut line_starts = vec![0];
    for l in SEED_TEXT.split('\n') {
        line_starts.push(line_starts.last().unwrap() + l.chars().count() + 1);
    }
    let paragraphs = lines
        .iter()
        .map(|l| {
            let base = line_starts[l.line - 1];
            let n = l.doc.text.chars().count();
            Paragraph {
                text: l.doc.text.clone(),
                offsets: (0..=n).map(|i| base + i).collect(),
            }
        })
        .collect();
    let prepared = PreparedText {
        source: "seed.txt".into(),
        original: SEED_TEXT.into(),
        title: None,
        authors: Vec::new(),
        language: "fr".into(),
        paragraphs,
    };
    (prepared, lines.into_iter().map(|l| l.doc).collect())
}

fn find<'a>(t: &'a EntityTable, label: &str) -> Option<(usize, &'a Entity)> {
    t.entities.iter().enumerate().find(|(_, e)| e.label == label)
}

fn labels(t: &EntityTable) -> Vec<&str> {
    t.entities.iter().map(|e| e.label.as_str()).collect()
}

#[test]
fn seed_people_places_and_organisations_are_found_and_typed() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    let expect = [
        ("États-Unis", EntityKind::Place),
        ("Ukraine", EntityKind::Place),
        ("Djeddah", EntityKind::Place),
        ("Arabie saoudite", EntityKind::Place),
        ("Washington", EntityKind::Place),
        ("Moscou", EntityKind::Place),
        ("OTAN", EntityKind::Organization),
        (
            "Centre de désinformation du gouvernement ukrainien",
            EntityKind::Organization,
        ),
        ("Volodymyr Zelenskyy", EntityKind::Person),
        ("Rustem Umerov", EntityKind::Person),
        ("Andriy Yermak", EntityKind::Person),
        ("Andriy Sybiha", EntityKind::Person),
        ("Vladimir Poutine", EntityKind::Person),
        ("Keir Starmer", EntityKind::Person),
    ];
    for (label, kind) in expect {
        let (_, e) = find(&t, label).unwrap_or_else(|| panic!("{label} missing from {:?}", labels(&t)));
        assert_eq!(e.kind, kind, "{label}");
    }
}

#[test]
fn seed_names_are_cleaned_and_junk_is_dropped() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    for e in &t.entities {
        let l = e.label.to_lowercase();
        assert!(
            !l.starts_with("l'") && !l.starts_with("l\u{2019}") && !l.starts_with("c'"),
            "{}",
            e.label
        );
        assert!(
            !l.ends_with("qu'") && !l.ends_with("qu\u{2019}") && !l.contains('–'),
            "{}",
            e.label
        );
        assert!(!l.contains("ministre"), "title kept in a name: {}", e.label);
    }
    for junk in [
        "État",
        "Tagstotranslate",
        "Défense",
        "Premier ministre",
        "ministre des Affaires",
        "Ukrainiens",
    ] {
        assert!(find(&t, junk).is_none(), "{junk} should not be an entity");
    }
}

#[test]
fn seed_mentions_merge_without_splits() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    for word in ["zelenskyy", "ukraine", "poutine", "rubio", "washington", "russie"] {
        let n = t
            .entities
            .iter()
            .filter(|e| crate::names::fold(&e.label).split(' ').any(|w| w == word))
            .count();
        assert_eq!(n, 1, "{word} split in {:?}", labels(&t));
    }
    let (kyiv, e) = find(&t, "Kyiv").expect("Kyiv");
    assert_eq!(e.aliases, vec!["Kiev".to_string()]);
    assert!(t.mentions.iter().filter(|m| m.entity == kyiv).count() >= 3);
    let (z, e) = find(&t, "Volodymyr Zelenskyy").expect("Zelenskyy");
    assert_eq!(e.aliases, vec!["Zelenskyy".to_string()]);
    assert!(t.mentions.iter().filter(|m| m.entity == z).count() >= 2);
}

#[test]
fn seed_mention_offsets_point_into_the_original_text() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    let chars: Vec<char> = SEED_TEXT.chars().collect();
    for m in &t.mentions {
        let s: String = chars[m.start..m.end].iter().collect();
        assert_eq!(s, m.text);
    }
    let sentences: usize = docs.iter().map(|d| d.sentences().len()).sum();
    assert!(t.mentions.iter().all(|m| m.sentence < sentences));
    // "à l’Ukraine" in the first sentence: the mention is the name alone.
    let first = t
        .mentions
        .iter()
        .find(|m| m.text.contains("Ukraine"))
        .expect("Ukraine mention");
    assert_eq!(first.text, "Ukraine");
    assert_eq!(first.sentence, 0);
}

#[test]
fn seed_titles_become_roles() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    let role_of = |label: &str| {
        let (e, _) = find(&t, label).unwrap_or_else(|| panic!("{label}"));
        t.roles
            .iter()
            .filter(|r| r.entity == e)
            .map(|r| r.role.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(role_of("Rustem Umerov"), vec!["ministre de la Défense"]);
    assert_eq!(role_of("Marco Rubio"), vec!["secrétaire d\u{2019}État"]);
    assert!(role_of("Keir Starmer")[0].starts_with("Premier ministre"));
    assert!(role_of("Vladimir Poutine").contains(&"président russe".to_string()));
    assert!(role_of("Andriy Kovalenko")[0].starts_with("chef du Centre de désinformation"));
}

#[test]
fn seed_demonyms_and_entity_at() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    let token = |para: usize, word: &str| docs[para].tokens.iter().position(|x| x.text == word).expect(word);
    let (russie, _) = find(&t, "Russie").expect("Russie");
    assert_eq!(t.demonym_country(8, token(8, "russe")), Some(russie));
    let (ukraine, _) = find(&t, "Ukraine").expect("Ukraine");
    assert_eq!(t.demonym_country(3, token(3, "ukrainienne")), Some(ukraine));
    let (usa, _) = find(&t, "États-Unis").expect("USA");
    assert_eq!(t.demonym_country(1, token(1, "américaine")), Some(usa));
    let (poutine, _) = find(&t, "Vladimir Poutine").expect("Poutine");
    assert_eq!(t.entity_at(8, token(8, "Poutine")), Some(poutine));
    assert_eq!(t.entity_at(8, token(8, "président")), None, "a role word is no mention");
    // « … le signal de Poutine qu'il doit … »: il is Poutine.
    assert_eq!(t.entity_at(10, token(10, "il")), Some(poutine));
}

#[test]
fn empty_and_mismatched_input_is_harmless() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs[..2]);
    let sentences: usize = docs[..2].iter().map(|d| d.sentences().len()).sum();
    assert!(!t.mentions.is_empty() && t.mentions.iter().all(|m| m.sentence < sentences));
    let t = find_entities(&p, &[]);
    assert!(t.entities.is_empty() && t.mentions.is_empty());
}

#[test]
fn ambiguous_pronouns_stay_unresolved() {
    let (p, docs) = seed();
    let t = find_entities(&p, &docs);
    // Every resolved pronoun points at a person.
    for (para, doc) in docs.iter().enumerate() {
        for (i, tok) in doc.tokens.iter().enumerate() {
            if tok.pos == "PRON" {
                if let Some(e) = t.entity_at(para, i) {
                    assert_eq!(
                        t.entities[e].kind,
                        EntityKind::Person,
                        "{} in paragraph {para}",
                        tok.text
                    );
                }
            }
        }
    }
    let people = [coref::EntityInfo::default(), coref::EntityInfo::default()];
    let il = docs[10].tokens.iter().position(|x| x.text == "il").expect("il");
    let mentions = |entities: &[usize]| -> Vec<coref::NamedMention> {
        entities
            .iter()
            .map(|&entity| coref::NamedMention {
                entity,
                kind: EntityKind::Person,
                paragraph: 10,
                tokens: 0..1,
                sentence: 0,
            })
            .collect()
    };
    let base: Vec<usize> = (0..docs.len()).map(|_| 0).collect();
    let never = |_: usize, _: usize| false;
    let one = coref::pronouns(&docs, &base, &mentions(&[0]), &people, &never, false);
    assert!(one.contains(&(10, il, 0)));
    let two = coref::pronouns(&docs, &base, &mentions(&[0, 1]), &people, &never, false);
    assert!(
        !two.iter().any(|&(p, i, _)| p == 10 && i == il),
        "two candidates: no antecedent"
    );
    let masc = [coref::EntityInfo {
        feminine: Some(true),
        ..Default::default()
    }];
    let fem = coref::pronouns(&docs, &base, &mentions(&[0]), &masc, &never, false);
    assert!(
        !fem.iter().any(|&(p, i, _)| p == 10 && i == il),
        "il never takes a woman"
    );
}

#[test]
fn a_line_in_capitals_is_shouted_an_acronym_is_not() {
    assert!(shouted_line("BERLIN ACCUEILLE LE SOMMET"));
    assert!(shouted_line("L'OTAN SE RÉUNIT À VARSOVIE"));
    assert!(!shouted_line("OTAN"), "one word is no line in capitals");
    assert!(!shouted_line("Le sommet de l'OTAN à Berlin"));
    assert!(!shouted_line("2018 : 12"));
}

#[test]
fn time_zones_are_no_places() {
    for zone in ["utc+3", "utc", "gmt -5", "gmt-5", "utc \u{2212}3", "utc+05:30"] {
        assert!(super::is_time_zone(zone), "{zone}");
    }
    for name in ["utcs", "gmtx", "utc+", "utc+3a", "gmt+ paris", "lyon"] {
        assert!(!super::is_time_zone(name), "{name}");
    }
}

/// A pronoun opening its sentence's main clause, with no person in its
/// sentence or the one before, takes the one person named two sentences
/// back, across a paragraph break ("Le couturier X est mort samedi. Son
/// enterrement aura lieu mardi. ¶ En 1952, il fonde …"); an impersonal
/// "il" and an "il" inside another subject's clause do not.
#[test]
fn a_topic_pronoun_takes_the_person_named_two_sentences_back() {
    let doc = crate::extract::rules::tests::constructions_row;
    let death = doc("Le couturier Paul Rivière est mort samedi à Lyon. Son enterrement aura lieu mardi.");
    let name = death.tokens.iter().position(|t| t.text == "Paul").expect("Paul");
    let mentions = vec![coref::NamedMention {
        entity: 0,
        kind: EntityKind::Person,
        paragraph: 0,
        tokens: name..name + 2,
        sentence: 0,
    }];
    let people = [coref::EntityInfo::default()];
    let never = |_: usize, _: usize| false;
    let after = |second: &str| {
        let docs = vec![death.clone(), doc(second)];
        let il = docs[1]
            .tokens
            .iter()
            .position(|t| t.text.to_lowercase() == "il")
            .expect("il");
        let resolved = coref::pronouns(&docs, &[0, 2], &mentions, &people, &never, false);
        resolved.iter().any(|&(p, i, e)| p == 1 && i == il && e == 0)
    };
    assert!(after("En 1952, il fonde sa maison de couture."));
    assert!(!after("Il est demandé aux habitants de rester chez eux."));
    assert!(!after("La société a annoncé qu'il partira."));
}

/// A pronoun opening a paragraph after a person named in passing at the
/// end of the lead ("Le couturier X a ouvert une boutique. Y, son
/// associé, était présent. ¶ En 1952, il fonde …") takes the article's
/// topic person, named in the title and first in the lead; not without a
/// title, nor when the other person was named twice.
#[test]
fn a_paragraph_opening_pronoun_takes_the_topic_person_over_a_passing_one() {
    let doc = crate::extract::rules::tests::constructions_row;
    let docs = vec![
        doc("Paul Rivière ouvre une boutique à Lyon"),
        doc("Le couturier Paul Rivière a ouvert une boutique samedi à Lyon. Jean Morel, son associé, était présent."),
        doc("En 1952, il fonde sa maison de couture."),
    ];
    let at = |p: usize, word: &str| docs[p].tokens.iter().position(|t| t.text == word).expect(word);
    let mention = |entity: usize, paragraph: usize, start: usize, sentence: usize| coref::NamedMention {
        entity,
        kind: EntityKind::Person,
        paragraph,
        tokens: start..start + 2,
        sentence,
    };
    let mut mentions = vec![
        mention(0, 0, at(0, "Paul"), 0),
        mention(0, 1, at(1, "Paul"), 1),
        mention(1, 1, at(1, "Jean"), 2),
    ];
    let il = at(2, "il");
    let people = [coref::EntityInfo::default(), coref::EntityInfo::default()];
    let never = |_: usize, _: usize| false;
    let takes = |mentions: &[coref::NamedMention], titled: bool| {
        coref::pronouns(&docs, &[0, 1, 3], mentions, &people, &never, titled)
            .into_iter()
            .find(|&(p, i, _)| p == 2 && i == il)
            .map(|(_, _, e)| e)
    };
    assert_eq!(takes(&mentions, true), Some(0), "the topic person");
    assert_eq!(takes(&mentions, false), Some(1), "no title, no topic");
    let fem = [
        coref::EntityInfo {
            feminine: Some(true),
            ..Default::default()
        },
        coref::EntityInfo::default(),
    ];
    let resolved = coref::pronouns(&docs, &[0, 1, 3], &mentions, &fem, &never, true);
    assert!(resolved.contains(&(2, il, 1)), "il never takes a woman");
    mentions.push(mention(1, 1, at(1, "associé"), 2));
    assert_eq!(
        takes(&mentions, true),
        Some(1),
        "a person named twice is no passing mention"
    );
}
