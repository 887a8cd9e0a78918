"""Deterministic generator of managed_identity command variants, each with a variant class."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from payload_literals import JSONS, LITERALS, encode  # noqa: E402

SEED = 20260806
VERBS = ("alter", "alter-merge", "show", "delete")
SCOPES = ("cluster", "database")
# Literal kinds that make a text broken by themselves; kept out of the random mixes.
BROKEN_LITERALS = frozenset(
    {"double-escape-invalid", "single-escape-invalid", "single-raw-newline",
     "double-unterminated", "backtick-unterminated"}
)

# name kind -> database name as written ("" = no name).
NAMES: dict[str, str] = {
    "plain": "db",
    "plain-mixed": "Sales_DB2",
    "bracket-single": "['Sales-DB']",
    "bracket-double": '["Sales DB"]',
    "bracket-bare": "[my db]",
    "brace": "{db}",
    "string-single": "'db'",
    "string-double": '"db"',
    "missing": "",
    "keyword-policy": "policy",
    "keyword-data": "data",
    "keyword-prettyname": "prettyname",
    "keyword-cluster": "cluster",
    "keyword-managed_identity": "managed_identity",
    "keyword-system": "system",
    "bracket-keyword": "['policy']",
    "needs-brackets": "my-db",
    "bracket-needs-brackets": "['my-db']",
    "dotted": "my.db",
    "digit-leading": "1db",
    "non-ascii": "Données",
    "bracket-non-ascii": "['Données']",
    "bracket-unclosed": "['db'",
}

# separator kind -> text put between two words.
SEPS: dict[str, str] = {
    "space": " ",
    "spaces": "   ",
    "tab": "\t",
    "newline": "\n",
    "newline-indent": "\n    ",
    "crlf": "\r\n",
    "comment": " // note\n",
    "comment-line": "\n// note\n",
    "block-comment": " /* note */ ",
    "none": "",
}
# gap index -> name: the gaps between `.`, verb, scope, name, `policy`, kind and payload.
GAPS = ("dot-verb", "verb-scope", "scope-name", "name-policy", "policy-kind", "kind-payload")

TAILS: dict[str, str] = {
    "pipe-count": " | count",
    "pipe-count-newline": "\n| count",
    "semicolon-print": "; print 1",
    "semicolon-print-newline": "\n;\nprint 1",
    "semicolon": ";",
    "trailing-newline": "\n",
    "trailing-comment": " // done",
    "trailing-spaces": "   ",
    "next-command": "\n.show cluster policy managed_identity",
}


@dataclass(frozen=True)
class Form:
    """One command variant: its parts, how words are separated, and a class label."""

    verb: str
    scope: str
    name: str = "plain"
    literal: str = "double"
    json: str = "one"
    seps: tuple[tuple[str, str], ...] = ()
    tail: str = ""
    mutation: str = ""
    case: str = ""

    def cls(self) -> str:
        keys = [("mutation", self.mutation)] if self.mutation else []
        if self.case:
            keys += [("mutation", "keyword-case"), ("case", self.case)]
        keys += [("verb", self.verb), ("scope", self.scope)]
        if self.scope == "database":
            keys.append(("name", self.name))
        if self.verb.startswith("alter"):
            keys += [("literal", self.literal), ("json", self.json)]
        if self.seps:
            keys.append(("space", ",".join(f"{g}:{s}" for g, s in self.seps)))
        if self.tail:
            keys.append(("tail", self.tail))
        return "/".join(f"{k}={v}" for k, v in keys)


Parts = list[tuple[str, str]]  # (part key, word); the key picks the separator before it
MutationFn = Callable[[Parts], Parts]
GAP_OF = {"verb": "dot-verb", "scope": "verb-scope", "name": "scope-name", "policy": "name-policy",
          "kind": "policy-kind", "payload": "kind-payload"}


def parts_of(form: Form) -> Parts:
    """The words of a well-formed command for `form`, before any mutation."""
    parts: Parts = [("dot", "."), ("verb", form.verb), ("scope", form.scope)]
    if form.scope == "database" and NAMES[form.name]:
        parts.append(("name", NAMES[form.name]))
    parts += [("policy", "policy"), ("kind", "managed_identity")]
    if form.verb.startswith("alter"):
        payload = encode(form.literal, form.json)
        if payload is None:
            raise ValueError(f"{form.literal} cannot hold {form.json}")
        parts.append(("payload", payload))
    return parts


def join(parts: Parts, seps: dict[str, str]) -> str:
    """Join words with the default or the chosen separator before each one."""
    out: list[str] = []
    for i, (key, word) in enumerate(parts):
        if i:
            gap = GAP_OF.get(key, "")
            default = "" if key == "verb" or (key == "payload" and word.startswith("\n")) else " "
            out.append(seps.get(gap, default))
        out.append(word)
    return "".join(out)


def render(form: Form, with_tail: bool = True) -> str:
    """The text of `form` (without its tail when `with_tail` is false)."""
    parts = parts_of(form)
    if form.mutation:
        parts = MUTATIONS[form.mutation][2](parts)
    if form.case:
        parts = CASES[form.case](parts)
    text = join(parts, {gap: SEPS[sep] for gap, sep in form.seps})
    return text + TAILS[form.tail] if with_tail and form.tail else text


def sub(key: str, word: str) -> MutationFn:
    return lambda parts: [(k, word if k == key else w) for k, w in parts]


def drop(key: str) -> MutationFn:
    return lambda parts: [(k, w) for k, w in parts if k != key]


def after(key: str, word: str | None = None) -> MutationFn:
    """Insert `word` (default: a copy of the part) after the part `key`."""

    def fn(parts: Parts) -> Parts:
        out: Parts = []
        for k, w in parts:
            out.append((k, w))
            if k == key:
                out.append(("extra", w if word is None else word))
        return out

    return fn


def swap(a: str, b: str) -> MutationFn:
    def fn(parts: Parts) -> Parts:
        words = dict(parts)
        return [(k, words[b] if k == a else words[a] if k == b else w) for k, w in parts]

    return fn


def case(keys: tuple[str, ...], how: str) -> MutationFn:
    change = {"upper": str.upper, "title": str.title, "lower": str.lower}[how]
    return lambda parts: [(k, change(w) if k in keys else w) for k, w in parts]


ALTER, ANY = ("alter", "alter-merge"), VERBS
MISSPELT = {"alter": "altr", "alter-merge": "alter-merg", "show": "shw", "delete": "delet"}
# mutation -> (verbs it applies to, scopes it applies to, the change).
MUTATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...], MutationFn]] = {
    "misspelled-policy": (ANY, SCOPES, sub("policy", "polcy")),
    "misspelled-policy-plural": (ANY, SCOPES, sub("policy", "policies")),
    "misspelled-kind": (ANY, SCOPES, sub("kind", "managed_identitty")),
    "kind-dash": (ANY, SCOPES, sub("kind", "managed-identity")),
    "kind-space": (ANY, SCOPES, sub("kind", "managed identity")),
    "kind-joined": (ANY, SCOPES, sub("kind", "managedidentity")),
    "other-policy-kind": (ANY, SCOPES, sub("kind", "caching")),
    "verb-split": (("alter-merge",), SCOPES, sub("verb", "alter merge")),
    "verb-underscore": (("alter-merge",), SCOPES, sub("verb", "alter_merge")),
    "misspelled-verb": (ANY, SCOPES, lambda p: [(k, MISSPELT.get(w, w)) for k, w in p]),
    "missing-dot": (ANY, SCOPES, drop("dot")),
    "double-dot": (ANY, SCOPES, sub("dot", "..")),
    "cluster-name": (ANY, ("cluster",), after("scope", "mycluster")),
    "cluster-name-bracketed": (ANY, ("cluster",), after("scope", "['mycluster']")),
    "payload-on-show-delete": (("show", "delete"), SCOPES, after("kind", '"[]"')),
    "missing-payload": (ALTER, SCOPES, drop("payload")),
    "two-literals": (ALTER, SCOPES, after("payload", "'[]'")),
    "payload-unquoted-json": (ALTER, SCOPES, sub("payload", "[]")),
    "payload-identifier": (ALTER, SCOPES, sub("payload", "mypolicy")),
    "missing-policy": (ANY, SCOPES, drop("policy")),
    "missing-kind": (ANY, SCOPES, drop("kind")),
    "missing-scope": (ANY, SCOPES, drop("scope")),
    "table-scope": (ANY, ("database",), sub("scope", "table")),
    "duplicate-policy": (ANY, SCOPES, after("policy")),
    "duplicate-kind": (ANY, SCOPES, after("kind")),
    "duplicate-scope": (ANY, SCOPES, after("scope")),
    "duplicate-name": (ANY, ("database",), after("name")),
    "swapped-policy-kind": (ANY, SCOPES, swap("policy", "kind")),
    "extra-word-mid": (ANY, SCOPES, after("policy", "the")),
    "extra-word-end": (ANY, SCOPES, lambda p: p + [("extra", "now")]),
    "extra-comma": (ANY, SCOPES, after("kind", ",")),
}

# keyword case variant -> change.
CASES: dict[str, MutationFn] = {
    "verb-upper": case(("verb",), "upper"),
    "verb-title": case(("verb",), "title"),
    "scope-upper": case(("scope",), "upper"),
    "policy-upper": case(("policy",), "upper"),
    "policy-title": case(("policy",), "title"),
    "kind-upper": case(("kind",), "upper"),
    "kind-title": case(("kind",), "title"),
    "all-upper": case(("verb", "scope", "policy", "kind"), "upper"),
    "name-upper": case(("name",), "upper"),
}

FORMS = [Form(v, s) for v in VERBS for s in SCOPES]
HEADLESS_TAILS = frozenset(t for t, text in TAILS.items() if text.lstrip().startswith(";"))


@dataclass(frozen=True)
class Variant:
    """A text to judge, its variant class, and (for `; query` tails) its first statement."""

    text: str
    cls: str
    head: str | None = None


def fits(form: Form) -> bool:
    """Whether `form` can be rendered (its literal holds its JSON, its mutation changes it)."""
    if form.verb.startswith("alter") and encode(form.literal, form.json) is None:
        return False
    return not form.mutation or render(form) != render(replace(form, mutation=""))


def pick_json(rng: random.Random, literal: str) -> str:
    return rng.choice([j for j in JSONS if encode(literal, j) is not None])


def name_grid(rng: random.Random) -> Iterator[Form]:
    """Every verb x scope, every database name, and names x literal forms on alter-merge."""
    yield from FORMS
    for verb in VERBS:
        yield from (Form(verb, "database", name) for name in NAMES)
    for name in NAMES:
        for literal in LITERALS:
            yield Form("alter-merge", "database", name, literal, pick_json(rng, literal))


def literal_grid(rng: random.Random) -> Iterator[Form]:
    """Every literal form with every JSON kind on `.alter database`, a few on the others."""
    for literal in LITERALS:
        for json_kind in JSONS:
            yield Form("alter", "database", "plain", literal, json_kind)
        for verb, scope in (("alter", "cluster"), ("alter-merge", "cluster"), ("alter-merge", "database")):
            for json_kind in rng.sample(list(JSONS), 3):
                yield Form(verb, scope, "plain", literal, json_kind)


def spacing_grid(rng: random.Random) -> Iterator[Form]:
    """Every separator in every gap of every verb x scope."""
    for form in FORMS:
        for gap in GAPS:
            if (gap == "scope-name" and form.scope == "cluster") or (
                gap == "kind-payload" and not form.verb.startswith("alter")
            ):
                continue
            for sep in SEPS:
                yield replace(form, seps=((gap, sep),), json=rng.choice(["empty", "one"]))


def mutation_grid(rng: random.Random) -> Iterator[Form]:
    """Every mutation, keyword-case variant and tail on every form it applies to."""
    for mutation, (verbs, scopes, _) in MUTATIONS.items():
        for form in FORMS:
            if form.verb in verbs and form.scope in scopes:
                yield replace(form, mutation=mutation)
                yield replace(mutation_mix(rng, form), mutation=mutation)
    for case_kind in CASES:
        for form in FORMS:
            if case_kind != "name-upper" or form.scope == "database":
                yield replace(form, case=case_kind)
    for tail in TAILS:
        for form in FORMS:
            yield replace(form, tail=tail)
            yield replace(mutation_mix(rng, form), tail=tail)


def mutation_mix(rng: random.Random, form: Form) -> Form:
    """`form` with a random well-formed name and literal."""
    names = [n for n in NAMES if NAMES[n] and n in SAFE_NAMES]
    literal = rng.choice([lit for lit in LITERALS if lit not in BROKEN_LITERALS])
    return replace(form, name=rng.choice(names), literal=literal, json=pick_json(rng, literal))


SAFE_NAMES = ("plain", "plain-mixed", "bracket-single", "bracket-double", "bracket-bare", "brace",
              "string-single", "bracket-keyword", "bracket-non-ascii", "digit-leading")


def random_mix(rng: random.Random) -> Form:
    """A random combination: name, literal, JSON, separators, and sometimes a case, tail or mutation."""
    form = mutation_mix(rng, rng.choice(FORMS))
    form = replace(form, name=rng.choice([n for n in NAMES if n != "bracket-unclosed"]))
    gaps = [g for g in GAPS if g != "dot-verb" and rng.random() < 0.3]
    form = replace(form, seps=tuple((g, rng.choice(list(SEPS))) for g in gaps))
    if rng.random() < 0.15:
        form = replace(form, tail=rng.choice(list(TAILS)))
    if rng.random() < 0.1:
        form = replace(form, case=rng.choice(list(CASES)))
    if rng.random() < 0.15:
        options = [m for m, (v, s, _) in MUTATIONS.items() if form.verb in v and form.scope in s]
        form = replace(form, mutation=rng.choice(options))
    return form


def variant(form: Form) -> Variant:
    head = render(form, with_tail=False) if form.tail in HEADLESS_TAILS else None
    return Variant(render(form), form.cls(), head)


def variants(mixes: int = 1000, seed: int = SEED) -> list[Variant]:
    """All variants, deduplicated by text, in a fixed order."""
    rng = random.Random(seed)
    forms = [*name_grid(rng), *literal_grid(rng), *spacing_grid(rng), *mutation_grid(rng)]
    forms += [random_mix(rng) for _ in range(mixes)]
    seen: set[str] = set()
    out: list[Variant] = []
    for form in filter(fits, forms):
        v = variant(form)
        if v.text in seen:
            continue
        if any(line.rstrip(" \t\r") == "----" for line in v.text.split("\n")):
            raise ValueError(f"text holds a separator line: {v.text!r}")
        seen.add(v.text)
        out.append(v)
    return out


def main() -> None:
    import json

    for v in variants():
        print(json.dumps({"text": v.text, "cls": v.cls, "head": v.head}, ensure_ascii=False))


if __name__ == "__main__":
    main()
