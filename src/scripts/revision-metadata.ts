// Validates the metadata values read from a revision file (TypeScript or SQL) and turns
// them into the RevisionSource the graph consumes. Both readers collect raw values with
// their line numbers; every rule about what a value may be lives here, once.
import type { ZodType } from "zod";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { REVISION_ID_PATTERN, REVISION_ID_RULE } from "../graph/revision-id-rule.js";
// A leaf module with no imports of its own: revision timeouts read like config timeouts.
import { parseDuration } from "../config/duration.js";
import { zod } from "../config/zod-loader.js";

export const METADATA_NAMES = [
  "revision",
  "downRevision",
  "branchLabels",
  "dependsOn",
  "replaces",
  "message",
  "createDate",
  "transactional",
  "statementTimeout",
  "lockTimeout",
] as const;
export type MetadataName = (typeof METADATA_NAMES)[number];

const METADATA_NAME_SET = new Set<string>(METADATA_NAMES);

export function isMetadataName(name: string): name is MetadataName {
  return METADATA_NAME_SET.has(name);
}

export interface MetadataField {
  readonly value: unknown;
  /** 1-based line of the declaration. */
  readonly line: number;
}
export type RawMetadata = Partial<Record<MetadataName, MetadataField>>;

// Labels and dependsOn entries are written comma-separated in SQL headers and as
// `label@head` in rev specs, so they may not contain commas, `@` or spaces.
const NAME_PATTERN = /^[^\s@,]+$/;

function buildFieldSchemas() {
  const { z } = zod();
  const revisionId = z.string().regex(REVISION_ID_PATTERN);
  const name = z.string().regex(NAME_PATTERN);
  const duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms === 0) {
      ctx.addIssue({ code: "custom", message: "not a duration" });
      return z.NEVER;
    }
    return ms;
  });
  return {
    revision: revisionId,
    downRevision: z.union([z.null(), revisionId, z.array(revisionId).refine(distinct)]),
    branchLabels: z.union([z.null(), name, z.array(name).refine(distinct)]),
    dependsOn: z.union([z.null(), name, z.array(name).refine(distinct)]),
    replaces: z.union([z.null(), revisionId, z.array(revisionId).refine(distinct)]),
    message: z.union([z.null(), z.string()]),
    createDate: z.union([z.null(), z.string()]),
    transactional: z.boolean(),
    statementTimeout: duration,
    lockTimeout: duration,
  } satisfies Record<MetadataName, ZodType>;
}

let fieldSchemas: ReturnType<typeof buildFieldSchemas> | undefined;

/** Each metadata field's zod schema: the rules, and the wording of every error. */
export function metadataSchemas(): ReturnType<typeof buildFieldSchemas> {
  fieldSchemas ??= buildFieldSchemas();
  return fieldSchemas;
}

const distinct = (list: readonly unknown[]) => new Set(list).size === list.length;
const isId = (value: unknown) => typeof value === "string" && REVISION_ID_PATTERN.test(value);
const isName = (value: unknown) => typeof value === "string" && NAME_PATTERN.test(value);
/** null, one item, or a list of distinct items: the shape of downRevision, branchLabels and dependsOn. */
const noneOneOrMany = (isItem: (value: unknown) => boolean) => (value: unknown) =>
  value === null || isItem(value) || (Array.isArray(value) && value.every(isItem) && distinct(value));
const textOrNull = (value: unknown) => value === null || typeof value === "string";

/**
 * The values nearly every file holds, recognised without loading zod (a 10,000-file
 * scan would spend a sixth of its time importing it). Each check accepts only values its
 * field's schema accepts unchanged (revision-metadata.test.ts holds them to that on
 * generated values); anything else goes to the schema, which decides and words the error.
 */
export const plainMetadata: Record<MetadataName, (value: unknown) => boolean> = {
  revision: isId,
  downRevision: noneOneOrMany(isId),
  branchLabels: noneOneOrMany(isName),
  dependsOn: noneOneOrMany(isName),
  replaces: noneOneOrMany(isId),
  message: textOrNull,
  createDate: textOrNull,
  transactional: (value) => typeof value === "boolean",
  // Durations are converted to milliseconds, and rare: always the schema.
  statementTimeout: () => false,
  lockTimeout: () => false,
};

const expectations: Record<MetadataName, string> = {
  revision: `must be a string of ${REVISION_ID_RULE}`,
  downRevision: "must be null (a base), a revision id, or an array of distinct revision ids (a merge)",
  branchLabels: "must be null, a label or an array of distinct labels (no spaces, '@' or ',')",
  dependsOn: "must be null, a revision id or label, or an array of distinct ones (no spaces, '@' or ',')",
  replaces: "must be null, a revision id, or an array of distinct revision ids (the revisions a squash stands for)",
  message: "must be a string or null",
  createDate: "must be a string or null",
  transactional: "must be true or false",
  statementTimeout: 'must be a duration above zero, e.g. "5min", "30s", "200ms" (or a number of milliseconds)',
  lockTimeout: 'must be a duration above zero, e.g. "2s", "500ms" (or a number of milliseconds)',
};

export interface MetadataContext {
  /** The file as shown to users. */
  readonly path: string;
  readonly format: "ts" | "sql";
  /** The file name: orders independent branches (RevisionSource.sortKey). */
  readonly sortKey: string;
  /** How a field is spelled in this format, for messages (`down_revision` in SQL). */
  readonly spell: (field: MetadataName) => string;
}

/** Checks every field and builds the RevisionSource; throws INVALID_REVISION_FILE naming file:line. */
export function toRevisionSource(raw: RawMetadata, context: MetadataContext): RevisionSource {
  const { path, spell } = context;
  const example = context.format === "sql" ? "-- revision: 0002" : 'export const revision = "0002";';
  if (raw.revision === undefined) {
    throw errors.invalidRevisionFile(`${path}: no ${spell("revision")} declared; athanor cannot tell which revision this file is`, {
      hint: `Declare the id at the top of the file, e.g. ${example}`,
      details: { file: path },
    });
  }
  if (raw.downRevision === undefined) {
    const base = context.format === "sql" ? "-- down_revision: none" : "export const downRevision = null;";
    throw errors.invalidRevisionFile(`${path}: no ${spell("downRevision")} declared for revision ${String(raw.revision.value)}`, {
      hint: `Name the parent revision, or write \`${base}\` if this revision starts a new base.`,
      details: { file: path, line: raw.revision.line },
    });
  }
  // Each field in turn: the quick check, else the schema (which words the error).
  const valueOf = (field: MetadataName): unknown => {
    const entry = raw[field];
    if (entry === undefined || plainMetadata[field](entry.value)) return entry?.value;
    const result = metadataSchemas()[field].safeParse(entry.value);
    if (!result.success) {
      throw errors.invalidRevisionFile(`${path}:${entry.line}: ${spell(field)} ${expectations[field]}; found ${describe(entry.value)}`, {
        hint: "Fix the value in the file; athanor reads it without running the file.",
        details: { file: path, line: entry.line, field },
      });
    }
    return result.data;
  };
  const source: RevisionSource = {
    revision: valueOf("revision") as string,
    downRevisions: asList(valueOf("downRevision")),
    branchLabels: asList(valueOf("branchLabels")),
    dependsOn: asList(valueOf("dependsOn")),
    message: (valueOf("message") as string | null | undefined) ?? "",
    createDate: (valueOf("createDate") as string | null | undefined) ?? null,
    path,
    sortKey: context.sortKey,
    transactional: (valueOf("transactional") as boolean | undefined) ?? true,
    format: context.format,
    lines: linesOf(raw),
  };
  const statementTimeout = valueOf("statementTimeout") as number | undefined;
  const lockTimeout = valueOf("lockTimeout") as number | undefined;
  const replaces = asList(valueOf("replaces"));
  if (statementTimeout === undefined && lockTimeout === undefined && replaces.length === 0) return source;
  if (replaces.includes(source.revision)) {
    throw errors.invalidRevisionFile(`${path}:${raw.replaces!.line}: ${spell("replaces")} names the revision itself (${source.revision})`, {
      hint: "A squash revision replaces the revisions of its range, never itself; remove its own id from the list.",
      details: { file: path, line: raw.replaces!.line, field: "replaces" },
    });
  }
  return {
    ...source,
    ...(replaces.length === 0 ? {} : { replaces }),
    ...(statementTimeout === undefined ? {} : { statementTimeout }),
    ...(lockTimeout === undefined ? {} : { lockTimeout }),
  };
}

/** Where the fields that graph errors point at are declared. */
function linesOf(raw: RawMetadata): RevisionSource["lines"] {
  const lines: { -readonly [K in keyof NonNullable<RevisionSource["lines"]>]?: number } = {
    revision: raw.revision?.line,
    downRevision: raw.downRevision?.line,
  };
  if (raw.branchLabels !== undefined) lines.branchLabels = raw.branchLabels.line;
  if (raw.dependsOn !== undefined) lines.dependsOn = raw.dependsOn.line;
  if (raw.replaces !== undefined) lines.replaces = raw.replaces.line;
  return lines;
}

// Lists are frozen: the graph keeps a frozen list as it is instead of copying it, and
// most revisions share this empty one.
const NONE: readonly string[] = Object.freeze([]);

function asList(value: unknown): readonly string[] {
  if (value === null || value === undefined) return NONE;
  return Object.freeze(typeof value === "string" ? [value] : [...(value as string[])]);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value === "" ? "an empty string" : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(", ")}]`;
  return String(value);
}
