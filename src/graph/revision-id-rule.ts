// What a revision id may be: the one rule, used by the graph (every source, however it
// was read), the revision-file reader and `revision --rev-id` before a file is written.
// The version table is alembic_version(version_num varchar(32)), so an id fits in 32
// characters; '@', '-' and '+' would read as rev-spec syntax (Alembic refuses them too);
// anything outside letters, digits and '_' would need quoting in SQL headers and shells.

/** Every valid id matches, and only those: the quick check for hot paths. */
export const REVISION_ID_PATTERN = /^[A-Za-z0-9_]{1,32}$/;

/** What `revision`, `downRevision` entries and `--rev-id` must be, in words. */
export const REVISION_ID_RULE = "1 to 32 letters, digits or '_' (no '@', '-' or '+', which read as rev specs; alembic_version.version_num is varchar(32))";

const REV_SPEC_CHARACTERS = ["@", "-", "+"];

/** Why `id` is not a valid revision id, or undefined when it is. */
export function revisionIdProblem(id: string): string | undefined {
  if (REVISION_ID_PATTERN.test(id)) return undefined;
  if (id.length === 0) return "Empty revision identifier";
  const specCharacters = REV_SPEC_CHARACTERS.filter((c) => id.includes(c));
  if (specCharacters.length > 0) return `Character(s) '${specCharacters.join(", ")}' not allowed in revision identifier '${id}'`;
  if (id.length > 32) return `Revision identifier '${id}' is ${id.length} characters long; the version table holds at most 32`;
  return `Revision identifier ${JSON.stringify(id)} may hold only letters, digits and '_'`;
}
