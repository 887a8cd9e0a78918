"""Checking a keyword form (`softdelete = 7d recoverability = disabled`, `enable "f"`, `(C asc)`)
against Kusto's grammar for its kind.

The grammar is the registry's data (kqllint/policies/): the `name = value` arguments a kind takes
are its `keyword_form_args()`, in the order Kusto takes them, each with its value `slot`, whether
a comma may precede it and whether it repeats; the bare words are its `keywords`; the positional
shape of the other forms (`enable "query"`, `(C asc, ...)`) is the shape of its form's example.
Names and keyword values are compared ignoring case: the keyword-case rule (C002) reports case.

Kusto.Language stops at the first thing it does not expect and skips the rest of the command,
often without a word; so only the first problem is reported, as the syntax rule S016 does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kqllint.diagnostic import Applicability, Edit, Fix, Span
from kqllint.model import Argument, Problem
from kqllint.policies.commands import ENTITY_TEXT, Entity, PayloadShape
from kqllint.policies.commands import Verb as PolicyVerb
from kqllint.policies.schema import Form, PolicyKind, Property
from kqllint.keyword_values import CODE, NUMBER, STRING, UNITS, one_of, value_problem
from kqllint.suggest import did_you_mean



@dataclass(frozen=True, slots=True)
class Item:
    """One piece of a keyword form as written: `named` (`hot = 7d`), `bare` (`enable`),
    `string` (a string literal), `order` (one `C asc` of a parenthesised list), `comma`,
    `with` (a `with (...)` list), `empty` (a `()` list) or `body` (`<| ...`)."""

    tag: str
    span: Span
    argument: Argument | None = None


# ---- the form ----------------------------------------------------------------------------------


def check(kind: PolicyKind, verb: PolicyVerb, entity: Entity, items: Sequence[Item]) -> Problem | None:
    """The first problem of the keyword form `items` of `.verb entity policy kind`, or None
    (also when the form is one the docs show and the parser rejects: C006 reports those)."""
    if not items:
        return None
    if kind.keyword_form_args():
        return _named(kind, verb, entity, items)
    if any(i.tag == "named" for i in items):
        return None  # `name = value` arguments the registry does not describe (mirroring)
    example = _example(kind, verb, entity)
    if example is None:
        return None
    return _positional(kind, verb, entity, items, example)


def docs_only(kind: PolicyKind, verb: PolicyVerb, entity: Entity, arguments: Sequence[Argument]) -> bool:
    """Whether the keyword arguments are a form only the docs show (`ingestiontime false`,
    `hot_window` on a single table, mirroring's `dataformat = parquet`)."""
    words = _docs_words(kind, verb, entity)
    if not words:
        return False
    allowed = {p.name.lower(): p for p in kind.keyword_form_args()}
    for arg in arguments:
        if arg.name is not None:
            prop = allowed.get(arg.name.text.lower())
            if prop is None or (prop.parser_entities is not None and entity not in prop.parser_entities):
                if arg.name.text.lower() in words:
                    return True
        elif arg.value.text.lower() not in kind.keywords and arg.value.text.lower() in words:
            return True
    return False


def _docs_words(kind: PolicyKind, verb: PolicyVerb, entity: Entity) -> set[str]:
    words: set[str] = set()
    for form in kind.docs_forms:
        if form.verb is verb and entity in form.entities and form.example:
            words.update(w.lower() for w in re.findall(r"[A-Za-z_]\w*", form.example))
    return words


def _head(kind: PolicyKind, verb: PolicyVerb, entity: Entity) -> str:
    return f"`.{verb.value} {ENTITY_TEXT[entity]} policy {kind.name}`"


def _named(kind: PolicyKind, verb: PolicyVerb, entity: Entity, items: Sequence[Item]) -> Problem | None:
    props = kind.keyword_form_args()
    order = {p.name.lower(): i for i, p in enumerate(props)}
    by_name = {p.name.lower(): p for p in props}
    docs = _docs_words(kind, verb, entity)
    usable = [p for p in props if p.parser_entities is None or entity in p.parser_entities]
    seen: list[Property] = []
    comma: Item | None = None
    previous: Item | None = None
    for item in items:
        if item.tag == "comma":
            if previous is None or comma is not None:
                return _stray(item, "`,`")
            comma = item
            continue
        arg = item.argument
        if item.tag == "bare" and arg is not None:
            problem = _bare_after_named(by_name, previous, arg)
            if problem is not None:
                return problem
        if item.tag != "named" or arg is None or arg.name is None:
            return _stray(item, f"`{_short(arg.value.text if arg else '')}`", "after the keyword arguments")
        key = arg.name.text.lower()
        prop = by_name.get(key)
        if prop is None or (prop.parser_entities is not None and entity not in prop.parser_entities):
            if key in docs:
                return None  # a docs-only form: C006
            return _unknown(kind, verb, entity, arg, prop, usable)
        if seen and prop.instead_of and prop.instead_of in {p.name for p in seen}:
            return _skipped(item, f"`{prop.name}` cannot follow `{prop.instead_of}`",
                            f"write either `{prop.instead_of} = …` or {_group(props, prop.instead_of)}")  # fmt: skip
        if seen and any(p.instead_of == prop.name for p in seen):
            return _skipped(item, f"`{prop.name}` cannot follow {_group(props, prop.name)}",
                            f"write either `{prop.name} = …` or {_group(props, prop.name)}")  # fmt: skip
        if prop in seen and not (prop.repeat and seen[-1] is prop):
            return _skipped(item, f"`{prop.name}` is given twice", "give each argument once")
        if seen and order[key] < order[seen[-1].name.lower()]:
            return _skipped(item, f"`{prop.name}` must come before `{seen[-1].name}`",
                            f"write {_sequence(props, seen + [prop])}")  # fmt: skip
        if comma is not None and not prop.comma and not (prop.repeat and seen and seen[-1] is prop):
            return Problem(CODE, f"Kusto takes no comma before `{prop.name}` and skips the rest of the command",
                           comma.span, "remove the comma",
                           Fix("remove the comma", (Edit(comma.span, ""),), Applicability.UNSAFE))  # fmt: skip
        if comma is None and prop.repeat and seen and seen[-1] is prop:
            return _skipped(item, f"a comma must separate the `{prop.name}` arguments", f"write `, {prop.name} = …`")
        pending = _pending_group(props, seen, prop, item.span)
        if pending is not None:
            return pending
        problem = value_problem(prop, arg)
        if problem is not None:
            return problem
        seen.append(prop)
        comma = None
        previous = item
    if comma is not None:
        return _stray(comma, "`,`", "at the end of the arguments")
    end = items[-1].span
    pending = _pending_group(props, seen, None, Span(end.end, end.end))
    if pending is not None:
        return pending
    return _required(kind, props, seen, Span(items[0].span.start, end.end))


def _group(props: Sequence[Property], instead_of: str) -> str:
    return " ".join(f"`{p.name} = …`" for p in props if p.instead_of == instead_of)


def _sequence(props: Sequence[Property], given: Sequence[Property]) -> str:
    return "`" + " ".join(f"{p.name} = …" for p in props if p in given) + "`"


def _pending_group(props: Sequence[Property], seen: list[Property], next_: Property | None,
                   at: Span) -> Problem | None:  # fmt: skip
    """`hotdata` must be followed right away by the rest of its group (`hotindex`)."""
    if not seen or not seen[-1].instead_of:
        return None
    group = [p for p in props if p.instead_of == seen[-1].instead_of]
    position = group.index(seen[-1])
    if position + 1 >= len(group) or (next_ is not None and next_ is group[position + 1]):
        return None
    wanted = group[position + 1]
    return Problem(CODE, f"`{seen[-1].name}` must be followed by `{wanted.name} = …`", at,
                   f"write {_group(props, seen[-1].instead_of)} together, with no comma")  # fmt: skip


def _required(kind: PolicyKind, props: Sequence[Property], seen: list[Property], span: Span) -> Problem | None:
    if not kind.keyword_required:
        return None
    names = {p.name for p in seen} | {p.instead_of for p in seen if p.instead_of}
    if names & set(kind.keyword_required):
        return None
    wanted = " or ".join(f"`{n} = …`" for n in kind.keyword_required)
    return Problem(CODE, f"missing {wanted}", span, f"the `{kind.name}` policy's keyword form starts with {wanted}")


def _unknown(kind: PolicyKind, verb: PolicyVerb, entity: Entity, arg: Argument, prop: Property | None,
             usable: Sequence[Property]) -> Problem:  # fmt: skip
    assert arg.name is not None
    name = arg.name.text
    takes = " and ".join(f"`{p.name} = …`" for p in usable)
    if prop is not None:  # a known argument this entity does not take
        where = " or ".join(f"`{ENTITY_TEXT[e]}`" for e in sorted(prop.parser_entities or (), key=lambda e: e.value))
        return Problem(CODE, f"{_head(kind, verb, entity)} takes no `{prop.name}`: Kusto skips it", arg.span,
                       f"`{prop.name}` is taken only after {where}")  # fmt: skip
    guess = did_you_mean(name, [p.name for p in usable])
    fix = Fix(f"replace with `{guess}`", (Edit(arg.name.span, guess),), Applicability.UNSAFE) if guess else None
    help = f"did you mean `{guess}`?" if guess else f"it takes {takes}"
    return Problem(CODE, f"{_head(kind, verb, entity)} takes no `{name}` argument", arg.name.span, help, fix)


def _bare_after_named(by_name: dict[str, Property], previous: Item | None, arg: Argument) -> Problem | None:
    """`hot = 7 d` (a space before the unit) and `softdelete 7d` (no `=`)."""
    word = arg.value
    last = previous.argument if previous is not None else None
    if last is not None and last.name is not None and word.text in UNITS and NUMBER.fullmatch(last.value.text):
        joined = last.value.text + word.text
        gap = Span(last.value.span.end, word.span.start)
        return Problem(CODE, f"Kusto reads `{last.name.text} = {last.value.text}` and skips `{word.text}`",
                       word.span, f"write `{joined}` without a space",
                       Fix(f"write `{joined}`", (Edit(gap, ""),), Applicability.UNSAFE))  # fmt: skip
    if word.text.lower() in by_name:
        return Problem(CODE, f"expected `=` after `{word.text}`", Span(word.span.end, word.span.end),
                       f"write `{word.text} = …`",
                       Fix("insert `=`", (Edit(Span(word.span.end, word.span.end), " ="),), Applicability.UNSAFE))  # fmt: skip
    return None


def _skipped(item: Item, message: str, help: str) -> Problem:
    return Problem(CODE, f"{message}: Kusto skips it and the rest of the command", item.span, help)


def _stray(item: Item, what: str, where: str = "here") -> Problem:
    return Problem(CODE, f"unexpected {what} {where}: Kusto skips the rest of the command", item.span,
                   "remove it")  # fmt: skip


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else text
    return first if len(first) <= 40 else first[:37] + "..."


# ---- positional forms: `enable`, `true`, `enable [with (...)] "query"`, `(C asc, ...)` ---------

_EXAMPLE_ITEM = re.compile(r"""\([^)]*\)|[hH]?@?(?:'[^']*'|"[^"]*")|[^\s()'"]+""")


def _example(kind: PolicyKind, verb: PolicyVerb, entity: Entity) -> list[str] | None:
    """The item tags of the example of the keyword or bare form `verb` takes on `entity`
    (None for a `name = value` form the registry does not describe: mirroring's)."""
    for form in kind.forms:
        if form.verb is verb and entity in form.entities and form.shape in (PayloadShape.KEYWORD, PayloadShape.BARE):
            return None if "=" in form.example else _tags(form)
    return None


def _tags(form: Form) -> list[str]:
    out = []
    for token in _EXAMPLE_ITEM.findall(form.example):
        out.append("order" if token.startswith("(") else "string" if STRING.match(token) else "bare")
    return out


def _positional(kind: PolicyKind, verb: PolicyVerb, entity: Entity, items: Sequence[Item],
                example: list[str]) -> Problem | None:  # fmt: skip
    words = [w for w in kind.keywords if w != "with"]
    docs = _docs_words(kind, verb, entity)
    rest = list(items)
    for tag in example:
        if tag == "order":
            orders = [i for i in rest if i.tag == "order"]
            empty = next((i for i in rest if i.tag == "empty"), None)
            if empty is not None:
                return Problem(CODE, "expected a column in `()`: Kusto requires at least one", empty.span,
                               "write `(Column asc)` or `(Column desc)`")
            if not orders:
                return _missing(items, "the parenthesised list `(Column asc, ...)`")
            for order in orders:
                assert order.argument is not None and order.argument.name is not None
                direction = order.argument.value
                column = order.argument.name.text
                if not direction.text:
                    return Problem(CODE, f"missing the direction of `{column}`: Kusto requires `asc` or `desc`",
                                   order.span, f"write `{column} asc` or `{column} desc`")  # fmt: skip
                first, _, more = direction.text.partition(" ")
                if more.strip() and first.lower() in words:
                    found = more.split()[0]
                    return Problem(CODE, f"expected `,` or `)` after `{column} {first}`, found `{found}`",
                                   Span(direction.span.start + len(direction.text) - len(more.lstrip()),
                                        direction.span.end), "separate the columns with commas")  # fmt: skip
                if direction.text.lower() not in words:
                    return Problem(CODE, f"expected {one_of(words)} after `{column}`, found `{direction.text}`",
                                   direction.span, f"write `{column} asc` or `{column} desc`")  # fmt: skip
            rest = [i for i in rest if i.tag != "order"]
            continue
        if tag == "string":
            if rest and rest[0].tag == "with":
                rest = rest[1:]  # `enable with (...) "query"`: the options come before the query
            if not rest:
                return _missing(items, "the query, a string literal")
            if rest[0].tag != "string":
                return _stray(rest[0], f"`{_text(rest[0])}`", "where Kusto expects a string literal")
            rest = rest[1:]
            continue
        # a bare keyword
        if not rest or rest[0].tag != "bare":
            found = rest[0] if rest else None
            if found is None:
                return _missing(items, one_of(words))
            return Problem(CODE, f"{_head(kind, verb, entity)} expects {one_of(words)}, found `{_text(found)}`",
                           found.span, f"write {one_of(words)}")  # fmt: skip
        word = rest[0].argument.value.text if rest[0].argument else ""
        if word.lower() not in words:
            if word.lower() in docs:
                return None  # a docs-only form: C006
            guess = _bare_guess(word, words)
            fix = Fix(f"write `{guess}`", (Edit(rest[0].span, guess),), Applicability.UNSAFE) if guess else None
            return Problem(CODE, f"{_head(kind, verb, entity)} takes {one_of(words)}, not `{word}`", rest[0].span,
                           f"write `{guess}`" if guess else f"write {one_of(words)}", fix)  # fmt: skip
        rest = rest[1:]
    if rest:
        first = rest[0]
        if first.tag == "with":
            return _skipped(first, "`with (...)` must come before the query", "move it before the string literal")
        return _stray(first, f"`{_text(first)}`", "after the policy")
    return None


def _bare_guess(word: str, words: Sequence[str]) -> str | None:
    """`true` for `enable`, `enable` for `true`: the same meaning in the kind's own words."""
    meaning = {"true": True, "enable": True, "enabled": True, "on": True, "false": False, "disable": False,
               "disabled": False, "off": False}.get(word.lower().strip("'\""))  # fmt: skip
    if meaning is None:
        return did_you_mean(word, words)
    for candidate in words:
        if {"true": True, "enable": True, "false": False, "disable": False}.get(candidate) is meaning:
            return candidate
    return None


def _text(item: Item) -> str:
    if item.tag == "comma":
        return ","
    if item.tag == "with":
        return "with (...)"
    return _short(item.argument.value.text) if item.argument is not None else ""


def _missing(items: Sequence[Item], what: str) -> Problem:
    end = items[-1].span.end
    return Problem(CODE, f"missing {what}", Span(end, end), f"add {what}")
