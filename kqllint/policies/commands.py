"""What a policy command is made of, besides its payload: verbs, entities and argument shapes."""

from __future__ import annotations

import enum


class Verb(enum.Enum):
    """The command verbs of a policy command, as Kusto spells them."""

    ALTER = "alter"
    ALTER_MERGE = "alter-merge"
    SHOW = "show"
    DELETE = "delete"
    CREATE_OR_ALTER = "create-or-alter"  # the workload group's: it replaces the group, as `alter` does


class Entity(enum.Enum):
    """What a policy command is about; the value is the entity's id in data files."""

    CLUSTER = "cluster"  # cluster
    DATABASE = "database"  # database db
    DATABASE_DEFAULT = "database-default"  # database (no name: the context database)
    DATABASE_STAR = "database-star"  # database *
    TABLE = "table"  # table T
    TABLE_QUALIFIED = "table-qualified"  # table db.T
    TABLE_STAR = "table-star"  # table *
    TABLES = "tables"  # tables (T1, T2)
    MATERIALIZED_VIEW = "materialized-view"  # materialized-view V
    MATERIALIZED_VIEW_QUALIFIED = "materialized-view-qualified"  # materialized-view db.V
    MATERIALIZED_VIEW_STAR = "materialized-view-star"  # materialized-view *
    EXTERNAL_TABLE = "external-table"  # external table T
    EXTERNAL_TABLE_STAR = "external-table-star"  # external table *
    COLUMN = "column"  # column T.C
    COLUMN_STAR = "column-star"  # column *
    GRAPH_MODEL = "graph-model"  # graph_model M
    GRAPH_MODEL_STAR = "graph-model-star"  # graph_model *
    WORKLOAD_GROUP = "workload-group"  # workload_group Name (no `policy` word follows)


# How each entity is written, for messages, docs and generated test texts.
ENTITY_TEXT = {
    Entity.CLUSTER: "cluster",
    Entity.DATABASE: "database db",
    Entity.DATABASE_DEFAULT: "database",
    Entity.DATABASE_STAR: "database *",
    Entity.TABLE: "table T",
    Entity.TABLE_QUALIFIED: "table db.T",
    Entity.TABLE_STAR: "table *",
    Entity.TABLES: "tables (T1, T2)",
    Entity.MATERIALIZED_VIEW: "materialized-view V",
    Entity.MATERIALIZED_VIEW_QUALIFIED: "materialized-view db.V",
    Entity.MATERIALIZED_VIEW_STAR: "materialized-view *",
    Entity.EXTERNAL_TABLE: "external table T",
    Entity.EXTERNAL_TABLE_STAR: "external table *",
    Entity.COLUMN: "column T.C",
    Entity.COLUMN_STAR: "column *",
    Entity.GRAPH_MODEL: "graph_model M",
    Entity.GRAPH_MODEL_STAR: "graph_model *",
    Entity.WORKLOAD_GROUP: "workload_group G",
}

# Entity groups the kind modules combine.
CLUSTER = frozenset({Entity.CLUSTER})
DATABASE = frozenset({Entity.DATABASE, Entity.DATABASE_DEFAULT})
NAMED_DATABASE = frozenset({Entity.DATABASE})
TABLE = frozenset({Entity.TABLE, Entity.TABLE_QUALIFIED})
TABLES = frozenset({Entity.TABLES})
VIEW = frozenset({Entity.MATERIALIZED_VIEW, Entity.MATERIALIZED_VIEW_QUALIFIED})
PLAIN_VIEW = frozenset({Entity.MATERIALIZED_VIEW})
EXTERNAL_TABLE = frozenset({Entity.EXTERNAL_TABLE})
COLUMN = frozenset({Entity.COLUMN})
GRAPH_MODEL = frozenset({Entity.GRAPH_MODEL})
WORKLOAD_GROUP = frozenset({Entity.WORKLOAD_GROUP})
DATABASE_LEVEL = frozenset({Entity.DATABASE, Entity.DATABASE_DEFAULT, Entity.DATABASE_STAR})

WRITE_VERBS = frozenset({Verb.ALTER, Verb.ALTER_MERGE})
ALTER_ONLY = frozenset({Verb.ALTER})


class PayloadShape(enum.Enum):
    """What follows `policy <kind>` in a command."""

    NONE = "none"  # .show, .delete
    JSON_OBJECT = "json-object"  # one string literal holding a JSON object
    JSON_ARRAY = "json-array"  # one string literal holding a JSON array
    STRING = "string"  # one string literal whose content the docs do not describe
    KEYWORD = "keyword"  # keyword syntax: `hot = 7d`, `softdelete = 7d`, `(C asc)`
    BARE = "bare"  # one bare word: `true`, `enable`

    @property
    def is_string(self) -> bool:
        """Whether the argument is a string literal (what Kusto's grammar calls `<string>`)."""
        return self in (PayloadShape.JSON_OBJECT, PayloadShape.JSON_ARRAY, PayloadShape.STRING)
