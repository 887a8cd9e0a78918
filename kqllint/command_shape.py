"""The lark transformer that flattens `grammar/command.lark`'s productions for the builder."""

from __future__ import annotations

from lark import Token, Transformer

# What the transformer hands the builder for an entity: its tag (the production's alias), its
# keyword tokens (`external`, `table`; `tables` and its parentheses) and its name tokens.
_EntityParts = tuple[str, list[Token], list[Token]]


class Shape(Transformer):
    """Flattens the productions of `command.lark` as lark reduces them (no parse tree is built:
    building the tree and walking it again took parsing the commands of the 1 MB benchmark
    corpus from 0.16 s to 0.20 s).

    Stateless, so one instance serves every parse; `_Builder` turns the result into a `Command`.
    Methods take the children list: a `v_args(inline=True)` wrapper costs a call per node.
    """

    def verb(self, children: list[Token]) -> Token:
        return children[0]

    def kind(self, children: list[Token]) -> Token:
        return children[0]

    def name(self, children: list[Token]) -> Token:
        return children[0]

    def path(self, children: list[Token]) -> Token:
        return children[0]

    def atom(self, children: list[Token]) -> Token:
        return children[0]

    def entity(self, children: list) -> _EntityParts:
        return children[0]  # a named entity: the production below made it

    def delete_entity(self, children: list) -> _EntityParts:
        return children[0]

    def cluster(self, children: list[Token]) -> _EntityParts:
        return "cluster", children[:1], children[1:]

    def database(self, children: list[Token]) -> _EntityParts:
        return "database", children[:1], children[1:]

    def table(self, children: list[Token]) -> _EntityParts:
        return "table", children[:1], children[1:]

    def tables(self, children: list[Token]) -> _EntityParts:
        keywords = [t for t in children if t.type in ("TABLES", "LPAR", "RPAR")]
        return "tables", keywords, [t for t in children if t.type not in ("TABLES", "LPAR", "RPAR", "COMMA")]

    def materialized_view(self, children: list[Token]) -> _EntityParts:
        return "materialized_view", children[:1], children[1:]

    def external_table(self, children: list[Token]) -> _EntityParts:
        return "external_table", children[:2], children[2:]

    def column(self, children: list[Token]) -> _EntityParts:
        return "column", children[:1], children[1:]

    def graph_model(self, children: list[Token]) -> _EntityParts:
        return "graph_model", children[:1], children[1:]

    def value(self, children: list[Token]) -> tuple[int, int]:
        return children[0].start_pos, children[-1].end_pos

    def group(self, children: list) -> tuple[int, int]:
        return children[0].start_pos, children[-1].end_pos

    def part(self, children: list[Token]) -> Token:
        return children[0]

    def literal(self, children: list[Token]) -> tuple:
        return "literal", children[0]

    def bare(self, children: list[Token]) -> tuple:
        return "bare", children[0]

    def keyword(self, children: list) -> tuple:
        return "keyword", children[0], children[2]

    def order(self, children: list[Token]) -> tuple:
        """The item's first token (the column) and the span of the rest (None: nothing)."""
        rest = (children[1].start_pos, children[-1].end_pos) if len(children) > 1 else None
        return children[0], rest

    def order_list(self, children: list) -> tuple:
        return "order", children[0], [c for c in children if isinstance(c, tuple)], children[-1]

    def option(self, children: list) -> tuple:
        return children[0], children[2]

    def with_list(self, children: list) -> tuple:
        return "with", children[0], [c for c in children if isinstance(c, tuple)], children[-1]

    def body(self, children: list[Token]) -> tuple:
        return "body", children[0]

    def comma(self, children: list[Token]) -> tuple:
        return "comma", children[0]

    def start(self, children: list) -> list:
        return children

    def workload_group(self, children: list) -> tuple:
        return "workload_group", children


SHAPE = Shape()
