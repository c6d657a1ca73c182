// The --targets grammar, read without touching a database: a comma-separated list of
// items, or a file of them (`@FILE`, or a path that exists) one per line with blank
// lines and `#` comments skipped. An item is a database URL (`#schema` names one schema
// in it), a schema name or glob on the configured database, or a query returning schema
// names; a query is only ever a whole SPEC or a whole line, since its text has commas.
import { errors } from "../../error-factories.js";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { AthanorError } from "../../errors.js";

/** One item of a SPEC, as written. */
export type TargetItem =
  | { readonly kind: "url"; readonly url: string; readonly schema: string | undefined }
  | { readonly kind: "schema"; readonly pattern: string }
  | { readonly kind: "query"; readonly sql: string };

const urlScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const query = /^(select|with)\b/i;
const globCharacters = /[*?[]/;

/** True for `tenant_*`, `shard_0?`, `t[0-9]`: resolved against pg_namespace at run start. */
export function isGlob(pattern: string): boolean {
  return globCharacters.test(pattern);
}

/**
 * The items of a SPEC (or of the config's `targets`, a SPEC or a list of items); files are
 * read relative to `cwd`.
 *
 * ### Examples
 * ```ts
 * parseTargetSpec("tenant_*,postgres://db2/app#billing", cwd);
 * // [{ kind: "schema", pattern: "tenant_*" }, { kind: "url", url: "postgres://db2/app", schema: "billing" }]
 * parseTargetSpec("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shard%'", cwd); // one query item
 * parseTargetSpec("@targets.txt", cwd); // one item per line of targets.txt
 * ```
 */
export function parseTargetSpec(spec: string | readonly string[], cwd: string): TargetItem[] {
  if (typeof spec !== "string") return spec.flatMap((entry) => parseTargetSpec(entry, cwd));
  const text = spec.trim();
  if (text === "") throw emptySpec();
  if (query.test(text)) return [{ kind: "query", sql: text }];
  const file = specFile(text, cwd);
  if (file !== undefined) return parseTargetFile(file);
  const items = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (items.length === 0) throw emptySpec();
  return items.map((item) => parseItem(item, "--targets"));
}

/** `@FILE` always names a file; a bare SPEC does when such a file exists (and it is no URL). */
function specFile(text: string, cwd: string): string | undefined {
  if (text.startsWith("@")) {
    const file = path.resolve(cwd, text.slice(1));
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw errors.usage(`--targets ${text}: no file ${text.slice(1)}`, {
        hint: "give a file with one target per line (a schema, a glob, a database URL or a query), or a comma-separated list",
        details: { file: text.slice(1) },
      });
    }
    return file;
  }
  if (urlScheme.test(text) || text.includes(",") || isGlob(text)) return undefined;
  const file = path.resolve(cwd, text);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function parseTargetFile(file: string): TargetItem[] {
  const shown = path.basename(file);
  const items = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"))
    .map(({ line, number }) => (query.test(line) ? { kind: "query" as const, sql: line } : parseItem(line, `${shown}:${number}`)));
  if (items.length === 0) {
    throw errors.usage(`--targets file ${shown} lists no target`, {
      hint: "write one target per line: a schema name or glob, a database URL, or a SELECT returning schema names",
      details: { file: shown },
    });
  }
  return items;
}

function parseItem(item: string, where: string): TargetItem {
  if (urlScheme.test(item)) {
    const hash = item.indexOf("#");
    if (hash < 0) return { kind: "url", url: item, schema: undefined };
    const schema = decodeURIComponent(item.slice(hash + 1));
    if (schema === "") throw badItem(where, "a URL's `#` must be followed by a schema name", "postgres://host/db#tenant_1");
    return { kind: "url", url: item.slice(0, hash), schema };
  }
  if (query.test(item)) {
    throw badItem(
      where,
      "a query must be the whole --targets value or a whole line of a targets file",
      "--targets @targets.txt with the query on its own line",
    );
  }
  if (item.length > 63) throw badItem(where, `"${item}" is longer than a schema name can be (63 bytes)`, "tenant_*");
  return { kind: "schema", pattern: item };
}

function badItem(where: string, what: string, example: string): AthanorError {
  return errors.usage(`${where}: ${what}`, { hint: `for example ${example}`, details: { where } });
}

function emptySpec(): AthanorError {
  return errors.usage("--targets names no target", {
    hint: "give schemas, globs or database URLs separated by commas (--targets 'tenant_*'), @FILE, or a SELECT returning schema names",
  });
}

/** A glob as a whole-name regular expression: `*` any run, `?` one character, `[…]` a class. */
export function globPattern(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) source += "\\[";
      else {
        const body = glob.slice(i + 1, end);
        source += `[${body.startsWith("!") ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
