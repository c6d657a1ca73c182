// Does athanor's error say what Alembic's says? Compares loosely: the AthanorError code must
// be one that fits Alembic's error, and the message must carry Alembic's key phrase or the
// argument it is about. athanor adds files and hints; it must not lose the point.
import type { AthanorError, ErrorCode } from "../../src/errors.js";
import type { AlembicError } from "./fixture.js";

interface Rule {
  /** Matched against Alembic's message and causeMessage. */
  alembic: RegExp;
  codes: readonly ErrorCode[];
  /** athanor's message must match one of these (built from Alembic's match). */
  phrases: (m: RegExpMatchArray) => (string | RegExp)[];
}

const rules: Rule[] = [
  {
    alembic: /Multiple head revisions are present for given argument '([^']*)'/,
    codes: ["MULTIPLE_HEADS"],
    phrases: () => ["Multiple head revisions are present", /multiple heads/i],
  },
  {
    alembic: /please ensure at least four characters/,
    codes: ["PREFIX_TOO_SHORT", "REVISION_NOT_FOUND"],
    phrases: () => ["at least four characters"],
  },
  {
    alembic: /Multiple revisions start with '([^']*)'/,
    codes: ["AMBIGUOUS_PREFIX"],
    phrases: (m) => [`Multiple revisions start with '${m[1]}'`, `'${m[1]}'`],
  },
  {
    alembic: /Revision (\S+) is not a member of branch '([^']*)'/,
    codes: ["REVISION_NOT_FOUND", "BAD_REV_SPEC", "USAGE"],
    phrases: (m) => [`not a member of branch '${m[2]}'`, m[1]!],
  },
  {
    alembic: /No such branch: '([^']*)'/,
    codes: ["REVISION_NOT_FOUND", "BAD_REV_SPEC"],
    phrases: (m) => [`'${m[1]}'`, m[1]!],
  },
  {
    alembic: /Can't locate revision identified by '([^']*)'|No such revision or branch '([^']*)'/,
    codes: ["REVISION_NOT_FOUND", "BAD_REV_SPEC", "AMBIGUOUS_PREFIX", "PREFIX_TOO_SHORT"],
    phrases: (m) => [`'${m[1] ?? m[2]}'`, (m[1] ?? m[2])!],
  },
  {
    alembic: /does not refer to ancestor\/descendant revisions|is not a valid (upgrade|downgrade) target/,
    codes: ["RANGE_NOT_ANCESTOR"],
    phrases: () => ["ancestor", "not a valid", /target/],
  },
  {
    alembic: /^Ambiguous walk$/,
    codes: ["AMBIGUOUS_WALK"],
    phrases: () => ["Ambiguous walk"],
  },
  {
    alembic: /Ambiguous upgrade from multiple current revisions/,
    codes: ["AMBIGUOUS_WALK", "MULTIPLE_HEADS", "USAGE"],
    phrases: () => [/ambiguous/i, /several|multiple/i],
  },
  {
    alembic: /Relative revision (\S+) didn't produce (\d+) migrations|Walked too far/,
    codes: ["RELATIVE_PAST_BASE", "USAGE", "BAD_REV_SPEC"],
    phrases: (m) => (m[1] ? [`Relative revision ${m[1]}`, m[1]] : ["Walked too far", /past|beyond|too far/i]),
  },
];

/** undefined when athanor's error fits Alembic's, else what does not fit. */
export function errorMatches(expected: AlembicError, actual: AthanorError): string | undefined {
  const texts = [expected.message, expected.causeMessage ?? ""];
  for (const rule of rules) {
    const m = texts.map((t) => t.match(rule.alembic)).find((x) => x);
    if (!m) continue;
    if (!rule.codes.includes(actual.code)) {
      return `Alembic's ${expected.errorClass} "${expected.message}" expects code ${rule.codes.join("|")}, athanor threw ${actual.code}: ${actual.message}`;
    }
    const said = `${actual.message}\n${actual.hint ?? ""}`;
    const phrases = rule.phrases(m);
    const ok = phrases.some((p) => (typeof p === "string" ? said.includes(p) : p.test(said)));
    return ok
      ? undefined
      : `athanor's message lacks Alembic's point (${phrases.map(String).join(" or ")}): Alembic "${expected.message}", athanor ${actual.code}: ${actual.message}`;
  }
  return undefined; // an Alembic error we have no rule for: any AthanorError will do
}
