// Table-level constraints and indexes, declared in table()'s third argument:
// `(t) => ({ indexes: [index("ix_users_email", [t.email]).unique()], checks: [...] })`.
// Names are optional; naming.ts gives the Postgres default for an unnamed one.
import { errors } from "../error-factories.js";
import type { ReferentialAction } from "./column.js";
import type { IndexKey } from "./index-key.js";
import type { ColumnRef } from "./table.js";
import type { SqlExpression } from "./sql.js";

export interface PrimaryKeyDef {
  readonly kind: "primaryKey";
  readonly columns: readonly ColumnRef[];
  readonly name?: string;
}

export interface UniqueDef {
  readonly kind: "unique";
  readonly columns: readonly ColumnRef[];
  readonly name?: string;
}

export interface CheckDef {
  readonly kind: "check";
  readonly expression: SqlExpression;
  readonly name?: string;
}

export interface ForeignKeyDef {
  readonly kind: "foreignKey";
  readonly columns: readonly ColumnRef[];
  readonly references: () => readonly ColumnRef[];
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

export interface IndexState {
  readonly name?: string;
  /** Columns, expressions (`sql\`lower(${t.email})\``), or keys with options (`desc(t.createdAt)`). */
  readonly elements: readonly IndexElementDef[];
  /** Columns stored in the index but not part of its key: `INCLUDE (…)`. */
  readonly include: readonly ColumnRef[];
  readonly unique: boolean;
  /** A partial index's predicate. */
  readonly where?: SqlExpression;
  /** Access method: btree (default), gin, gist, hash, brin… */
  readonly using: string;
}

/** An index under construction; each method returns a new one. */
export class IndexBuilder {
  readonly kind = "index";
  readonly state: IndexState;
  constructor(state: IndexState) {
    this.state = state;
  }
  unique(): IndexBuilder {
    return new IndexBuilder({ ...this.state, unique: true });
  }
  where(predicate: SqlExpression): IndexBuilder {
    return new IndexBuilder({ ...this.state, where: predicate });
  }
  using(method: string): IndexBuilder {
    return new IndexBuilder({ ...this.state, using: method.toLowerCase() });
  }
  /** Non-key columns carried in the index, for index-only scans: `.include([t.total])`. */
  include(columns: readonly ColumnRef[]): IndexBuilder {
    return new IndexBuilder({ ...this.state, include: columns });
  }
}

/** One element of an index's list. */
export type IndexElementDef = ColumnRef | SqlExpression | IndexKey;
type Elements = readonly IndexElementDef[];

/** `index("ix_users_email", [t.email])`, or `index([t.email])` for Postgres's default name. */
export function index(nameOrElements: string | Elements, elements?: Elements): IndexBuilder {
  const named = typeof nameOrElements === "string";
  return new IndexBuilder({
    ...(named ? { name: nameOrElements } : {}),
    elements: named ? (elements ?? []) : nameOrElements,
    include: [],
    unique: false,
    using: "btree",
  });
}

/** A primary key over several columns: `primaryKey([t.orderId, t.line])`. */
export function primaryKey(columns: readonly ColumnRef[], name?: string): PrimaryKeyDef {
  return { kind: "primaryKey", columns, ...(name === undefined ? {} : { name }) };
}

/** `unique([t.a, t.b])` or `unique("uq_name", [t.a, t.b])`. */
export function unique(nameOrColumns: string | readonly ColumnRef[], columns?: readonly ColumnRef[]): UniqueDef {
  return typeof nameOrColumns === "string" ? { kind: "unique", name: nameOrColumns, columns: columns ?? [] } : { kind: "unique", columns: nameOrColumns };
}

/** `check("ck_price_positive", sql\`${t.price} > 0\`)` or `check(sql\`…\`)`. */
export function check(nameOrExpression: string | SqlExpression, expression?: SqlExpression): CheckDef {
  if (typeof nameOrExpression === "string") {
    if (!expression) {
      throw errors.invalidModels(`check("${nameOrExpression}") has a name and no expression`, {
        hint: `Give it the condition: check("${nameOrExpression}", sql\`\${t.price} > 0\`).`,
        details: { check: nameOrExpression },
      });
    }
    return { kind: "check", name: nameOrExpression, expression };
  }
  return { kind: "check", expression: nameOrExpression };
}

/** A composite foreign key: `foreignKey([t.a, t.b], () => [other.a, other.b], { onDelete: "cascade" })`. */
export function foreignKey(
  columns: readonly ColumnRef[],
  references: () => readonly ColumnRef[],
  options: Omit<ForeignKeyDef, "kind" | "columns" | "references"> = {},
): ForeignKeyDef {
  return { kind: "foreignKey", columns, references, ...options };
}
