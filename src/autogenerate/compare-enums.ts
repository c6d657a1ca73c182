// Enum types: new enums are created (before the tables using them), enums no model
// declares are dropped (after the tables that used them), and new values are added
// at their place. A value removed and one added at the same place is proposed as a
// rename; any other removal or reordering (and the downgrade of an addition) makes the
// type again (recreate-enum.ts), since PostgreSQL cannot remove values in place.
import type { EnumSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { enumColumns, recreateEnum } from "./recreate-enum.js";
import { sameDefault } from "./normalize-expression.js";
import { tableName } from "./operation-specs.js";
import type { AddEnumValueOperation, AlterColumnOperation } from "../ops/operation.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { createEnumOp } from "./operation-specs.js";

const key = (e: EnumSnapshot) => `${e.schema}.${e.name}`;

/**
 * The defaults of the enum's columns set to `target`'s (undefined: as the database has
 * them, which after the upgrade means setting them back). Only those that differ.
 */
function defaultSteps(e: EnumSnapshot, tables: TablesBothSides, defaultSchema: string, target: (table: TableSnapshot, column: string) => string | null | undefined): Step[] {
  return enumColumns(e, tables.db, defaultSchema).flatMap(({ table, column }) => {
    const model = tables.modelDefault(table, column.name);
    const wanted = target(table, column.name) ?? column.default;
    const current = target === tables.modelDefault ? column.default : model ?? column.default;
    if (sameDefault(wanted, current)) return [];
    return [op({ kind: "alterColumn", ...tableName(table, defaultSchema), column: column.name, default: wanted } as AlterColumnOperation)];
  });
}

/** Pairs a removed value with an added one at the same position: a rename, proposed for review. */
function renamesOf(model: EnumSnapshot, db: EnumSnapshot): [string, string][] | null {
  if (model.values.length !== db.values.length) return null;
  const pairs: [string, string][] = [];
  for (let i = 0; i < db.values.length; i++) {
    const from = db.values[i]!;
    const to = model.values[i]!;
    if (from === to) continue;
    if (model.values.includes(from) || db.values.includes(to)) return null;
    pairs.push([from, to]);
  }
  return pairs;
}

/** True when the values change: the enum's change then sets its columns' defaults, compare-columns leaves them. */
export function ownsColumnDefaults(model: EnumSnapshot, db: EnumSnapshot): boolean {
  const removed = db.values.filter((v) => !model.values.includes(v));
  const kept = model.values.filter((v) => db.values.includes(v));
  const reordered = kept.some((v, i) => v !== db.values.filter((x) => model.values.includes(x))[i]);
  const added = model.values.length > kept.length;
  return removed.length > 0 || reordered || added;
}

function valueChanges(model: EnumSnapshot, db: EnumSnapshot, tables: TablesBothSides, defaultSchema: string): Change[] {
  const label = model.schema === defaultSchema ? model.name : key(model);
  const schema = model.schema === defaultSchema ? {} : { schema: model.schema };
  const existing = new Set(db.values);
  const removed = db.values.filter((v) => !model.values.includes(v));
  const kept = model.values.filter((v) => existing.has(v));
  const reordered = kept.some((v, i) => v !== db.values.filter((x) => model.values.includes(x))[i]);
  if (removed.length === 0 && !reordered && kept.length === model.values.length) return [];
  const renames = removed.length > 0 ? renamesOf(model, db) : null;
  if (renames) {
    const rename = (from: string, to: string): Step => op({ kind: "renameEnumValue", name: model.name, ...schema, from, to });
    return [
      {
        phase: Phase.enumValues,
        up: [
          note(`review: enum ${label}: ${renames.map(([f, t]) => `'${f}' → '${t}'`).join(", ")} is taken as a rename (a value removed and one added at the same place); if it is not, write the removal and the addition instead.`),
          ...renames.map(([f, t]) => rename(f, t)),
          ...defaultSteps(db, tables, defaultSchema, tables.modelDefault),
        ],
        down: [...renames.map(([f, t]) => rename(t, f)), ...defaultSteps(db, tables, defaultSchema, () => undefined)],
      },
    ];
  }
  if (removed.length > 0 || reordered) {
    return [{ phase: Phase.enumValues, up: recreateEnum(db, model.values, tables.db, defaultSchema, tables.modelDefault), down: recreateEnum(db, db.values, tables.db, defaultSchema) }];
  }
  const up: Step[] = [];
  model.values.forEach((value, i) => {
    if (existing.has(value)) return;
    // Anchor on the next value that already exists, so the new one lands in its place.
    const next = model.values.slice(i + 1).find((v) => existing.has(v));
    const position = next !== undefined ? { before: next } : {};
    up.push(op({ kind: "addEnumValue", name: model.name, ...schema, value, ...position } as AddEnumValueOperation));
    existing.add(value);
  });
  // PostgreSQL cannot remove a value: the downgrade makes the type again without them.
  // The columns' defaults come back as the database has them now (compare-columns leaves them).
  return [{ phase: Phase.enumValues, up: [...up, ...defaultSteps(db, tables, defaultSchema, tables.modelDefault)], down: recreateEnum(db, db.values, tables.db, defaultSchema) }];
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
