// Applies the `include` rules to the model and database snapshots before they are
// compared: what a rule leaves out disappears from both sides, so it is neither
// created, altered nor dropped. A table, enum or standalone sequence only the database
// has is dropped only when a rule covers it (a `tables` pattern, or `object` answering
// true) or the caller asks for it (--drop-unmodelled); otherwise it is set aside as
// unmodelled, for `check` and `generate` to report.
import type { EnumSnapshot, SchemaSnapshot, SequenceSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { errors } from "../error-factories.js";
import { type IncludeObject, type IncludeRules, type NamePatterns, compilePatterns, matchesAny } from "./include-rules.js";

/** A table, enum or sequence the database has and no model declares, left in place. */
export interface UnmodelledObject {
  readonly kind: "table" | "enum" | "sequence";
  readonly schema: string;
  readonly name: string;
}

export interface FilteredSnapshots {
  readonly model: SchemaSnapshot;
  readonly database: SchemaSnapshot;
  readonly unmodelled: readonly UnmodelledObject[];
  /** Tables a rule left out of the comparison, as `schema.name`. */
  readonly leftOut: readonly string[];
}

type Verdict = "leave out" | "compare" | "default";

const key = (o: { schema: string; name: string }) => `${o.schema}.${o.name}`;

class Judge {
  readonly #rules: IncludeRules;
  readonly #tables: NamePatterns;
  constructor(rules: IncludeRules) {
    this.#rules = rules;
    this.#tables = compilePatterns(rules.tables);
  }

  get asksObjects(): boolean {
    return this.#rules.object !== undefined;
  }

  verdict(object: IncludeObject): Verdict {
    const isTable = object.kind === "table";
    if (isTable && matchesAny(this.#tables.exclude, object.schema, object.name)) return "leave out";
    const answer = this.#ask(object);
    if (answer === false) return "leave out";
    if (answer === true) return "compare";
    if (isTable && matchesAny(this.#tables.include, object.schema, object.name)) return "compare";
    return "default";
  }

  #ask(object: IncludeObject): boolean | undefined {
    const fn = this.#rules.object;
    if (!fn) return undefined;
    let answer: unknown;
    try {
      answer = fn(object);
    } catch (cause) {
      const where = object.table ? `${object.schema}.${object.table}.${object.name}` : key(object);
      throw errors.configInvalid(`include.object threw for ${object.kind} ${where}: ${(cause as Error).message}`, {
        hint: "Fix the include.object function in athanor.config.ts; it must return true, false or nothing for every object.",
        cause,
      });
    }
    return answer === true ? true : answer === false ? false : undefined;
  }
}

/** Keeps the items both sides agree to compare: `judge` is asked once per name, knowing which sides have it. */
function pairFilter<T extends { name: string }>(
  model: readonly T[],
  db: readonly T[],
  keep: (name: string, inModels: boolean, inDatabase: boolean) => boolean,
): [T[], T[]] {
  const inModels = new Set(model.map((x) => x.name));
  const inDatabase = new Set(db.map((x) => x.name));
  const kept = new Map<string, boolean>();
  const decide = (name: string) => {
    let k = kept.get(name);
    if (k === undefined) kept.set(name, (k = keep(name, inModels.has(name), inDatabase.has(name))));
    return k;
  };
  return [model.filter((x) => decide(x.name)), db.filter((x) => decide(x.name))];
}

/** Columns, keys, constraints and indexes of a table both sides have, as the `object` function allows. */
function filterParts(judge: Judge, model: TableSnapshot, db: TableSnapshot): [TableSnapshot, TableSnapshot] {
  const ask = (kind: IncludeObject["kind"]) => (name: string, inModels: boolean, inDatabase: boolean) =>
    judge.verdict({ kind, schema: model.schema, name, table: model.name, inModels, inDatabase }) !== "leave out";
  const [mc, dc] = pairFilter(model.columns, db.columns, ask("column"));
  const [mp, dp] = pairFilter(model.primaryKey ? [model.primaryKey] : [], db.primaryKey ? [db.primaryKey] : [], ask("primaryKey"));
  const [mu, du] = pairFilter(model.uniques, db.uniques, ask("unique"));
  const [mf, df] = pairFilter(model.foreignKeys, db.foreignKeys, ask("foreignKey"));
  const [mk, dk] = pairFilter(model.checks, db.checks, ask("check"));
  const [mi, di] = pairFilter(model.indexes, db.indexes, ask("index"));
  return [
    { ...model, columns: mc, primaryKey: mp[0] ?? null, uniques: mu, foreignKeys: mf, checks: mk, indexes: mi },
    { ...db, columns: dc, primaryKey: dp[0] ?? null, uniques: du, foreignKeys: df, checks: dk, indexes: di },
  ];
}

/** Tables, enums or sequences of both sides: left out, compared, or (only in the database, by default) set aside. */
function filterTopLevel<T extends TableSnapshot | EnumSnapshot | SequenceSnapshot>(
  kind: UnmodelledObject["kind"],
  model: readonly T[],
  db: readonly T[],
  judge: Judge,
  dropUnmodelled: boolean,
  unmodelled: UnmodelledObject[],
  leftOut: string[],
): [T[], T[]] {
  const modelKeys = new Set(model.map(key));
  const dbKeys = new Set(db.map(key));
  const keptModel = model.filter((t) => {
    const keep = judge.verdict({ kind, schema: t.schema, name: t.name, inModels: true, inDatabase: dbKeys.has(key(t)) }) !== "leave out";
    if (!keep && kind === "table") leftOut.push(key(t));
    return keep;
  });
  const keptModelKeys = new Set(keptModel.map(key));
  const keptDb = db.filter((t) => {
    if (modelKeys.has(key(t))) return keptModelKeys.has(key(t));
    const verdict = judge.verdict({ kind, schema: t.schema, name: t.name, inModels: false, inDatabase: true });
    if (verdict === "leave out") {
      if (kind === "table") leftOut.push(key(t));
      return false;
    }
    if (verdict === "default" && !dropUnmodelled) {
      unmodelled.push({ kind, schema: t.schema, name: t.name });
      return false;
    }
    return true;
  });
  return [keptModel, keptDb];
}

/**
 * The snapshots as the rules let them be compared.
 *
 * ### Examples
 *     const { model, database, unmodelled } = applyInclude(modelSnap, dbSnap, { tables: ["!tmp_*"] }, false);
 */
export function applyInclude(model: SchemaSnapshot, db: SchemaSnapshot, rules: IncludeRules = {}, dropUnmodelled = false): FilteredSnapshots {
  const judge = new Judge(rules);
  const unmodelled: UnmodelledObject[] = [];
  const leftOut: string[] = [];
  let [modelTables, dbTables] = filterTopLevel("table", model.tables, db.tables, judge, dropUnmodelled, unmodelled, leftOut);
  const [modelEnums, dbEnums] = filterTopLevel("enum", model.enums, db.enums, judge, dropUnmodelled, unmodelled, leftOut);
  // A hand-made sequence (used by a trigger, say) must not disappear because no model declares it.
  const [modelSequences, dbSequences] = filterTopLevel("sequence", model.sequences ?? [], db.sequences ?? [], judge, dropUnmodelled, unmodelled, leftOut);
  if (judge.asksObjects) {
    const dbByKey = new Map(dbTables.map((t) => [key(t), t]));
    const replaced = new Map<string, TableSnapshot>();
    modelTables = modelTables.map((t) => {
      const existing = dbByKey.get(key(t));
      if (!existing) return t;
      const [m, d] = filterParts(judge, t, existing);
      replaced.set(key(t), d);
      return m;
    });
    dbTables = dbTables.map((t) => replaced.get(key(t)) ?? t);
  }
  return {
    model: { ...model, tables: modelTables, enums: modelEnums, sequences: modelSequences },
    database: { ...db, tables: dbTables, enums: dbEnums, sequences: dbSequences },
    unmodelled,
    leftOut,
  };
}
