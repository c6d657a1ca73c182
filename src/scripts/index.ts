// Revision files on disk: finding and reading them (never executing them to build the
// graph), loading one to run its steps, and writing new ones. What runtime, autogenerate
// and the CLI import from src/scripts.
export { scanRevisionFiles, listRevisionFiles, DEFAULT_VERSION_LOCATIONS, type VersionLocation, type ScanOptions } from "./scan-version-locations.js";
export { readRevisionFile, revisionFormatOf, readTextFile } from "./read-revision-file.js";
export { readTsMetadata } from "./read-ts-metadata.js";
export { readSqlRevision, type SqlRevision } from "./read-sql-revision.js";
export type { RawMetadata } from "./revision-metadata.js";
export { REVISION_ID_PATTERN } from "../graph/revision-id-rule.js";
export { loadRevision, type LoadedRevision, type RevisionStep } from "./load-revision.js";
export { writeRevisionFile, BUILTIN_TEMPLATES_DIR, type WriteRevisionOptions, type WrittenRevision } from "./write-revision.js";
export { newRevisionId, nextSequentialId, randomRevisionId, type RevisionIdMode } from "./revision-id.js";
export { revisionFileName, slugOf, formatCreateDate } from "./revision-file-name.js";
export { renderTemplate, checkTemplate, TEMPLATE_PLACEHOLDERS, type TemplateValues } from "./render-template.js";
export { initProject, type InitProjectOptions, type InitProjectResult } from "./init-project.js";
