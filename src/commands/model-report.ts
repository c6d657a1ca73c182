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
function objectName(o: { schema: string; name: string }, defaultSchema: string): string {
  return o.schema === defaultSchema ? o.name : `${o.schema}.${o.name}`;
}

/**
 * What the unmodelled objects are and the two ways to settle them. The include lines
 * offered leave out a whole schema nothing else names, else each table, else each enum.
 */
export function unmodelledAdvice(unmodelled: readonly UnmodelledObject[], compared: ComparedScope, defaultSchema: string): string {
  const names = (kind: UnmodelledObject["kind"]) => unmodelled.filter((o) => o.kind === kind).map((o) => objectName(o, defaultSchema));
  const tables = names("table");
  const enums = names("enum");
  const what = [
    ...(tables.length > 0 ? [`${tables.length === 1 ? "table" : "tables"} ${tables.join(", ")}`] : []),
    ...(enums.length > 0 ? [`${enums.length === 1 ? "enum" : "enums"} ${enums.join(", ")}`] : []),
  ].join(" and ");
  const other = new Set(compared.otherSchemas);
  const inNamed = unmodelled.filter((o) => !other.has(o.schema));
  const schemas = [...new Set(unmodelled.filter((o) => other.has(o.schema)).map((o) => o.schema))];
  const namedTables = inNamed.filter((o) => o.kind === "table").map((o) => objectName(o, defaultSchema));
  const namedEnums = inNamed.filter((o) => o.kind === "enum").map((o) => o.name);
  const lines = [
    ...(schemas.length > 0 ? [`schemas: ${JSON.stringify(schemas.map((x) => `!${x}`))}`] : []),
    ...(namedTables.length > 0 ? [`tables: ${JSON.stringify(namedTables.map((x) => `!${x}`))}`] : []),
    ...(namedEnums.length > 0 ? [`object: (o) => !(o.kind === "enum" && ${JSON.stringify(namedEnums)}.includes(o.name))`] : []),
  ];
  const them = unmodelled.length === 1 ? "it" : "them";
  return `the database has ${what}, which no model declares; to drop ${them}, run \`athanor generate "drop_unmodelled" --drop-unmodelled\`; to leave ${them} out of the comparison, add to athanor.config.ts: include: { ${lines.join(", ")} }`;
}
