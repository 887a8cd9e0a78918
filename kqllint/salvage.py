"""A command with a syntax error in its head: its payload, when the payload's extent is certain.

The payload (J), policy (P) and identity (I) rules check such a payload; the rules about the
head do not, and no fix is offered on it until the head reads (see `linter.py`).
"""

from __future__ import annotations

import functools
import re

from kqllint import _terminals as lexical
from kqllint.literals import decode_literal
from kqllint.model import Command, Problem, StringLiteral, Verb

# The syntax errors that leave the policy literal where it is: a misspelt or unexpected word
# before it (S001, S008) and a badly written name in a head that parsed (S009, S010).
HEAD_ERRORS = frozenset({"S001", "S008", "S009", "S010"})
_GAP = re.compile(r"(?:\s+|//[^\r\n]*)*")


@functools.lru_cache(maxsize=1)
def _terminals() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The grammar's own string literal, head word and tail (the `.lark` file says what they are)."""
    word = "|".join((lexical.WORD, lexical.BRACKET_NAME, lexical.PARAMETER))
    return re.compile(lexical.STRING), re.compile(f"(?:{word})"), re.compile(lexical.TAIL)


def payload_is_certain(command: Command) -> bool:
    """Whether the payload rules may check a command that has syntax errors: it has a policy
    literal, and every error is a head error (`HEAD_ERRORS`). The parser gives a command whose
    parse failed its literal only when the literal's extent is certain (`literal_after`)."""
    return command.argument is not None and all(p.code in HEAD_ERRORS for p in command.problems)


def literal_after(problem: Problem, text: str, base: int, verb: Verb) -> StringLiteral | None:
    """The policy literal of the statement `text` (at file offset `base`) whose parse failed
    with `problem`, when its extent is certain; else None.

    Certain means: the error is a head error (S001, S008) of `.alter` or `.alter-merge`, and
    after the word it names the statement holds only words (keywords or names, in any
    spelling), then exactly one well-formed string literal without escape errors, then nothing
    but white space, comments or a `| query` tail. So `.alter database db polcy
    managed_identity ```[...]```` is checked; `.alter database db polcy "[...]" "[...]"` and an
    unterminated literal are not.
    """
    if problem.code not in HEAD_ERRORS or not verb.takes_payload:
        return None
    string, word, tail = _terminals()
    pos = problem.span.end - base
    while True:
        pos = _GAP.match(text, pos).end()
        literal = string.match(text, pos)
        if literal is not None:
            break
        head_word = word.match(text, pos)
        if head_word is None:
            return None  # the end, or what no head holds
        pos = head_word.end()
    end = _GAP.match(text, literal.end()).end()
    if end < len(text) and not tail.match(text, end):
        return None
    decoded, errors = decode_literal(literal.group(), base + literal.start())
    return None if errors else decoded
