import { allCases } from "./round-trip-all-cases.js";
import { pgliteRoundTrips } from "./round-trip-pglite.js";

pgliteRoundTrips(allCases.slice(0, Math.ceil(allCases.length / 2)));
