// Columns of a table present in both models and database: added, dropped (never
// guessed to be a rename), and altered (type by meaning, nullability, server default
// normalised, identity, comment). Each difference is one Change with its inverse.
import type { AlterColumnOperation } from "../ops/operation.js";
import type { ColumnSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { sameDefault } from "./normalize-expression.js";
import { isSerialType, normalizeType } from "./normalize-type.js";
import { identityChange, serialInvolved } from "./compare-identity.js";
import { columnSpec, tableName } from "./operation-specs.js";

function typeKey(type: string, defaultSchema: string): string {
  const t = normalizeType(type);
  return t.startsWith(`${defaultSchema}.`) ? t.slice(defaultSchema.length + 1) : t;
}

function alterations(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot, defaultSchema: string) {
  type Fields = Omit<AlterColumnOperation, "kind" | "table" | "schema" | "column">;
  const up: Record<string, unknown> = {};
  const down: Record<string, unknown> = {};
  if (typeKey(model.type, defaultSchema) !== typeKey(db.type, defaultSchema)) {
    // ALTER COLUMN … TYPE takes the integer type; the serial's sequence is compare-identity's.
    const plain = (type: string) => (isSerialType(type) ? normalizeType(type) : type);
    up.type = plain(columnSpec(model, table).type);
    down.type = plain(columnSpec(db, table).type);
  }
  if (model.nullable !== db.nullable) {
    up.nullable = model.nullable;
    down.nullable = db.nullable;
  }
  // A serial column's nextval default comes and goes with it (compare-identity).
  if (!serialInvolved(model, db, table) && model.identity === null && !sameDefault(model.default, db.default)) {
    up.default = model.default;
    down.default = db.default;
  }
  if ((model.comment ?? null) !== (db.comment ?? null)) {
    up.comment = model.comment;
    down.comment = db.comment;
  }
  return { up: up as Fields, down: down as Fields };
}

function alterOp(table: TableSnapshot, column: string, defaultSchema: string, fields: object) {
  return op({ kind: "alterColumn", ...tableName(table, defaultSchema), column, ...fields } as AlterColumnOperation);
}

export function compareColumns(model: TableSnapshot, db: TableSnapshot, defaultSchema: string): Change[] {
  const changes: Change[] = [];
  const dbColumns = new Map(db.columns.map((c) => [c.name, c]));
  const modelNames = new Set(model.columns.map((c) => c.name));
  const added = model.columns.filter((c) => !dbColumns.has(c.name));
  const dropped = db.columns.filter((c) => !modelNames.has(c.name));
  const where = tableName(model, defaultSchema);
  const label = model.schema === defaultSchema ? model.name : `${model.schema}.${model.name}`;

  for (const column of dropped) {
    const up: Step[] = [note(`Drops ${label}.${column.name} and its data.`)];
    if (added.length > 0) {
      up.push(note(`If ${column.name} was renamed, replace this drop and the add below with op.alterColumn(${JSON.stringify(label)}, ${JSON.stringify(column.name)}, { newName: … }).`));
    }
    up.push(op({ kind: "dropColumn", ...where, column: column.name }));
    changes.push({ phase: Phase.dropColumn, up, down: [op({ kind: "addColumn", ...where, column: columnSpec(column, db) })] });
  }
  for (const column of added) {
    const spec = columnSpec(column, model);
    const up: Step[] = [];
    if (!column.nullable && column.default === null && column.identity === null && !isSerialType(column.type) && column.generated === null) {
      up.push(note(`${label}.${column.name} is NOT NULL without a default: this fails if ${label} has rows. Add a default, or add it nullable, fill it, then set nullable: false.`));
    }
    up.push(op({ kind: "addColumn", ...where, column: spec }));
    changes.push({ phase: Phase.addColumn, up, down: [op({ kind: "dropColumn", ...where, column: column.name })] });
  }
  for (const column of model.columns) {
    const existing = dbColumns.get(column.name);
    if (!existing) continue;
    const { up, down } = alterations(column, existing, model, defaultSchema);
    if (Object.keys(up).length > 0) {
      changes.push({
        phase: Phase.alterColumn,
        up: [alterOp(model, column.name, defaultSchema, up)],
        down: [alterOp(model, column.name, defaultSchema, down)],
      });
    }
    const identity = identityChange(column, existing, model, defaultSchema);
    if (identity) changes.push(identity);
  }
  return changes;
}
