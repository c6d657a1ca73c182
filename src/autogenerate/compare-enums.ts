// Enum types: new enums are created (before the tables using them), enums no model
// declares are dropped (after the tables that used them), and new values are added
// at their place. Values removed and as many added at the same place are proposed as
// renames (RENAME VALUE, then the additions); any other removal or reordering (and the
// downgrade of an addition) makes the type again (recreate-enum.ts), since PostgreSQL
// cannot remove values in place.
import type { EnumSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { enumColumns, recreateEnum } from "./recreate-enum.js";
import { sameDefault } from "./normalize-expression.js";
import { tableName } from "./operation-specs.js";
import type { AddEnumValueOperation, AlterColumnOperation } from "../ops/operation.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { createEnumOp } from "./operation-specs.js";

const key = (e: EnumSnapshot) => `${e.schema}.${e.name}`;

/** A default `'from'` (with or without its cast) as it reads once RENAME VALUE ran: the label follows the rename. */
function renamedDefault(text: string | null, renames: readonly (readonly [string, string])[]): string | null {
  const match = text === null ? null : /^'((?:[^']|'')*)'(::.+)?$/s.exec(text);
  const pair = match ? renames.find(([from]) => from === match[1]!.replaceAll("''", "'")) : undefined;
  return pair && match ? `'${pair[1].replaceAll("'", "''")}'${match[2] ?? ""}` : text;
}

/**
 * The defaults of the enum's columns set to `target`'s (undefined: as the database has
 * them, which after the upgrade means setting them back), once `renames` ran. Only those that differ.
 */
function defaultSteps(
  e: EnumSnapshot,
  tables: TablesBothSides,
  defaultSchema: string,
  target: (table: TableSnapshot, column: string) => string | null | undefined,
  renames: readonly (readonly [string, string])[] = [],
): Step[] {
  return enumColumns(e, tables.db, defaultSchema).flatMap(({ table, column }) => {
    const model = tables.modelDefault(table, column.name);
    const given = target(table, column.name);
    const wanted = given === undefined ? column.default : given;
    const current = renamedDefault(target === tables.modelDefault || model === undefined ? column.default : model, renames);
    if (sameDefault(wanted, current)) return [];
    return [op({ kind: "alterColumn", ...tableName(table, defaultSchema), column: column.name, default: wanted } as AlterColumnOperation)];
  });
}

/** What PostgreSQL can do in place to turn the database's values into the models'. */
interface InPlace {
  /** Values removed and added at the same place, taken as renames: [from, to]. */
  readonly renames: [string, string][];
  /** New values, in the models' order. */
  readonly additions: string[];
}

/**
 * The renames and additions that make `db`'s values `model`'s, or null when only making
 * the type again can (a value removed, values reordered). The values both sides have
 * must keep their order; between two of them (or before the first, after the last), as
 * many values removed as added are renames by position, and values only added are
 * additions. Any other mix is a removal.
 */
function inPlace(model: readonly string[], db: readonly string[]): InPlace | null {
  const kept = model.filter((v) => db.includes(v));
  const keptInDb = db.filter((v) => model.includes(v));
  if (kept.some((v, i) => v !== keptInDb[i])) return null;
  const gaps = (values: readonly string[]) => {
    const out: string[][] = [[]];
    for (const v of values) {
      if (kept.includes(v)) out.push([]);
      else out[out.length - 1]!.push(v);
    }
    return out;
  };
  const removedGaps = gaps(db);
  const addedGaps = gaps(model);
  const renames: [string, string][] = [];
  const additions: string[] = [];
  for (let i = 0; i < addedGaps.length; i++) {
    const removed = removedGaps[i]!;
    const added = addedGaps[i]!;
    if (removed.length === 0) additions.push(...added);
    else if (removed.length === added.length) {
      for (const [k, from] of removed.entries()) renames.push([from, added[k]!]);
    } else return null;
  }
  return { renames, additions };
}

/** True when the values change: the enum's change then sets its columns' defaults, compare-columns leaves them. */
export function ownsColumnDefaults(model: EnumSnapshot, db: EnumSnapshot): boolean {
  return model.values.length !== db.values.length || model.values.some((v, i) => v !== db.values[i]);
}

/** ADD VALUE for each addition, anchored on the next value the type already has, so it lands in its place. */
function addValueSteps(
  type: { name: string; schema?: string },
  values: readonly string[],
  existingValues: readonly string[],
  additions: readonly string[],
): Step[] {
  const existing = new Set(existingValues);
  return values.flatMap((value, i) => {
    if (!additions.includes(value)) return [];
    const next = values.slice(i + 1).find((v) => existing.has(v));
    return [op({ kind: "addEnumValue", ...type, value, ...(next !== undefined ? { before: next } : {}) } as AddEnumValueOperation)];
  });
}

function valueChanges(model: EnumSnapshot, db: EnumSnapshot, tables: TablesBothSides, defaultSchema: string): Change[] {
  if (!ownsColumnDefaults(model, db)) return [];
  const label = model.schema === defaultSchema ? model.name : key(model);
  const schema = model.schema === defaultSchema ? {} : { schema: model.schema };
  const plan = inPlace(model.values, db.values);
  if (plan === null) {
    return [
      {
        phase: Phase.enumValues,
        up: recreateEnum(db, model.values, tables.db, defaultSchema, { target: tables.modelDefault }),
        // During the downgrade the columns have the models' defaults (those not modelled: the database's).
        down: recreateEnum(db, db.values, tables.db, defaultSchema, { current: tables.modelDefault }),
      },
    ];
  }
  const rename = (from: string, to: string): Step => op({ kind: "renameEnumValue", name: model.name, ...schema, from, to });
  const renamed = db.values.map((v) => plan.renames.find(([from]) => from === v)?.[1] ?? v);
  const up: Step[] = [];
  if (plan.renames.length > 0) {
    up.push(
      note(
        `review: enum ${label}: ${plan.renames.map(([f, t]) => `'${f}' → '${t}'`).join(", ")} is taken as a rename (a value removed and one added at the same place); if it is not, write the removal and the addition instead.`,
      ),
      ...plan.renames.map(([f, t]) => rename(f, t)),
    );
  }
  // The additions after the renames, anchored on values the type has by then.
  up.push(...addValueSteps({ name: model.name, ...schema }, model.values, renamed, plan.additions));
  up.push(...defaultSteps(db, tables, defaultSchema, tables.modelDefault, plan.renames));
  const renameBack = [...plan.renames].reverse().map(([f, t]) => rename(t, f));
  // PostgreSQL cannot remove a value: the downgrade renames back, then makes the type again without the new ones.
  const down =
    plan.additions.length > 0
      ? [...renameBack, ...recreateEnum(db, db.values, tables.db, defaultSchema, { current: tables.modelDefault })]
      : [
          ...renameBack,
          ...defaultSteps(
            db,
            tables,
            defaultSchema,
            () => undefined,
            plan.renames.map(([f, t]) => [t, f] as const),
          ),
        ];
  return [{ phase: Phase.enumValues, up, down }];
}

/** The database's tables, and the default the models give one of their columns (undefined: not modelled). */
export interface TablesBothSides {
  readonly db: readonly TableSnapshot[];
  readonly modelDefault: (table: TableSnapshot, column: string) => string | null | undefined;
}

export function compareEnums(
  model: readonly EnumSnapshot[],
  db: readonly EnumSnapshot[],
  defaultSchema: string,
  tables: TablesBothSides = { db: [], modelDefault: () => undefined },
): Change[] {
  const dbByKey = new Map(db.map((e) => [key(e), e]));
  const modelKeys = new Set(model.map(key));
  const changes: Change[] = [];
  for (const e of model) {
    const existing = dbByKey.get(key(e));
    if (!existing) {
      const create = createEnumOp(e, defaultSchema);
      changes.push({
        phase: Phase.enumValues,
        up: [op(create)],
        down: [op({ kind: "dropEnum", name: create.name, ...(create.schema ? { schema: create.schema } : {}) })],
      });
    } else {
      changes.push(...valueChanges(e, existing, tables, defaultSchema));
    }
  }
  for (const e of db) {
    if (modelKeys.has(key(e))) continue;
    const create = createEnumOp(e, defaultSchema);
    changes.push({
      phase: Phase.dropEnum,
      up: [op({ kind: "dropEnum", name: create.name, ...(create.schema ? { schema: create.schema } : {}) })],
      down: [op(create)],
    });
  }
  return changes;
}
