// Turns one SQL statement into the lint's neutral form, from its code tokens: what it
// creates, drops, renames or alters, on which table. Only the statements the rules are
// about are read closely; everything else is `other`, marked by whether it takes a
// lock the application would wait on.
import { isTransactionalStatement } from "../dialect/postgres/transactional.js";
import type { ConstraintType, LintShape as Shape, LintStatement, TableName } from "./lint-statement.js";
import { joinTokens, sqlTokens, type SqlToken } from "./sql-tokens.js";
import { splitTopLevel, TokenCursor } from "./token-cursor.js";

type Where = { readonly line: number; readonly statement: number; readonly autocommit?: true };

/**
 * The schema changes of one statement (several for an ALTER TABLE with several actions).
 *
 * ### Examples
 * ```ts
 * classifySql("CREATE INDEX ix ON users (email)", { line: 4, statement: 0 });
 * // [{ kind: "createIndex", table: { name: "users" }, name: "ix", concurrently: false, line: 4, statement: 0 }]
 * ```
 */
export function classifySql(sql: string, where: Where): LintStatement[] {
  // Data statements (every INSERT of a large data revision) are told by their first
  // word: no token list for them.
  const lead = sqlTokens(sql, 1)[0];
  if (lead !== undefined && DATA_WORDS.has(lead.text) && !(lead.text === "select" && sql.includes("set_config"))) {
    return [
      {
        kind: "other",
        locks: false,
        line: where.line + countNewlines(sql, lead.start),
        statement: where.statement,
        ...(where.autocommit ? { autocommit: true as const } : {}),
      },
    ];
  }
  const tokens = sqlTokens(sql);
  const first = tokens[0];
  if (first === undefined) return [];
  const placed = {
    line: where.line + countNewlines(sql, first.start),
    statement: where.statement,
    ...(isTransactionalStatement(sql) ? {} : { refusesTransaction: true as const }),
    ...(where.autocommit ? { autocommit: true as const } : {}),
  };
  return shapes(new TokenCursor(tokens)).map((shape) => ({ ...shape, ...placed }) as LintStatement);
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

const DATA_WORDS = new Set([
  "insert",
  "update",
  "delete",
  "select",
  "copy",
  "values",
  "with",
  "merge",
  "call",
  "notify",
  "analyze",
  "grant",
  "revoke",
  "comment",
]);

const other = (locks: boolean, table?: TableName): Shape => ({ kind: "other", locks, ...(table ? { table } : {}) });

function shapes(c: TokenCursor): Shape[] {
  if (c.accept("create")) return create(c);
  if (c.accept("alter", "table")) return alterTable(c);
  if (c.accept("drop", "table")) return dropTable(c);
  if (c.accept("drop", "index")) return dropIndex(c);
  if (c.isWord("set") || c.isWord("reset")) return [setting(c)];
  if (c.isWord("select") && setsLockTimeoutByFunction(c.tokens)) return [{ kind: "setLockTimeout" }];
  if (c.acceptOne("truncate", "lock", "cluster")) return [other(true)];
  if (c.isWord("vacuum")) return [other(c.tokens.some((t) => t.kind === "word" && t.text === "full"))];
  if (c.isWord("reindex") || c.accept("refresh", "materialized", "view")) return [other(!c.tokens.some((t) => t.kind === "word" && t.text === "concurrently"))];
  if (c.accept("alter")) return [other(["index", "view", "materialized"].some((w) => c.isWord(w)))];
  if (c.accept("drop")) return [other(["view", "materialized", "trigger", "policy", "rule"].some((w) => c.isWord(w)))];
  return [other(false)];
}

/** SET [SESSION | LOCAL] lock_timeout …; other settings are session-only and harmless. */
function setting(c: TokenCursor): Shape {
  c.acceptOne("set", "reset");
  c.acceptOne("session", "local");
  return c.isWord("lock_timeout") && c.tokens[0]?.text === "set" ? { kind: "setLockTimeout" } : { kind: "other", locks: false, session: true };
}

/** SELECT set_config('lock_timeout', …). */
function setsLockTimeoutByFunction(tokens: readonly SqlToken[]): boolean {
  return tokens.some((t, i) => t.text === "set_config" && tokens[i + 1]?.text === "(" && tokens[i + 2]?.text === "'lock_timeout'");
}

function create(c: TokenCursor): Shape[] {
  c.accept("or", "replace");
  c.accept("unique");
  if (c.accept("index")) return [createIndex(c)];
  c.acceptOne("global", "local");
  c.acceptOne("temp", "temporary", "unlogged");
  if (c.accept("table")) {
    c.accept("if", "not", "exists");
    const table = c.tableName();
    return table ? [{ kind: "createTable", table }] : [other(false)];
  }
  // CREATE TRIGGER/POLICY/RULE … ON table: a lock on that table.
  if (c.acceptOne("trigger", "policy", "rule", "constraint")) {
    c.until((cursor) => cursor.isWord("on"));
    c.accept("on");
    const table = c.tableName();
    return [other(true, table)];
  }
  return [other(false)];
}

function createIndex(c: TokenCursor): Shape {
  const concurrently = c.accept("concurrently");
  c.accept("if", "not", "exists");
  const name = c.isWord("on") ? undefined : c.name();
  c.accept("on");
  c.accept("only");
  const table = c.tableName();
  if (table === undefined) return other(!concurrently);
  return { kind: "createIndex", table, concurrently, ...(name === undefined ? {} : { name }) };
}

function dropIndex(c: TokenCursor): Shape[] {
  const concurrently = c.accept("concurrently");
  c.accept("if", "exists");
  const names = splitTopLevel(c.until((cursor) => cursor.isWord("cascade") || cursor.isWord("restrict")));
  return names.flatMap((part) => {
    const index = new TokenCursor(part).tableName();
    return index ? [{ kind: "dropIndex", name: index.name, concurrently, ...(index.schema === undefined ? {} : { schema: index.schema }) } as Shape] : [];
  });
}

function dropTable(c: TokenCursor): Shape[] {
  c.accept("if", "exists");
  const names = splitTopLevel(c.until((cursor) => cursor.isWord("cascade") || cursor.isWord("restrict")));
  return names.flatMap((part) => {
    const table = new TokenCursor(part).tableName();
    return table ? [{ kind: "dropTable", table } as Shape] : [];
  });
}

function alterTable(c: TokenCursor): Shape[] {
  c.accept("if", "exists");
  c.accept("only");
  const table = c.tableName();
  if (table === undefined) return [other(true)];
  if (c.peek()?.text === "*") c.pos += 1;
  const actions = splitTopLevel(c.tokens.slice(c.pos));
  return actions.map((action) => alterAction(new TokenCursor(action), table));
}

function alterAction(c: TokenCursor, table: TableName): Shape {
  if (c.accept("add")) {
    return ["constraint", "foreign", "check", "unique", "primary", "exclude"].some((w) => c.isWord(w)) ? addConstraint(c, table) : addColumn(c, table);
  }
  if (c.accept("alter")) return alterColumn(c, table);
  if (c.accept("drop")) {
    if (c.isWord("constraint")) return other(true, table);
    c.accept("column");
    c.accept("if", "exists");
    const column = c.name();
    return column === undefined ? other(true, table) : { kind: "dropColumn", table, column };
  }
  if (c.accept("rename")) {
    if (c.accept("to")) {
      const newName = c.name();
      return newName === undefined ? other(true, table) : { kind: "renameTable", table, newName };
    }
    if (c.isWord("constraint")) return other(true, table);
    c.accept("column");
    const column = c.name();
    c.accept("to");
    const newName = c.name();
    return column === undefined || newName === undefined ? other(true, table) : { kind: "renameColumn", table, column, newName };
  }
  if (c.accept("validate", "constraint")) {
    const name = c.name();
    return name === undefined ? other(true, table) : { kind: "validateConstraint", table, name };
  }
  return other(true, table);
}

const COLUMN_CONSTRAINT_WORDS = ["default", "not", "null", "constraint", "references", "check", "unique", "primary", "generated", "collate"];

function addColumn(c: TokenCursor, table: TableName): Shape {
  c.accept("column");
  c.accept("if", "not", "exists");
  const column = c.name();
  if (column === undefined) return other(true, table);
  const isConstraintWord = (cursor: TokenCursor) => COLUMN_CONSTRAINT_WORDS.some((w) => cursor.isWord(w));
  const type = joinTokens(c.until(isConstraintWord));
  let defaultExpression: string | undefined;
  let identity = false;
  let stored = false;
  let notNull = false;
  while (!c.done) {
    if (c.accept("default")) defaultExpression = joinTokens(c.until(isConstraintWord));
    else if (c.accept("not", "null") || c.accept("primary", "key")) notNull = true;
    else if (c.accept("generated")) {
      const rest = c.until((cursor) => cursor.isWord("identity") || cursor.isWord("stored"));
      if (c.accept("identity")) identity = true;
      else if (c.accept("stored")) stored = true;
      else if (rest.length === 0) c.pos += 1;
    } else c.pos += 1;
  }
  return {
    kind: "addColumn",
    table,
    column,
    type,
    ...(defaultExpression === undefined ? {} : { default: defaultExpression }),
    ...(identity ? { identity } : {}),
    ...(stored ? { stored } : {}),
    ...(notNull ? { notNull } : {}),
  };
}

const CONSTRAINT_TYPES: Record<string, ConstraintType> = { foreign: "foreignKey", check: "check", unique: "unique", primary: "primaryKey", exclude: "exclude" };

function addConstraint(c: TokenCursor, table: TableName): Shape {
  const name = c.accept("constraint") ? c.name() : undefined;
  const word = c.peek()?.text ?? "";
  const constraint = CONSTRAINT_TYPES[word];
  if (constraint === undefined) return other(true, table);
  c.pos += 1;
  const words = c.tokens.slice(c.pos);
  const has = (...seq: string[]) => words.some((_, i) => seq.every((w, k) => words[i + k]?.kind === "word" && words[i + k]?.text === w));
  // `UNIQUE USING INDEX ix` / `PRIMARY KEY USING INDEX ix` adopt an index; `UNIQUE (a) USING INDEX TABLESPACE t` builds one.
  c.accept("key");
  c.accept("nulls", "not", "distinct") || c.accept("nulls", "distinct");
  const usingIndex = c.isWord("using") && c.isWord("index", 1);
  const check = constraint === "check" ? c.skipGroup() : [];
  const notNullColumn = constraint === "check" ? provenNotNull(check) : undefined;
  return {
    kind: "addConstraint",
    table,
    constraint,
    notValid: has("not", "valid"),
    usingIndex,
    ...(name === undefined ? {} : { name }),
    ...(notNullColumn === undefined ? {} : { notNullColumn }),
  };
}

/** `col IS NOT NULL` (any parentheses around it): the column; anything else: undefined. */
export function provenNotNull(expression: readonly SqlToken[]): string | undefined {
  let tokens = expression;
  while (tokens[0]?.text === "(" && tokens[tokens.length - 1]?.text === ")") tokens = tokens.slice(1, -1);
  const [column, is, not, nul] = tokens;
  if (tokens.length !== 4 || column === undefined || (column.kind !== "word" && column.kind !== "ident")) return undefined;
  return is?.text === "is" && not?.text === "not" && nul?.text === "null" ? column.text : undefined;
}

function alterColumn(c: TokenCursor, table: TableName): Shape {
  c.accept("column");
  const column = c.name();
  if (column === undefined) return other(true, table);
  if (c.accept("type") || c.accept("set", "data", "type")) {
    const type = joinTokens(c.until((cursor) => cursor.isWord("using") || cursor.isWord("collate")));
    return { kind: "alterColumnType", table, column, type, using: c.tokens.some((t) => t.kind === "word" && t.text === "using") };
  }
  if (c.accept("set", "not", "null")) return { kind: "setNotNull", table, column };
  return other(true, table);
}
