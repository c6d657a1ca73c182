// Columns of a table present in both models and database: added, dropped (never
// guessed to be a rename), and altered (type by meaning, nullability, server default
// normalised, identity, comment). Each difference is one Change with its inverse.
import type { AlterColumnOperation } from "../ops/operation.js";
import type { ColumnSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { type Change, Phase, type Step, note, op } from "./change.js";
import { type ExpressionVerdicts, noVerdicts } from "./canonical-expressions.js";
import { sameDefault } from "./normalize-expression.js";
import { isSerialType, sameType } from "./normalize-type.js";
import type { TypePair } from "../dialect/postgres/assignment-casts.js";
import { type CastLookup, assignmentOnly, reviewNote, typeChange, usingClause } from "./compare-casts.js";
import { identityChange, serialInvolved, sourceChanges } from "./compare-identity.js";
import { ownedSequenceChange } from "./compare-owned-sequence.js";
import { columnSpec, tableName } from "./operation-specs.js";

function alterations(model: ColumnSnapshot, db: ColumnSnapshot, table: TableSnapshot, defaultSchema: string, context: ColumnContext) {
  type Fields = Omit<AlterColumnOperation, "kind" | "table" | "schema" | "column">;
  const up: Record<string, unknown> = {};
  const down: Record<string, unknown> = {};
  const types = typeChange(model, db, table, defaultSchema);
  if (types) {
    up.type = types.up.to;
    down.type = types.down.to;
  }
  if (model.nullable !== db.nullable) {
    up.nullable = model.nullable;
    down.nullable = db.nullable;
  }
  // A serial column's nextval default comes and goes with it, and a default set or dropped as
  // a column leaves or becomes an identity is ordered around it (compare-identity).
  const moved = context.defaultElsewhere?.(model.name) === true || serialInvolved(model, db, table) || sourceChanges(model, db, table);
  // PostgreSQL's own reading of the model's default when it was asked (canonical-expressions).
  const sameServerDefault = (context.verdicts ?? noVerdicts).of("default", table, model.name) ?? sameDefault(model.default, db.default);
  if (!moved && model.identity === null && !sameServerDefault) {
    up.default = model.default;
    down.default = db.default;
  }
  if ((model.comment ?? null) !== (db.comment ?? null)) {
    up.comment = model.comment;
    down.comment = db.comment;
  }
  return { up: up as Fields, down: down as Fields, types };
}

type Fields = Omit<AlterColumnOperation, "kind" | "table" | "schema" | "column">;

/**
 * One direction of an alteration. A type change without an assignment cast gets USING
 * and a review note; on a type change the column's default is dropped before it
 * (PostgreSQL would have to convert it, and cannot without a cast) and the target's
 * default set again after the new type.
 */
function alterSteps(
  fields: Fields,
  pair: TypePair | undefined,
  casts: CastLookup,
  w: { table: TableSnapshot; column: string; defaultSchema: string; label: string; fromDefault: string | null; toDefault: string | null },
): Step[] {
  const using = pair && fields.type !== undefined ? usingClause(casts(pair), w.column, fields.type) : undefined;
  const steps: Step[] = [];
  let converted: Fields = using === undefined ? fields : { ...fields, using };
  if (pair && using !== undefined) steps.push(note(reviewNote(`${w.label}.${w.column}`, pair, using)));
  // Converted by PostgreSQL the default would read `(1)::text`: set the target's own instead.
  if (fields.type !== undefined && w.fromDefault !== null) {
    steps.push(alterOp(w.table, w.column, w.defaultSchema, { default: null }));
    const { default: _dropped, ...rest } = converted;
    converted = w.toDefault === null ? rest : { ...rest, default: w.toDefault };
  }
  steps.push(alterOp(w.table, w.column, w.defaultSchema, converted));
  return steps;
}

function alterOp(table: TableSnapshot, column: string, defaultSchema: string, fields: object) {
  return op({ kind: "alterColumn", ...tableName(table, defaultSchema), column, ...fields } as AlterColumnOperation);
}

/** What the rest of the comparison knows about a table's columns. */
export interface ColumnContext {
  /** PostgreSQL's readings of the models' expressions (judgeExpressions). */
  readonly verdicts?: ExpressionVerdicts;
  /** Generated columns compare-generated drops and adds again; nothing else is altered on them. */
  readonly rebuilt?: ReadonlySet<string>;
  /** Which type changes have an assignment cast (pg_cast), so USING is written only when needed. */
  readonly casts?: CastLookup;
  /** Columns whose default another change sets (an enum whose values change). */
  readonly defaultElsewhere?: (column: string) => boolean;
}

export function compareColumns(model: TableSnapshot, db: TableSnapshot, defaultSchema: string, context: ColumnContext = {}): Change[] {
  const changes: Change[] = [];
  const dbColumns = new Map(db.columns.map((c) => [c.name, c]));
  const modelNames = new Set(model.columns.map((c) => c.name));
  const added = model.columns.filter((c) => !dbColumns.has(c.name));
  const dropped = db.columns.filter((c) => !modelNames.has(c.name));
  const where = tableName(model, defaultSchema);
  const label = model.schema === defaultSchema ? model.name : `${model.schema}.${model.name}`;

  for (const column of dropped) {
    const up: Step[] = [note(`Drops ${label}.${column.name} and its data.`)];
    // A rename looks like a drop and an add (Alembic writes the same); one of the same type is the likely one.
    const sameTyped = added.filter((c) => sameType(c.type, column.type));
    if (sameTyped.length > 0) {
      const names = sameTyped.map((c) => c.name);
      up.push(
        note(
          `review: ${label}.${column.name} is dropped and ${names.join(" or ")} added with the same type (${column.type}): if it was renamed, ` +
            `replace this drop and the add below with op.alterColumn(${JSON.stringify(label)}, ${JSON.stringify(column.name)}, { newName: ${JSON.stringify(names[0])} }), or its data is lost.`,
        ),
      );
    } else if (added.length > 0) {
      up.push(
        note(
          `If ${column.name} was renamed, replace this drop and the add below with op.alterColumn(${JSON.stringify(label)}, ${JSON.stringify(column.name)}, { newName: … }).`,
        ),
      );
    }
    up.push(op({ kind: "dropColumn", ...where, column: column.name }));
    changes.push({ phase: Phase.dropColumn, up, down: [op({ kind: "addColumn", ...where, column: columnSpec(column, db) })] });
  }
  for (const column of added) {
    const spec = columnSpec(column, model);
    const up: Step[] = [];
    if (!column.nullable && column.default === null && column.identity === null && !isSerialType(column.type) && column.generated === null) {
      up.push(
        note(
          `${label}.${column.name} is NOT NULL without a default: this fails if ${label} has rows. Add a default, or add it nullable, fill it, then set nullable: false.`,
        ),
      );
    }
    up.push(op({ kind: "addColumn", ...where, column: spec }));
    changes.push({ phase: Phase.addColumn, up, down: [op({ kind: "dropColumn", ...where, column: column.name })] });
  }
  for (const column of model.columns) {
    const existing = dbColumns.get(column.name);
    if (!existing || context.rebuilt?.has(column.name)) continue;
    const { up, down, types } = alterations(column, existing, model, defaultSchema, context);
    if (Object.keys(up).length > 0) {
      const w = { table: model, column: column.name, defaultSchema, label };
      // A serial's nextval default stays through a type change: it is not the column's own.
      const serial = serialInvolved(column, existing, model);
      changes.push({
        phase: Phase.alterColumn,
        up: alterSteps(up, types?.up, context.casts ?? assignmentOnly, { ...w, fromDefault: serial ? null : existing.default, toDefault: column.default }),
        down: alterSteps(down, types?.down, context.casts ?? assignmentOnly, {
          ...w,
          fromDefault: serial ? null : column.default,
          toDefault: existing.default,
        }),
      });
    }
    const identity = identityChange(column, existing, model, defaultSchema);
    if (identity) changes.push(identity);
    const sequence = identity ? null : ownedSequenceChange(column, existing, types !== null, defaultSchema);
    if (sequence) changes.push(sequence);
  }
  return changes;
}
