// Keys, constraints and indexes of a table present in both models and database,
// matched by name. A changed one is dropped and created again (Postgres cannot alter
// them in place); expressions compare through normalize-expression so the catalog's
// rendering of an unchanged check or predicate does not count as a change.
import type {
  CheckSnapshot,
  ForeignKeySnapshot,
  IndexKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from "../dialect/postgres/introspect-types.js";
import { type Change, Phase, op } from "./change.js";
import { type ExpressionVerdicts, noVerdicts } from "./canonical-expressions.js";
import { mentionsColumn } from "./compare-generated.js";
import { sameExpression } from "./normalize-expression.js";
import { createCheckOp, createForeignKeyOp, createIndexOp, createPrimaryKeyOp, createUniqueOp, dropConstraintOp, dropIndexOp } from "./operation-specs.js";

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const samePrimaryKey = (a: PrimaryKeySnapshot, b: PrimaryKeySnapshot) => a.name === b.name && sameList(a.columns, b.columns);
const sameUnique = (a: UniqueSnapshot, b: UniqueSnapshot) => sameList(a.columns, b.columns);
const sameForeignKey = (a: ForeignKeySnapshot, b: ForeignKeySnapshot) =>
  sameList(a.columns, b.columns) &&
  a.referencedSchema === b.referencedSchema &&
  a.referencedTable === b.referencedTable &&
  sameList(a.referencedColumns, b.referencedColumns) &&
  a.onDelete === b.onDelete &&
  a.onUpdate === b.onUpdate &&
  a.deferrable === b.deferrable &&
  a.initiallyDeferred === b.initiallyDeferred;
const sameKey = (a: IndexKeySnapshot, b: IndexKeySnapshot | undefined) =>
  b !== undefined &&
  sameExpression(a.expression, b.expression) &&
  a.descending === b.descending &&
  a.nullsFirst === b.nullsFirst &&
  a.opclass === b.opclass &&
  a.collation === b.collation;
const sameIndexText = (a: IndexSnapshot, b: IndexSnapshot) =>
  a.unique === b.unique &&
  a.method === b.method &&
  a.elements.length === b.elements.length &&
  a.elements.every((e, i) => sameKey(e, b.elements[i])) &&
  sameList(a.include, b.include) &&
  sameExpression(a.where, b.where);

/** Whether an object uses one of the columns being rebuilt: it goes with the column and must be created again. */
const usesAny = (rebuilt: ReadonlySet<string>, columns: readonly string[], texts: readonly (string | null)[]) =>
  [...rebuilt].some((c) => columns.includes(c) || texts.some((t) => mentionsColumn(t, c)));

interface Kind<T extends { name: string }> {
  model: readonly T[];
  db: readonly T[];
  same: (a: T, b: T) => boolean;
  create: (x: T, table: TableSnapshot) => Change["up"][number];
  drop: (x: T, table: TableSnapshot) => Change["up"][number];
  dropPhase: Phase;
  createPhase: Phase;
}

function compareKind<T extends { name: string }>(k: Kind<T>, model: TableSnapshot, db: TableSnapshot): Change[] {
  const changes: Change[] = [];
  const modelByName = new Map(k.model.map((x) => [x.name, x]));
  const dbByName = new Map(k.db.map((x) => [x.name, x]));
  for (const existing of k.db) {
    const wanted = modelByName.get(existing.name);
    if (wanted && k.same(wanted, existing)) continue;
    // Dropped (or changed): drop it early, re-create the old one late in the downgrade.
    changes.push({ phase: k.dropPhase, up: [k.drop(existing, db)], down: [k.create(existing, db)] });
  }
  for (const wanted of k.model) {
    const existing = dbByName.get(wanted.name);
    if (existing && k.same(wanted, existing)) continue;
    changes.push({ phase: k.createPhase, up: [k.create(wanted, model)], down: [k.drop(wanted, model)] });
  }
  return changes;
}

/**
 * `verdicts`: PostgreSQL's reading of check and index expressions (canonical-expressions);
 * `rebuilt`: generated columns dropped and added again, taking what uses them along.
 */
export function compareConstraints(
  model: TableSnapshot,
  db: TableSnapshot,
  defaultSchema: string,
  verdicts: ExpressionVerdicts = noVerdicts,
  rebuilt: ReadonlySet<string> = new Set(),
): Change[] {
  const dropConstraint = (x: { name: string }, t: TableSnapshot) => op(dropConstraintOp(x.name, t, defaultSchema));
  const untouched = (columns: readonly string[], texts: readonly (string | null)[]) => rebuilt.size === 0 || !usesAny(rebuilt, columns, texts);
  const samePrimaryKeyKept = (a: PrimaryKeySnapshot, b: PrimaryKeySnapshot) => samePrimaryKey(a, b) && untouched(b.columns, []);
  const sameUniqueKept = (a: UniqueSnapshot, b: UniqueSnapshot) => sameUnique(a, b) && untouched(b.columns, []);
  const sameForeignKeyKept = (a: ForeignKeySnapshot, b: ForeignKeySnapshot) => sameForeignKey(a, b) && untouched(b.columns, []);
  const sameCheck = (a: CheckSnapshot, b: CheckSnapshot) =>
    (verdicts.of("check", model, a.name) ?? sameExpression(a.expression, b.expression)) && untouched([], [b.expression]);
  const sameIndex = (a: IndexSnapshot, b: IndexSnapshot) =>
    (verdicts.of("index", model, a.name) ?? sameIndexText(a, b)) && untouched(b.include, [...b.elements.map((e) => e.expression), b.where]);
  return [
    ...compareKind<PrimaryKeySnapshot>(
      {
        model: model.primaryKey ? [model.primaryKey] : [],
        db: db.primaryKey ? [db.primaryKey] : [],
        same: samePrimaryKeyKept,
        create: (x, t) => op(createPrimaryKeyOp(x, t, defaultSchema)),
        drop: dropConstraint,
        dropPhase: Phase.dropConstraint,
        createPhase: Phase.createConstraint,
      },
      model,
      db,
    ),
    ...compareKind<UniqueSnapshot>(
      {
        model: model.uniques,
        db: db.uniques,
        same: sameUniqueKept,
        create: (x, t) => op(createUniqueOp(x, t, defaultSchema)),
        drop: dropConstraint,
        dropPhase: Phase.dropConstraint,
        createPhase: Phase.createConstraint,
      },
      model,
      db,
    ),
    ...compareKind<CheckSnapshot>(
      {
        model: model.checks,
        db: db.checks,
        same: sameCheck,
        create: (x, t) => op(createCheckOp(x, t, defaultSchema)),
        drop: dropConstraint,
        dropPhase: Phase.dropConstraint,
        createPhase: Phase.createConstraint,
      },
      model,
      db,
    ),
    ...compareKind<IndexSnapshot>(
      {
        model: model.indexes,
        db: db.indexes,
        same: sameIndex,
        create: (x, t) => op(createIndexOp(x, t, defaultSchema)),
        drop: (x, t) => op(dropIndexOp(x, t, defaultSchema)),
        dropPhase: Phase.dropConstraint,
        createPhase: Phase.createConstraint,
      },
      model,
      db,
    ),
    ...compareKind<ForeignKeySnapshot>(
      {
        model: model.foreignKeys,
        db: db.foreignKeys,
        same: sameForeignKeyKept,
        create: (x, t) => op(createForeignKeyOp(x, t, defaultSchema)),
        drop: dropConstraint,
        dropPhase: Phase.dropForeignKey,
        createPhase: Phase.createForeignKey,
      },
      model,
      db,
    ),
  ];
}
