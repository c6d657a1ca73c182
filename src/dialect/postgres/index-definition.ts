// The per-key options of an index as PostgreSQL itself decides them: sort order and
// NULL placement come from pg_index.indoption; the operator class and collation are
// printed by pg_get_indexdef() only when they are not the key's default, which SQL
// cannot ask the catalog directly (the default depends on binary-coercible types), so
// they are read from that text, after each key's own text.
import type { IndexKeySnapshot } from "./introspect-types.js";
import { unquoteIdentifier } from "./quote.js";

const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/** Where the text after `from` stops: a comma or closing parenthesis at depth 0, outside quotes. */
function suffixEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) return text.length;
      i = close;
    } else if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) return i;
      depth--;
    } else if (ch === "," && depth === 0) return i;
  }
  return text.length;
}

const identifier = String.raw`(?:"(?:[^"]|"")*"|[^\s".(),]+)`;
const collatePattern = new RegExp(String.raw`^COLLATE\s+(${identifier}(?:\.${identifier})?)\s*`);

/** `"C"` → `C`; a qualified name stays quoted part by part (`"s"."c"`), as SQL takes it back. */
function collationName(printed: string): string {
  const parts = printed.match(new RegExp(identifier, "g")) ?? [printed];
  if (parts.length === 1) return unquoteIdentifier(parts[0] ?? printed);
  return parts.map((p) => `"${unquoteIdentifier(p).replaceAll('"', '""')}"`).join(".");
}

/** The options text after one key: ` COLLATE "C" text_pattern_ops DESC` → collation, opclass. */
function parseSuffix(suffix: string): { collation: string | null; opclass: string | null } {
  let rest = suffix.trim();
  let collation: string | null = null;
  const collate = collatePattern.exec(rest);
  if (collate?.[1] !== undefined) {
    collation = collationName(collate[1]);
    rest = rest.slice(collate[0].length);
  }
  rest = rest.replace(/\s*(?:DESC(?:\s+NULLS\s+LAST)?|NULLS\s+FIRST)$/, "").trim();
  return { collation, opclass: rest === "" ? null : rest };
}

/**
 * The keys of an index: `keys` are pg_get_indexdef(oid, k, true) for each key column,
 * `definition` pg_get_indexdef(oid, 0, true), `options` indoption's bits per key.
 */
export function indexKeys(definition: string, method: string, keys: readonly string[], options: readonly number[]): IndexKeySnapshot[] {
  const open = definition.indexOf(` USING ${method} (`);
  let at = open === -1 ? -1 : open + ` USING ${method} (`.length;
  return keys.map((expression, i) => {
    const bits = options[i] ?? 0;
    let suffix = { collation: null as string | null, opclass: null as string | null };
    if (at !== -1 && definition.startsWith(expression, at)) {
      const end = suffixEnd(definition, at + expression.length);
      suffix = parseSuffix(definition.slice(at + expression.length, end));
      at = end + 2; // past ", "
    } else {
      at = -1; // the text is not what was expected: keep the defaults rather than guess
    }
    return {
      expression,
      descending: (bits & INDOPTION_DESC) !== 0,
      nullsFirst: (bits & INDOPTION_NULLS_FIRST) !== 0,
      ...suffix,
    };
  });
}
