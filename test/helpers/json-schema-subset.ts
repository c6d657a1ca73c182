// Validates a value against the part of JSON Schema athanor's published schemas use
// (type, required, properties, items, enum, const, minimum, $ref into $defs, oneOf), so
// tests can hold real --json output to schemas/cli-output.schema.json without a
// validator dependency. Returns the problems, [] when the value conforms.
type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function validate(root: Schema, schema: Schema, value: unknown, at = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = (root.$defs as Record<string, Schema>)[name];
    if (target === undefined) return [`${at}: unknown $ref ${schema.$ref}`];
    return validate(root, target, value, at);
  }
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((option) => validate(root, option, value, at).length === 0);
    return matching.length === 1 ? [] : [`${at}: matches ${matching.length} of oneOf`];
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return [`${at}: ${actual}, expected ${types.join(" or ")}`];
  }
  if ("const" in schema && value !== schema.const) problems.push(`${at}: ${JSON.stringify(value)}, expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === "number" && typeof value === "number" && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${at}: missing ${key}`);
    for (const [key, sub] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      if (key in object) problems.push(...validate(root, sub, object[key], `${at}.${key}`));
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => {
      problems.push(...validate(root, schema.items as Schema, item, `${at}[${i}]`));
    });
  }
  return problems;
}
