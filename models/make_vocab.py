"""Write models/seedprint-tiny-v1/vocab.json and eval_prompts.json from pattern_tiles labels.

  /usr/bin/python3 models/make_vocab.py

Also contains a reference Python implementation of the prompt -> role-id parser
(`parse`), which the TypeScript parser mirrors; eval prompts are checked against it.
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "data"))
import pattern_tiles as pt  # noqa: E402

from repro import MODEL_DIR  # noqa: E402

OUT = MODEL_DIR
BG_BEFORE = ["on", "over", "against", "background", "backdrop"]  # colour right after -> background
BG_AFTER = ["background", "backdrop", "ground", "base"]  # colour right before -> background
MOTIF_MARK = ["on"]  # colour right before "on" -> motif_color


def plural_forms(w):
    out = {w}
    if w.endswith("y") and not w.endswith("ey"):
        out.add(w[:-1] + "ies")
    elif w.endswith(("s", "sh", "ch", "x")):
        out.add(w + "es")
    else:
        out.add(w + "s")
    return out


def build_vocab():
    words = {
        "motif": ["<null>"] + pt.MOTIFS,
        "motif_color": ["<null>"] + pt.COLORS,
        "background": ["<null>"] + pt.COLORS,
        "layout": ["<null>"] + pt.LAYOUTS,
        "scale": ["<null>"] + pt.SCALES,
    }
    lex = {"motif": {}, "color": {}, "layout": {}, "scale": {}}
    for m in pt.GEOMETRIC:
        for s in [m] + pt.GEO_SYNONYMS[m]:
            lex["motif"][s] = m
    for m, _, syn in pt.EMOJI:
        forms = set()
        for s in [m] + syn:
            forms |= plural_forms(s) if " " not in s or s == m else {s}
        forms.add(pt.plural(m))
        for s in sorted(forms):
            lex["motif"].setdefault(s, m)
    for c in pt.COLORS:
        for s in [c] + pt.COLOR_SYNONYMS[c]:
            lex["color"][s] = c
    for l in pt.LAYOUTS:
        for s in [l] + pt.LAYOUT_SYNONYMS[l]:
            lex["layout"][s] = l
    for s in pt.SCALES:
        for w in [s] + pt.SCALE_SYNONYMS[s]:
            lex["scale"][w] = s
    # conflicts: a phrase may map to one kind only; colour wins for single words that are
    # also motif synonyms only when explicitly listed here
    seen = {}
    for kind in ["scale", "layout", "color", "motif"]:
        for phrase in list(lex[kind]):
            if phrase in seen:
                del lex[kind][phrase]  # keep first kind in priority order scale > layout > color > motif? no: see below
            else:
                seen[phrase] = kind
    vocab = {
        "format": "seedprint-role-vocab/1",
        "roles": pt.ROLES,
        "words": words,
        "roleKinds": {"motif": "motif", "motif_color": "color", "background": "color", "layout": "layout", "scale": "scale"},
        "lexicon": lex,
        "markers": {"backgroundAfter": BG_BEFORE, "backgroundBefore": BG_AFTER, "motifColorBefore": MOTIF_MARK},
        "artworkMotifs": [e[0] for e in pt.EMOJI],
        "artworkIgnoresMotifColor": True,
        "maxPhraseWords": max(len(p.split()) for k in lex.values() for p in k),
        "normalise": "lowercase; replace every char not in [a-z0-9' -] with a space; drop \"'s\"; collapse spaces",
        "defaults": "missing role -> id 0 (null)",
    }
    return vocab


def tokenize(prompt):
    s = prompt.lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9' -]", " ", s)
    s = s.replace("'s", "").replace("'", "")
    return s.split()


def parse(prompt, vocab):
    """Reference parser (mirrored by the TypeScript one). Returns 5 role ids."""
    toks = tokenize(prompt)
    lex = vocab["lexicon"]
    maxw = vocab["maxPhraseWords"]
    items = []  # (kind, canonical) or ("mark", word) or ("other", word)
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(maxw, len(toks) - i), 0, -1):
            ph = " ".join(toks[i:i + n])
            # hyphen variants: "half-drop" == "half drop"
            for cand in (ph, ph.replace("-", " ")):
                for kind in ("scale", "layout", "color", "motif"):
                    if cand in lex[kind]:
                        hit = (kind, lex[kind][cand], n)
                        break
                if hit:
                    break
            if hit:
                break
        if hit:
            items.append((hit[0], hit[1]))
            i += hit[2]
        else:
            w = toks[i]
            items.append(("mark", w) if w in set(BG_BEFORE + BG_AFTER + MOTIF_MARK) else ("other", w))
            i += 1
    roles = {r: None for r in pt.ROLES}
    colors = [k for k, it in enumerate(items) if it[0] == "color"]
    has_on = any(it == ("mark", "on") for it in items)
    pending = []
    for k in colors:
        prev = items[k - 1] if k > 0 else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        c = items[k][1]
        if prev and prev[0] == "mark" and prev[1] in BG_BEFORE:
            target = "background"
        elif nxt and nxt[0] == "mark" and nxt[1] in BG_AFTER:
            target = "background"
        elif nxt and (nxt[0] == "motif" or nxt == ("mark", "on")):
            target = "motif_color"
        else:
            target = None
        if target and roles[target] is None:
            roles[target] = c
        elif target is None:
            pending.append(c)
    for c in pending:  # unresolved colours: first free of motif_color, then background
        if roles["motif_color"] is None:
            roles["motif_color"] = c
        elif roles["background"] is None and has_on is False:
            roles["background"] = c
    for kind, role in (("motif", "motif"), ("layout", "layout"), ("scale", "scale")):
        for it in items:
            if it[0] == kind:
                roles[role] = it[1]
                break
    if roles["motif"] in vocab["artworkMotifs"]:
        roles["motif_color"] = None
    ids = [vocab["words"][r].index(roles[r]) if roles[r] else 0 for r in pt.ROLES]
    return ids, roles


TEMPLATES = [
    "{scale} {mc}{motif} on {bg}, {layout}",
    "{mc}{motif} on a {bg} background, {layout} layout, {scale}",
    "{layout} {scale} {mc}{motif} on {bg}",
    "{scale} {mc}{motif} over {bg} in a {layout} repeat",
    "{bg} background with {scale} {mc}{motif}, {layout}",
    "{mc}{motif}, {layout}, {scale} scale, on {bg}",
]


def eval_prompts(vocab, seed=7):
    rng = random.Random(seed)
    lex = vocab["lexicon"]
    inv = {}
    for kind in lex:
        for ph, c in lex[kind].items():
            inv.setdefault((kind, c), []).append(ph)
    out = []
    for (motif, mc, bg) in pt.heldout_triples():
        layout = rng.choice(pt.LAYOUTS)
        scale = rng.choice(pt.SCALES)
        for attempt in range(20):
            syn = rng.random() < 0.3

            def w(kind, c):
                if not syn:
                    return c
                opts = [p for p in inv[(kind, c)]]
                return rng.choice(opts)
            mword = pt.plural(motif) if not syn else w("motif", motif)
            tpl = rng.choice(TEMPLATES)
            p = tpl.format(scale=w("scale", scale), mc=(w("color", mc) + " ") if mc else "", motif=mword,
                           bg=w("color", bg), layout=w("layout", layout))
            ids, roles = parse(p, vocab)
            exp = {"motif": motif, "motif_color": mc, "background": bg, "layout": layout, "scale": scale}
            if roles == exp:
                break
        else:
            raise RuntimeError(f"could not phrase {exp}: {p} -> {roles}")
        out.append({"prompt": p, "expected": exp, "ids": ids, "heldOutTriple": True})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    vocab = build_vocab()
    # parser self-tests
    tests = {
        "small red hearts on navy, half-drop": ["hearts", "red", "navy", "half-drop", "small"],
        "navy hearts on red": ["hearts", "navy", "red", None, None],
        "red kitty pattern": ["cat", None, None, None, None],
        "kittens on a pink background": ["cat", None, "pink", None, None],
        "gray polka dots": ["dots", "grey", None, None, None],
        "stripy teal and cream": ["stripes", "teal", "cream", None, None],
        "big yellow stars, navy background, scattered": ["stars", "yellow", "navy", "scattered", "large"],
        "tiny spots in white on black": ["dots", "white", "black", None, "small"],
        "lemons": ["lemon", None, None, None, None],
        "rose pink zigzag on navy blue diagonal": ["zigzag", "pink", "navy", "diagonal", None],
    }
    for p, exp in tests.items():
        ids, roles = parse(p, vocab)
        got = [roles[r] for r in pt.ROLES]
        print(("OK  " if got == exp else "FAIL"), p, got, ids)
    vocab["examples"] = [{"prompt": p, "ids": parse(p, vocab)[0]} for p in tests]
    with open(os.path.join(OUT, "vocab.json"), "w") as f:
        json.dump(vocab, f, indent=1)
    ev = eval_prompts(vocab)
    with open(os.path.join(OUT, "eval_prompts.json"), "w") as f:
        json.dump({"format": "seedprint-eval-prompts/1", "roles": pt.ROLES,
                   "note": "Each (motif, motif_color, background) triple here was excluded from all training renders. expected values are vocab words; null = role absent.",
                   "prompts": ev}, f, indent=1)
    print(len(ev), "eval prompts;", sum(len(v) for v in vocab["lexicon"].values()), "lexicon phrases")


def rephrased_eval_prompts(seed, out):
    """The same held-out triples with other layouts, scales and wording (a second prompt set for
    checking that a sampler choice made on eval_prompts.json holds): eval:model -- --prompts OUT."""
    vocab = json.load(open(os.path.join(OUT, "vocab.json")))
    old = json.load(open(os.path.join(OUT, "eval_prompts.json")))
    ev = eval_prompts(vocab, seed=seed)
    with open(out, "w") as f:
        json.dump({**old, "prompts": ev, "note": old["note"] + f" Rephrased with seed {seed} (make_vocab.py --rephrase)."}, f, indent=1)
    print(len(ev), "prompts ->", out)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rephrase":  # make_vocab.py --rephrase SEED OUT.json
        rephrased_eval_prompts(int(sys.argv[2]), sys.argv[3])
    else:
        main()
