#!/usr/bin/env python3
"""A peer for calibration: untuned Universal Dependencies SVO rules on trame's parses.

Issue 8 compares trame with "100 lines of untuned UD rules on the same parses".
This is that peer. It reads the CoNLL-U that `trame parse --format conllu` prints
(named entities as NER=B-X / I-X in the MISC column) and writes entities.csv and
relations.csv as ../shared/eval/README.md describes, for score.py.

The rules are the generic ones of any dependency-based subject-verb-object
extractor, written from the UD v2 relation names (universaldependencies.org/u/dep/):
  - entities: the parser's named-entity spans, merged by identical text;
  - for each VERB (and an AUX root): its nsubj / nsubj:pass phrase times each
    obj, iobj, obl (any subtype: obl:arg, obl:agent, obl:mod; the obl's own
    `case` preposition dropped) and ccomp phrase; predicate = the verb's lemma;
  - a copula ("X est Y", Y with a `cop` child): (X, être, Y);
  - an apposition: (head, appos, dependent).
A phrase is the head's subtree without punctuation or relative clauses
(acl:relcl). A phrase holding an entity span takes that entity's id and label
(the span over the phrase head first, else the first span).
No coreference, no passive handling beyond nsubj:pass, no light verbs, no tables.
It is a calibration, not a target: do not tune it.

    python3 tests/peer_ud_rules.py PARSE.conllu OUT_DIR [--doc NAME]
"""
import argparse
import csv
import os
import re

SUBJ = {"nsubj", "nsubj:pass"}
CLAUSE = ("nsubj", "csubj", "cop", "aux", "mark", "cc", "conj", "advcl", "advmod", "parataxis", "expl",
          "dislocated")  # the clause-level children left out of a copula's predicate phrase


def sentences(path):
    """Yields (text, tokens); a token is a dict with id, form, lemma, upos, head, dep, ner, space."""
    text, toks = "", []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[9:]
            elif line and not line.startswith("#"):
                c = line.split("\t")
                if not c[0].isdigit():
                    continue  # multiword ranges and empty nodes
                misc = dict(kv.split("=", 1) for kv in c[9].split("|") if "=" in kv)
                toks.append({"id": int(c[0]), "form": c[1], "lemma": c[2], "upos": c[3],
                             "head": int(c[6]), "dep": c[7], "ner": misc.get("NER", "O"),
                             "space": misc.get("SpaceAfter") != "No"})
            elif not line and toks:
                yield text, toks
                text, toks = "", []
    if toks:
        yield text, toks


def render(toks):
    out = ""
    for i, t in enumerate(toks):
        out += t["form"]
        if i + 1 < len(toks) and (t["space"] or toks[i + 1]["id"] != t["id"] + 1):
            out += " "
    return out.strip()


def phrase(toks, kids, head, drop=()):
    """The head's subtree minus punctuation, relative clauses and direct children in drop."""
    keep, todo = [], [head]
    while todo:
        t = todo.pop()
        keep.append(t)
        for k in kids[t["id"]]:
            if k["dep"] == "punct" or k["dep"] == "acl:relcl":
                continue
            if t is head and (k["dep"] in drop or k["dep"].split(":")[0] in drop):
                continue
            todo.append(k)
    return sorted(keep, key=lambda t: t["id"])


def spans(toks):
    """Named-entity spans as (type, [tokens]) from the IOB tags."""
    out = []
    for t in toks:
        tag = t["ner"]
        if tag.startswith("B-") or (tag.startswith("I-") and (not out or out[-1][0] != tag[2:] or out[-1][1][-1]["id"] != t["id"] - 1)):
            out.append((tag[2:], [t]))
        elif tag.startswith("I-"):
            out[-1][1].append(t)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("conllu")
    ap.add_argument("out_dir")
    ap.add_argument("--doc", default=None, help="document name for the doc column")
    args = ap.parse_args()
    doc = args.doc or os.path.basename(args.conllu)
    entities, rels = {}, []  # label -> [id, label, type, mentions]

    for text, toks in sentences(args.conllu):
        kids = {t["id"]: [] for t in toks}
        kids[0] = []
        for t in toks:
            kids[t["head"]].append(t)
        ents = []
        for typ, span in spans(toks):
            label = render(span)
            if label not in entities:
                slug = re.sub(r"\W+", "_", label.lower()).strip("_")
                entities[label] = [f"urn:peer:{len(entities)}:{slug}", label, typ, 0]
            entities[label][3] += 1
            ents.append(({t["id"] for t in span}, entities[label]))

        def node(head, drop=()):
            words = phrase(toks, kids, head, drop)
            ids = {t["id"] for t in words}
            inside = [e for ids_e, e in ents if ids_e <= ids]
            first = [e for ids_e, e in ents if ids_e <= ids and head["id"] in ids_e] + inside
            return (first[0][0], first[0][1]) if first else ("", render(words))

        def add(s, pred, lemma, o):
            rels.append({"subject_id": s[0], "subject": s[1], "predicate": pred, "object_id": o[0],
                         "object": o[1], "lemma": lemma, "doc": doc, "sentence": text, "confidence": 0.5})

        for t in toks:
            subjects = [k for k in kids[t["id"]] if k["dep"] in SUBJ]
            cop = [k for k in kids[t["id"]] if k["dep"] == "cop"]
            if t["upos"] == "VERB" or (t["upos"] == "AUX" and t["dep"] == "root"):
                for s in subjects:
                    for o in kids[t["id"]]:
                        if o["dep"] in ("obj", "iobj", "ccomp"):
                            add(node(s), t["lemma"], t["lemma"], node(o))
                        elif o["dep"].split(":")[0] == "obl":
                            add(node(s), t["lemma"], t["lemma"], node(o, drop=("case",)))
            elif cop:
                for s in subjects:
                    add(node(s), cop[0]["lemma"], cop[0]["lemma"], node(t, drop=CLAUSE))
            for a in kids[t["id"]]:
                if a["dep"] == "appos":
                    add(node(t, drop=("appos",) + CLAUSE), "appos", "appos", node(a))

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "entities.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "type", "aliases", "mentions"])
        for iri, label, typ, n in entities.values():
            w.writerow([iri, label, typ, "", n])
    with open(os.path.join(args.out_dir, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        cols = ["subject_id", "subject", "predicate", "object_id", "object", "lemma", "doc", "sentence", "confidence"]
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        w.writerows(rels)


if __name__ == "__main__":
    main()
