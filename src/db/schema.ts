/** The whole schema as one object, for `drizzle(client, { schema })`. Code imports tables from their own files. */
import * as arrivals from "./schema/arrivals";
import * as auth from "./schema/auth";
import * as gatherings from "./schema/gatherings";
import * as people from "./schema/people";
import * as system from "./schema/system";

export const schema = { ...auth, ...people, ...arrivals, ...gatherings, ...system };
export type Schema = typeof schema;
