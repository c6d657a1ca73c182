// What a database has that the SchemaSnapshot (and so the model DSL) does not hold:
// exclusion constraints, table inheritance and partitioning, columns of a domain,
// composite, range or extension type or with a collation of their own, constraints that
// are deferrable keys, NOT VALID or MATCH FULL, views and triggers. `pull` names each one, so
// a team adopting athanor knows what its models leave out. One query for all of them.
import type { QueryFunction } from "./introspect-types.js";

export type UnsupportedKind = "exclusion" | "inherits" | "partitioned" | "type" | "collation" | "constraint" | "view" | "trigger";

export interface UnsupportedObject {
  readonly kind: UnsupportedKind;
  readonly schema: string;
  /** The table it belongs to (all but views). */
  readonly table: string | null;
  /** The constraint, parent table, column, view or trigger; the table itself when partitioned. */
  readonly name: string;
  /** What PostgreSQL prints for it: a definition, a partition key, the type and what it is. */
  readonly detail: string;
}

const notExtensionMember = (oid: string) => `not exists (select 1 from pg_catalog.pg_depend dep where dep.objid = ${oid} and dep.deptype = 'e')`;

export const unsupportedQuery = `
select 'exclusion' as kind, n.nspname::text as schema, c.relname::text as table_name, con.conname::text as name,
       pg_catalog.pg_get_constraintdef(con.oid, true) as detail
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where con.contype = 'x' and n.nspname = any($1::text[])
union all
select 'inherits', n.nspname::text, c.relname::text, pn.nspname::text || '.' || p.relname::text, ''
from pg_catalog.pg_inherits i
join pg_catalog.pg_class c on c.oid = i.inhrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_class p on p.oid = i.inhparent
join pg_catalog.pg_namespace pn on pn.oid = p.relnamespace
where not c.relispartition and n.nspname = any($1::text[])
union all
select 'partitioned', n.nspname::text, c.relname::text, c.relname::text, pg_catalog.pg_get_partkeydef(c.oid)
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'p' and n.nspname = any($1::text[])
union all
select 'type', n.nspname::text, c.relname::text, a.attname::text,
       pg_catalog.format_type(a.atttypid, a.atttypmod) || ': ' ||
       coalesce('a type of extension ' || (select e.extname::text from pg_catalog.pg_depend d
                                          join pg_catalog.pg_extension e on e.oid = d.refobjid
                                          where d.objid = t.oid and d.deptype = 'e' limit 1),
                case t.typtype when 'd' then 'a domain' when 'c' then 'a composite type'
                               when 'r' then 'a range type' when 'm' then 'a multirange type' else 'a user-defined type' end)
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type at on at.oid = a.atttypid
join pg_catalog.pg_type t on t.oid = case when at.typcategory = 'A' and at.typelem <> 0 then at.typelem else at.oid end
join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
where c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
  and n.nspname = any($1::text[])
  and tn.nspname not in ('pg_catalog', 'information_schema') and t.typtype <> 'e'
  and ${notExtensionMember("c.oid")}
union all
select 'collation', n.nspname::text, c.relname::text, a.attname::text, 'COLLATE ' || quote_ident(co.collname::text)
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type t on t.oid = a.atttypid
join pg_catalog.pg_collation co on co.oid = a.attcollation
where c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
  and n.nspname = any($1::text[]) and a.attcollation <> t.typcollation
union all
select 'constraint', n.nspname::text, c.relname::text, con.conname::text,
       concat_ws(', ', case when con.condeferrable and con.contype in ('p', 'u') then 'a deferrable key' end,
                       case when not con.convalidated then 'NOT VALID' end,
                       case when con.confmatchtype = 'f' then 'MATCH FULL' end)
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[]) and con.conislocal
  and ((con.condeferrable and con.contype in ('p', 'u')) or not con.convalidated or con.confmatchtype = 'f')
union all
select 'view', n.nspname::text, null, c.relname::text, case c.relkind when 'm' then 'materialized view' else 'view' end
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and n.nspname = any($1::text[]) and ${notExtensionMember("c.oid")}
union all
select 'trigger', n.nspname::text, c.relname::text, tg.tgname::text, pg_catalog.pg_get_triggerdef(tg.oid, true)
from pg_catalog.pg_trigger tg
join pg_catalog.pg_class c on c.oid = tg.tgrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where not tg.tgisinternal and n.nspname = any($1::text[])
order by 1, 2, 3, 4`;

/** Everything in `schemas` that pull cannot write as a model. */
export async function introspectUnsupported(query: QueryFunction, schemas: readonly string[]): Promise<UnsupportedObject[]> {
  const rows = await query(unsupportedQuery, [schemas]);
  return rows.map((r) => ({
    kind: String(r.kind) as UnsupportedKind,
    schema: String(r.schema),
    table: r.table_name === null || r.table_name === undefined ? null : String(r.table_name),
    name: String(r.name),
    detail: String(r.detail ?? ""),
  }));
}
