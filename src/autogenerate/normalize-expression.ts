// Server defaults and check/index expressions compared by meaning. The catalog prints
// `'draft'::text`, `'-1'::integer`, `CURRENT_TIMESTAMP`, `(price > (0)::numeric)`; the
// model says `'draft'`, `-1`, `now()`, `price > 0`. Normalising both sides the same
// way (casts of literals, parentheses, case outside quotes, synonyms) makes an
// unchanged default or check compare equal, so autogenerate never reports it.

/** Splits text into quoted runs ('…' and "…") and the code between them. */
function mapOutsideQuotes(text: string, code: (part: string) => string): string {
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|[^'"]+/g, (part) => {
    if (part.startsWith("'")) return part;
    if (part.startsWith('"')) return /^"[a-z_][a-z0-9_$]*"$/.test(part) ? part.slice(1, -1) : part;
    return code(part);
  });
}

// A cast to a type name, possibly several words, with modifiers and array brackets.
const castPattern =
  /::\s*(?:"[^"]+"|[a-z_][a-z0-9_]*)(?:\s*\.\s*(?:"[^"]+"|[a-z_][a-z0-9_]*))?(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone))*(?:\s*\([\d\s,]*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\s*\[\s*\])*/gi;

const synonyms: [RegExp, string][] = [
  [/\bcurrent_timestamp\b(?!\s*\()/g, "now()"],
  [/\btransaction_timestamp\(\)/g, "now()"],
  [/!=/g, "<>"],
];

function stripOuterParens(text: string): string {
  let t = text.trim();
  for (;;) {
    if (!t.startsWith("(") || !t.endsWith(")")) return t;
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === "(") depth++;
      else if (t[i] === ")") depth--;
      if (depth === 0 && i < t.length - 1) {
        wraps = false;
        break;
      }
    }
    if (!wraps) return t;
    t = t.slice(1, -1).trim();
  }
}

function canonicalNumber(text: string): string {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return text;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? String(n) : text.replace(/^\+/, "");
}

/**
 * A server default in a canonical form: literal casts dropped, a quoted number
 * unquoted, keywords lower-cased, `CURRENT_TIMESTAMP` as `now()`. null stays null.
 */
export function normalizeDefault(expression: string | null | undefined): string | null {
  if (expression === null || expression === undefined) return null;
  let text = stripOuterParens(expression);
  text = mapOutsideQuotes(text, (code) => {
    let c = code.toLowerCase().replace(castPattern, "").replace(/\s+/g, " ");
    for (const [pattern, replacement] of synonyms) c = c.replace(pattern, replacement);
    return c;
  }).trim();
  text = stripOuterParens(text);
  const quotedNumber = /^'([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)'$/i.exec(text);
  if (quotedNumber?.[1] !== undefined) text = quotedNumber[1];
  if (text === "'t'" || text === "'true'") return "true";
  if (text === "'f'" || text === "'false'") return "false";
  return canonicalNumber(text);
}

/**
 * A check predicate or index expression in a loose canonical form: casts, parentheses
 * and whitespace dropped, case folded outside quotes. Two expressions with the same
 * loose form are taken as unchanged; different ones are reported.
 */
function normalizeExpression(expression: string | null | undefined): string | null {
  if (expression === null || expression === undefined) return null;
  return mapOutsideQuotes(expression, (code) => {
    let c = code.toLowerCase().replace(castPattern, "");
    for (const [pattern, replacement] of synonyms) c = c.replace(pattern, replacement);
    return c.replace(/[()\s]/g, "");
  }).replace(/'([-+]?\d+(?:\.\d+)?)'/g, "$1");
}

/** True when two defaults mean the same. */
export function sameDefault(a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeDefault(a) === normalizeDefault(b);
}

/** True when two expressions (checks, index keys, predicates) are taken as the same. */
export function sameExpression(a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeExpression(a) === normalizeExpression(b);
}
