// Replaces $1…$n in raw SQL with literals, so execute(sql, params) renders to one text
// that runs online and prints offline alike. Only $n in code is a parameter; inside
// strings, quoted identifiers, dollar-quoted bodies and comments it is left alone.
import { errors } from "../../error-factories.js";
import { renderLiteral } from "./literal.js";
import { scanSql } from "./sql-lexer.js";

/**
 * Inline `params` into `sql`. Every $n must have a value and every value must be used,
 * as node-postgres would insist when sending them separately.
 *
 * ### Examples
 * ```ts
 * inlineParams("UPDATE users SET name = $1 WHERE id = $2", ["O'Hara", 7])
 * // UPDATE users SET name = 'O''Hara' WHERE id = 7
 * ```
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  const used = new Set<number>();
  const text = scanSql(sql)
    .map((token) => {
      if (token.kind !== "param") return token.text;
      const index = Number(token.text.slice(1));
      if (index < 1 || index > params.length) {
        throw errors.invalidOperation(`execute: the SQL refers to ${token.text} but ${params.length} parameter(s) were given`, {
          hint: `pass a value for every placeholder from $1 to $${index}, in order`,
        });
      }
      used.add(index);
      return renderLiteral(params[index - 1]);
    })
    .join("");
  if (used.size < params.length) {
    const unused = params.map((_, i) => i + 1).filter((i) => !used.has(i));
    throw errors.invalidOperation(`execute: parameter(s) ${unused.map((i) => `$${i}`).join(", ")} given but not used in the SQL`, {
      hint: "remove the extra values or refer to them in the SQL; a $n inside quotes or a comment is not a placeholder",
    });
  }
  return text;
}
