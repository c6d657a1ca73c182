// One table of the database as the table() declaration a person would write: a column
// per line with its options chained, one-column keys on the column, the rest in
// table()'s extras, names written only where they differ from PostgreSQL's defaults
// (the ones model-snapshot.ts gives an unnamed constraint), 2-space indent, trailing commas.
import type { ColumnSnapshot, ForeignKeySnapshot, IndexKeySnapshot, IndexSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import type { UnsupportedObject } from "../dialect/postgres/introspect-unsupported.js";
import { quoteIdentifier, unquoteIdentifier } from "../dialect/postgres/quote.js";
import { naming } from "../schema/naming.js";
import { formatValue } from "./format-value.js";
import { columnKey } from "./pull-names.js";
import { defaultSource, rawSql, sqlTemplate } from "./pull-expressions.js";
import { serialSource, typeSource } from "./pull-types.js";
import { serialSpelling } from "./operation-specs.js";
import { normalizeType } from "./normalize-type.js";

/** What a table's source needs to know about the rest of the models. */
export interface TableContext {
  /** The constant of a pulled table, `users` or an imported one. */
  tableConst(schema: string, name: string): string;
  /** The constant of a pulled enum named as format_type() names it. */
  enumConst(typeName: string): string | undefined;
  /** `table` or `billing.table`: how this file declares a table of `schema`. */
  tableCall(schema: string): string;
  /** A reference to `to` from `from` sits on a cycle of references: its thunk needs a return type. */
  cyclic(from: TableSnapshot, to: { schema: string; name: string }): boolean;
  /** Records a name imported from "athanor". */
  use(name: string): void;
  readonly unsupported: readonly UnsupportedObject[];
  warn(message: string): void;
}

const lowerAction = (a: string) => a.toLowerCase();

function fkOptions(fk: ForeignKeySnapshot, defaultName: string): Record<string, unknown> {
  return {
    ...(fk.onDelete === "NO ACTION" ? {} : { onDelete: lowerAction(fk.onDelete) }),
    ...(fk.onUpdate === "NO ACTION" ? {} : { onUpdate: lowerAction(fk.onUpdate) }),
    ...(fk.name === defaultName ? {} : { name: fk.name }),
    ...(fk.deferrable ? { deferrable: true } : {}),
    ...(fk.initiallyDeferred ? { initiallyDeferred: true } : {}),
  };
}

function withOptions(args: string, options: Record<string, unknown>, indent: string): string {
  return Object.keys(options).length === 0 ? args : `${args}, ${formatValue(options, indent)}`;
}

/** Each column's key in the model, and whether `.named()` must give its SQL name. */
export function columnKeys(columns: readonly string[]): Map<string, { key: string; named: boolean }> {
  const taken = new Set<string>();
  return new Map(columns.map((name) => [name, columnKey(name, taken)]));
}

class TableWriter {
  readonly keys = new Map<string, string>();
  readonly #named = new Set<string>();
  readonly #t: TableSnapshot;
  readonly #ctx: TableContext;
  readonly #label: string;
  readonly #columnsOf: (schema: string, name: string) => readonly string[];

  constructor(table: TableSnapshot, ctx: TableContext, columnsOf: (schema: string, name: string) => readonly string[]) {
    this.#t = table;
    this.#ctx = ctx;
    this.#label = `${table.schema}.${table.name}`;
    this.#columnsOf = columnsOf;
    for (const [name, { key, named }] of columnKeys(table.columns.map((c) => c.name))) {
      this.keys.set(name, key);
      if (named) this.#named.add(name);
    }
  }

  ref(column: string): string {
    return `t.${this.keys.get(column) ?? column}`;
  }

  /** `() => users.id`, typed where the reference closes a cycle (TypeScript cannot infer it then). */
  thunk(fk: ForeignKeySnapshot, many: boolean): string {
    const target = this.#ctx.tableConst(fk.referencedSchema, fk.referencedTable);
    const targetKeys = columnKeys(this.#columnsOf(fk.referencedSchema, fk.referencedTable));
    const cols = fk.referencedColumns.map((c) => `${target}.${(targetKeys.get(c) ?? columnKey(c, new Set())).key}`);
    const typed = this.#ctx.cyclic(this.#t, { schema: fk.referencedSchema, name: fk.referencedTable });
    if (typed) this.#ctx.use("type ColumnRef");
    if (many) return `()${typed ? ": ColumnRef[]" : ""} => [${cols.join(", ")}]`;
    return `()${typed ? ": ColumnRef" : ""} => ${cols[0]}`;
  }

  column(c: ColumnSnapshot, inline: { pk: boolean; unique: string | true | undefined; fk: ForeignKeySnapshot | undefined }): string {
    const ctx = this.#ctx;
    const t = this.#t;
    const key = this.keys.get(c.name)!;
    const serial = c.identity === null && c.generated === null ? serialSpelling(c, t) : null;
    const type = serial !== null ? { source: serialSource(normalizeType(c.type)), custom: false } : typeSource(c.type, (n) => ctx.enumConst(n));
    let chain = type.source;
    if (this.#named.has(c.name)) chain += `.named(${JSON.stringify(c.name)})`;
    if (inline.pk) chain += ".primaryKey()";
    if (c.identity !== null) chain += c.identity === "always" ? '.identity("always")' : ".identity()";
    const implied = inline.pk || c.identity !== null || serial !== null;
    if (!c.nullable && !implied) chain += ".notNull()";
    if (c.nullable && serial !== null) chain += ".nullable()";
    if (inline.unique !== undefined) chain += inline.unique === true ? ".unique()" : `.unique(${JSON.stringify(inline.unique)})`;
    if (c.default !== null && serial === null) {
      const value = defaultSource(c.default, c.type);
      if (value.startsWith("sql`")) ctx.use("sql");
      chain += `.default(${value})`;
    }
    if (c.generated !== null) {
      ctx.use("sql");
      chain += `.generatedAs(${rawSql(c.generated)})`;
    }
    if (inline.fk) {
      const options = fkOptions(inline.fk, naming.foreignKey(t.name, [c.name]));
      chain += `.references(${withOptions(this.thunk(inline.fk, false), options, "    ")})`;
    }
    if (c.comment !== null) chain += `.comment(${JSON.stringify(c.comment)})`;
    return [...this.#notes(c), `    ${key}: ${chain},`].join("\n");
  }

  /** `// TODO review:` lines above a column for what its model cannot say, each also a warning. */
  #notes(c: ColumnSnapshot): string[] {
    const ctx = this.#ctx;
    const lines: string[] = [];
    for (const u of ctx.unsupported) {
      if (u.kind === "type" && u.name === c.name) {
        lines.push(`    // TODO review: ${c.name} is of type ${u.detail}; pull writes column.custom(), and the type itself is not pulled`);
        ctx.warn(`${this.#label}.${c.name}: its type ${u.detail.replace(": ", " is ")}, not pulled (column.custom() in the model)`);
      } else if (u.kind === "collation" && u.name === c.name) {
        lines.push(`    // TODO review: ${c.name} has ${u.detail}, which the models cannot declare`);
        ctx.warn(`${this.#label}.${c.name}: its ${u.detail} is not pulled (the models cannot declare a column's collation)`);
      }
    }
    return lines;
  }

  indexKey(key: IndexKeySnapshot): string {
    const bare = unquoteIdentifier(key.expression);
    const asColumn = this.keys.has(bare) && quoteIdentifier(bare) === key.expression;
    let target: string;
    if (asColumn) target = this.ref(bare);
    else {
      this.#ctx.use("sql");
      target = sqlTemplate(key.expression, this.keys).source;
    }
    let out = target;
    if (key.descending) {
      this.#ctx.use("desc");
      out = `desc(${target})${key.nullsFirst ? "" : ".nullsLast()"}`;
    } else if (key.nullsFirst) {
      this.#ctx.use("asc");
      out = `asc(${target}).nullsFirst()`;
    } else if (key.opclass !== null || key.collation !== null) {
      this.#ctx.use("indexKey");
      out = `indexKey(${target})`;
    }
    if (key.collation !== null) out += `.collate(${JSON.stringify(key.collation)})`;
    if (key.opclass !== null) out += `.opclass(${JSON.stringify(key.opclass)})`;
    return out;
  }

  index(ix: IndexSnapshot): string {
    this.#ctx.use("index");
    let out = `index(${JSON.stringify(ix.name)}, [${ix.elements.map((k) => this.indexKey(k)).join(", ")}])`;
    if (ix.unique) out += ".unique()";
    if (ix.method !== "btree") out += `.using(${JSON.stringify(ix.method)})`;
    if (ix.include.length > 0) out += `.include([${ix.include.map((c) => this.ref(c)).join(", ")}])`;
    if (ix.where !== null) {
      this.#ctx.use("sql");
      out += `.where(${sqlTemplate(ix.where, this.keys).source})`;
    }
    return out;
  }
}

/** Extras entries as one list property: on one line when short, else one item per line. */
function listProperty(name: string, items: readonly string[]): string {
  const flat = `    ${name}: [${items.join(", ")}],`;
  if (flat.length <= 100 && items.length <= 1) return flat;
  return [`    ${name}: [`, ...items.map((i) => `      ${i},`), "    ],"].join("\n");
}

/** `// TODO review:` lines above a table for what its model cannot say, each also a warning. */
function tableNotes(table: TableSnapshot, ctx: TableContext): string[] {
  const label = `${table.schema}.${table.name}`;
  const todo: string[] = [];
  for (const u of ctx.unsupported) {
    if (u.table !== table.name || u.schema !== table.schema) continue;
    if (u.kind === "exclusion") {
      todo.push(`// TODO review: exclusion constraint ${u.name} is not pulled (the models cannot declare one): ${u.detail}`);
      ctx.warn(`${label}: exclusion constraint ${u.name} is not pulled (${u.detail}); add it in a revision with op.execute`);
    } else if (u.kind === "inherits") {
      todo.push(`// TODO review: ${table.name} inherits from ${u.name}; the models declare it as a plain table with the inherited columns`);
      ctx.warn(`${label}: inherits from ${u.name}, pulled as a plain table with all its columns`);
    } else if (u.kind === "partitioned") {
      todo.push(
        `// TODO review: ${table.name} is partitioned (PARTITION BY ${u.detail}); the models declare it as a plain table, its partitions are not pulled`,
      );
      ctx.warn(`${label}: partitioned by ${u.detail}, pulled as a plain table without its partitions`);
    } else if (u.kind === "constraint") {
      todo.push(`// TODO review: constraint ${u.name} is ${u.detail}, which the models cannot declare; they declare it without`);
      ctx.warn(`${label}: constraint ${u.name} is ${u.detail}; pulled without it`);
    } else if (u.kind === "trigger") {
      todo.push(`// TODO review: trigger ${u.name} is not pulled: ${u.detail}`);
      ctx.warn(`${label}: trigger ${u.name} is not pulled; create it in a revision with op.execute`);
    }
  }
  return todo;
}

/**
 * The declaration of `table` as `export const <name> = table(…);`.
 *
 * ### Examples
 *     tableSource(snapshot, "orders", ctx, (fk) => columnsOf(fk.referencedSchema, fk.referencedTable))
 */
export function tableSource(
  table: TableSnapshot,
  constName: string,
  ctx: TableContext,
  columnsOf: (schema: string, name: string) => readonly string[],
): string {
  const w = new TableWriter(table, ctx, columnsOf);
  ctx.use("column");

  const pk = table.primaryKey;
  const inlinePk = pk !== null && pk.columns.length === 1 && pk.name === naming.primaryKey(table.name) ? pk.columns[0] : undefined;
  const inlineUnique = new Map<string, string | true>();
  const extraUniques: string[] = [];
  for (const u of table.uniques) {
    const col = u.columns[0];
    if (u.columns.length === 1 && col !== undefined && !inlineUnique.has(col)) {
      inlineUnique.set(col, u.name === naming.unique(table.name, [col]) ? true : u.name);
      continue;
    }
    ctx.use("unique");
    const cols = `[${u.columns.map((c) => w.ref(c)).join(", ")}]`;
    extraUniques.push(u.name === naming.unique(table.name, u.columns) ? `unique(${cols})` : `unique(${JSON.stringify(u.name)}, ${cols})`);
  }
  const inlineFk = new Map<string, ForeignKeySnapshot>();
  const extraFks: string[] = [];
  for (const fk of table.foreignKeys) {
    const col = fk.columns[0];
    if (fk.columns.length === 1 && col !== undefined && !inlineFk.has(col)) {
      inlineFk.set(col, fk);
      continue;
    }
    ctx.use("foreignKey");
    const options = fkOptions(fk, naming.foreignKey(table.name, fk.columns));
    const args = `[${fk.columns.map((c) => w.ref(c)).join(", ")}], ${w.thunk(fk, true)}`;
    const flat = `foreignKey(${withOptions(args, options, "      ")})`;
    // Too long for one line: the options object opens on it and holds one option per line, as prettier would.
    const entries = Object.entries(options).map(([k, v]) => `        ${k}: ${formatValue(v)},`);
    extraFks.push(flat.length + 7 <= 100 || entries.length === 0 ? flat : [`foreignKey(${args}, {`, ...entries, "      })"].join("\n"));
  }

  const columnLines = table.columns.map((c) => w.column(c, { pk: c.name === inlinePk, unique: inlineUnique.get(c.name), fk: inlineFk.get(c.name) }));

  const extras: string[] = [];
  if (pk !== null && inlinePk === undefined) {
    ctx.use("primaryKey");
    const cols = `[${pk.columns.map((c) => w.ref(c)).join(", ")}]`;
    extras.push(`    primaryKey: primaryKey(${cols}${pk.name === naming.primaryKey(table.name) ? "" : `, ${JSON.stringify(pk.name)}`}),`);
  }
  if (extraUniques.length > 0) extras.push(listProperty("uniques", extraUniques));
  if (extraFks.length > 0) extras.push(listProperty("foreignKeys", extraFks));
  if (table.checks.length > 0) {
    ctx.use("check");
    ctx.use("sql");
    const checks = table.checks.map((c) => {
      const expr = sqlTemplate(c.expression, w.keys);
      return c.name === naming.check(table.name, expr.columns) ? `check(${expr.source})` : `check(${JSON.stringify(c.name)}, ${expr.source})`;
    });
    extras.push(listProperty("checks", checks));
  }
  if (table.indexes.length > 0)
    extras.push(
      listProperty(
        "indexes",
        table.indexes.map((ix) => w.index(ix)),
      ),
    );
  if (table.comment !== null) extras.push(`    comment: ${JSON.stringify(table.comment)},`);

  const todo = tableNotes(table, ctx);

  const call = ctx.tableCall(table.schema);
  const name = JSON.stringify(table.name);
  // Column lines come indented for the broken-up form; the short form sits two spaces left.
  const source =
    extras.length === 0
      ? [`export const ${constName} = ${call}(${name}, {`, ...columnLines.map((l) => l.replace(/^ {2}/gm, "")), "});"].join("\n")
      : [`export const ${constName} = ${call}(`, `  ${name},`, "  {", ...columnLines, "  },", "  (t) => ({", ...extras, "  }),", ");"].join("\n");
  return [...todo, source].join("\n");
}
