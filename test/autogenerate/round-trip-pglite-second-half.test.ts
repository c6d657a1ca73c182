import { allCases } from "./round-trip-all-cases.js";
import { pgliteRoundTrips } from "./round-trip-pglite.js";

pgliteRoundTrips(allCases.slice(Math.ceil(allCases.length / 2)));
