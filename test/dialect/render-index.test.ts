// Golden SQL for createIndex and dropIndex: unique, expressions, partial, INCLUDE,
// access method, sort options, CONCURRENTLY (non-transactional), IF [NOT] EXISTS.
import { goldenSuite } from "./golden.js";

goldenSuite(
  "index operations",
  ["CREATE SCHEMA app", "CREATE TABLE app.users (id integer PRIMARY KEY, email text, name text, tags text[], active boolean)"],
  [
    {
      name: "createIndex on one column",
      op: { kind: "createIndex", name: "ix_users_name", schema: "app", table: "users", columns: [{ column: "name" }] },
      sql: "CREATE INDEX ix_users_name ON app.users (name)",
    },
    {
      name: "createIndex unique and partial with INCLUDE",
      op: {
        kind: "createIndex",
        name: "ux_users_email",
        schema: "app",
        table: "users",
        unique: true,
        columns: [{ column: "email" }],
        include: ["name"],
        where: "active",
      },
      sql: "CREATE UNIQUE INDEX ux_users_email ON app.users (email) INCLUDE (name) WHERE active",
    },
    {
      name: "createIndex on an expression with sort order, nulls, collation and opclass",
      op: {
        kind: "createIndex",
        name: "ix_users_lower_email",
        schema: "app",
        table: "users",
        columns: [
          { expression: "lower(email)", order: "DESC", nulls: "LAST" },
          { column: "name", collation: "C", opclass: "text_pattern_ops" },
        ],
      },
      sql: 'CREATE INDEX ix_users_lower_email ON app.users ((lower(email)) DESC NULLS LAST, name COLLATE "C" text_pattern_ops)',
    },
    {
      name: "createIndex with a descending column, nulls first on an ascending one, several INCLUDE columns",
      op: {
        kind: "createIndex",
        name: "ix_users_active_name",
        schema: "app",
        table: "users",
        columns: [
          { column: "active", order: "DESC" },
          { column: "name", nulls: "FIRST" },
          { column: "email", order: "DESC", nulls: "LAST" },
        ],
        include: ["id", "tags"],
      },
      sql: "CREATE INDEX ix_users_active_name ON app.users (active DESC, name NULLS FIRST, email DESC NULLS LAST) INCLUDE (id, tags)",
    },
    {
      name: "createIndex with a schema-qualified collation as introspection gives it",
      op: { kind: "createIndex", name: "ix_users_name_c", schema: "app", table: "users", columns: [{ column: "name", collation: '"pg_catalog"."C"' }] },
      sql: 'CREATE INDEX ix_users_name_c ON app.users (name COLLATE "pg_catalog"."C")',
    },
    {
      name: "createIndex with a gin operator class",
      op: { kind: "createIndex", name: "ix_users_tags_ops", schema: "app", table: "users", method: "gin", columns: [{ column: "tags", opclass: "array_ops" }] },
      sql: "CREATE INDEX ix_users_tags_ops ON app.users USING gin (tags array_ops)",
    },
    {
      name: "createIndex with a method and ifNotExists",
      op: { kind: "createIndex", name: "ix_users_tags", schema: "app", table: "users", method: "gin", columns: [{ column: "tags" }], ifNotExists: true },
      sql: "CREATE INDEX IF NOT EXISTS ix_users_tags ON app.users USING gin (tags)",
    },
    {
      name: "createIndex unique NULLS NOT DISTINCT",
      op: { kind: "createIndex", name: "ux_users_name", schema: "app", table: "users", unique: true, nullsNotDistinct: true, columns: [{ column: "name" }] },
      sql: "CREATE UNIQUE INDEX ux_users_name ON app.users (name) NULLS NOT DISTINCT",
    },
    {
      name: "createIndex concurrently is not transactional",
      op: { kind: "createIndex", name: "Ix Users Active", schema: "app", table: "users", columns: [{ column: "active" }], concurrently: true },
      sql: 'CREATE INDEX CONCURRENTLY "Ix Users Active" ON app.users (active)',
      transactional: [false],
    },
    {
      name: "dropIndex concurrently ifExists is not transactional",
      op: { kind: "dropIndex", name: "Ix Users Active", schema: "app", concurrently: true, ifExists: true },
      sql: 'DROP INDEX CONCURRENTLY IF EXISTS app."Ix Users Active"',
      transactional: [false],
    },
    {
      name: "dropIndex with cascade",
      op: { kind: "dropIndex", name: "ix_users_tags", schema: "app", cascade: true },
      sql: "DROP INDEX app.ix_users_tags CASCADE",
    },
    {
      name: "dropIndex plain",
      op: { kind: "dropIndex", name: "ix_users_name", schema: "app" },
      sql: "DROP INDEX app.ix_users_name",
    },
  ],
);
