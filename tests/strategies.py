"""Hypothesis strategies for whole Kusto scripts: ManagedIdentity commands (valid, misspelled,
broken), commands of the other kinds (JSON payloads and keyword forms), every string-literal form of the payload, lenient and broken JSON, comments, queries
and other commands, with any spacing and line endings.

Composable on purpose: `scripts()` is built from `statements()`, `mi_commands()`, `payloads()`
and `json_texts()`, each usable alone.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

GUIDS = ("aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", "AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB",
         "{aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb}", "00000000-0000-0000-0000-000000000000",
         "<object-id>", "not-a-guid")  # fmt: skip
USAGES = ("All", "NativeIngestion", "nativeingestion", "ExternalTable", "ExternalTables", "SqlRequest",
          "AutomatedFlow", "AutomatedFlows", "SandboxArtifacts", "", " ", "Bogus")  # fmt: skip
KEYS = ("ObjectId", "AllowedUsages", "objectid", "ALLOWEDUSAGES", "ClientId", "TenantId", "DisplayName",
        "IsSystem", "Extra")  # fmt: skip
NAMES = ("db", "Sales", "['Sales-DB']", "[ 'Sales-DB' ]", '["x y"]', "[my db]", "'db'", "{db}", "my-db",
         "policy", "1db", "Données")  # fmt: skip
QUERIES = ("StormEvents | take 10", "print x = 1", "T\n| where a == 'b' // note\n| count",
           "let x = 1;\nprint x")  # fmt: skip
OTHER_COMMANDS = (".create table T (a:string)", '.alter table T policy retention ```{"SoftDeletePeriod": "1.00:00:00"}```',
                  ".show tables", ".execute database script <|\n    .show database db policy managed_identity\n    .create table T (a:int)",
                  ".", ".alter", ".drop table T ifexists")  # fmt: skip
SPACES = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\n    ", " // note\n", "\n\n"])


def cased(word: str, broken: bool = True) -> st.SearchStrategy[str]:
    """`word` as written, in upper case, capitalised, or (when `broken`) misspelled."""
    misspelled = [word[:-1], word + word[-1]] if broken else []
    return st.sampled_from([word, word, word, word.upper(), word.capitalize(), *misspelled])


# ---- JSON -------------------------------------------------------------------------------

# Lone surrogates come from `\\ud83d` escapes (JSON's, or the Kusto literal's): `json_texts` and
# `payloads` write them so, as no file can hold one raw.
LONE_SURROGATES = ("a\ud83db", "\udc00", "\ud83d\ude00 x", "AAAAAAAA-0000-1111-2222-BBBBBBBBBBB\udfff")
_STRINGS = st.one_of(
    st.sampled_from(GUIDS + USAGES + ("system", "System", "a \"quoted\" \\ value", "é ü 😀", "a ``` b", "tab\tnl\n")),
    st.sampled_from(LONE_SURROGATES),
    st.text(max_size=8),
)
_SCALARS = st.one_of(
    _STRINGS.map(lambda s: ("string", s)),
    st.sampled_from(["0", "-1", "2.50", "1e3", "true", "false", "null"]).map(lambda s: ("raw", s)),
)


def _usages_value() -> st.SearchStrategy[tuple[str, str]]:
    items = st.lists(st.sampled_from(USAGES), min_size=0, max_size=4)
    seps = st.sampled_from([",", ", ", " ,", ",  ", " , "])
    return st.tuples(items, seps).map(lambda t: ("string", t[1].join(t[0])))


@st.composite
def json_objects(draw: st.DrawFn, depth: int = 0) -> list:
    """A policy object as (key, value) pairs; values are tagged scalars or nested lists."""
    members = []
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4)):
        if key.lower() == "allowedusages":
            value = draw(_usages_value())
        elif depth < 2 and draw(st.integers(0, 9)) == 0:
            value = ("object", draw(json_objects(depth + 1)))
        elif depth < 2 and draw(st.integers(0, 9)) == 0:
            value = ("array", draw(st.lists(_SCALARS, max_size=3)))
        else:
            value = draw(_SCALARS)
        members.append((key, value))
    return members


@st.composite
def json_texts(draw: st.DrawFn, broken: bool = True) -> str:
    """A payload's JSON text: mostly an array of policy objects, in any layout, quote style and
    with trailing commas now and then; sometimes an object, a scalar, or truncated."""
    ws = st.sampled_from(["", " ", "\n", "\n  ", "\t"])
    single = draw(st.integers(0, 4)) == 0
    comma = draw(st.integers(0, 6)) == 0

    def string(s: str) -> str:
        return json_string_text(s, "'" if single else '"', ascii=draw(st.booleans()))

    def value(tagged: tuple) -> str:
        tag, v = tagged
        if tag == "string":
            return string(v)
        if tag == "raw":
            return v
        if tag == "array":
            return "[" + ", ".join(value(x) for x in v) + (", " if comma and v else "") + "]"
        return obj(v)

    def obj(members: list) -> str:
        body = ("," + draw(ws)).join(f"{draw(ws)}{string(k)}{draw(ws)}:{draw(ws)}{value(v)}" for k, v in members)
        return "{" + body + ("," if comma and members else "") + draw(ws) + "}"

    objects = draw(st.lists(json_objects(), max_size=3))
    text = draw(ws) + "[" + ("," + draw(ws)).join(draw(ws) + obj(o) for o in objects)
    text += ("," if comma and objects else "") + draw(ws) + "]" + draw(ws)
    shape = draw(st.integers(0, 19)) if broken else 3
    if shape == 0:
        return text[: draw(st.integers(0, len(text)))]  # truncated: invalid JSON
    if shape == 1:
        return obj(objects[0]) if objects else "{}"
    if shape == 2:
        return draw(st.sampled_from(["42", '"x"', "null", "", "[1, 2]"]))
    return text


def json_string_text(value: str, quote: str, ascii: bool) -> str:
    """`value` as a JSON string in `quote` (`'` is lenient JSON, escaped `\\'` inside), written
    independently of kqllint's writer: with `ascii`, every non-ASCII character as `\\uXXXX`
    (lone surrogates too); without, raw (a lone surrogate then needs the Kusto literal's escape)."""
    out = []
    for ch in value:
        if ch in (quote, "\\"):
            out.append("\\" + ch)
        elif ch < " ":
            out.append(f"\\u{ord(ch):04x}")
        elif ascii and ord(ch) > 0x7E:
            out.append(json.dumps(ch)[1:-1])  # `\\ud83d\\ude00` for a character outside the BMP
        else:
            out.append(ch)
    return quote + "".join(out) + quote


# ---- string literals --------------------------------------------------------------------


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def _quoted(text: str, quote: str) -> str | None:
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("\n", "\\n").replace("\r", "\\r")
    # A lone surrogate in the JSON text can only be written as the Kusto literal's escape.
    escaped = "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in escaped)
    return quote + escaped + quote


def _verbatim(text: str, quote: str) -> str | None:
    if "\n" in text or "\r" in text or _has_surrogate(text):
        return None
    return "@" + quote + text.replace(quote, quote * 2) + quote


def _fenced(text: str, fence: str) -> str | None:
    return None if fence in text or text.endswith(fence[0]) or _has_surrogate(text) else fence + text + fence


@st.composite
def payloads(draw: st.DrawFn, broken: bool = True) -> str:
    """A policy literal in any Kusto form (`'`, `"`, `@'`, `@"`, triple backtick, `~~~`, an `@`
    or `h` prefix) holding `json_texts()`; the form falls back to quotes when the text cannot
    live in the chosen one."""
    return draw(literals(draw(json_texts(broken))))


@st.composite
def literals(draw: st.DrawFn, text: str) -> str:
    """`text` in a string literal of any Kusto form (see `payloads`)."""
    form = draw(st.sampled_from(["```", "```", "```", "~~~", '"', "'", '@"', "@'", "@```"]))
    if form in ("```", "~~~"):
        literal = _fenced(text, form)
    elif form == "@```":
        literal = _fenced(text, "```")
        literal = "@" + literal if literal else None
    elif form.startswith("@"):
        literal = _verbatim(text, form[1])
    else:
        literal = _quoted(text, form)
    literal = literal or _quoted(text, '"')
    assert literal is not None
    if draw(st.integers(0, 14)) == 0:
        literal = draw(st.sampled_from(["h", "H"])) + literal
    return literal


# ---- statements -------------------------------------------------------------------------


@st.composite
def mi_commands(draw: st.DrawFn, broken: bool = True) -> str:
    """A ManagedIdentity policy command, mostly valid, with any spacing, case, name quoting,
    payload and tail; when `broken`, sometimes misspelled, with a name that needs brackets,
    without its payload or with one it does not take, or with JSON that is not an array."""
    sp = lambda: draw(SPACES)  # noqa: E731
    verb = draw(st.sampled_from(["alter", "alter-merge", "show", "delete"]))
    words = ["." + draw(st.sampled_from(["", "", " "])) + draw(cased(verb, broken) if draw(st.integers(0, 5)) == 0 else st.just(verb))]
    if draw(st.booleans()):
        words.append(draw(cased("cluster", broken)))
    else:
        words.append(draw(cased("database", broken)))
        if draw(st.integers(0, 5)) or (verb == "delete" and not broken):
            words.append(draw(st.sampled_from(NAMES if broken else NAMES[:6])))
    words.append(draw(cased("policy", broken)) if draw(st.integers(0, 5)) == 0 else "policy")
    words.append(draw(cased("managed_identity", broken)) if draw(st.integers(0, 5)) == 0 else "managed_identity")
    takes_payload = verb.startswith("alter")
    if takes_payload != (broken and draw(st.integers(0, 12)) == 0):
        words.append(draw(payloads(broken)))
    text = words[0] + "".join(sp() + w for w in words[1:])
    tail = draw(st.sampled_from(["", "", "", "", " | project PolicyName", "\n| where a == 1 // why", " ;  print x = 1"]))
    return text + tail


# Other kinds: a JSON payload (its members in any order, nested objects too) or a keyword form
# (its tokens in any spacing). Each is a form Kusto accepts, so the formatter has it to format.
KIND_JSON = (
    ("alter table T", "retention", "object",
     [("SoftDeletePeriod", ("string", "10d")), ("Recoverability", ("string", "Disabled")), ("Extra", ("raw", "2.50"))]),
    ("alter-merge database db", "retention", "object", [("recoverability", ("string", "Enabled"))]),
    ("alter table db.T", "update", "array",
     [("IsEnabled", ("raw", "true")), ("Source", ("string", "Raw")), ("Query", ("string", "Raw | extend x = 'a,b'")),
      ("IsTransactional", ("raw", "false"))]),
    ("alter table T", "partitioning", "object",
     [("PartitionKeys", ("array", [("object", [("Kind", ("string", "Hash")), ("ColumnName", ("string", "TenantId")),
                                               ("Properties", ("object", [("Seed", ("raw", "1")),
                                                                          ("Function", ("string", "XxHash64"))]))])])),
      ("EffectiveDateTime", ("string", "2024-01-01"))]),
    ("alter cluster", "ingestionbatching", "object",
     [("MaximumNumberOfItems", ("raw", "500")), ("MaximumBatchingTimeSpan", ("string", "00:05:00"))]),
    ("alter cluster", "callout", "array", [("CanCall", ("raw", "true")), ("CalloutType", ("string", "sql"))]),
)  # fmt: skip
KIND_KEYWORDS = (
    ("alter table T", "caching", ["hot", "=", "7d"]),
    ("alter tables (T1, T2)", "caching",
     ["hot", "=", "7d", ",", "hot_window", "=", "datetime(2024-01-01)", "..", "datetime(2024-02-01)"]),
    ("alter-merge table T", "retention", ["softdelete", "=", "10d", "recoverability", "=", "disabled"]),
    ("alter table T", "streamingingestion", ["enable"]),
    ("alter table T", "roworder", ["(", "A", "asc", ",", "B", "desc", ")"]),
    ("alter table T", "row_level_security",
     ["enable", "with", "(", "allowMaterializedViewsWithoutRowLevelSecurity", "=", "true", ")", "'F()'"]),
    ("alter column T.C", "encoding", ["type", "=", "'identifier'"]),
    ("alter table T", "update", ["```[]```", "with", "(", "AllowUnreferencedSourceTable", "=", "true", ")"]),
)  # fmt: skip
_PUNCTUATION = ("(", ")", ",", "=", "..")


def _value_text(tagged: tuple) -> str:
    tag, v = tagged
    if tag == "string":
        return json.dumps(v)
    if tag == "raw":
        return v
    if tag == "array":
        return "[" + ", ".join(_value_text(x) for x in v) + "]"
    return "{" + ", ".join(f"{json.dumps(k)}: {_value_text(x)}" for k, x in v) + "}"


@st.composite
def _shuffled(draw: st.DrawFn, tagged: tuple) -> tuple:
    tag, v = tagged
    if tag == "object":
        return ("object", [(k, draw(_shuffled(x))) for k, x in draw(st.permutations(v))])
    if tag == "array":
        return ("array", [draw(_shuffled(x)) for x in v])
    return tagged


@st.composite
def kind_commands(draw: st.DrawFn) -> str:
    """A policy command of another kind than managed_identity, in any spacing: a JSON payload
    with its keys in any order, or a keyword form with any space between its tokens."""
    sp = st.sampled_from([" ", " ", "  ", "\t", "\n    "])
    if draw(st.booleans()):
        head, kind, shape, members = draw(st.sampled_from(KIND_JSON))
        body = _value_text(draw(_shuffled(("object", members))))
        text = draw(literals(f"[{body}]" if shape == "array" else body))
        words = [*head.split(" ", 1), "policy", kind, text]
        return "." + "".join(w + draw(sp) for w in words[:-1]) + words[-1]
    head, kind, tokens = draw(st.sampled_from(KIND_KEYWORDS))
    out = "." + "".join(w + draw(sp) for w in [*head.split(" ", 1), "policy", kind])
    for prev, token in zip(["policy", *tokens], tokens):
        glue = prev in _PUNCTUATION or token in _PUNCTUATION
        out += (draw(st.sampled_from(["", " ", "  ", "\n  "])) if glue else draw(sp)) + token
    return out


def statements(broken: bool = True) -> st.SearchStrategy[str]:
    """One statement: a modelled command (most often), a query, another command or comments."""
    return st.one_of(
        mi_commands(broken),
        mi_commands(broken),
        mi_commands(broken),
        kind_commands(),
        st.sampled_from(QUERIES),
        st.sampled_from(OTHER_COMMANDS if broken else OTHER_COMMANDS[:4]),
        st.sampled_from(["// a comment", "// kqllint: ignore[C002]", "//", "// two\n// lines"]),
    )


@st.composite
def scripts(draw: st.DrawFn) -> str:
    """A whole script: statements separated by blank lines (now and then by none, or by a
    blank line holding spaces), LF, CRLF or lone-CR line endings, with or without a final
    line break, sometimes indented. Half of them hold no syntax or payload JSON error, so that
    the formatter has whole files to format."""
    broken = draw(st.booleans())
    parts = draw(st.lists(statements(broken), min_size=1, max_size=6))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(["\n\n", "\n\n", "\n  \n", "\n\n\n"] + ["\n"] * broken)) + part
    text = draw(st.sampled_from(["", "", "", "  "])) + text
    text += draw(st.sampled_from(["\n", "\n", "", "\n\n"]))
    ending = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return text.replace("\n", ending) if ending != "\n" else text


# ---- mutations --------------------------------------------------------------------------

# Characters that matter to the reader: quotes and fences, brackets, separators, the `h` and `@`
# of literal prefixes, escapes, line breaks and what else Unicode calls one, a BOM and controls,
# and a lone surrogate's escape (`\\ud83d`, six characters), which neither Kusto nor JSON rejects.
SHARP_CHARS = tuple("`'\"[]{}(),:;.|@hH\\/-_~ \t\r\n") + (
    "\r\n", "é", "😀", "\u2028", "\x85", "\ufeff", "\x00", "\x0b", "\\ud83d",
)  # fmt: skip
MUTATION_KINDS = ("delete", "duplicate", "swap", "insert", "replace")


def random_chars() -> st.SearchStrategy[str]:
    """A character a mutation inserts: mostly a sharp one, sometimes any (no lone surrogate:
    decoded files cannot hold one)."""
    return st.one_of(st.sampled_from(SHARP_CHARS), st.characters(blacklist_categories=("Cs",)))


def mutate(text: str, kind: str, i: int, j: int, char: str) -> str:
    """One mutation of `text` at positions `i` <= `j` (taken modulo its length): delete or
    duplicate `text[i:j]`, swap the characters at `i` and `j`, insert `char` at `i`, or replace
    the character at `i` with it. Pure, so a fuzzer without hypothesis can use it too."""
    n = len(text)
    if n == 0:
        return char if kind in ("insert", "replace") else text
    i, j = sorted((i % (n + 1), j % (n + 1)))
    if kind == "delete":
        return text[:i] + text[max(j, i + 1) :]
    if kind == "duplicate":
        return text[:j] + text[i:j] + text[j:]
    if kind == "swap":
        i, j = min(i, n - 1), min(j, n - 1)
        if i == j:
            return text
        return text[:i] + text[j] + text[i + 1 : j] + text[i] + text[j + 1 :]
    if kind == "insert":
        return text[:i] + char + text[i:]
    return text[:i] + char + text[i + 1 :]


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str] | None = None) -> str:
    """A script from `base` (default `scripts()`) after one to four random mutations: deleted,
    duplicated, swapped and random characters, mostly near each other (short spans)."""
    text = draw(base if base is not None else scripts())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(MUTATION_KINDS))
        i = draw(st.integers(0, max(0, len(text))))
        j = i + draw(st.one_of(st.integers(0, 8), st.integers(0, max(0, len(text)))))
        text = mutate(text, kind, i, j, draw(random_chars()))
    return text
