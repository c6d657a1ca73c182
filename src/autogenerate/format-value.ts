// JavaScript values as TypeScript source a person would write: double-quoted strings,
// bare keys, objects on one line when they fit and one property per line when not.

const maxLine = 100;

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** `value` as a TypeScript expression, indented for a line that starts at `indent`. */
export function formatValue(value: unknown, indent = ""): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? `${value}n` : JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => formatValue(v, inner));
    const flat = `[${items.join(", ")}]`;
    if (flat.length + indent.length <= maxLine && !flat.includes("\n")) return flat;
    return `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const parts = entries.map(([k, v]) => `${key(k)}: ${formatValue(v, inner)}`);
  const flat = `{ ${parts.join(", ")} }`;
  if (flat.length + indent.length <= maxLine && !flat.includes("\n")) return flat;
  return `{\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}}`;
}
