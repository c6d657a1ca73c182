// Expressions compared the way PostgreSQL understands them. The catalog prints what it
// stored (`(price >= 1::numeric AND price <= 9::numeric)` for `price BETWEEN 1 AND 9`),
// which no text normalisation can match in general, and normalising loosely also makes
// different expressions look equal (`a AND b OR c` vs `a AND (b OR c)`). So the models'
// defaults, generation expressions, checks, index predicates and indexes are rendered by
// the server itself on throwaway tables (src/dialect/postgres/canonical-forms.ts) and
// compared with the database's text exactly. Only pairs whose text differs are rendered;
// model tables whose columns agree share one throwaway table and identical expressions
// are rendered once, so the cost stays small however many tables are compared.
import { type ThrowawayIndex, type ThrowawayTable, canonicalForms } from "../dialect/postgres/canonical-forms.js";
import type { IndexKeySnapshot, IndexSnapshot, QueryFunction, SchemaSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { unquoteIdentifier } from "../dialect/postgres/quote.js";
import { isSerialType, normalizeType } from "./normalize-type.js";
import { indexElement } from "./operation-specs.js";

export type ExpressionKind = "default" | "generated" | "check" | "index";

/** PostgreSQL's verdict on each rendered pair: same or not; undefined when it was not rendered. */
export class ExpressionVerdicts {
  readonly #verdicts = new Map<string, boolean>();
  static key(kind: ExpressionKind, table: { schema: string; name: string }, name: string): string {
    return `${kind}\u0000${table.schema}\u0000${table.name}\u0000${name}`;
  }
  set(key: string, same: boolean): void {
    this.#verdicts.set(key, same);
  }
  of(kind: ExpressionKind, table: { schema: string; name: string }, name: string): boolean | undefined {
    return this.#verdicts.get(ExpressionVerdicts.key(kind, table, name));
  }
  get size(): number {
    return this.#verdicts.size;
  }
}

/** No verdicts: everything is compared by normalised text. */
export const noVerdicts = new ExpressionVerdicts();

/** How a rendered form is judged against the database once it comes back. */
type Judge = { key: string; item: string; kind: "expression"; db: string } | { key: string; item: string; kind: "index"; db: IndexSnapshot };

/** A throwaway table being filled: columns by name (one type each), objects deduplicated by text. */
interface Bin {
  columns: Map<string, string>;
  width: number;
  table: {
    defaults: ThrowawayTable["defaults"][number][];
    generated: ThrowawayTable["generated"][number][];
    checks: ThrowawayTable["checks"][number][];
    indexes: ThrowawayIndex[];
  };
  seen: Map<string, string>;
}

// PostgreSQL allows 1,600 columns a table; stay well below.
const maxWidth = 1200;

/** serial is integer plus a sequence: the throwaway column needs only the type. */
function plainType(type: string): string {
  const t = normalizeType(type);
  if (!isSerialType(type)) return type;
  return t.startsWith("bigserial") || t === "serial8" ? "bigint" : t.startsWith("smallserial") || t === "serial2" ? "smallint" : "integer";
}

function sameKeyText(a: IndexKeySnapshot, b: IndexKeySnapshot | undefined): boolean {
  return (
    b !== undefined &&
    unquoteIdentifier(a.expression) === unquoteIdentifier(b.expression) &&
    a.descending === b.descending &&
    a.nullsFirst === b.nullsFirst &&
    a.opclass === b.opclass &&
    a.collation === b.collation
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameIndexForm(a: IndexSnapshot, b: IndexSnapshot): boolean {
  return (
    a.unique === b.unique &&
    a.method === b.method &&
    a.elements.length === b.elements.length &&
    a.elements.every((e, i) => JSON.stringify(e) === JSON.stringify(b.elements[i])) &&
    sameList(a.include, b.include) &&
    a.where === b.where
  );
}

// Different expressions to PostgreSQL, one function to a user: the SQL-standard spelling
// of now() is kept apart by the catalog (CURRENT_TIMESTAMP is its own node), not here.
const sameMeaning: [RegExp, string][] = [
  [/\bCURRENT_TIMESTAMP\b(?!\s*\()/g, "now()"],
  [/\btransaction_timestamp\(\)/g, "now()"],
];
function sameForm(a: string, b: string): boolean {
  if (a === b) return true;
  const plain = (t: string) => sameMeaning.reduce((x, [pattern, to]) => x.replace(pattern, to), t);
  return plain(a) === plain(b);
}

class Planner {
  readonly bins: Bin[] = [];
  readonly judges: Judge[] = [];
  #counter = 0;

  #binFor(model: TableSnapshot, extra: number): Bin {
    const columns = model.columns.map((c) => [c.name, plainType(c.type)] as const);
    const fits = (bin: Bin) =>
      columns.every(([name, type]) => {
        const has = bin.columns.get(name);
        return has === undefined || normalizeType(has) === normalizeType(type);
      }) && bin.width + columns.length + extra <= maxWidth;
    let bin = this.bins.find(fits);
    if (!bin) {
      bin = { columns: new Map(), width: 0, table: { defaults: [], generated: [], checks: [], indexes: [] }, seen: new Map() };
      this.bins.push(bin);
    }
    for (const [name, type] of columns) {
      if (!bin.columns.has(name)) {
        bin.columns.set(name, type);
        bin.width++;
      }
    }
    return bin;
  }

  /** The item that renders `text` in `bin`, made once. */
  #item(bin: Bin, dedupe: string, make: (name: string) => void, prefix: string): string {
    const existing = bin.seen.get(dedupe);
    if (existing !== undefined) return existing;
    const name = `athanor_${prefix}${++this.#counter}`;
    bin.seen.set(dedupe, name);
    make(name);
    return name;
  }

  addTable(model: TableSnapshot, db: TableSnapshot): void {
    const pending: ((bin: Bin) => void)[] = [];
    let width = 0;
    const dbColumns = new Map(db.columns.map((c) => [c.name, c]));
    for (const column of model.columns) {
      const existing = dbColumns.get(column.name);
      if (!existing) continue;
      const type = plainType(column.type);
      if (column.generated !== null && existing.generated !== null && column.generated !== existing.generated) {
        const [expression, dbText] = [column.generated, existing.generated];
        width++;
        pending.push((bin) => {
          const item = this.#item(bin, `g\u0000${normalizeType(type)}\u0000${expression}`, (name) => bin.table.generated.push({ name, type, expression }), "g");
          this.judges.push({ key: ExpressionVerdicts.key("generated", model, column.name), item, kind: "expression", db: dbText });
        });
      }
      const ownDefault = column.identity === null && column.generated === null && !isSerialType(column.type);
      if (ownDefault && column.default !== null && existing.default !== null && column.default !== existing.default) {
        const [expression, dbText] = [column.default, existing.default];
        width++;
        pending.push((bin) => {
          const item = this.#item(bin, `d\u0000${normalizeType(type)}\u0000${expression}`, (name) => bin.table.defaults.push({ name, type, expression }), "d");
          this.judges.push({ key: ExpressionVerdicts.key("default", model, column.name), item, kind: "expression", db: dbText });
        });
      }
    }
    const dbChecks = new Map(db.checks.map((c) => [c.name, c]));
    for (const check of model.checks) {
      const existing = dbChecks.get(check.name);
      if (!existing || existing.expression === check.expression) continue;
      pending.push((bin) => this.#check(bin, check.expression, ExpressionVerdicts.key("check", model, check.name), existing.expression));
    }
    const dbIndexes = new Map(db.indexes.map((ix) => [ix.name, ix]));
    for (const ix of model.indexes) {
      const existing = dbIndexes.get(ix.name);
      if (!existing || ix.unique !== existing.unique || ix.method !== existing.method || ix.elements.length !== existing.elements.length) continue;
      if (!sameList(ix.include, existing.include)) continue; // different whatever PostgreSQL says
      const key = ExpressionVerdicts.key("index", model, ix.name);
      if (ix.elements.every((e, i) => sameKeyText(e, existing.elements[i]))) {
        // Keys as written: only the predicate can need PostgreSQL's reading, as a check.
        if (ix.where === null || existing.where === null || ix.where === existing.where) continue;
        const [where, dbWhere] = [ix.where, existing.where];
        pending.push((bin) => this.#check(bin, where, key, dbWhere));
        continue;
      }
      pending.push((bin) => {
        const spec = { unique: ix.unique, method: ix.method, keys: ix.elements.map(indexElement), include: ix.include, where: ix.where };
        const item = this.#item(bin, `i\u0000${JSON.stringify(spec)}`, (name) => bin.table.indexes.push({ name, ...spec }), "i");
        this.judges.push({ key, item, kind: "index", db: existing });
      });
    }
    if (pending.length === 0) return;
    const bin = this.#binFor(model, width);
    bin.width += width;
    for (const add of pending) add(bin);
  }

  #check(bin: Bin, expression: string, key: string, dbText: string): void {
    const item = this.#item(bin, `c\u0000${expression}`, (name) => bin.table.checks.push({ name, expression }), "c");
    this.judges.push({ key, item, kind: "expression", db: dbText });
  }

  tables(): ThrowawayTable[] {
    return this.bins.map((b) => ({ columns: [...b.columns].map(([name, type]) => ({ name, type })), ...b.table }));
  }
}

/**
 * Asks PostgreSQL whether each model expression that differs in text from the
 * database's means the same: two queries for all of them.
 *
 * ### Examples
 *     const verdicts = await judgeExpressions(query, modelSnapshot(models), await introspect(query));
 *     verdicts.of("check", { schema: "public", name: "orders" }, "ck_total"); // true, false or undefined
 */
export async function judgeExpressions(query: QueryFunction, model: SchemaSnapshot, db: SchemaSnapshot): Promise<ExpressionVerdicts> {
  const dbTables = new Map(db.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const planner = new Planner();
  for (const table of model.tables) {
    const existing = dbTables.get(`${table.schema}.${table.name}`);
    if (existing) planner.addTable(table, existing);
  }
  const verdicts = new ExpressionVerdicts();
  if (planner.judges.length === 0) return verdicts;
  const forms = await canonicalForms(query, planner.tables());
  for (const judge of planner.judges) {
    if (judge.kind === "expression") {
      const form = forms.expressions.get(judge.item);
      if (form !== undefined) verdicts.set(judge.key, sameForm(form, judge.db));
    } else {
      const form = forms.indexes.get(judge.item);
      if (form !== undefined) verdicts.set(judge.key, sameIndexForm(form, judge.db));
    }
  }
  return verdicts;
}
