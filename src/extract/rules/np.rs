//! Noun phrases: which entity a nominal names, its clean literal text,
//! coordination, and the antecedent of relative pronouns.
//!
//! Owns the rules "title + name is the person", "the government + demonym is
//! the country", "the peninsula of X is X", and literal cleaning (no leading
//! determiner, no relative clause, at most 15 words, never a function word).
//! It does not decide predicates.

use crate::facts::{EntityKind, Literal, LiteralKind, Object};

use super::lexicon::Class;
use super::{Ctx, Para};

/// Most words a literal object may have (the scorer counts longer ones as junk).
pub const MAX_WORDS: usize = 15;

/// A resolved argument: the value and how sure the resolution is (0..1).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Value {
    pub object: Object,
    pub factor: f32,
    pub token: usize,
    /// The tokens of a literal's phrase (empty for an entity, whose mention
    /// range is known to the table): what a fact's span must cover.
    pub phrase: Vec<usize>,
}

impl Ctx<'_> {
    /// The entity a nominal token names, with a confidence factor.
    pub fn resolve(&self, p: &Para, t: usize) -> Option<(usize, f32)> {
        if let Some(e) = self.table.entity_at(p.index, t) {
            // The table resolves pronouns and definite descriptions itself:
            // trust those less than a name.
            let factor = if p.tok(t).pos == "PRON" {
                0.75
            } else if self.table.refers_back(p.index, t) {
                0.85
            } else {
                1.0
            };
            return Some((e, factor));
        }
        // "par le japonais Kenji Sato": the parser may make the nationality
        // adjective, with its article, the head of the phrase and hang the
        // name after it on it or elsewhere; the phrase is the person.
        if p.tok(t).pos == "ADJ" && p.kids(t, "det").next().is_some() && t + 1 < p.len() {
            let named = self
                .table
                .entity_at(p.index, t + 1)
                .filter(|&e| self.kind(e) != EntityKind::Place);
            if let Some(e) = named {
                return Some((e, 0.95));
            }
        }
        if let Some(e) = self.demonym(p, t) {
            return Some((e, 0.85));
        }
        if let Some(&e) = self.role_at.get(&(p.index, t)) {
            return Some((e, 0.95));
        }
        // "Linden Cars, la filiale exploitant le car": the apposed noun heads
        // a clause about the name.
        if let Some(e) = self.table.apposed_to(p.index, t) {
            return Some((e, 0.9));
        }
        let tok = p.tok(t);
        if !common_noun(tok) {
            return None;
        }
        let lemma = tok.lemma.to_lowercase();
        if self.is(Class::Title, &lemma) {
            for c in p.children[t].iter().copied() {
                let ct = p.tok(c);
                // "l'avocat de la chanteuse X" is not X: a complement with a
                // preposition names the owner, not the title holder.
                let owner = p.kids(c, "case").next().is_some();
                if ct.pos == "PROPN" && !owner && matches!(ct.dep.as_str(), "appos" | "nmod" | "flat:name") {
                    if let Some(e) = self.person_at(p, c) {
                        return Some((e, 0.9));
                    }
                }
            }
        }
        // "la société Acme", "le journal Le Monde": a common noun with the
        // name written right after it (adjectives between allowed) is that name.
        if let Some((e, _)) = self.name_after_noun(p, t, false) {
            return Some((e, 0.9));
        }
        // "la ville de Lyon" is Lyon; "la capitale de l'Alsace" is not Alsace.
        if self.is(Class::Geo, &lemma) && !self.is(Class::GeoPart, &lemma) {
            for c in p.kids(t, "nmod").collect::<Vec<_>>() {
                if p.prep(c).as_deref() == Some("de") {
                    if let Some(e) = self.table.entity_at(p.index, c) {
                        if self.kind(e) == EntityKind::Place {
                            return Some((e, 0.9));
                        }
                    }
                }
            }
        }
        None
    }

    /// A singular third-person pronoun ("il", "elle", "-il") standing for the
    /// person named last before it in the paragraph, within two sentences.
    pub fn resolve_pronoun(&self, p: &Para, t: usize) -> Option<(usize, f32)> {
        if !is_singular_il_elle(p, t) {
            return None;
        }
        // The last person who was a subject, within three sentences (quotes
        // are often split into fragments); else the only person named there.
        let sentence = p.sentence_of[t];
        let mut named = Vec::new();
        for k in (0..t).rev() {
            if p.sentence_of[k] + 3 < sentence {
                break;
            }
            let e = self
                .table
                .entity_at(p.index, k)
                .or_else(|| self.role_at.get(&(p.index, k)).copied());
            let Some(e) = e.filter(|&e| self.kind(e) == EntityKind::Person && p.tok(k).pos != "ADJ") else {
                continue;
            };
            if is_subject(p, k) {
                return Some((e, 0.7));
            }
            if !named.contains(&e) {
                named.push(e);
            }
        }
        (named.len() == 1).then(|| (named[0], 0.6))
    }

    /// A singular "il"/"elle" subject with no person to stand for: the
    /// subject of the main clause of the sentence before it in the
    /// paragraph, when that subject is a noun or name (not a pronoun, not a
    /// person) agreeing with the pronoun in gender where both have one
    /// ("La société a fermé l'usine. Elle a supprimé 300 emplois."); in a
    /// clause said by a noun of its own sentence, that noun ("Le studio a
    /// annoncé qu'il ne viendra pas"). The antecedent token, for the
    /// caller to turn into a node.
    pub fn previous_subject(&self, p: &Para, t: usize) -> Option<usize> {
        self.previous_subject_within(p, t, 2)
    }

    /// [`Self::previous_subject`], taking up a pronoun subject of the
    /// sentence before in its turn, at most `hops` times: "La troisième
    /// édition du festival se tient à Lyon. C'est la deuxième fête de
    /// l'été. Elle est organisée par …": "c'est" opening a copula says
    /// what the topic is, and "elle" (no person to stand for) is the
    /// topic taken up again; both pass on the subject before them.
    fn previous_subject_within(&self, p: &Para, t: usize, hops: usize) -> Option<usize> {
        if is_plural_ils_elles(p, t) {
            return self.previous_plural_subject(p, t);
        }
        if !is_singular_il_elle(p, t) {
            return None;
        }
        // "Le studio a annoncé qu'il ne viendra pas": a pronoun subject of
        // a clause said or thought by a noun of its own sentence takes up
        // that noun, not the subject of the sentence before.
        let mut subject = match speaker_subject(p, t) {
            Some(s) => s,
            None => previous_main_subject(p, t)?,
        };
        for _ in 0..hops {
            if p.tok(subject).pos != "PRON" {
                break;
            }
            if is_singular_il_elle(p, subject) {
                // A pronoun that stands for a person passes on nobody; one
                // taken for a thing ("Elle a lieu une semaine après X")
                // is the same topic, passed on.
                let person = self
                    .resolve(p, subject)
                    .or_else(|| self.resolve_pronoun(p, subject))
                    .is_some_and(|(e, _)| self.kind(e) == EntityKind::Person);
                if person {
                    return None;
                }
                subject = previous_main_subject(p, subject)?;
            } else if is_topic_ce(p, subject) {
                subject = previous_main_subject(p, subject)?;
            } else {
                return None;
            }
        }
        let st = p.tok(subject);
        if !matches!(st.pos.as_str(), "NOUN" | "PROPN") || feature(p, subject, "Number") == Some("Plur") {
            return None;
        }
        let kind = self
            .table
            .entity_at(p.index, subject)
            .or_else(|| self.role_at.get(&(p.index, subject)).copied())
            .map(|e| self.kind(e));
        // The tagger guesses a company name's gender; "elle" and "il" both
        // take up a company ("Renault … Elle").
        let gender = feature(p, t, "Gender");
        let same = |a: Option<&str>, b: Option<&str>| a.is_none() || b.is_none() || a == b;
        let agrees = kind == Some(EntityKind::Organization) || same(gender, feature(p, subject, "Gender"));
        (kind != Some(EntityKind::Person) && agrees).then_some(subject)
    }

    /// A plural "ils"/"elles" subject outside quotes: the plural subject
    /// (a noun phrase, a group or coordinated names) of the main clause of
    /// the sentence before it in the paragraph ("Les manifestants ont
    /// bloqué le dépôt. Ils ont ensuite rejoint la place."), agreeing in
    /// gender where both are tagged ("elles" never takes up a masculine
    /// noun). Inside a quote "ils" is the speaker's "them", never resolved.
    fn previous_plural_subject(&self, p: &Para, t: usize) -> Option<usize> {
        if super::reported::quotes(p).iter().any(|q| q.contains(&t)) {
            return None;
        }
        let subject = previous_main_subject(p, t)?;
        if !matches!(p.tok(subject).pos.as_str(), "NOUN" | "PROPN") || number(p, subject) != Some("Plur") {
            return None;
        }
        let feminine_pronoun = p.tok(t).text.to_lowercase().starts_with("elle");
        let masculine_subject = feature(p, subject, "Gender") == Some("Masc");
        (!(feminine_pronoun && masculine_subject)).then_some(subject)
    }

    /// The noun a demonstrative anaphor of "the latter" stands for:
    /// "celui-ci", "celle-ci", "ceux-ci", "celles-ci", or "ce dernier",
    /// "cette dernière", "ces derniers" standing alone, at `t`. French uses
    /// them for the last-named noun (not the subject), so the antecedent is
    /// the nearest noun or name before `t`, in its sentence or the one
    /// before, that heads its phrase and agrees in number (and in gender
    /// where both are tagged; a name's tagged gender is a guess). Returns
    /// that noun and a factor below a name's; `None` for any other word.
    pub fn latter(&self, p: &Para, t: usize) -> Option<(usize, f32)> {
        let tok = p.tok(t);
        let mut text = tok.text.to_lowercase();
        // "Celui-ci" may come as "Celui" and "-ci", or "-" and "ci".
        let next = |k: usize| (k < p.len()).then(|| p.tok(k).text.to_lowercase());
        match (next(t + 1).as_deref(), next(t + 2).as_deref()) {
            (Some("-ci"), _) | (Some("-"), Some("ci")) => text.push_str("-ci"),
            _ => {}
        }
        let (gender, number) = match text.as_str() {
            "celui-ci" => ("Masc", "Sing"),
            "celle-ci" => ("Fem", "Sing"),
            "ceux-ci" => ("Masc", "Plur"),
            "celles-ci" => ("Fem", "Plur"),
            "dernier" | "dernière" | "derniers" | "dernières" => {
                let demonstrative = p.kids(t, "det").any(|d| p.lemma(d) == "ce");
                // "ce dernier" stands alone: no noun of its own after it.
                let alone = matches!(tok.pos.as_str(), "ADJ" | "NOUN" | "PRON")
                    && !tok.dep.starts_with("amod")
                    && p.kids(t, "nmod").next().is_none();
                if !(demonstrative && alone) {
                    return None;
                }
                let gender = if text.starts_with("dernière") { "Fem" } else { "Masc" };
                let number = if text.ends_with('s') { "Plur" } else { "Sing" };
                (gender, number)
            }
            _ => return None,
        };
        let sentence = p.sentence_of[t];
        let start = (0..t).rev().take_while(|&k| p.sentence_of[k] + 1 >= sentence).last()?;
        // The nearest three nominals only: further back, "the latter" is
        // no longer the last-named. "l'un des X" before it is one of X,
        // which no noun names: nothing.
        let mut seen = 0;
        for k in (start..t).rev() {
            let c = p.tok(k);
            if c.pos == "PRON"
                && matches!(c.text.to_lowercase().as_str(), "un" | "une")
                && p.kids(k, "nmod").next().is_some()
            {
                return None;
            }
            // "le télescope, dont le lancement est prévu. Celui-ci …": a
            // noun with a relative pronoun of its own is inside a relative
            // clause, aside from the text's main line.
            if p.children[k].iter().any(|&c| p.morph_has(c, "PronType=Rel")) {
                continue;
            }
            // A noun's complement is no referent of its own ("l'un des
            // suspects de Lyon, celui-ci"); under "l'un de", nothing is.
            if c.dep.starts_with("nmod") {
                let mut h = k;
                for _ in 0..4 {
                    match p.head(h) {
                        Some(x) if p.tok(h).dep.starts_with("nmod") => h = x,
                        _ => break,
                    }
                }
                let one_of = p.tok(h).pos == "PRON" && matches!(p.tok(h).text.to_lowercase().as_str(), "un" | "une");
                if one_of {
                    return None;
                }
                continue;
            }
            if !matches!(c.pos.as_str(), "NOUN" | "PROPN")
                || matches!(c.dep.as_str(), "flat:name" | "flat" | "fixed" | "compound")
                || super::svo::is_time_noun(p, k)
            {
                continue;
            }
            let name = c.pos == "PROPN" || self.table.entity_at(p.index, k).is_some();
            let agrees_number = match feature(p, k, "Number") {
                Some(n) => n == number,
                None => name,
            };
            let agrees_gender = name || feature(p, k, "Gender").is_none_or(|g| g == gender);
            if agrees_number && agrees_gender {
                return Some((k, 0.7));
            }
            seen += 1;
            if seen == 3 {
                return None;
            }
        }
        None
    }

    /// The country a demonym adjective stands for ("ukrainienne").
    pub fn demonym(&self, p: &Para, t: usize) -> Option<usize> {
        (p.tok(t).pos == "ADJ")
            .then(|| self.table.demonym_country(p.index, t))
            .flatten()
    }

    pub fn kind(&self, e: usize) -> EntityKind {
        self.table.entities.get(e).map(|x| x.kind).unwrap_or(EntityKind::Misc)
    }

    fn person_at(&self, p: &Para, t: usize) -> Option<usize> {
        self.table
            .entity_at(p.index, t)
            .filter(|&e| self.kind(e) == EntityKind::Person)
    }

    /// An entity, else a clean literal, for a nominal token.
    pub fn value(&self, p: &Para, t: usize, skip: Option<usize>) -> Option<Value> {
        if let Some((e, factor)) = self.resolve(p, t) {
            return Some(Value {
                object: Object::Entity(e),
                factor,
                token: t,
                phrase: Vec::new(),
            });
        }
        if let Some(v) = self.one_of(p, t, skip) {
            return Some(v);
        }
        let (text, phrase) = self.literal_phrase(p, t, skip)?;
        // "trois morts", "4 milliards d'euros": a phrase counted by a number
        // is a quantity (the fact carries its value and unit, see `finish`).
        let counted = phrase.iter().any(|&k| {
            let tok = p.tok(k);
            tok.pos == "NUM" || (!tok.text.is_empty() && tok.text.chars().all(|c| c.is_ascii_digit()))
        });
        let kind = if counted && super::quantity::parse(&text).is_some() {
            LiteralKind::Number
        } else {
            LiteralKind::Text
        };
        // "a rencontré le gouvernement malien": an institution named by its
        // country is a concept node linked to that country.
        let lemma = p.lemma(t);
        if kind == LiteralKind::Text && self.is(Class::Collective, lemma) && self.may_be_concept(p, t) {
            if let Some(named) = self.named_in(p, t) {
                let c = self.concepts.intern(&text, lemma, Some(named));
                return Some(Value {
                    object: Object::Concept(c),
                    factor: 0.9,
                    token: t,
                    phrase,
                });
            }
        }
        Some(Value {
            object: Object::Literal(Literal { text, kind }),
            factor: 1.0,
            token: t,
            phrase,
        })
    }

    /// "l'un des radars", "plusieurs des suspects", "certains des
    /// manifestants", "cinq des assaillants", "deux à trois cabines": a pronoun of part (`un`,
    /// `plusieurs`, `certain`, `chacun`) or a count whose "de" complement
    /// names the set is a phrase about that set's members, headed for its
    /// type by the complement's noun (a concept node "un des radars" typed
    /// `radar`). A count takes a plural set with its article ("des
    /// suspects", "de ses enfants"), never a bare noun ("trois de plus").
    /// `None` for any other token, or when the complement is no common
    /// noun phrase.
    pub fn one_of(&self, p: &Para, t: usize, skip: Option<usize>) -> Option<Value> {
        let tok = p.tok(t);
        let part = matches!(
            tok.lemma.to_lowercase().as_str(),
            "un" | "une" | "plusieurs" | "certain" | "certains" | "chacun" | "chacune"
        );
        let count = !part && p.morph_has(t, "NumType=Card");
        if !matches!(tok.pos.as_str(), "PRON" | "DET" | "NUM") || !(part || count) || (tok.pos == "NUM" && !count) {
            return None;
        }
        let set = p.kids(t, "nmod").find(|&c| {
            if p.tok(c).pos != "NOUN" {
                return false;
            }
            if !count {
                return p.prep(c).as_deref() == Some("de");
            }
            // "cinq des suspects" (the model may read "des" as the
            // noun's article), "trois de ses enfants".
            let article = |d: usize| p.tok(d).text.to_lowercase() == "des" && d == t + 1;
            // "deux à trois cabines", "200 à 300 manifestants": a range
            // whose upper bound counts the noun.
            let range = || p.kids(c, "nummod").any(|n| n < c && n > t);
            p.morph_has(c, "Number=Plur")
                && match p.prep(c).as_deref() {
                    Some("de") => p.kids(c, "case").any(article) || p.kids(c, "det").next().is_some(),
                    Some("à") => range(),
                    None => p.kids(c, "det").any(article),
                    _ => false,
                }
        })?;
        let (_, inner) = self.literal_phrase(p, set, skip)?;
        // A count keeps the set's article ("cinq des suspects", "trois de
        // ses enfants"); the phrase of a noun leaves it out.
        let dets = p.kids(set, "det").filter(|&d| count && d < set);
        let mut phrase: Vec<usize> = std::iter::once(t)
            .chain(p.kids(set, "case"))
            .chain(dets)
            .chain(inner)
            .collect();
        phrase.sort_unstable();
        phrase.dedup();
        let text = self.render(p, &phrase);
        if text.split_whitespace().count() > MAX_WORDS {
            return None;
        }
        Some(Value {
            object: Object::Literal(Literal {
                text,
                kind: LiteralKind::Text,
            }),
            factor: 0.9,
            token: set,
            phrase,
        })
    }

    /// The noun phrase headed by `t` as clean text, with the tokens it was
    /// rendered from (the fact's span covers them): no relative or adverbial
    /// clause, no apposition or coordination, no leading determiner, at most
    /// [`MAX_WORDS`] words. `skip` leaves out one subtree (a clause on the noun).
    pub fn literal_phrase(&self, p: &Para, t: usize, skip: Option<usize>) -> Option<(String, Vec<usize>)> {
        let tok = p.tok(t);
        if !matches!(tok.pos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM" | "X") {
            return None;
        }
        if self.is(Class::Function, &tok.lemma) || self.is(Class::Function, &tok.text) {
            return None;
        }
        for depth in [6usize, 3, 2, 1, 0] {
            let mut tokens = np_tokens(p, t, depth, skip, &|c| self.is_adjunct(p, c, p.head(c) == Some(t)));
            // "55,14% des voix" with the sign hung elsewhere: a number's
            // percent sign written right after it is its unit.
            if tok.pos == "NUM" && tokens.last() == Some(&t) && t + 1 < p.len() && p.tok(t + 1).text == "%" {
                tokens.push(t + 1);
            }
            let text = self.render(p, &tokens);
            let words = text.split_whitespace().count();
            if words == 0 {
                return None;
            }
            if words <= MAX_WORDS {
                let folded = text.to_lowercase();
                // "11,3 %" has no letter but is a quantity with its unit.
                let quantity = || super::quantity::parse(&text).is_some_and(|q| q.unit.is_some());
                if self.is(Class::Function, &folded) || !(folded.chars().any(char::is_alphabetic) || quantity()) {
                    return None;
                }
                return Some((text, tokens));
            }
        }
        None
    }

    /// Original text of tokens, with the original spacing between neighbours.
    pub fn render(&self, p: &Para, tokens: &[usize]) -> String {
        let mut out = String::new();
        let mut prev: Option<usize> = None;
        for &t in tokens {
            if let Some(q) = prev {
                if q + 1 != t || p.tok(q).space_after {
                    out.push(' ');
                }
            }
            out.push_str(&self.token_text(p, t));
            prev = Some(t);
        }
        out.trim().to_string()
    }

    /// A token's text as written in the original (typographic apostrophes kept).
    pub fn token_text(&self, p: &Para, t: usize) -> String {
        let tok = p.tok(t);
        let a = p.offsets.get(tok.start).copied();
        let b = p.offsets.get(tok.end()).copied();
        match (a, b) {
            (Some(a), Some(b)) if a < b && b <= self.original.len() => self.original[a..b]
                .iter()
                .filter(|&&c| c != crate::input::markup::GONE)
                .collect(),
            _ => tok.text.clone(),
        }
    }

    /// `t` and the nominals coordinated with it (conj, enumerating appositions
    /// of other people, nouns the parser hung on the verb as `conj`).
    pub fn expand(&self, p: &Para, t: usize) -> Vec<usize> {
        let mut out = vec![t];
        let mut k = 0;
        while k < out.len() && out.len() < 12 {
            let x = out[k];
            for c in p.children[x].iter().copied() {
                let ct = p.tok(c);
                let take = match ct.dep.as_str() {
                    // "le groupe X : A, B et C" lists what X holds; A, B and C
                    // are no participants beside X.
                    "conj" => {
                        matches!(ct.pos.as_str(), "NOUN" | "PROPN")
                            && p.kids(c, "cop").next().is_none()
                            && !(x.min(c)..x.max(c)).any(|k| p.tok(k).text == ":")
                    }
                    // A name right after another noun of the phrase is that
                    // noun's ("l'avocat de la chanteuse X": X is the singer).
                    // A noun apposed to a name describes that name ("un
                    // porte-parole de X, la filiale …"): no participant.
                    "appos" | "flat:name" => {
                        let nearer = c > 0 && c - 1 != x && p.tok(c - 1).pos == "NOUN";
                        !nearer
                            && self.table.apposed_to(p.index, c).is_none()
                            && self
                                .resolve(p, c)
                                .is_some_and(|(e, _)| self.kind(e) == EntityKind::Person)
                    }
                    _ => false,
                };
                if take && !out.contains(&c) {
                    out.push(c);
                }
            }
            // "la Fédération des Taxis et Uber France", "les syndicats A, B et
            // C": the parser hangs the next item on a word inside the
            // item's name (or on the name after a class noun).
            for c in self.name_conjuncts(p, x) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        // Parser repair: "par A et l'envoyé B" with the second noun as `conj` of the verb.
        if let Some(h) = p.head(t) {
            if p.tok(h).pos == "VERB" {
                let args: Vec<usize> = p.children[h]
                    .iter()
                    .copied()
                    .filter(|&c| matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN") && p.tok(c).dep != "conj")
                    .collect();
                // A subject written before its verb has its conjuncts before
                // it too ("A et B ont signé"): a noun after the verb is a
                // clause of its own with its verb left out ("deux pompiers
                // ont été tués et trois blessés").
                let before_verb = t < h && matches!(p.tok(t).dep.as_str(), "nsubj" | "nsubj:pass");
                for c in p.kids(h, "conj").collect::<Vec<_>>() {
                    let ct = p.tok(c);
                    if c > t
                        && !(before_verb && c > h)
                        && matches!(ct.pos.as_str(), "NOUN" | "PROPN")
                        && p.kids(c, "cop").next().is_none()
                        && p.kids(c, "nsubj").next().is_none()
                    {
                        let nearest = args.iter().copied().filter(|&a| a < c).max();
                        if nearest == Some(t) && !out.contains(&c) {
                            out.push(c);
                        }
                    }
                }
                // "par les producteurs A, B et C" with `B` hung on the verb
                // as a bare adjunct: a name right after the argument and a
                // comma, heading the list's end, continues the argument.
                let end = p
                    .subtree(t)
                    .into_iter()
                    .filter(|&k| p.tok(k).pos != "PUNCT")
                    .max()
                    .unwrap_or(t);
                // The list's first item closes the argument ("les
                // producteurs A"), not a name inside one of its clauses
                // ("la cérémonie, présentée par A, B et C, a vu …").
                let at_end = self.table.entity_at(p.index, end);
                let named = at_end.is_some() && out.iter().any(|&x| self.resolve(p, x).map(|(e, _)| e) == at_end);
                for c in p.kids(h, "obl:mod").collect::<Vec<_>>() {
                    let ends_list = p.kids(c, "conj").any(|k| p.kids(k, "cc").next().is_some());
                    if named
                        && c == end + 2
                        && p.tok(end + 1).text == ","
                        && p.tok(c).pos == "PROPN"
                        && p.kids(c, "case").next().is_none()
                        && self.table.entity_at(p.index, c).is_some()
                        && ends_list
                    {
                        for k in std::iter::once(c).chain(p.kids(c, "conj")) {
                            if !out.contains(&k) {
                                out.push(k);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// The entity named right after the common noun `t` ("la société Acme",
    /// "le journal Le Monde"; adjectives may stand between), and the name's
    /// token hung on the noun: a proper noun (or `X`) with no preposition,
    /// hung as `appos`, `nmod`, `flat:name` or `dep` (also `amod` when
    /// `amod_too`, as the tagger sometimes hangs a name in a list).
    fn name_after_noun(&self, p: &Para, t: usize, amod_too: bool) -> Option<(usize, usize)> {
        let at = |k: usize| self.table.entity_at(p.index, k);
        p.children[t].iter().copied().find_map(|c| {
            let e = at(c)?;
            let adjacent = c > t && (t + 1..c).all(|k| p.tok(k).pos == "ADJ" || at(k) == Some(e));
            let dep = p.tok(c).dep.as_str();
            let named = matches!(p.tok(c).pos.as_str(), "PROPN" | "X")
                && (matches!(dep, "appos" | "nmod" | "flat:name" | "dep") || (amod_too && dep == "amod"))
                && p.kids(c, "case").next().is_none();
            (adjacent && named).then_some((e, c))
        })
    }

    /// The tokens of the name `x` stands for: the mention holding `x`, or,
    /// for a common noun with its name written right after it ("les
    /// syndicats SNPL", "la société Acme"), that noun and the name's mention.
    /// `None` when `x` names no entity that way.
    fn name_span(&self, p: &Para, x: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let at = |k: usize| self.table.entity_at(p.index, k);
        let (e, anchor) = match at(x) {
            Some(e) => (e, x),
            None if common_noun(p.tok(x)) => self.name_after_noun(p, x, true)?,
            None => return None,
        };
        let mut lo = anchor.min(x);
        while lo > 0 && at(lo - 1) == Some(e) {
            lo -= 1;
        }
        let mut hi = anchor.max(x) + 1;
        while hi < p.len() && at(hi) == Some(e) {
            hi += 1;
        }
        Some((e, lo..hi))
    }

    /// Conjuncts the parser hung on a word of the name `x` stands for
    /// (see [`Ctx::name_span`]) rather than on `x`: nominals outside the
    /// name that name another entity, never across a colon.
    fn name_conjuncts(&self, p: &Para, x: usize) -> Vec<usize> {
        let Some((e, span)) = self.name_span(p, x) else {
            return Vec::new();
        };
        let names_other = |c: usize| self.resolve(p, c).is_some_and(|(o, _)| o != e);
        let mut found = Vec::new();
        for k in span.clone().filter(|&k| k != x) {
            for c in p.kids(k, "conj") {
                let colon = (k.min(c)..k.max(c)).any(|t| p.tok(t).text == ":");
                // "la Journée des Caraïbes et des États-Unis": a conjunct
                // with a preposition of its own continues a complement
                // inside the name, unless the name has that preposition too
                // ("de la Ligue du Nord et du parti X").
                let own_case = p.prep(c).is_some() && p.prep(c) != p.prep(x);
                if !span.contains(&c)
                    && matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN")
                    && p.kids(c, "cop").next().is_none()
                    && names_other(c)
                    && !colon
                    && !own_case
                {
                    found.push(c);
                }
            }
        }
        // "les producteurs A, B et C" with `A` and `B` both hung on the
        // class noun: a later name after a comma, heading the list's end.
        let class_noun = p.tok(x).pos == "NOUN"
            && (self.table.entity_at(p.index, x).is_none() || self.table.is_class_noun_before_name(p.index, x));
        if class_noun {
            for c in p.children[x].iter().copied() {
                let ends_list = p.kids(c, "conj").any(|k| p.kids(k, "cc").next().is_some());
                if c >= span.end
                    && p.tok(c - 1).text == ","
                    && matches!(p.tok(c).dep.as_str(), "appos" | "nmod")
                    && p.tok(c).pos == "PROPN"
                    && p.kids(c, "case").next().is_none()
                    && names_other(c)
                    && ends_list
                {
                    found.push(c);
                }
            }
        }
        found
    }

    /// Values for `t` and everything coordinated with it, one per entity.
    pub fn values(&self, p: &Para, t: usize, skip: Option<usize>) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for (i, x) in self.expand(p, t).into_iter().enumerate() {
            let Some(mut v) = self.value(p, x, skip) else { continue };
            if i > 0 {
                v.factor *= 0.9;
            }
            // Appositions of one person resolve to the same entity: keep one.
            if !out.iter().any(|o| o.object == v.object) {
                out.push(v);
            }
        }
        // "l'humoriste Beppe Grillo": the common noun describes the person
        // named in apposition; it is no second participant.
        let named: Vec<usize> = out
            .iter()
            .filter(|v| matches!(v.object, Object::Entity(_)))
            .map(|v| v.token)
            .collect();
        out.retain(|v| {
            !matches!(v.object, Object::Literal(_))
                || !named
                    .iter()
                    .any(|&n| p.head(n) == Some(v.token) && p.kids(n, "case").next().is_none())
        });
        out
    }

    /// The noun a relative pronoun stands for, and how sure that is.
    ///
    /// The parser's antecedent is the relative clause's head; after a comma
    /// the nearest preceding noun phrase is preferred when it lies inside the
    /// parser's antecedent ("l'abandon des terres, y compris la péninsule de
    /// Crimée, que ..."), and a misattached pronoun takes the nearest noun.
    pub fn antecedent(&self, p: &Para, pronoun: usize, clause: usize) -> Option<(usize, f32)> {
        let parsed = (p.tok(clause).dep == "acl:relcl").then(|| p.head(clause)).flatten();
        let mut k = pronoun;
        let mut after_comma = false;
        while k > 0 {
            k -= 1;
            let tok = p.tok(k);
            if tok.pos == "PUNCT" {
                after_comma |= tok.text == ",";
                continue;
            }
            break;
        }
        let nearest = (0..pronoun)
            .rev()
            .find(|&i| matches!(p.tok(i).pos.as_str(), "NOUN" | "PROPN"));
        let nearest = nearest.map(|n| climb_de(p, n));
        let found = match (parsed, nearest) {
            (Some(a), Some(n)) if after_comma && n != a && n > a && p.dominated_by(n, a) => Some((n, 0.8)),
            (Some(a), _) if matches!(p.tok(a).pos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM") => Some((a, 0.9)),
            (_, Some(n)) if p.sentence_of[n] == p.sentence_of[pronoun] => Some((n, 0.7)),
            _ => None,
        };
        // "X, représentant la Russie, qui fixe …": a relative after a
        // participle phrase set off on a name is about the name.
        let found = match found {
            Some((a, f)) if after_comma => match participle_phrase_host(p, a) {
                Some(host) => Some((host, f * 0.9)),
                None => Some((a, f)),
            },
            other => other,
        };
        // "des sociétés liées à X qui achèteraient": the verb of a subject
        // relative agrees with its antecedent; "que" says nothing of it.
        let subject = p.lemma(pronoun) == "qui";
        let found = match found {
            Some((a, f)) if subject => self.agreeing_noun(p, a, clause, pronoun).map(|(n, g)| (n, f * g)),
            other => other,
        };
        match found {
            Some((a, f)) if subject => self.harm_antecedent(p, a, clause, pronoun).map(|(n, g)| (n, f * g)),
            other => other,
        }
    }

    /// Whether the nominal `t` names a place: a place entity, or a place
    /// noun (`geo` in `lexicon.tsv`: "la région", "la province").
    fn is_place_token(&self, p: &Para, t: usize) -> bool {
        self.resolve(p, t)
            .is_some_and(|(e, _)| self.kind(e) == EntityKind::Place)
            || self.is(Class::Geo, p.lemma(t))
    }

    /// Whether a subject value names a place (see [`Ctx::is_place_token`]).
    pub fn is_place(&self, p: &Para, v: &Value) -> bool {
        match v.object {
            Object::Entity(e) => self.kind(e) == EntityKind::Place,
            _ => self.is_place_token(p, v.token),
        }
    }

    /// Whether the clause of verb `v` counts the dead or injured: "faire"
    /// with a casualty noun as its object ("a fait deux morts", "une
    /// vingtaine de blessés"), also when the parser left the bare noun as
    /// an adjunct ("a fait au moins neuf morts").
    pub fn counts_casualties(&self, p: &Para, v: usize) -> bool {
        let casualty = |t: usize| self.is(Class::Casualty, p.lemma(t));
        p.lemma(v) == "faire"
            && p.children[v].iter().any(|&c| {
                matches!(p.tok(c).dep.as_str(), "obj" | "obl:mod")
                    && p.kids(c, "case").next().is_none()
                    // "une vingtaine de blessés": the quantity's noun.
                    && (casualty(c)
                        || p.kids(c, "nmod")
                            .any(|g| {
                                casualty(g)
                                    && p.prep(g).as_deref() == Some("de")
                                    && p.children[g].iter().all(|&k| !matches!(p.tok(k).pos.as_str(), "DET" | "NUM"))
                            }))
            })
    }

    /// The antecedent `a` of a subject relative whose clause `clause` counts
    /// casualties ("…, qui a fait deux morts"): only an event, a person or
    /// a group does that, never a place or a date. When `a` is no event of
    /// harm, the nearest such event noun (`harm` in `lexicon.tsv`) of the
    /// same noun phrase before the pronoun that agrees in number with the
    /// verb takes its place ("l'attentat de lundi sur le marché de Noël,
    /// qui a fait …": the attack; factor 0.85); with none, a place or a
    /// date gives no subject at all; anything else stays.
    fn harm_antecedent(&self, p: &Para, a: usize, clause: usize, pronoun: usize) -> Option<(usize, f32)> {
        if !self.counts_casualties(p, clause) {
            return Some((a, 1.0));
        }
        let harm = |k: usize| p.tok(k).pos == "NOUN" && self.is(Class::Harm, p.lemma(k));
        if harm(a) {
            return Some((a, 1.0));
        }
        // The whole noun phrase: up through nominal heads.
        let top = nominal_top(p, a);
        let form = verb_agreement(p, clause);
        let number_only = Agreement { gender: None, ..form };
        let sentence = p.sentence_of[pronoun.min(p.len() - 1)];
        let event = (0..pronoun)
            .rev()
            .take_while(|&k| p.sentence_of[k] == sentence)
            .filter(|&k| k == top || p.dominated_by(k, top))
            .find(|&k| harm(k) && agrees(p, k, number_only));
        if let Some(e) = event {
            return Some((e, 0.85));
        }
        let place = self.is_place_token(p, a);
        let date = super::time::is_time_word(p.lemma(a));
        (!place && !date).then_some((a, 1.0))
    }

    /// `noun` when the verb form `verb` of a clause on it agrees with it in
    /// number; else the nearest noun
    /// before `before` of the same nominal chain (a noun above `noun` or
    /// inside its phrase: "des sociétés liées à X qui …") that agrees
    /// in number (and, for a past participle alone or after "être", in
    /// gender, with the article of a name's first noun; factor 0.75), else
    /// none; for a relative pronoun (`before` is not `verb`) whose verb shows
    /// gender, any noun of the whole noun phrase is a candidate.
    /// A noun or verb whose features the tagger left out agrees with anything;
    /// coordinated nouns are plural. Used for relative `qui` clauses and
    /// participles on a noun, which the parser often hangs on the wrong noun.
    pub fn agreeing_noun(&self, p: &Para, noun: usize, verb: usize, before: usize) -> Option<(usize, f32)> {
        let form = verb_agreement(p, verb);
        // The tagger's gender of nouns is unreliable ("des insignes" as
        // feminine): the parser's noun need only agree in number; gender
        // only helps choose another.
        let number_only = Agreement { gender: None, ..form };
        if agrees(p, noun, number_only) && determiner_agrees(p, noun, form) {
            return Some((noun, 1.0));
        }
        // A relative pronoun with gender and number to go by ("qui était
        // prévu") may mean any noun of the whole noun phrase: "l'annulation
        // du sommet entre X et la Corée du Nord, qui était prévu …" is the
        // summit. (Not for a participle hung on a noun: no pronoun marks
        // where its clause starts.)
        let top = nominal_top(p, noun);
        let widen = form.gender.is_some() && before != verb;
        let sentence = p.sentence_of[before.min(p.len() - 1)];
        (0..before)
            .rev()
            .take_while(|&k| p.sentence_of[k] == sentence)
            .filter(|&k| matches!(p.tok(k).pos.as_str(), "NOUN" | "PROPN") && k != noun)
            .filter(|&k| p.dominated_by(k, noun) || p.dominated_by(noun, k) || (widen && p.dominated_by(k, top)))
            .find(|&k| {
                // A word inside a name agrees as the name's first noun does,
                // with its article: "Nord" in "la Corée du Nord" is feminine.
                let k = self.name_head(p, k);
                feature(p, k, "Number").is_some() && agrees(p, k, form) && determiner_agrees(p, k, form)
            })
            .map(|k| (k, 0.75))
    }

    /// The first noun or proper noun of the entity mention that covers token
    /// `t` ("Corée" for "Nord" in "la Corée du Nord"), or `t` itself
    /// outside a mention.
    fn name_head(&self, p: &Para, t: usize) -> usize {
        let Some(e) = self.table.entity_at(p.index, t) else {
            return t;
        };
        let mut start = t;
        while start > 0 && self.table.entity_at(p.index, start - 1) == Some(e) {
            start -= 1;
        }
        (start..=t)
            .find(|&k| matches!(p.tok(k).pos.as_str(), "NOUN" | "PROPN"))
            .unwrap_or(t)
    }

    /// A nominal introduced by a prepositional locution that frames an act
    /// ("à l'invitation de X", "en présence de X", "aux côtés de X", "dans
    /// le cadre de X"; the `locution` class of `lexicon.tsv`): a
    /// circumstance, not an argument.
    pub fn is_locution(&self, p: &Para, c: usize) -> bool {
        let Some(prep) = p.prep(c) else { return false };
        let noun = p.lemma(c);
        self.is(Class::Locution, &format!("{prep} {noun}"))
    }

    /// A complement of a noun that belongs to its clause, not to the name
    /// the phrase gives: an attribution ("la valeur boursière selon X", "le
    /// parquet d'après le quotidien") or a prepositional locution of "en"
    /// with a bare noun and its own complement ("le parquet en soutien à
    /// l'enquête", "en réponse à") on the phrase's head noun (`on_head`);
    /// "un pays en guerre", "une étoile en fin de vie" keep their "en"; and a
    /// framing locution with its complement ("une réception à l'invitation du
    /// consul", see [`Ctx::is_locution`]); and a place after a `near`
    /// locution ("le suspect près de Toulouse": where the act was).
    pub fn is_adjunct(&self, p: &Para, c: usize, on_head: bool) -> bool {
        if super::reported::is_attribution(self, p, c) {
            return true;
        }
        // "a arrêté le suspect près de Toulouse": the parser hangs the
        // place on the object; it says where the act happened.
        // Its words go with it ("près", "à proximité").
        let near = p.near_phrases(self).iter().any(|n| {
            (c == n.complement || (n.first..n.de).contains(&c))
                && super::circumstances::names_place(self, p, n.complement)
        });
        if near {
            return true;
        }
        if on_head && self.is_locution(p, c) && p.kids(c, "nmod").next().is_some() {
            return true;
        }
        on_head
            && p.prep(c).as_deref() == Some("en")
            && p.tok(c).pos == "NOUN"
            && p.tok(c).text.starts_with(char::is_lowercase)
            && p.kids(c, "det").next().is_none()
            && p.kids(c, "nmod").next().is_some()
    }
}

/// Number and gender a verb form asks of its subject: a finite verb's (or
/// its finite auxiliary's) number; a past participle's number and gender.
#[derive(Debug, Clone, Copy, Default)]
struct Agreement<'a> {
    number: Option<&'a str>,
    gender: Option<&'a str>,
}

/// The name a detached participle phrase holding `n` is set off on: the
/// phrase opens with a comma right after a name and a present participle
/// ("X, représentant la Russie", "X, dirigeant le club"; the tagger may
/// read the participle as a noun: a word in "-ant" followed by an
/// article), and holds `n` with no other punctuation before it.
pub(crate) fn participle_phrase_host(p: &Para, n: usize) -> Option<usize> {
    let sentence = p.sentence_of[n];
    let mut k = n;
    for _ in 0..8 {
        k = k.checked_sub(1)?;
        if p.sentence_of[k] != sentence {
            return None;
        }
        let tok = p.tok(k);
        if tok.pos == "PUNCT" {
            if tok.text != "," || k < 1 || k + 1 >= n {
                return None;
            }
            let (host, part) = (k - 1, k + 1);
            if !is_participle(p, part) || !matches!(p.tok(host).pos.as_str(), "PROPN" | "NOUN") {
                return None;
            }
            return Some(host);
        }
    }
    None
}

/// A present participle, or a word in "-ant" tagged as a noun and
/// followed by an article ("représentant la France").
pub(crate) fn is_participle(p: &Para, t: usize) -> bool {
    let tok = p.tok(t);
    if tok.pos == "VERB" {
        return p.morph_has(t, "VerbForm=Part") && p.morph_has(t, "Tense=Pres");
    }
    tok.pos == "NOUN"
        && tok.text.to_lowercase().ends_with("ant")
        && t + 1 < p.len()
        && p.tok(t + 1).pos == "DET"
        && p.kids(t, "det").next().is_none()
}

fn verb_agreement<'a>(p: &'a Para, v: usize) -> Agreement<'a> {
    let finite = std::iter::once(v)
        .chain(p.kids(v, "aux:"))
        .chain(p.kids(v, "cop"))
        .find(|&x| p.morph_has(x, "VerbForm=Fin"));
    if let Some(f) = finite {
        // "qui était prévu", "qui est arrivée": a past participle after
        // "être" (passive or compound tense) agrees with its subject in
        // gender too; after "avoir" it does not.
        let with_etre = p.morph_has(v, "VerbForm=Part")
            && p.morph_has(v, "Tense=Past")
            && p.kids(v, "aux:").any(|a| p.lemma(a) == "être");
        return Agreement {
            number: feature(p, f, "Number"),
            gender: with_etre.then(|| feature(p, v, "Gender")).flatten(),
        };
    }
    if p.morph_has(v, "VerbForm=Part") && p.morph_has(v, "Tense=Past") {
        return Agreement {
            number: feature(p, v, "Number"),
            gender: feature(p, v, "Gender"),
        };
    }
    Agreement::default()
}

/// A morphological feature's value of token `t` (`Number` → `Sing`).
pub(crate) fn feature<'a>(p: &'a Para, t: usize, name: &str) -> Option<&'a str> {
    p.tok(t)
        .morph
        .split('|')
        .find_map(|f| f.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
}

/// The grammatical number of a nominal: plural when it heads a
/// coordination; for a common noun, what its form shows against its lemma
/// ("astronomes" from "astronome" is plural, "équipe" as its own lemma
/// singular), which the tagger's `Number` sometimes contradicts; else the
/// tag's `Number` (none when the tagger gave none).
pub(crate) fn number<'a>(p: &'a Para, noun: usize) -> Option<&'a str> {
    if p.kids(noun, "conj").next().is_some() {
        return Some("Plur");
    }
    let t = p.tok(noun);
    if t.pos == "NOUN" {
        let (text, lemma) = (t.text.to_lowercase(), t.lemma.to_lowercase());
        let marked = |c: char| text.ends_with(c) && !lemma.ends_with(c);
        if text.len() > lemma.len() && text.starts_with(&lemma) && (marked('s') || marked('x')) {
            return Some("Plur");
        }
        if text == lemma && !text.ends_with(['s', 'x', 'z']) {
            return Some("Sing");
        }
    }
    feature(p, noun, "Number")
}

/// A past participle's gender against the gender its noun's article or
/// demonstrative shows ("un décalage … calibrée" disagrees), which the
/// tagger reads far more reliably than a noun's own; a noun with no such
/// word, or a coordination, agrees.
fn determiner_agrees(p: &Para, noun: usize, form: Agreement) -> bool {
    let Some(gender) = form.gender else { return true };
    if p.kids(noun, "conj").next().is_some() {
        return true;
    }
    let shown = p
        .kids(noun, "det")
        .filter(|&d| matches!(p.lemma(d), "le" | "un" | "ce"))
        .find_map(|d| feature(p, d, "Gender"));
    shown.is_none_or(|g| g == gender)
}

fn agrees(p: &Para, noun: usize, form: Agreement) -> bool {
    let coordinated = p.kids(noun, "conj").next().is_some();
    let number = number(p, noun);
    let same = |a: Option<&str>, b: Option<&str>| a.is_none() || b.is_none() || a == b;
    // A plural participle may agree with coordinated nouns of either gender.
    same(number, form.number) && (coordinated || same(feature(p, noun, "Gender"), form.gender))
}

/// Whether a token is (part of) a clause subject: itself `nsubj`, or inside
/// the name or title that is.
fn is_subject(p: &Para, mut k: usize) -> bool {
    for _ in 0..4 {
        let dep = p.tok(k).dep.as_str();
        if dep == "nsubj" || dep == "nsubj:pass" {
            return true;
        }
        if !(dep.starts_with("flat") || dep == "appos" || dep == "conj") {
            return false;
        }
        match p.head(k) {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// The top of the noun phrase `n` lies in: up through nominal heads
/// (`nmod`, `appos`, `conj`, `flat`, `dep` on a noun or proper noun).
fn nominal_top(p: &Para, mut top: usize) -> usize {
    for _ in 0..p.len() {
        let Some(h) = p.head(top) else { break };
        let nominal_dep =
            matches!(p.tok(top).dep.as_str(), "nmod" | "appos" | "dep" | "conj") || p.tok(top).dep.starts_with("flat");
        if nominal_dep && matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") && h != top {
            top = h;
        } else {
            break;
        }
    }
    top
}

/// From a noun inside "N1 de N2", the head N1 ("péninsule de Crimée").
fn climb_de(p: &Para, mut n: usize) -> usize {
    for _ in 0..p.len() {
        let Some(h) = p.head(n) else { break };
        let dep = p.tok(n).dep.as_str();
        let flat = dep.starts_with("flat");
        if (flat || (dep == "nmod" && p.prep(n).as_deref() == Some("de")))
            && matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN")
        {
            n = h;
        } else {
            break;
        }
    }
    n
}

const NP_KEEP: &[&str] = &[
    "det",
    "amod",
    "nmod",
    "case",
    "nummod",
    "fixed",
    "flat:name",
    "flat:foreign",
    "flat",
    "compound",
    "advmod",
    "mark",
];

/// Tokens of the noun phrase under `t`, to `depth` levels, determiners and
/// prepositions trimmed from the edges. `adjunct` says which complements
/// belong to the clause rather than the name (see [`Ctx::is_adjunct`]).
/// A complement introduced by "entre", and any complement of a noun inside
/// the phrase, keeps its coordination with its commas ("le conflit entre X
/// et Y", "les ministres de la France, l'Allemagne et l'Italie": the first
/// item alone says something else).
fn np_tokens(p: &Para, t: usize, depth: usize, skip: Option<usize>, adjunct: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out = vec![t];
    let mut frontier = vec![(t, 0usize)];
    while let Some((x, d)) = frontier.pop() {
        let entre = |n: usize| p.prep(n).as_deref() == Some("entre");
        // "les ministres de la France, l'Allemagne et l'Italie": a
        // complement's list is one complement (its first item alone would
        // say something else).
        let listed = |n: usize| entre(n) || (p.tok(n).dep == "nmod" && p.kids(n, "case").next().is_some());
        let between = x != t && (listed(x) || (p.tok(x).dep == "conj" && p.head(x).is_some_and(listed)));
        for c in p.children[x].iter().copied() {
            if Some(c) == skip || out.contains(&c) {
                continue;
            }
            let ct = p.tok(c);
            let dep = ct.dep.as_str();
            // A list item is a name in a list of names or has its own
            // preposition ("de la France, l'Allemagne et l'Italie", "des
            // passagers et de leur famille"); a bare common noun, or a name
            // after a common noun, is as often a misparsed apposition or
            // the next item of a list further up.
            let item = (ct.pos == "PROPN" && p.tok(x).pos == "PROPN") || p.kids(c, "case").next().is_some() || entre(x);
            let coordinated = between && ((dep == "conj" && item) || (dep == "cc" && p.tok(x).dep == "conj"));
            // The commas of a kept list ("la France, l'Allemagne").
            let comma = between && dep == "punct" && ct.text == "," && p.tok(x).dep == "conj";
            // "a descendu l'avenue X lundi", "élue maire de X dimanche",
            // "nommé directeur de la banque en mai": a bare weekday, or a
            // month after "en", the parser hung on a noun says when the
            // clause happened, it is no part of the noun's phrase.
            let case = p.kids(c, "case").next().map(|k| p.lemma(k));
            let bare_day = dep == "nmod"
                && matches!(p.tok(x).pos.as_str(), "NOUN" | "PROPN")
                && ((case.is_none() && super::time::is_weekday(p.lemma(c)))
                    || (case == Some("en") && super::time::is_calendar_word(p.lemma(c))));
            let keep = (NP_KEEP.contains(&dep) || coordinated || comma)
                && ct.pos != "VERB"
                && !bare_day
                && !(matches!(dep, "nmod" | "advmod" | "conj") && adjunct(c));
            let is_case_like = matches!(
                dep,
                "det" | "case" | "fixed" | "flat:name" | "flat:foreign" | "flat" | "mark"
            );
            // "avec 54 % des voix": a number is part of the noun it counts,
            // at any depth (a phrase cut below it would keep "avec %").
            let counts = dep == "nummod";
            if !keep || (!is_case_like && !counts && d >= depth) || (ct.pos == "PUNCT" && !comma) {
                continue;
            }
            // "depuis longtemps tout accord": adverbs on the head noun are the clause's.
            if (dep == "mark" || dep == "advmod") && x == t {
                continue;
            }
            out.push(c);
            frontier.push((c, if is_case_like || counts { d } else { d + 1 }));
        }
    }
    out.sort_unstable();
    // Trim leading determiners/prepositions/quantifiers and trailing function tokens.
    while out.len() > 1 {
        let f = p.tok(out[0]);
        // "12 500 soldats": the parser may tag the first digit group DET.
        let digits = !f.text.is_empty() && f.text.chars().all(|c| c.is_ascii_digit());
        // "suite aux plaintes": a noun the parser made a preposition is one.
        let lead = ((matches!(f.pos.as_str(), "DET" | "ADP" | "PUNCT" | "CCONJ" | "SCONJ") || f.dep == "case")
            && !digits)
            || (f.lemma == "tout" && out[0] != t);
        if lead && out[0] != t {
            out.remove(0);
        } else {
            break;
        }
    }
    while out.len() > 1 {
        let l = p.tok(out[out.len() - 1]);
        if matches!(l.pos.as_str(), "DET" | "ADP" | "PUNCT" | "CCONJ" | "SCONJ") && out[out.len() - 1] != t {
            out.pop();
        } else {
            break;
        }
    }
    // Keep the phrase contiguous from its first token: drop tokens after a gap
    // left by an excluded clause only if they are function words.
    out
}

/// Whether token `t` is a singular third-person subject clitic: "il",
/// "elle", or the "-il" / "-t-elle" of an inverted verb.
/// The subject (`nsubj` or `nsubj:pass`) of the main clause of the
/// sentence right before token `t`'s, in the same paragraph; `None` when
/// `t` opens the paragraph or that clause has no subject. A presentational
/// "il s'agit de X" (impersonal `expl:subj`, reflexive `expl:comp`) has
/// no subject of its own: it introduces X, which the next sentence's
/// pronoun takes up ("Il s'agit d'un homme de 26 ans. Il a volé …").
fn previous_main_subject(p: &Para, t: usize) -> Option<usize> {
    let sentence = p.sentence_of[t];
    let previous = (0..t).rev().find(|&k| p.sentence_of[k] + 1 == sentence)?;
    let range = p.sentence_range(previous);
    let root = range.clone().find(|&k| p.head(k).is_none())?;
    let presentational = p.lemma(root) == "agir"
        && p.kids(root, "expl:subj").next().is_some()
        && p.kids(root, "expl:comp").next().is_some();
    // "il ne s'agirait pas d'un motif terroriste" introduces nothing.
    let negated = p
        .kids(root, "advmod")
        .any(|a| matches!(p.lemma(a), "ne" | "pas" | "jamais" | "nullement"));
    if presentational && negated {
        return None;
    }
    if presentational {
        return p.kids(root, "obl:arg").find(|&c| p.prep(c).as_deref() == Some("de"));
    }
    p.kids(root, "nsubj")
        .chain(p.kids(root, "nsubj:pass"))
        .next()
        .or_else(|| {
            // "Elle a lieu une semaine après X" parsed with the noun as the
            // root: the sentence's first subject outside a subordinate clause.
            range.clone().find(|&k| {
                let subject = matches!(p.tok(k).dep.as_str(), "nsubj" | "nsubj:pass");
                let main = p.head(k).is_some_and(|h| {
                    p.kids(h, "mark").next().is_none()
                        && !matches!(
                            p.tok(h).dep.as_str(),
                            "acl" | "acl:relcl" | "advcl" | "ccomp" | "csubj" | "parataxis"
                        )
                });
                subject && main
            })
        })
}

/// The subject, written before `t` in its sentence, of the verb whose
/// clause (`ccomp`) the pronoun `t` is the subject of: "Le studio Quillac
/// a annoncé qu'il ne viendra pas" gives "studio".
fn speaker_subject(p: &Para, t: usize) -> Option<usize> {
    if !matches!(p.tok(t).dep.as_str(), "nsubj" | "nsubj:pass") {
        return None;
    }
    let v = p.head(t)?;
    if p.tok(v).dep != "ccomp" {
        return None;
    }
    let g = p.head(v)?;
    p.kids(g, "nsubj")
        .chain(p.kids(g, "nsubj:pass"))
        .find(|&s| s < t && p.sentence_of[s] == p.sentence_of[t])
}

/// "C'est la deuxième des quatre fêtes": "ce" subject of a copula whose
/// predicate is a noun phrase (a noun, or an ordinal standing for one), the
/// sentence saying what the topic before it is.
fn is_topic_ce(p: &Para, t: usize) -> bool {
    let tok = p.tok(t);
    if tok.pos != "PRON" || tok.lemma.to_lowercase() != "ce" || tok.dep != "nsubj" {
        return false;
    }
    let Some(h) = p.head(t) else { return false };
    let noun = p.tok(h).pos == "NOUN" || (p.tok(h).pos == "ADJ" && p.morph_has(h, "NumType=Ord"));
    noun && p.kids(h, "cop").next().is_some() && p.kids(h, "det").next().is_some()
}

/// "ils" or "elles" (also "-ils", "-elles" after a verb) as a pronoun.
fn is_plural_ils_elles(p: &Para, t: usize) -> bool {
    let tok = p.tok(t);
    let word = crate::extract::entities::coref::clitic_base(&tok.text).to_lowercase();
    tok.pos == "PRON" && (word == "ils" || word == "elles")
}

fn is_singular_il_elle(p: &Para, t: usize) -> bool {
    let tok = p.tok(t);
    let lemma = tok.lemma.to_lowercase();
    let word = crate::extract::entities::coref::clitic_base(&tok.text);
    let pronoun = |w: &str| w == "il" || w == "elle";
    tok.pos == "PRON" && (pronoun(&lemma) || pronoun(&word)) && !p.morph_has(t, "Number=Plur")
}

/// Whether a token is a common noun: tagged `NOUN`, or a lower-case word
/// the tagger took for a proper noun or a foreign word before a name ("le
/// rover Curiosity" comes as PROPN or X + `flat:name`).
fn common_noun(tok: &crate::nlp::Token) -> bool {
    tok.pos == "NOUN"
        || (matches!(tok.pos.as_str(), "PROPN" | "X") && tok.text.chars().next().is_some_and(char::is_lowercase))
}
