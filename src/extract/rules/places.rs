//! Places named together: "à Djeddah, en Arabie saoudite" says that the
//! first place lies in the second.
//!
//! Owns this surface pattern only; it needs two place entities.

use crate::facts::{EntityKind, Object};

use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    let place = |t: usize| {
        ctx.table
            .entity_at(p.index, t)
            .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(t).pos != "ADJ")
    };
    for a in 0..p.len() {
        let Some(inner) = place(a) else { continue };
        // Only the last token of a name starts the pattern.
        if a + 1 < p.len() && place(a + 1) == Some(inner) {
            continue;
        }
        let mut k = a + 1;
        // "Suisse (Switzerland)" is a translation as often as a containment:
        // only the comma form counts.
        let sep = k < p.len() && p.tok(k).text == ",";
        if !sep {
            continue;
        }
        k += 1;
        // Countries and regions take "en"/"au"/"aux"; "X, à Y" is rather a list.
        let prep = p.tok(k.min(p.len() - 1)).text.to_lowercase();
        if k >= p.len() || p.tok(k).pos != "ADP" || !matches!(prep.as_str(), "en" | "au" | "aux") {
            continue;
        }
        k += 1;
        while k < p.len() && p.tok(k).pos == "DET" {
            k += 1;
        }
        let Some(outer) = (k < p.len()).then(|| place(k)).flatten() else {
            continue;
        };
        if outer == inner {
            continue;
        }
        // The outer place must end the phrase (not start a list of places).
        let mut e = k;
        while e + 1 < p.len() && place(e + 1) == Some(outer) {
            e += 1;
        }
        if e + 1 < p.len()
            && (matches!(p.tok(e + 1).lemma.as_str(), "et" | "ou")
                || (p.tok(e + 1).text == "," && e + 2 < p.len() && p.tok(e + 2).pos == "ADP"))
        {
            continue;
        }
        let mut d = Draft::new(
            "place",
            p.index,
            inner,
            "locatedIn".to_string(),
            prep,
            Object::Entity(outer),
        );
        d.tokens = vec![a, k];
        out.push(d);
    }
}
