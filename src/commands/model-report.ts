// The lines `generate` and `check` print about a comparison: which model modules were
// loaded and how much was compared, and what to do about the tables only the database
// has: the lines of a command's report, used by the CLI and the commands layer alike.
import type { AutogenerateResult, ComparedScope } from "../autogenerate/autogenerate.js";
import type { UnmodelledObject } from "../autogenerate/include-filter.js";
import type { LoadedModels } from "../schema/load-models.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function moduleLine(models: LoadedModels): string {
  if (models.modules.length === 0) return "Loaded no model module: the configured paths hold no .ts/.mts/.js/.mjs file";
  const each = models.modules.map((m) => `${m.file} (${plural(m.tables, "table")}${m.enums > 0 ? `, ${plural(m.enums, "enum")}` : ""})`);
  return `Loaded ${plural(models.modules.length, "model module")}: ${each.join(", ")}`;
}

/** "Loaded 2 model modules: …" and, when they were compared, "Compared 3 tables of the models with 4 in the database …". */
export function comparisonLines(models: LoadedModels, result: AutogenerateResult | undefined): string[] {
  if (!result) return [moduleLine(models)];
  const c = result.compared;
  const leftOut = c.leftOut.length > 0 ? `; left out by include: ${c.leftOut.join(", ")}` : "";
  return [
    moduleLine(models),
    `Compared ${plural(c.modelTables, "table")} of the models with ${c.databaseTables} in the database (schemas: ${c.schemas.join(", ")})${leftOut}`,
  ];
}

/** `legacy` in the default schema, `billing.invoices` elsewhere. */
export function objectName(o: { schema: string; name: string }, defaultSchema: string): string {
  return o.schema === defaultSchema ? o.name : `${o.schema}.${o.name}`;
}

const kindWords: Record<UnmodelledObject["kind"], [string, string]> = {
  table: ["table", "tables"],
  enum: ["enum", "enums"],
  sequence: ["sequence", "sequences"],
};

/**
 * One `object` function leaving out the enums and sequences named. It answers nothing for
 * the rest: `true` would make every other object only the database has a drop.
 */
function objectRule(inNamed: readonly UnmodelledObject[]): string[] {
  const terms = (["enum", "sequence"] as const).flatMap((kind) => {
    const names = inNamed.filter((o) => o.kind === kind).map((o) => o.name);
    return names.length > 0 ? [`o.kind === "${kind}" && ${JSON.stringify(names)}.includes(o.name)`] : [];
  });
  if (terms.length === 0) return [];
  const test = terms.length === 1 ? terms[0]! : terms.map((t) => `(${t})`).join(" || ");
  return [`object: (o) => (${test} ? false : undefined)`];
}

/**
 * What the unmodelled objects are and the two ways to settle them. The include lines
 * offered leave out a whole schema nothing else names, else each table, else each enum
 * or sequence (through one `object` function).
 */
export function unmodelledAdvice(unmodelled: readonly UnmodelledObject[], compared: ComparedScope, defaultSchema: string): string {
  const what = (["table", "enum", "sequence"] as const)
    .flatMap((kind) => {
      const names = unmodelled.filter((o) => o.kind === kind).map((o) => objectName(o, defaultSchema));
      return names.length > 0 ? [`${kindWords[kind][names.length === 1 ? 0 : 1]} ${names.join(", ")}`] : [];
    })
    .join(" and ");
  const other = new Set(compared.otherSchemas);
  const inNamed = unmodelled.filter((o) => !other.has(o.schema));
  const schemas = [...new Set(unmodelled.filter((o) => other.has(o.schema)).map((o) => o.schema))];
  const namedTables = inNamed.filter((o) => o.kind === "table").map((o) => objectName(o, defaultSchema));
  const lines = [
    ...(schemas.length > 0 ? [`schemas: ${JSON.stringify(schemas.map((x) => `!${x}`))}`] : []),
    ...(namedTables.length > 0 ? [`tables: ${JSON.stringify(namedTables.map((x) => `!${x}`))}`] : []),
    ...objectRule(inNamed),
  ];
  const them = unmodelled.length === 1 ? "it" : "them";
  return `the database has ${what}, which no model declares; to drop ${them}, run \`athanor generate "drop_unmodelled" --drop-unmodelled\`; to leave ${them} out of the comparison, add to athanor.config.ts: include: { ${lines.join(", ")} }`;
}

/**
 * The calls a revision for `comparison` would make, one a line as the file writes them
 * (an autocommit block's opening line is not an operation).
 */
export function operationLines(comparison: AutogenerateResult): string[] {
  return comparison.upgradeBody
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("await op.") && !line.startsWith("await op.autocommitBlock("));
}
