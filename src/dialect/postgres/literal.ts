// Values as inline SQL literals, for bulkInsert and execute params: online and offline
// send the same text, so every value must survive the trip byte for byte. Strings with
// a backslash use the E'' form, which reads the same whatever standard_conforming_strings is.
import { errors } from "../../error-factories.js";

function refuse(what: string, hint: string): never {
  throw errors.invalidOperation(`cannot render ${what} as a SQL literal`, { hint });
}

// With the u flag, \p{Cs} matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

function checkText(value: string): void {
  if (value.includes("\0")) {
    refuse("a string containing a NUL character (\\0)", "PostgreSQL text cannot hold NUL; store the value as bytea (pass a Buffer) or remove the NUL");
  }
  if (LONE_SURROGATE.test(value)) {
    refuse(
      "a string with an unpaired UTF-16 surrogate",
      "the string is not valid Unicode and would not come back unchanged; fix the value before inserting it",
    );
  }
}

/**
 * A string literal: `'it''s'`, or `E'a\\b'` when the text has a backslash (the form
 * PostgreSQL's own quote_literal() uses). Newlines, `$$` and any Unicode stay as they are.
 */
export function quoteString(value: string): string {
  checkText(value);
  const body = value.replaceAll("'", "''");
  return value.includes("\\") ? `E'${body.replaceAll("\\", "\\\\")}'` : `'${body}'`;
}

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) {
    refuse(`the number ${value}`, "only finite numbers have a SQL literal; pass the string 'NaN' or 'Infinity' with a cast if you mean it");
  }
  return Object.is(value, -0) ? "0" : String(value);
}

function isoOf(value: Date): string {
  if (Number.isNaN(value.getTime())) refuse("an invalid Date", "check how the Date was built; new Date(string) gives Invalid Date for unparseable text");
  return value.toISOString();
}

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One element inside a `'{…}'` array literal: double-quoted with \ escapes, or NULL. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return arrayBody(value);
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") text = renderNumber(value);
  else if (typeof value === "bigint") text = String(value);
  else if (typeof value === "boolean") text = value ? "t" : "f";
  else if (value instanceof Date) text = isoOf(value);
  else if (value instanceof Uint8Array) text = `\\x${hexOf(value)}`;
  else if (typeof value === "object" && isPlainObject(value)) text = JSON.stringify(value);
  else refuse(`an array element of type ${typeof value}`, "array elements must be strings, numbers, bigints, booleans, Dates, Buffers, plain objects or null");
  checkText(text);
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function arrayBody(values: readonly unknown[]): string {
  return `{${values.map(arrayElement).join(",")}}`;
}

/**
 * Render a JavaScript value as a SQL literal.
 *
 * - `null`/`undefined` → NULL; booleans → TRUE/FALSE; finite numbers and bigints as digits
 * - strings → `'…'` (or `E'…'` with backslashes); NUL and unpaired surrogates are refused
 * - Date → `'2025-01-02T03:04:05.000Z'::timestamptz`
 * - Buffer/Uint8Array → `'\x…'::bytea` (written `E'\\x…'::bytea`)
 * - arrays → an untyped array literal `'{…}'` (nested arrays are dimensions), the text
 *   node-postgres sends for an array parameter, so it fits any array column type
 * - plain objects → `'{"a":1}'::jsonb`
 *
 * ### Examples
 * ```ts
 * renderLiteral("it's")       // 'it''s'
 * renderLiteral([1, null])    // '{"1",NULL}'
 * renderLiteral({ a: 1 })     // '{"a":1}'::jsonb
 * ```
 */
export function renderLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "number":
      return renderNumber(value);
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "object":
      if (value instanceof Date) return `'${isoOf(value)}'::timestamptz`;
      if (value instanceof Uint8Array) return `E'\\\\x${hexOf(value)}'::bytea`;
      if (Array.isArray(value)) return quoteString(arrayBody(value));
      if (isPlainObject(value)) return `${quoteString(JSON.stringify(value))}::jsonb`;
      return refuse(
        `an object of class ${value.constructor?.name ?? "unknown"}`,
        "pass a string, number, bigint, boolean, Date, Buffer, array, plain object or null",
      );
    default:
      return refuse(`a value of type ${typeof value}`, "pass a string, number, bigint, boolean, Date, Buffer, array, plain object or null");
  }
}
