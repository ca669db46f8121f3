//! Dropping the entities a document neither names nor uses: a country
//! added for a demonym ("des diplomates israéliens" → Israël) that no fact
//! ends up pointing at is no entity of the text, only noise in its graph
//! and in `entities.csv` (which lists named entities).
//!
//! Runs on a finished [`Document`], after every fact is made; renumbers
//! the entity indices of mentions, facts and concepts. Touches nothing
//! else.

use crate::facts::{Document, Node, Object};

/// Removes every entity with no mention that no fact (subject, object,
/// argument, source) and no concept refers to, and renumbers the rest in
/// their order.
pub fn drop_unused(doc: &mut Document) {
    let n = doc.entities.len();
    let mut used = vec![false; n];
    // Mentions count as uses: an entity the text names always stays.
    for_each_entity_ref(doc, |e| {
        if let Some(u) = used.get_mut(*e) {
            *u = true;
        }
    });
    if used.iter().all(|&u| u) {
        return;
    }
    let mut new_index = vec![usize::MAX; n];
    let mut next = 0;
    for (i, &u) in used.iter().enumerate() {
        if u {
            new_index[i] = next;
            next += 1;
        }
    }
    let kept = std::mem::take(&mut doc.entities)
        .into_iter()
        .zip(&used)
        .filter_map(|(e, &u)| u.then_some(e))
        .collect();
    doc.entities = kept;
    for_each_entity_ref(doc, |e| *e = new_index.get(*e).copied().unwrap_or(*e));
}

/// Calls `f` on every entity index the document holds: mentions, concepts'
/// named entities, and facts' subjects, sources, objects and arguments.
fn for_each_entity_ref(doc: &mut Document, mut f: impl FnMut(&mut usize)) {
    for m in &mut doc.mentions {
        f(&mut m.entity);
    }
    for c in &mut doc.concepts {
        if let Some(e) = &mut c.named_entity {
            f(e);
        }
    }
    for fact in &mut doc.facts {
        let sources = std::iter::once(&mut fact.subject).chain(fact.reported_by.as_mut());
        for node in sources {
            if let Node::Entity(e) = node {
                f(e);
            }
        }
        let objects = std::iter::once(&mut fact.object).chain(fact.arguments.iter_mut().map(|(_, o)| o));
        for object in objects {
            if let Object::Entity(e) = object {
                f(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Entity, EntityKind, Fact, Mention};

    fn entity(label: &str) -> Entity {
        Entity {
            label: label.into(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
        }
    }

    #[test]
    fn an_unnamed_unused_entity_goes_and_the_rest_are_renumbered() {
        let text = "Des diplomates italiens et Lyon accueille Paris.";
        let mut doc: Document = serde_json::from_value(serde_json::json!({
            "source": "t.txt", "title": null, "text": text, "content_hash": "h",
            "language": "fr", "sentences": [], "entities": [], "mentions": [], "facts": []
        }))
        .unwrap();
        // 0: a country added for a demonym, used by nothing; 1: named,
        // 2: unnamed but the object of a fact.
        doc.entities = vec![entity("Italie"), entity("Lyon"), entity("Paris")];
        doc.mentions = vec![Mention {
            entity: 1,
            sentence: 0,
            start: 27,
            end: 31,
            text: "Lyon".into(),
        }];
        let fact: Fact = serde_json::from_value(serde_json::json!({
            "subject": {"Entity": 1}, "predicate": "hosts", "lemma": "accueillir",
            "object": {"Entity": 2}, "arguments": [], "sentence": 0, "start": 27, "end": 47,
            "confidence": 0.8, "negated": false, "hypothetical": false, "reported": false,
            "reported_by": null, "rule": "svo"
        }))
        .unwrap();
        doc.facts = vec![fact];
        drop_unused(&mut doc);
        let labels: Vec<&str> = doc.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Lyon", "Paris"]);
        assert_eq!(doc.mentions[0].entity, 0);
        assert_eq!(doc.facts[0].subject, Node::Entity(0));
        assert_eq!(doc.facts[0].object, Object::Entity(1));
    }
}
