// One key of an index with its per-key options: sort order, NULL placement, operator
// class and collation. `desc(t.createdAt)`, `asc(t.score).nullsFirst()`,
// `indexKey(t.email).opclass("text_pattern_ops").collate("C")`; a bare column or `sql`
// expression in an index's list is a key with PostgreSQL's defaults (ASC, NULLS LAST).
import type { ColumnRef } from "./table.js";
import type { SqlExpression } from "./sql.js";

export interface IndexKeyState {
  /** The column or expression indexed. */
  readonly target: ColumnRef | SqlExpression;
  readonly order?: "ASC" | "DESC";
  readonly nulls?: "FIRST" | "LAST";
  /** An operator class other than the type's default: `text_pattern_ops`, `jsonb_path_ops`. */
  readonly opclass?: string;
  /** A collation other than the column's: `C`, `und-x-icu`. */
  readonly collation?: string;
}

const brand: unique symbol = Symbol.for("athanor.indexKey");

/** An index key under construction; each method returns a new one. */
export class IndexKey {
  readonly [brand] = true;
  readonly state: IndexKeyState;
  constructor(state: IndexKeyState) {
    this.state = state;
  }
  asc(): IndexKey {
    return new IndexKey({ ...this.state, order: "ASC" });
  }
  desc(): IndexKey {
    return new IndexKey({ ...this.state, order: "DESC" });
  }
  nullsFirst(): IndexKey {
    return new IndexKey({ ...this.state, nulls: "FIRST" });
  }
  nullsLast(): IndexKey {
    return new IndexKey({ ...this.state, nulls: "LAST" });
  }
  opclass(name: string): IndexKey {
    return new IndexKey({ ...this.state, opclass: name });
  }
  collate(name: string): IndexKey {
    return new IndexKey({ ...this.state, collation: name });
  }
}

export function isIndexKey(value: unknown): value is IndexKey {
  return typeof value === "object" && value !== null && brand in value;
}

/** A key to give options to: `indexKey(t.email).opclass("text_pattern_ops")`. */
export function indexKey(target: ColumnRef | SqlExpression): IndexKey {
  return new IndexKey({ target });
}

/** A key sorted ascending (the default; useful with `.nullsFirst()`). */
export function asc(target: ColumnRef | SqlExpression): IndexKey {
  return indexKey(target).asc();
}

/** A key sorted descending (NULLs first unless `.nullsLast()`). */
export function desc(target: ColumnRef | SqlExpression): IndexKey {
  return indexKey(target).desc();
}
