// Round trips of index options: per-key DESC, NULLS FIRST/LAST, operator class and
// collation, and INCLUDE columns. Each must be created as declared, detected when it
// changes, and re-created with all of them by the downgrade of a dropped index.
import assert from "node:assert/strict";
import { asc, collectModels, column, desc, index, indexKey, sql, table } from "../../../src/schema/index.js";
import type { RoundTripCase } from "../round-trip-cases.js";
import type { Target } from "../round-trip-harness.js";

const baseEvents = `CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, title varchar(200), created_at timestamptz, score integer);`;
const eventColumns = () => ({
  id: column.bigint().primaryKey(),
  kind: column.text().notNull(),
  title: column.varchar(200),
  createdAt: column.timestamptz(),
  score: column.integer(),
});
const events = (indexes: (t: any) => ReturnType<typeof index>[]) => table("events", eventColumns(), (t) => ({ indexes: indexes(t) }));

async function indexDefinition(target: Target, name: string): Promise<string | null> {
  const [row] = await target.query("SELECT pg_get_indexdef(to_regclass($1)) AS def", [name]);
  return (row?.def as string | null) ?? null;
}

const everyOption = `CREATE INDEX ix_events_recent ON events (created_at DESC, score NULLS FIRST, kind COLLATE "C" text_pattern_ops DESC NULLS LAST) INCLUDE (title, id);`;
const everyOptionDefinition =
  'CREATE INDEX ix_events_recent ON public.events USING btree (created_at DESC, score NULLS FIRST, kind COLLATE "C" text_pattern_ops DESC NULLS LAST) INCLUDE (title, id)';

export const indexCases: RoundTripCase[] = [
  {
    name: "a new index with DESC, NULLS FIRST, an operator class, a collation and INCLUDE columns is created as declared",
    before: baseEvents,
    after: () =>
      collectModels([
        events((t) => [
          index("ix_events_recent", [desc(t.createdAt), asc(t.score).nullsFirst(), desc(t.kind).nullsLast().opclass("text_pattern_ops").collate("C")]).include([
            t.title,
            t.id,
          ]),
        ]),
      ]),
    afterUpgrade: async (target) => assert.equal(await indexDefinition(target, "ix_events_recent"), everyOptionDefinition),
  },
  {
    name: "a dropped index with every per-key option and INCLUDE columns is re-created by the downgrade with all of them",
    before: baseEvents + everyOption,
    after: () => collectModels([events(() => [])]),
    afterDowngrade: async (target) => assert.equal(await indexDefinition(target, "ix_events_recent"), everyOptionDefinition),
  },
  {
    name: "an index key turned from ASC to DESC is detected and the index rebuilt",
    before: baseEvents + `CREATE INDEX ix_events_created ON events (created_at);`,
    after: () => collectModels([events((t) => [index("ix_events_created", [desc(t.createdAt)])])]),
  },
  {
    name: "NULLS FIRST turned to NULLS LAST on a descending key is detected",
    before: baseEvents + `CREATE INDEX ix_events_score ON events (score DESC);`,
    after: () => collectModels([events((t) => [index("ix_events_score", [desc(t.score).nullsLast()])])]),
  },
  {
    name: "a changed operator class, collation or INCLUDE list is detected",
    before:
      baseEvents + `CREATE INDEX ix_events_kind ON events (kind text_pattern_ops) INCLUDE (title); CREATE INDEX ix_events_title ON events (title COLLATE "C");`,
    after: () =>
      collectModels([
        events((t) => [index("ix_events_kind", [t.kind]).include([t.title, t.score]), index("ix_events_title", [indexKey(t.title).collate("POSIX")])]),
      ]),
  },
  {
    name: "DESC written inside an sql expression renders a valid index on the column and compares clean",
    before: baseEvents,
    after: () =>
      collectModels([
        events((t) => [
          index("ix_events_created_desc", [sql`${t.createdAt} DESC NULLS LAST`]),
          index("ix_events_lower_title", [desc(sql`lower(${t.title})`).opclass("text_pattern_ops")]),
        ]),
      ]),
    afterUpgrade: async (target) => {
      assert.match((await indexDefinition(target, "ix_events_created_desc")) ?? "", /\(created_at DESC NULLS LAST\)$/);
      assert.match((await indexDefinition(target, "ix_events_lower_title")) ?? "", /\(lower\(\(title\)::text\) text_pattern_ops DESC\)$/);
    },
  },
];
