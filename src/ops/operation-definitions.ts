// Every operation's definition, keyed by its kind: the one list of operations. The data
// types (operation.ts), the facade (operations.ts), validation (operation-schema.ts) and
// the records of the dialect and autogenerate, keyed by the same kinds, follow from it.
import * as columns from "./definitions/columns.js";
import * as constraints from "./definitions/constraints.js";
import * as data from "./definitions/data.js";
import * as enums from "./definitions/enums.js";
import * as indexes from "./definitions/indexes.js";
import * as schemas from "./definitions/schemas.js";
import * as tables from "./definitions/tables.js";

const all = { ...tables, ...columns, ...indexes, ...constraints, ...enums, ...schemas, ...data };

/** Each definition under its own kind: a family file exporting one under another name fails to compile. */
export const operationDefinitions: { readonly [K in keyof typeof all]: (typeof all)[K] & { readonly kind: K } } = all;
