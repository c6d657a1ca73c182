// `pull`: the database's tables, enums and sequences as model modules, one file per
// schema (`public.ts`, `billing.ts`), each declaring its enums and sequences before its
// tables and its tables in reference order. An enum used from another schema's file
// lives in `enums.ts`, which imports nothing: enum columns use their enum when the
// module loads, so it must not sit on an import cycle (references are thunks and may).
import type { EnumSnapshot, SequenceSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { quoteIdentifier } from "../dialect/postgres/quote.js";
import { sequence } from "../schema/sequence.js";
import { sequenceSnapshot } from "./compare-sequences.js";
import { formatValue } from "./format-value.js";
import { camelCase, constName } from "./pull-names.js";
import type { PulledDatabase } from "./pull-scope.js";
import { type TableContext, tableSource } from "./pull-table.js";

export interface PulledFile {
  /** Relative to the output directory: `public.ts`. */
  readonly file: string;
  readonly schema: string | null;
  readonly tables: number;
  readonly enums: number;
  readonly sequences: number;
  readonly source: string;
}

export interface PulledModels {
  readonly files: readonly PulledFile[];
  /** One line per object the models cannot declare as the database has it. */
  readonly warnings: readonly string[];
}

const key = (o: { schema: string; name: string }) => `${o.schema}.${o.name}`;
const fileOf = (schema: string) => `${schema.replace(/[^A-Za-z0-9_-]+/g, "_") || "schema"}.ts`;

/** A name not yet taken: the first free candidate, else the first with a number. */
function pick(candidates: readonly string[], taken: Set<string>, suffix: string): string {
  for (const c of candidates) {
    if (c !== "" && !taken.has(c)) return constName(c, taken, suffix);
  }
  return constName(candidates[0] || "object", taken, suffix);
}

/** Tables in reference order (a table after those it references, where no cycle forbids it), else by name. */
function referenceOrder(tables: readonly TableSnapshot[]): TableSnapshot[] {
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const done = new Set<string>();
  const out: TableSnapshot[] = [];
  const visit = (t: TableSnapshot, stack: Set<string>) => {
    if (done.has(key(t)) || stack.has(key(t))) return;
    stack.add(key(t));
    for (const fk of t.foreignKeys) {
      const target = byKey.get(`${fk.referencedSchema}.${fk.referencedTable}`);
      if (target) visit(target, stack);
    }
    stack.delete(key(t));
    done.add(key(t));
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

function sequenceSource(s: SequenceSnapshot, constant: string, defaultSchema: string, warn: (line: string) => void): string {
  const options: Record<string, unknown> = {};
  if (s.schema !== defaultSchema) options.schema = s.schema;
  if (s.as !== "bigint") options.as = s.as;
  const unsafe: string[] = [];
  const num = (v: string) => {
    if (!Number.isSafeInteger(Number(v))) unsafe.push(v);
    return Number(v);
  };
  const resolved = () => sequenceSnapshot(sequence(s.name, options as never), defaultSchema);
  if (resolved().increment !== s.increment) options.increment = num(s.increment);
  if (resolved().minValue !== s.minValue) options.minValue = num(s.minValue);
  if (resolved().maxValue !== s.maxValue) options.maxValue = num(s.maxValue);
  if (resolved().start !== s.start) options.start = num(s.start);
  if (s.cache !== "1") options.cache = num(s.cache);
  if (s.cycle) options.cycle = true;
  const args = Object.keys(options).length === 0 ? JSON.stringify(s.name) : `${JSON.stringify(s.name)}, ${formatValue(options)}`;
  const source = `export const ${constant} = sequence(${args});`;
  if (unsafe.length === 0) return source;
  warn(`${key(s)}: ${unsafe.join(", ")} does not fit a JavaScript number, which sequence() takes; the model rounds it`);
  return `// TODO review: ${unsafe.join(", ")} does not fit a JavaScript number; sequence() rounds it\n${source}`;
}

class FileBuilder {
  readonly used = new Set<string>();
  readonly imports = new Map<string, Set<string>>();
  readonly parts: string[] = [];
  namespace: string | null = null;
  tables = 0;
  enums = 0;
  sequences = 0;
  constructor(
    readonly file: string,
    readonly schema: string | null,
  ) {}

  importFrom(file: string, name: string): void {
    if (file === this.file) return;
    let names = this.imports.get(file);
    if (!names) this.imports.set(file, (names = new Set()));
    names.add(name);
  }

  source(header: readonly string[]): string {
    const athanor = [...this.used].filter((n) => !n.startsWith("type ")).sort();
    const types = [...this.used].filter((n) => n.startsWith("type ")).sort();
    const names = [...athanor, ...types];
    const one = `import { ${names.join(", ")} } from "athanor";`;
    const lines = [...header, one.length <= 100 ? one : `import {\n${names.map((n) => `  ${n},`).join("\n")}\n} from "athanor";`];
    for (const [file, consts] of [...this.imports].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`import { ${[...consts].sort().join(", ")} } from "./${file.replace(/\.ts$/, ".js")}";`);
    }
    return `${lines.join("\n")}\n\n${this.parts.join("\n\n")}\n`;
  }
}

/** Constant names for every table, enum and sequence: the default schema's keep the plain
 * camelCase name, another schema's take a schema prefix when the plain one is taken (`billingUsers`). */
function nameObjects(snapshot: PulledDatabase["snapshot"], defaultSchema: string) {
  const taken = new Set<string>();
  const defaultFirst = <T extends { schema: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => (a.schema === defaultSchema ? 0 : 1) - (b.schema === defaultSchema ? 0 : 1));
  const names = <T extends { schema: string; name: string }>(xs: readonly T[], suffix: string) =>
    new Map(
      defaultFirst(xs).map((o) => [key(o), pick([camelCase(o.name), camelCase(`${o.schema}_${o.name}`), `${camelCase(o.name)}${suffix}`], taken, suffix)]),
    );
  return {
    taken,
    tableConsts: names(snapshot.tables, "Table"),
    enumConsts: names(snapshot.enums, "Enum"),
    sequenceConsts: names(snapshot.sequences ?? [], "Seq"),
  };
}

/**
 * Enums by the name format_type() gives a column's type: bare when search_path finds the
 * type, else qualified. A bare name is taken as the default schema's enum only: the models
 * spell another schema's enum qualified (`public.level` when the default schema is `shop`),
 * which would not compare equal to the bare name, so such a column stays `column.custom()`.
 */
function enumTypeNames(enums: readonly EnumSnapshot[], defaultSchema: string): Map<string, EnumSnapshot> {
  const byName = new Map<string, EnumSnapshot>();
  for (const e of enums) if (e.schema === defaultSchema) byName.set(quoteIdentifier(e.name), e);
  for (const e of enums) byName.set(`${quoteIdentifier(e.schema)}.${quoteIdentifier(e.name)}`, e);
  return byName;
}

/** The file each enum is declared in: its schema's, or the shared one when another schema's tables use it. */
function enumHomes(snapshot: PulledDatabase["snapshot"], enumByTypeName: ReadonlyMap<string, EnumSnapshot>) {
  const usedFrom = new Map<string, Set<string>>();
  for (const t of snapshot.tables) {
    for (const c of t.columns) {
      const e = enumByTypeName.get(c.type.replace(/\[\]$/, ""));
      if (!e) continue;
      let schemas = usedFrom.get(key(e));
      if (!schemas) usedFrom.set(key(e), (schemas = new Set()));
      schemas.add(t.schema);
    }
  }
  const schemaFiles = new Set([...snapshot.tables, ...snapshot.enums, ...(snapshot.sequences ?? [])].map((o) => fileOf(o.schema)));
  const sharedFile = schemaFiles.has("enums.ts") ? "shared-enums.ts" : "enums.ts";
  const enumFile = new Map<string, string>();
  for (const e of snapshot.enums) {
    const shared = [...(usedFrom.get(key(e)) ?? [])].some((s) => fileOf(s) !== fileOf(e.schema));
    enumFile.set(key(e), shared ? sharedFile : fileOf(e.schema));
  }
  return { enumFile, sharedFile };
}

/**
 * The model files for a pulled database.
 *
 * ### Examples
 *     const { files, warnings } = pullModels(await readPullScope({ query, schemas: ["public"] }));
 */
export function pullModels(db: PulledDatabase): PulledModels {
  const { snapshot, defaultSchema } = db;
  const warnings: string[] = [];
  const sequences = snapshot.sequences ?? [];
  const { taken, tableConsts, enumConsts, sequenceConsts } = nameObjects(snapshot, defaultSchema);
  const enumByTypeName = enumTypeNames(snapshot.enums, defaultSchema);
  const { enumFile, sharedFile } = enumHomes(snapshot, enumByTypeName);

  const files = new Map<string, FileBuilder>();
  const builder = (file: string, schema: string | null) => {
    let b = files.get(file);
    if (!b) files.set(file, (b = new FileBuilder(file, schema)));
    return b;
  };
  const schemas = [...new Set([...snapshot.tables, ...snapshot.enums, ...sequences].map((o) => o.schema))].sort((a, b) =>
    a === defaultSchema ? -1 : b === defaultSchema ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const schema of schemas) builder(fileOf(schema), schema);
  const namespaceOf = (b: FileBuilder, schema: string) => {
    if (schema === defaultSchema) return null;
    if (b.namespace === null) {
      const camel = camelCase(schema) || "namespace";
      b.namespace = pick([camel, `${camel}Schema`], taken, "Schema");
      b.used.add("schema");
    }
    return b.namespace;
  };

  // Enums, then sequences, then tables: each file reads top-down.
  for (const e of snapshot.enums) {
    const file = enumFile.get(key(e))!;
    const b = builder(file, file === sharedFile ? null : e.schema);
    const constant = enumConsts.get(key(e))!;
    const shared = file === sharedFile;
    const ns = shared ? null : namespaceOf(b, e.schema);
    if (ns === null) b.used.add("pgEnum");
    const schemaArg = shared && e.schema !== defaultSchema ? `, ${JSON.stringify(e.schema)}` : "";
    const call = `export const ${constant} = ${ns === null ? "pgEnum" : `${ns}.enum`}(${JSON.stringify(e.name)}, `;
    const flat = `${call}[${e.values.map((v) => JSON.stringify(v)).join(", ")}]${schemaArg});`;
    // Too long for a line: one value per line, as prettier breaks the array.
    b.parts.push(flat.length <= 100 ? flat : `${call}[\n${e.values.map((v) => `  ${JSON.stringify(v)},`).join("\n")}\n]${schemaArg});`);
    b.enums++;
  }
  for (const s of sequences) {
    const b = builder(fileOf(s.schema), s.schema);
    b.used.add("sequence");
    b.parts.push(sequenceSource(s, sequenceConsts.get(key(s))!, defaultSchema, (line) => warnings.push(line)));
    b.sequences++;
  }

  const tableByKey = new Map(snapshot.tables.map((t) => [key(t), t]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (k === to) return true;
      if (seen.has(k)) continue;
      seen.add(k);
      for (const fk of tableByKey.get(k)?.foreignKeys ?? []) stack.push(`${fk.referencedSchema}.${fk.referencedTable}`);
    }
    return false;
  };

  for (const t of referenceOrder(snapshot.tables)) {
    const b = builder(fileOf(t.schema), t.schema);
    const ns = namespaceOf(b, t.schema);
    if (ns === null) b.used.add("table");
    const ctx: TableContext = {
      tableConst: (schema, name) => {
        const k = `${schema}.${name}`;
        // A table not pulled this time (another --schema) is imported as its schema's pull writes it.
        const constant = tableConsts.get(k) ?? constName(camelCase(name) || "object", new Set());
        b.importFrom(fileOf(schema), constant);
        return constant;
      },
      enumConst: (typeName) => {
        const e = enumByTypeName.get(typeName);
        if (!e) return undefined;
        const constant = enumConsts.get(key(e))!;
        b.importFrom(enumFile.get(key(e))!, constant);
        return constant;
      },
      tableCall: () => (ns === null ? "table" : `${ns}.table`),
      cyclic: (from, to) => reaches(`${to.schema}.${to.name}`, key(from)),
      use: (name) => b.used.add(name),
      unsupported: db.unsupported.filter((u) => u.schema === t.schema && u.table === t.name),
      warn: (message) => warnings.push(message),
    };
    const columnsOf = (schema: string, name: string) => tableByKey.get(`${schema}.${name}`)?.columns.map((c) => c.name) ?? [];
    for (const fk of t.foreignKeys) {
      if (!tableByKey.has(`${fk.referencedSchema}.${fk.referencedTable}`)) {
        const file = fileOf(fk.referencedSchema);
        warnings.push(
          `${key(t)}: foreign key ${fk.name} references ${fk.referencedSchema}.${fk.referencedTable}, which is not pulled; the model imports it from ./${file.replace(/\.ts$/, ".js")}, where a pull of ${fk.referencedSchema} writes it`,
        );
      }
    }
    b.parts.push(tableSource(t, tableConsts.get(key(t))!, ctx, columnsOf));
    b.tables++;
  }

  for (const schema of snapshot.schemas) {
    if (schema !== defaultSchema && !files.has(fileOf(schema))) {
      warnings.push(
        `schema ${schema} has no tables, enums or sequences: not pulled (a model cannot declare an empty schema); create it in a revision with op.createSchema`,
      );
    }
  }
  const views = db.unsupported.filter((u) => u.kind === "view");
  for (const v of views) warnings.push(`${v.schema}.${v.name}: ${v.detail} not pulled (the models declare tables); create it in a revision with op.execute`);

  const out: PulledFile[] = [];
  for (const b of files.values()) {
    if (b.parts.length === 0) continue;
    const schemaViews = views.filter((v) => b.schema !== null && v.schema === b.schema);
    const header = [
      b.schema === null
        ? "// Enums used by the tables of several schemas, written by `athanor pull` from the database."
        : `// The ${b.schema} schema's models, written by \`athanor pull\` from the database.`,
      ...schemaViews.map((v) => `// TODO review: ${v.detail} ${v.name} is not pulled (the models declare tables).`),
    ];
    if (b.namespace !== null) b.parts.unshift(`const ${b.namespace} = schema(${JSON.stringify(b.schema)});`);
    out.push({ file: b.file, schema: b.schema, tables: b.tables, enums: b.enums, sequences: b.sequences, source: b.source(header) });
  }
  return { files: out, warnings };
}
