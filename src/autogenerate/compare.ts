// Models vs database: every difference as a Change (operations plus their inverse),
// ordered so the upgrade runs and the downgrade undoes it. Renames are never guessed:
// a table or column that disappears is dropped, with a comment warning of data loss.
import type { SchemaSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { type Change, Phase, type Step, note, op, orderChanges } from "./change.js";
import { type ExpressionVerdicts, noVerdicts } from "./canonical-expressions.js";
import type { CastLookup } from "./compare-casts.js";
import { commitUsedEnumValues } from "./commit-enum-values.js";
import { compareColumns } from "./compare-columns.js";
import { compareGenerated } from "./compare-generated.js";
import { compareConstraints } from "./compare-constraints.js";
import { compareEnums, ownsColumnDefaults } from "./compare-enums.js";
import { compareSequences } from "./compare-sequences.js";
import { enumRenames } from "./rename-enum.js";
import { enumColumns } from "./recreate-enum.js";
import { createForeignKeyOp, createIndexOp, createTableOp, dropConstraintOp, tableName } from "./operation-specs.js";

const key = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

function label(t: TableSnapshot, defaultSchema: string): string {
  return t.schema === defaultSchema ? t.name : key(t);
}

/** A new table: created with the foreign keys to tables that already exist; the others come after every table. */
function addedTable(table: TableSnapshot, isNew: (k: string) => boolean, defaultSchema: string): Change[] {
  const deferred = (fk: TableSnapshot["foreignKeys"][number]) => {
    const target = `${fk.referencedSchema}.${fk.referencedTable}`;
    return target !== key(table) && isNew(target);
  };
  const where = tableName(table, defaultSchema);
  const up: Step[] = [
    op(createTableOp(table, defaultSchema, (fk) => !deferred(fk))),
    ...table.indexes.map((ix) => op(createIndexOp(ix, table, defaultSchema))),
  ];
  return [
    { phase: Phase.createTable, up, down: [op({ kind: "dropTable", ...where })] },
    ...table.foreignKeys.filter(deferred).map((fk) => ({
      phase: Phase.createForeignKey,
      up: [op(createForeignKeyOp(fk, table, defaultSchema))],
      down: [op(dropConstraintOp(fk.name, table, defaultSchema))],
    })),
  ];
}

/** A table no model declares: dropped; the downgrade re-creates it as the database has it now. */
function droppedTable(table: TableSnapshot, isDropped: (k: string) => boolean, addedNames: readonly string[], defaultSchema: string): Change[] {
  const amongDropped = (fk: TableSnapshot["foreignKeys"][number]) => {
    const target = `${fk.referencedSchema}.${fk.referencedTable}`;
    return target !== key(table) && isDropped(target);
  };
  const name = label(table, defaultSchema);
  const up: Step[] = [note(`Drops table ${name} and all its rows.`)];
  if (addedNames.length > 0) {
    up.push(note(`If ${name} was renamed to ${addedNames.join(" or ")}, replace the drop and create with op.renameTable(…).`));
  }
  up.push(op({ kind: "dropTable", ...tableName(table, defaultSchema) }));
  return [
    {
      phase: Phase.dropTable,
      up,
      down: [op(createTableOp(table, defaultSchema, (fk) => !amongDropped(fk))), ...table.indexes.map((ix) => op(createIndexOp(ix, table, defaultSchema)))],
    },
    // Foreign keys between dropped tables go first, so the tables drop in any order.
    ...table.foreignKeys.filter(amongDropped).map((fk) => ({
      phase: Phase.dropForeignKey,
      up: [op(dropConstraintOp(fk.name, table, defaultSchema))],
      down: [op(createForeignKeyOp(fk, table, defaultSchema))],
    })),
  ];
}

function tableComment(model: TableSnapshot, db: TableSnapshot, defaultSchema: string): Change[] {
  if (model.comment === db.comment) return [];
  const where = tableName(model, defaultSchema);
  const set = (comment: string | null): Step =>
    comment === null ? op({ kind: "dropTableComment", ...where }) : op({ kind: "createTableComment", ...where, comment });
  return [{ phase: Phase.tableComment, up: [set(model.comment)], down: [set(db.comment)] }];
}

/** New tables ordered so each comes after the new tables it references (stable; cycles keep model order). */
function referencedFirst(tables: readonly TableSnapshot[], newKeys: ReadonlySet<string>): TableSnapshot[] {
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const order: TableSnapshot[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: TableSnapshot) => {
    const k = key(t);
    if (state.has(k)) return;
    state.set(k, "visiting");
    for (const fk of t.foreignKeys) {
      const target = byKey.get(`${fk.referencedSchema}.${fk.referencedTable}`);
      if (target && newKeys.has(key(target)) && !state.has(key(target))) visit(target);
    }
    state.set(k, "done");
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

export interface Comparison {
  readonly changes: readonly Change[];
  readonly upgrade: Step[];
  readonly downgrade: Step[];
}

/** What PostgreSQL was asked before the comparison, so the comparison itself stays pure. */
export interface DatabaseReadings {
  /** PostgreSQL's readings of the models' expressions (judgeExpressions); without them expressions compare by normalised text. */
  readonly verdicts?: ExpressionVerdicts;
  /** Which type changes have an assignment cast (readCasts); without it only same-type changes skip USING. */
  readonly casts?: CastLookup;
}

/** Compares the models with the database; `defaultSchema` is the one operations leave unnamed. */
export function compareSchemas(model: SchemaSnapshot, database: SchemaSnapshot, defaultSchema = "public", readings: DatabaseReadings = {}): Comparison {
  const verdicts = readings.verdicts ?? noVerdicts;
  const renamed = enumRenames(model, database, defaultSchema);
  const db = renamed.db;
  const changes: Change[] = [...renamed.changes];
  for (const schema of model.schemas) {
    if (db.schemas.includes(schema)) continue;
    changes.push({
      phase: Phase.createSchema,
      up: [op({ kind: "createSchema", schema })],
      down: [op({ kind: "dropSchema", schema })],
    });
  }
  const modelTables0 = new Map(model.tables.map((t) => [key(t), t]));
  const modelDefault = (t: TableSnapshot, column: string) => {
    const c = modelTables0.get(key(t))?.columns.find((x) => x.name === column);
    return c === undefined ? undefined : c.default;
  };
  changes.push(...compareEnums(model.enums, db.enums, defaultSchema, { db: db.tables, modelDefault }));
  // Columns of an enum whose values change get their defaults from that change (set after it).
  const dbEnums = new Map(db.enums.map((e) => [key(e), e]));
  const ownedDefaults = new Set(
    model.enums.flatMap((e) => {
      const existing = dbEnums.get(key(e));
      return existing && ownsColumnDefaults(e, existing)
        ? enumColumns(existing, db.tables, defaultSchema).map(({ table, column }) => `${key(table)}.${column.name}`)
        : [];
    }),
  );

  changes.push(...compareSequences(model.sequences ?? [], db.sequences ?? [], defaultSchema));

  const dbTables = new Map(db.tables.map((t) => [key(t), t]));
  const modelTables = new Map(model.tables.map((t) => [key(t), t]));
  const added = model.tables.filter((t) => !dbTables.has(key(t)));
  const dropped = db.tables.filter((t) => !modelTables.has(key(t)));
  const addedKeys = new Set(added.map(key));
  const droppedKeys = new Set(dropped.map(key));

  for (const table of dropped) {
    const sameSchemaAdds = added.filter((t) => t.schema === table.schema).map((t) => label(t, defaultSchema));
    changes.push(...droppedTable(table, (k) => droppedKeys.has(k), sameSchemaAdds, defaultSchema));
  }
  // Referenced tables first, so most foreign keys are written inline; only those
  // pointing at a table created later (a cycle) are added once every table exists.
  const created = new Set<string>();
  for (const table of referencedFirst(added, addedKeys)) {
    created.add(key(table));
    changes.push(...addedTable(table, (k) => addedKeys.has(k) && !created.has(k), defaultSchema));
  }
  for (const table of model.tables) {
    const existing = dbTables.get(key(table));
    if (!existing) continue;
    const generated = compareGenerated(table, existing, defaultSchema, verdicts);
    changes.push(
      ...generated.changes,
      ...compareColumns(table, existing, defaultSchema, {
        verdicts,
        rebuilt: generated.rebuilt,
        casts: readings.casts,
        defaultElsewhere: (column) => ownedDefaults.has(`${key(table)}.${column}`),
      }),
      ...compareConstraints(table, existing, defaultSchema, verdicts, generated.rebuilt),
      ...tableComment(table, existing, defaultSchema),
    );
  }
  const { up, down } = orderChanges(changes);
  return { changes, upgrade: commitUsedEnumValues(up), downgrade: commitUsedEnumValues(down) };
}
