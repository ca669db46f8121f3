//! Roles and titles as facts: each role mention of the entity table becomes
//! `X role "secrétaire d'État"`, with the country of a demonym in the title
//! (`country`) and an organisation named in it (`memberOf`, also as a fact of
//! its own: "chef du Centre de désinformation" → memberOf the Centre).
//!
//! A title of the `leader` class whose own complement names an
//! organisation or place ("président de la Commission", "le maire de Lyon",
//! "le président italien") also gives `X leads Y` (lemma the title), unless
//! the role is a former one ("l'ancien président").
//!
//! Owns the conversion only; finding roles is the entity table's job.

use std::borrow::Cow;
use std::ops::Range;

use crate::nlp::Doc;

use crate::facts::{EntityKind, Object};

use super::super::entities::RoleMention;
use super::lexicon::Class;
use super::{Ctx, Draft};

/// Paragraph and token range of a role mention (the one place that knows the
/// entity table's token span type).
pub(crate) fn role_tokens(role: &RoleMention) -> (usize, Range<usize>) {
    (role.paragraph, role.tokens.clone())
}

pub(crate) fn run(ctx: &Ctx, docs: &[Cow<'_, Doc>], out: &mut Vec<Draft>) {
    let mut seen: Vec<(usize, String)> = Vec::new();
    for role in &ctx.table.roles {
        let text = clean(&role.role);
        if text.is_empty() || seen.contains(&(role.entity, text.to_lowercase())) {
            continue;
        }
        seen.push((role.entity, text.to_lowercase()));
        let (para, range) = role_tokens(role);
        let tokens: Vec<usize> = range.clone().collect();
        let head_lemma = title_lemma(ctx, role).unwrap_or_else(|| text.to_lowercase());
        let mut d = Draft::new(
            "role",
            para,
            role.entity,
            "role".to_string(),
            head_lemma.clone(),
            Object::text(text.clone()),
        );
        d.tokens = tokens.clone();
        let mut orgs = Vec::new();
        for &t in &tokens {
            if let Some(e) = ctx
                .table
                .entity_at(para, t)
                .or_else(|| ctx.table.demonym_country(para, t))
            {
                if e == role.entity {
                    continue;
                }
                match ctx.kind(e) {
                    EntityKind::Place => {
                        let arg = ("country".to_string(), Object::Entity(e));
                        if !d.arguments.contains(&arg) {
                            d.arguments.push(arg);
                        }
                    }
                    EntityKind::Organization if !orgs.contains(&e) => orgs.push(e),
                    _ => {}
                }
            }
        }
        let led = docs
            .get(para)
            .filter(|_| ctx.is(Class::Leader, &head_lemma) && !former(&text))
            .map(|doc| led_by(ctx, doc, para, &range, &head_lemma, role.entity))
            .unwrap_or_default();
        for &e in &led {
            let mut l = Draft::new(
                "role",
                para,
                role.entity,
                "leads".to_string(),
                head_lemma.clone(),
                Object::Entity(e),
            );
            l.tokens = tokens.clone();
            out.push(l);
        }
        for &org in orgs.iter().filter(|o| !led.contains(o)) {
            d.arguments.push(("memberOf".to_string(), Object::Entity(org)));
            let mut m = Draft::new(
                "member",
                para,
                role.entity,
                "memberOf".to_string(),
                head_lemma.clone(),
                Object::Entity(org),
            );
            m.tokens = tokens.clone();
            out.push(m);
        }
        out.push(d);
    }
}

/// "l'ancien président", "l'ex-maire": a role held before.
fn former(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        matches!(w.to_lowercase().as_str(), "ancien" | "ancienne" | "anciens" | "ex")
            || w.to_lowercase().starts_with("ex-")
    })
}

/// The organisations and places a leader title heads: the entity whose name
/// hangs on the title token itself as its "de" complement ("président de la
/// Commission européenne") or the country of a demonym adjective on the
/// title ("le président italien"). Deeper names ("directeur de l'hôpital de
/// Lyon") are not what the holder heads.
fn led_by(ctx: &Ctx, doc: &Doc, para: usize, range: &Range<usize>, title: &str, holder: usize) -> Vec<usize> {
    let Some(t) = range.clone().find(|&k| {
        doc.tokens
            .get(k)
            .is_some_and(|x| x.lemma.to_lowercase() == title || x.text.to_lowercase() == title)
    }) else {
        return Vec::new();
    };
    let mut led = Vec::new();
    for k in range.clone() {
        let Some(x) = doc.tokens.get(k) else { continue };
        if x.head != t || k == t {
            continue;
        }
        let e = match x.dep.as_str() {
            "amod" => ctx.table.demonym_country(para, k),
            "nmod" if k > t => ctx.table.entity_at(para, k).filter(|_| {
                doc.tokens
                    .iter()
                    .enumerate()
                    .any(|(j, c)| j != k && c.head == k && c.dep == "case" && super::preposition_form(&c.text) == "de")
            }),
            _ => None,
        };
        let Some(e) = e.filter(|&e| e != holder && !led.contains(&e)) else {
            continue;
        };
        if matches!(ctx.kind(e), EntityKind::Place | EntityKind::Organization) {
            led.push(e);
        }
    }
    led
}

/// The title noun's lemma inside the role ("ministre"), from the words of
/// the role text: a word of the lexicon's title class, else a title word of
/// the entity tables ("astronome").
fn title_lemma(ctx: &Ctx, role: &RoleMention) -> Option<String> {
    let words: Vec<String> = role
        .role
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
        .map(str::to_lowercase)
        .collect();
    let titles = crate::extract::entities::tables::tables();
    words
        .iter()
        .find(|w| ctx.is(Class::Title, w))
        .or_else(|| words.iter().find(|w| titles.is_title(w)))
        .cloned()
        // "journalistes": a plural title's singular.
        .or_else(|| {
            words
                .iter()
                .filter_map(|w| w.strip_suffix('s').or_else(|| w.strip_suffix('x')))
                .find(|w| !w.is_empty() && titles.is_title(w))
                .map(str::to_string)
        })
}

/// Role text without a leading determiner, trailing punctuation or
/// guillemets, cut at the first comma; empty when still longer than an object may be.
fn clean(text: &str) -> String {
    let first = text.split([',', ';', '(']).next().unwrap_or("");
    // Guillemets around a name inside the role ("fondateur des « Citrons »")
    // are dropped: the role's end may have cut the closing one.
    let unquoted: String = first.chars().filter(|c| !matches!(c, '«' | '»')).collect();
    let unquoted = unquoted.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = unquoted.trim_end_matches([',', ';', ':', '.']).trim().to_string();
    if t.split_whitespace().count() > super::np::MAX_WORDS {
        return String::new();
    }
    for det in ["le ", "la ", "les ", "l'", "l\u{2019}", "un ", "une "] {
        if t.to_lowercase().starts_with(det) {
            t = t[det.len()..].trim_start().to_string();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn role_text_is_cleaned() {
        assert_eq!(clean("le ministre de la Défense,"), "ministre de la Défense");
        assert_eq!(clean("l'envoyé du Moyen-Orient"), "envoyé du Moyen-Orient");
        assert_eq!(
            clean("représentant la Hongrie, et la danse sur glace"),
            "représentant la Hongrie"
        );
        assert_eq!(clean("le fondateur des « Verts"), "fondateur des Verts");
        let long = "chef ".repeat(20);
        assert_eq!(clean(&long), "");
    }
}
