// What a declared model must be before anything compares it with a database: names
// PostgreSQL accepts, column names that do not collide, type parameters in range,
// defaults that are SQL or literals, references and index keys that name a column. A
// JavaScript project has no compiler to catch these, and without this they surfaced as
// a TypeError deep in autogenerate or as SQL the server refused. Every refusal is
// INVALID_MODELS naming the module, the table and the column.
import { errors } from "../error-factories.js";
import { isColumnBuilder } from "./column.js";
import type { PgEnum } from "./enum.js";
import { isIndexKey } from "./index-key.js";
import type { PgSequence } from "./sequence.js";
import { isSqlExpression } from "./sql.js";
import type { ColumnRef, TableInfo } from "./table.js";

/** PostgreSQL truncates longer names (NAMEDATALEN - 1 bytes): two would silently become one. */
const MAX_NAME_BYTES = 63;

function refuse(origin: string, what: string, problem: string, hint: string): never {
  throw errors.invalidModels(`${origin}: ${what} ${problem}`, { hint, details: { models: origin, object: what } });
}

function checkName(origin: string, what: string, name: unknown): void {
  if (typeof name !== "string" || name.length === 0) refuse(origin, what, `has no name (got ${describe(name)})`, "Give it a non-empty string name.");
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    refuse(
      origin,
      what,
      `has a name of ${Buffer.byteLength(name)} bytes; PostgreSQL keeps ${MAX_NAME_BYTES} and would cut it`,
      "Choose a name of at most 63 bytes.",
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return `${typeof value} ${String(value)}`;
}

const isColumnRef = (value: unknown): value is ColumnRef =>
  typeof value === "object" && value !== null && typeof (value as ColumnRef).name === "string" && typeof (value as ColumnRef).columnOf === "object";

// `varchar(n)`, `char(n)`: 1 … 10485760; `time(p)`, `timestamp(p)`, `timestamptz(p)`: 0 … 6.
const LENGTH_TYPES = /^(varchar|char)\((.*)\)$/;
const PRECISION_TYPES = /^(time|timestamp|timestamptz)\((.*)\)$/;

function checkType(origin: string, what: string, type: string): void {
  const length = LENGTH_TYPES.exec(type);
  if (length) {
    const n = Number(length[2]);
    if (!Number.isInteger(n) || n < 1 || n > 10_485_760)
      refuse(
        origin,
        what,
        `is ${type}: the length must be a whole number from 1 to 10485760`,
        `Write column.${length[1]}(255), or column.text() for no limit.`,
      );
  }
  const precision = PRECISION_TYPES.exec(type);
  if (precision) {
    const p = Number(precision[2]);
    if (!Number.isInteger(p) || p < 0 || p > 6)
      refuse(
        origin,
        what,
        `is ${type}: the precision must be a whole number from 0 to 6`,
        `Write column.${precision[1]}(3) for milliseconds, or leave the precision out.`,
      );
  }
}

function checkDefault(origin: string, what: string, value: unknown): void {
  if (value === undefined || value === null || isSqlExpression(value)) return;
  if (typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number" && Number.isFinite(value)) return;
  refuse(
    origin,
    what,
    `has the default ${describe(value)}, which is neither SQL nor a literal`,
    "Use a string, a finite number, a boolean, null, or sql`…` (e.g. default(sql`now()`)).",
  );
}

function checkTable(origin: string, info: TableInfo): void {
  const label = `table ${info.schema ? `${info.schema}.` : ""}${String(info.name)}`;
  checkName(origin, "a table", info.name);
  if (info.schema !== null) checkName(origin, `the schema of ${label}`, info.schema);
  const byName = new Map<string, string>();
  for (const ref of info.columns) {
    const what = `column ${ref.key} of ${label}`;
    checkName(origin, what, ref.name);
    const earlier = byName.get(ref.name);
    if (earlier !== undefined) {
      refuse(origin, what, `is named ${ref.name} in the database, as ${earlier} is`, `Rename one key, or give one .named("…") another name.`);
    }
    byName.set(ref.name, ref.key);
    checkType(origin, what, ref.state.type);
    checkDefault(origin, what, ref.state.default);
    if (ref.state.references) {
      let target: unknown;
      try {
        target = ref.state.references.target();
      } catch (error) {
        refuse(
          origin,
          what,
          `references a column that cannot be read yet: ${(error as Error).message}`,
          "Write the reference as a function of the other table: references(() => users.id).",
        );
      }
      if (!isColumnRef(target))
        refuse(origin, what, `references ${describe(target)}, not a column of a model table`, "Point it at a table's column: references(() => users.id).");
    }
  }
  const extras: unknown = info.extras;
  if (typeof extras !== "object" || extras === null || Array.isArray(extras)) {
    refuse(
      origin,
      `the third argument of ${label}`,
      `returned ${describe(extras)}`,
      "Return an object: (t) => ({ indexes: [...], uniques: [...], checks: [...] }).",
    );
  }
  const own = new Set(info.columns);
  const ownColumn = (what: string, ref: unknown) => {
    if (!isColumnRef(ref) || !own.has(ref as ColumnRef))
      refuse(
        origin,
        what,
        `lists ${describe(ref)}, not a column of ${label}`,
        "List the table's own columns, as given to the third argument: (t) => ({ … [t.email] … }).",
      );
  };
  for (const index of info.extras.indexes ?? []) {
    const what = `index ${index.state.name ?? "(unnamed)"} of ${label}`;
    if (index.state.elements.length === 0) refuse(origin, what, "has no key", 'List at least one column or expression: index("ix_users_email", [t.email]).');
    for (const element of index.state.elements) {
      const target = isIndexKey(element) ? element.state.target : element;
      if (!isSqlExpression(target)) ownColumn(what, target);
    }
    for (const ref of index.state.include) ownColumn(what, ref);
  }
  for (const unique of info.extras.uniques ?? []) {
    const what = `unique constraint ${unique.name ?? "(unnamed)"} of ${label}`;
    if (unique.columns.length === 0) refuse(origin, what, "has no columns", 'List its columns: unique("uq_users_email", [t.email]).');
    for (const ref of unique.columns) ownColumn(what, ref);
  }
  if (info.extras.primaryKey) {
    const what = `the primary key of ${label}`;
    if (info.extras.primaryKey.columns.length === 0) refuse(origin, what, "has no columns", "List its columns: primaryKey([t.a, t.b]).");
    for (const ref of info.extras.primaryKey.columns) ownColumn(what, ref);
  }
}

function checkEnum(origin: string, e: PgEnum): void {
  const label = `enum ${String(e.name)}`;
  checkName(origin, "an enum", e.name);
  if (!Array.isArray(e.values) || e.values.length === 0) refuse(origin, label, "has no values", 'List its values: pgEnum("status", ["draft", "published"]).');
  const seen = new Set<string>();
  for (const value of e.values) {
    checkName(origin, `a value of ${label}`, value);
    if (seen.has(value)) refuse(origin, label, `lists ${JSON.stringify(value)} twice`, "List each value once.");
    seen.add(value);
  }
}

function checkSequence(origin: string, s: PgSequence): void {
  const label = `sequence ${String(s.name)}`;
  checkName(origin, "a sequence", s.name);
  for (const [option, value] of Object.entries(s.options)) {
    if (option === "schema" || option === "as" || option === "cycle") continue;
    if (!Number.isSafeInteger(value))
      refuse(origin, label, `has ${option}: ${describe(value)}; it must be a whole number`, `Write e.g. sequence("${s.name}", { ${option}: 1 }).`);
  }
}

/** Throws INVALID_MODELS for the first thing PostgreSQL or autogenerate could not take. */
export function checkModels(origin: string, parts: { tables: readonly TableInfo[]; enums: readonly PgEnum[]; sequences: readonly PgSequence[] }): void {
  for (const info of parts.tables) checkTable(origin, info);
  for (const e of parts.enums) checkEnum(origin, e);
  for (const s of parts.sequences) checkSequence(origin, s);
}

/** table()'s own arguments, checked before anything is read from them. */
export function checkTableArguments(name: unknown, columns: unknown): void {
  const label = `table(${typeof name === "string" ? JSON.stringify(name) : describe(name)}, …)`;
  if (typeof columns !== "object" || columns === null || Array.isArray(columns)) {
    refuse(
      "the models",
      label,
      `was given ${describe(columns)} for its columns`,
      'Pass an object of columns: table("users", { id: column.bigint().primaryKey() }).',
    );
  }
  for (const [key, value] of Object.entries(columns)) {
    if (!isColumnBuilder(value))
      refuse("the models", `${label} column ${key}`, `is ${describe(value)}, not a column`, "Declare it with column.*: e.g. column.text().notNull().");
  }
}
