// Every round-trip case: the basic kinds of change and one file per area in cases/.
import { cases as basic, type RoundTripCase } from "./round-trip-cases.js";
import { castCases } from "./cases/casts.js";
import { columnCases } from "./cases/columns.js";
import { enumCases } from "./cases/enums.js";
import { expressionCases } from "./cases/expressions.js";
import { identityCases } from "./cases/identity.js";
import { indexCases } from "./cases/indexes.js";
import { schemaCases } from "./cases/schemas.js";
import { sequenceCases } from "./cases/sequences.js";

export const allCases: readonly RoundTripCase[] = [
  ...basic,
  ...schemaCases,
  ...indexCases,
  ...expressionCases,
  ...identityCases,
  ...castCases,
  ...enumCases,
  ...sequenceCases,
  ...columnCases,
];
