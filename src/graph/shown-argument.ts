// How a user's argument is echoed back in an error: whole when it is short, cut with its
// length when it is long (a 1,000,000-character id must not become a 1 MB error), and with
// control characters escaped so one argument cannot break the error's lines.

// Control characters and the two Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");

/** Longer arguments are cut to this many characters. */
export const SHOWN_ARGUMENT_LIMIT = 80;

/**
 * ### Examples
 * ```ts
 * shownArgument("0003"); // "0003"
 * shownArgument("x".repeat(1_000_000)); // "xxxx…(80 x)… (1000000 characters)"
 * ```
 */
export function shownArgument(text: string): string {
  if (text.length <= SHOWN_ARGUMENT_LIMIT && !UNSAFE.test(text)) return text;
  const chars = [...text];
  const cut = chars.length > SHOWN_ARGUMENT_LIMIT;
  const kept = (cut ? chars.slice(0, SHOWN_ARGUMENT_LIMIT).join("") : text).replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return cut ? `${kept}… (${chars.length} characters)` : kept;
}

/** A list cut to its first `limit` items, saying how many more there are. */
export function shownList(items: readonly string[], limit = 10): string {
  if (items.length <= limit) return items.join(", ");
  return `${items.slice(0, limit).join(", ")} and ${items.length - limit} more`;
}
