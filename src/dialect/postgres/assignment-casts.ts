// Whether ALTER COLUMN … TYPE can convert a column without USING: PostgreSQL converts
// with an assignment cast, so this asks pg_cast (implicit or assignment context), plus
// the automatic I/O conversion to a string type, which is also an assignment cast. An
// array converts when its elements do. A type the catalog does not know yet (an enum
// created by the same revision) is "unknown": the caller writes USING to be safe.
import type { QueryFunction } from "./introspect-types.js";

/** How a value of one type becomes another: without USING, with `::type`, or only through text. */
export type CastKind = "assignment" | "explicit" | "via text" | "unknown";

export interface TypePair {
  readonly from: string;
  readonly to: string;
}

const castQuery = `
with p as (
  select p.n, s0.oid as s_oid, t0.oid as t_oid,
         case when s0.typcategory = 'A' and t0.typcategory = 'A' then s0.typelem else s0.oid end as s,
         case when s0.typcategory = 'A' and t0.typcategory = 'A' then t0.typelem else t0.oid end as t
  from unnest($1::text[], $2::text[]) with ordinality as p(source, target, n)
  left join pg_catalog.pg_type s0 on s0.oid = pg_catalog.to_regtype(p.source)
  left join pg_catalog.pg_type t0 on t0.oid = pg_catalog.to_regtype(p.target)
)
select p.n::int as n,
  case
    when p.s_oid is null or p.t_oid is null then 'unknown'
    when p.s = p.t then 'assignment'
    when exists (select 1 from pg_catalog.pg_cast c where c.castsource = p.s and c.casttarget = p.t and c.castcontext in ('i', 'a')) then 'assignment'
    when (select typcategory from pg_catalog.pg_type where oid = p.t) = 'S' then 'assignment'
    when exists (select 1 from pg_catalog.pg_cast c where c.castsource = p.s and c.casttarget = p.t) then 'explicit'
    when (select typcategory from pg_catalog.pg_type where oid = p.s) = 'S' then 'explicit'
    else 'via text'
  end as kind
from p order by p.n`;

export const castKey = (pair: TypePair) => `${pair.from}\u0000${pair.to}`;

/** One query for all the pairs; an empty list asks nothing. */
export async function readCasts(query: QueryFunction, pairs: readonly TypePair[]): Promise<Map<string, CastKind>> {
  const result = new Map<string, CastKind>();
  if (pairs.length === 0) return result;
  const rows = await query(castQuery, [pairs.map((p) => p.from), pairs.map((p) => p.to)]);
  for (const row of rows) {
    const pair = pairs[Number(row.n) - 1];
    if (pair) result.set(castKey(pair), String(row.kind) as CastKind);
  }
  return result;
}
