// Enum types: new enums are created (before the tables using them), enums no model
// declares are dropped (after the tables that used them), and new values are added
// at their place. Postgres cannot remove or reorder enum values, so such a difference
// becomes a comment in the revision instead of a guess.
import type { EnumSnapshot } from "../dialect/postgres/introspect-types.js";
import type { AddEnumValueOperation } from "../ops/operation.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { createEnumOp } from "./operation-specs.js";

const key = (e: EnumSnapshot) => `${e.schema}.${e.name}`;

function valueChanges(model: EnumSnapshot, db: EnumSnapshot, defaultSchema: string): Change[] {
  const label = model.schema === defaultSchema ? model.name : key(model);
  const schema = model.schema === defaultSchema ? {} : { schema: model.schema };
  const existing = new Set(db.values);
  const removed = db.values.filter((v) => !model.values.includes(v));
  const kept = model.values.filter((v) => existing.has(v));
  const reordered = kept.some((v, i) => v !== db.values.filter((x) => model.values.includes(x))[i]);
  const changes: Change[] = [];
  if (removed.length > 0 || reordered) {
    const what = removed.length > 0 ? `removes ${removed.map((v) => `'${v}'`).join(", ")}` : "reorders values";
    changes.push({
      phase: Phase.enumValues,
      up: [note(`Enum ${label}: the model ${what}; Postgres cannot do that in place. Create a new type, convert the columns, drop the old type — by hand.`)],
      down: [],
    });
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
  if (up.length > 0) {
    changes.push({
      phase: Phase.enumValues,
      up,
      down: [note(`Enum ${label}: Postgres cannot remove the values added above; they stay.`)],
    });
  }
  return changes;
}

export function compareEnums(model: readonly EnumSnapshot[], db: readonly EnumSnapshot[], defaultSchema: string): Change[] {
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
      changes.push(...valueChanges(e, existing, defaultSchema));
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
