// The catalog queries introspection runs: one per kind of object for all the compared
// schemas at once (never one per table), through pg_catalog so defaults, identity,
// index predicates and constraint definitions come back in Postgres's own rendering.
// Objects that belong to an extension are left out: the extension owns them.

const notExtensionMember = (oid: string) => `not exists (select 1 from pg_catalog.pg_depend dep where dep.objid = ${oid} and dep.deptype = 'e')`;

export const schemasQuery = `
select n.nspname::text as name
from pg_catalog.pg_namespace n
where n.nspname = any($1::text[])`;

export const tablesQuery = `
select c.oid::int8::text as oid, n.nspname::text as schema, c.relname::text as name,
       pg_catalog.obj_description(c.oid, 'pg_class') as comment
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relispartition
  and n.nspname = any($1::text[])
  and ${notExtensionMember("c.oid")}
order by n.nspname, c.relname`;

export const columnsQuery = `
select a.attrelid::int8::text as table_oid, a.attname::text as name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
       not a.attnotnull as nullable,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) as default,
       a.attidentity::text as identity, a.attgenerated::text as generated,
       pg_catalog.col_description(a.attrelid, a.attnum) as comment,
       seq.schema as sequence_schema, seq.name as sequence_name, seq.as as sequence_as, seq.max_value as sequence_max
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
-- The sequence the column owns: serial ('a', OWNED BY) or identity ('i').
left join lateral (
  select sn.nspname::text as schema, sc.relname::text as name, pg_catalog.format_type(s.seqtypid, null) as as,
         s.seqmax::text as max_value
  from pg_catalog.pg_depend dep
  join pg_catalog.pg_sequence s on s.seqrelid = dep.objid
  join pg_catalog.pg_class sc on sc.oid = s.seqrelid
  join pg_catalog.pg_namespace sn on sn.oid = sc.relnamespace
  where dep.classid = 'pg_catalog.pg_class'::regclass and dep.refclassid = 'pg_catalog.pg_class'::regclass
    and dep.refobjid = a.attrelid and dep.refobjsubid = a.attnum and dep.deptype in ('a', 'i')
  order by sc.relname
  limit 1) seq on true
where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  and n.nspname = any($1::text[])
order by a.attrelid, a.attnum`;

const columnNames = (relid: string, keys: string) => `
  array(select att.attname::text
        from unnest(${keys}) with ordinality as k(attnum, ord)
        join pg_catalog.pg_attribute att on att.attrelid = ${relid} and att.attnum = k.attnum
        order by k.ord)`;

export const constraintsQuery = `
select con.conrelid::int8::text as table_oid, con.conname::text as name, con.contype::text as type,
       pg_catalog.pg_get_constraintdef(con.oid, true) as definition,
       ${columnNames("con.conrelid", "con.conkey")} as columns,
       fn.nspname::text as referenced_schema, fc.relname::text as referenced_table,
       ${columnNames("con.confrelid", "con.confkey")} as referenced_columns,
       con.confupdtype::text as on_update, con.confdeltype::text as on_delete,
       con.condeferrable as deferrable, con.condeferred as initially_deferred
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_class fc on fc.oid = con.confrelid
left join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
where con.contype in ('p', 'u', 'f', 'c') and n.nspname = any($1::text[])
  and con.conislocal
order by con.conrelid, con.conname`;

/**
 * An index's keys, options and INCLUDE columns (pg_index as `alias`), read the same way
 * for the database's indexes and for the throwaway ones models are rendered into.
 */
export const indexColumns = (i: string) => `pg_catalog.pg_get_indexdef(${i}.indexrelid, 0, true) as definition,
       array(select pg_catalog.pg_get_indexdef(${i}.indexrelid, k, true)
             from generate_series(1, ${i}.indnkeyatts) as k order by k) as elements,
       array(select o::int from unnest(${i}.indoption::int2[]) with ordinality as u(o, n)
             where n <= ${i}.indnkeyatts order by n) as key_options,
       array(select pg_catalog.pg_get_indexdef(${i}.indexrelid, k, true)
             from generate_series(${i}.indnkeyatts + 1, ${i}.indnatts) as k order by k) as include`;

export const indexesQuery = `
select i.indrelid::int8::text as table_oid, ic.relname::text as name, i.indisunique as unique,
       am.amname::text as method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
       ${indexColumns("i")}
from pg_catalog.pg_index i
join pg_catalog.pg_class ic on ic.oid = i.indexrelid
join pg_catalog.pg_class c on c.oid = i.indrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_am am on am.oid = ic.relam
where n.nspname = any($1::text[]) and c.relkind in ('r', 'p')
  and not exists (select 1 from pg_catalog.pg_constraint con
                  where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
order by i.indrelid, ic.relname`;

export const enumsQuery = `
select n.nspname::text as schema, t.typname::text as name,
       array(select e.enumlabel::text from pg_catalog.pg_enum e
             where e.enumtypid = t.oid order by e.enumsortorder) as values
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and n.nspname = any($1::text[])
  and ${notExtensionMember("t.oid")}
order by n.nspname, t.typname`;

// Sequences a column owns (serial: 'a', identity: 'i') belong to that column, not here.
export const sequencesQuery = `
select n.nspname::text as schema, c.relname::text as name, pg_catalog.format_type(s.seqtypid, null) as as,
       s.seqstart::text as start, s.seqincrement::text as increment, s.seqmin::text as min_value,
       s.seqmax::text as max_value, s.seqcache::text as cache, s.seqcycle as cycle
from pg_catalog.pg_sequence s
join pg_catalog.pg_class c on c.oid = s.seqrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[])
  and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass
                  and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
order by n.nspname, c.relname`;
