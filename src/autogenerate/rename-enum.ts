// An enum the models no longer declare and a new one with the same values in the same
// schema are taken as a type rename (ALTER TYPE … RENAME TO): the columns keep their
// rows and no conversion runs. A heuristic, so the revision proposes it for review.
import type { EnumSnapshot, SchemaSnapshot } from "../dialect/postgres/introspect-types.js";
import { qualifiedName, quoteIdentifier } from "../dialect/postgres/quote.js";
import { type Change, Phase, note, op } from "./change.js";
import { enumColumns } from "./recreate-enum.js";

const key = (e: EnumSnapshot) => `${e.schema}.${e.name}`;
const sameValues = (a: EnumSnapshot, b: EnumSnapshot) => a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

/** The renames, and the database snapshot as it is once they ran (so the rest compares as equal). */
export function enumRenames(model: SchemaSnapshot, db: SchemaSnapshot, defaultSchema: string): { changes: Change[]; db: SchemaSnapshot } {
  const modelKeys = new Set(model.enums.map(key));
  const dbKeys = new Set(db.enums.map(key));
  const gone = db.enums.filter((e) => !modelKeys.has(key(e)));
  const changes: Change[] = [];
  let enums = [...db.enums];
  let tables = [...db.tables];
  for (const wanted of model.enums.filter((e) => !dbKeys.has(key(e)))) {
    const old = gone.find((e) => e.schema === wanted.schema && sameValues(e, wanted));
    if (!old) continue;
    gone.splice(gone.indexOf(old), 1);
    const schema = old.schema === defaultSchema ? undefined : old.schema;
    const rename = (from: string, to: string) => op({ kind: "execute", sql: `ALTER TYPE ${qualifiedName(from, schema)} RENAME TO ${quoteIdentifier(to)}` });
    changes.push({
      phase: Phase.enumValues,
      up: [
        note(
          `review: enum ${old.name} is taken as renamed to ${wanted.name} (same values, and no model declares ${old.name}); if it is not, drop one and create the other instead.`,
        ),
        rename(old.name, wanted.name),
      ],
      down: [rename(wanted.name, old.name)],
    });
    const newType = qualifiedName(wanted.name, schema);
    const columns = new Set(enumColumns(old, tables, defaultSchema).map((c) => c.column));
    tables = tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (columns.has(c) ? { ...c, type: c.type.endsWith("[]") ? `${newType}[]` : newType } : c)),
    }));
    enums = enums.map((e) => (e === old ? { ...e, name: wanted.name } : e));
  }
  return { changes, db: { ...db, enums, tables } };
}
