/**
 * Generators of malformed requests for every operation of the OpenAPI document (issue #8.3), with fast-check: a
 * plausible request is built from the operation's schemas (which come from the zod contract), then broken: wrong
 * types, missing and extra fields, nulls, huge strings, odd Unicode, injection strings, bad path and query
 * parameters, bodies that are not JSON, wrong content types.
 */
import fc from "fast-check";

type Schema = Record<string, unknown>;
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required: boolean; schema: Schema }[];
  body: { contentType: string; schema: Schema } | null;
}
export interface MalformedRequest {
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
  /** What was broken, for the failure messages. */
  mutation: string;
}

/** The operations of an OpenAPI 3.1 document, with `$ref`s resolved on demand. */
export function operationsOf(document: {
  paths: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}): { operations: Operation[]; resolve: (schema: Schema) => Schema } {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref;
    return typeof ref === "string" ? resolve(components[ref.split("/").pop() ?? ""] ?? {}) : schema;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const parameters = ((operation.parameters as Schema[] | undefined) ?? []).map((parameter) => ({
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        schema: resolve((parameter.schema as Schema | undefined) ?? {}),
      }));
      const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters,
        body: contentType ? { contentType, schema: resolve(media?.schema ?? {}) } : null,
      });
    }
  }
  return { operations, resolve };
}

/** A value the schema accepts, as far as a quick reading of the schema goes (a starting point to break). */
export function plausibleValue(
  schema: Schema,
  resolve: (schema: Schema) => Schema,
  known: Record<string, unknown> = {},
  depth = 0,
): unknown {
  const resolved = resolve(schema);
  if (depth > 6) return null;
  if (resolved.const !== undefined) return resolved.const;
  if (Array.isArray(resolved.enum)) return resolved.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = resolved[key] as Schema[] | undefined;
    const first = options?.find((option) => resolve(option).type !== "null");
    if (first) return plausibleValue(first, resolve, known, depth + 1);
  }
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== "null") : resolved.type;
  switch (type) {
    case "object": {
      const properties = (resolved.properties as Record<string, Schema> | undefined) ?? {};
      return Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          name in known ? known[name] : plausibleValue(property, resolve, known, depth + 1),
        ]),
      );
    }
    case "array":
      return resolved.items ? [plausibleValue(resolved.items as Schema, resolve, known, depth + 1)] : [];
    case "integer":
    case "number":
      return typeof resolved.minimum === "number" ? resolved.minimum : 1;
    case "boolean":
      return true;
    case "string": {
      const format = resolved.format;
      if (format === "date") return "2026-12-02";
      if (format === "time") return "10:00";
      if (format === "date-time") return "2026-12-02T10:00:00Z";
      if (format === "email") return "someone@example.test";
      if (format === "uri") return "https://example.test/";
      const min = typeof resolved.minLength === "number" ? resolved.minLength : 1;
      return "x".repeat(Math.max(1, min));
    }
    default:
      return null;
  }
}

const injections = [
  "' OR '1'='1",
  "1; DROP TABLE members; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\r\nSet-Cookie: injected=1",
  "BEGIN:VEVENT\r\nEND:VCALENDAR",
  "../../../../etc/passwd",
  "${jndi:ldap://127.0.0.1/x}",
  "{{7*7}}",
  "%00",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "𝔊𝔦𝔳𝔢𝔣𝔦𝔯𝔰𝔱👩🏽‍💻",
  "\ufeff",
  "NaN",
  "Infinity",
  "-0",
  "1e400",
  "0x10",
  "９",
  "true",
  "null",
  "",
  " ",
];

/** Values of every kind that a field should not hold. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...injections),
  fc.constantFrom(null, true, false, 0, -1, 1.5, -2_147_483_649, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e300),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer({ min: 20_000, max: 300_000 }).map((length) => "é".repeat(length)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.integer({ min: 50, max: 2000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);

/** Path and query parameter values that are not what the route expects. */
const nastyParameter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "1.5",
    "1e3",
    "2147483648",
    "99999999999999999999999",
    "abc",
    "null",
    "undefined",
    "%00",
    "%",
    "%zz",
    "..",
    "../..",
    "' OR 1=1 --",
    "<script>",
    " 1",
    "1 ",
    "",
    "mine",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer({ min: 2000, max: 20_000 }).map((length) => "9".repeat(length)),
);

const wrongContentTypes = [
  null,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=utf-16",
  "text/calendar",
];

/** Removes, retypes or adds one field somewhere in a plausible body. */
function breakBody(valid: unknown): fc.Arbitrary<{ body: unknown; mutation: string }> {
  const record = valid !== null && typeof valid === "object" && !Array.isArray(valid) ? (valid as Schema) : {};
  const fields = Object.keys(record);
  const options: fc.Arbitrary<{ body: unknown; mutation: string }>[] = [
    nastyValue.map((body) => ({ body, mutation: "whole body replaced" })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), nastyValue).map(([name, value]) => ({
      body: { ...record, [name]: value },
      mutation: `extra field ${JSON.stringify(name)}`,
    })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      fc.tuple(field, nastyValue).map(([name, value]) => ({
        body: { ...record, [name]: value },
        mutation: `field ${name} wrong`,
      })),
      // Injection strings inside an otherwise plausible value, so that they reach the use case and the database.
      fc.tuple(field, fc.constantFrom(...injections)).map(([name, injection]) => ({
        body: { ...record, [name]: typeof record[name] === "string" ? `${record[name]}${injection}` : injection },
        mutation: `field ${name} injected`,
      })),
      field.map((name) => {
        const { [name]: _dropped, ...rest } = record;
        return { body: rest, mutation: `field ${name} missing` };
      }),
      fc.tuple(field, fc.constantFrom(...fields), nastyValue).map(([outer, inner, value]) => ({
        body: { ...record, [outer]: { [inner]: value } },
        mutation: `field ${outer} nested`,
      })),
    );
  }
  return fc.oneof(...options);
}

/** Malformed requests for one operation; `validIds` gives real ids for the path parameters now and then. */
export function malformedRequests(
  operation: Operation,
  resolve: (schema: Schema) => Schema,
  validParameter: (name: string) => string,
  knownFields: Record<string, unknown> = {},
): fc.Arbitrary<MalformedRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === "path");
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === "query");
  const parameterValue = (name: string) =>
    fc.oneof({ arbitrary: nastyParameter, weight: 3 }, { arbitrary: fc.constant(validParameter(name)), weight: 2 });
  const path = fc
    .tuple(...pathParameters.map((parameter) => parameterValue(parameter.name)))
    .map((values) =>
      pathParameters.reduce(
        (url, parameter, index) => url.replace(`{${parameter.name}}`, encodeURIComponent(values[index] ?? "")),
        operation.path,
      ),
    );
  const query = fc
    .tuple(
      ...queryParameters.map((parameter) => fc.option(parameterValue(parameter.name), { nil: undefined })),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), nastyParameter), { nil: undefined }),
    )
    .map((values) => {
      const search = new URLSearchParams();
      queryParameters.forEach((parameter, index) => {
        const value = values[index] as string | undefined;
        if (value !== undefined) search.append(parameter.name, value);
      });
      const extra = values[queryParameters.length] as [string, string] | undefined;
      if (extra) search.append(extra[0], extra[1]);
      const text = search.toString();
      return text ? `?${text}` : "";
    });
  const valid = operation.body ? plausibleValue(operation.body.schema, resolve, knownFields) : undefined;
  const json = (body: unknown) => {
    try {
      return JSON.stringify(body) ?? "null";
    } catch {
      return "null";
    }
  };
  const bodies: fc.Arbitrary<{ contentType: string | null; body: string | null; mutation: string }> = fc.oneof(
    {
      weight: 5,
      arbitrary: breakBody(valid).map(({ body, mutation }) => ({
        contentType: operation.body?.contentType === "text/calendar" ? "text/calendar" : "application/json",
        body: operation.body?.contentType === "text/calendar" && typeof body === "string" ? body : json(body),
        mutation,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...wrongContentTypes),
          fc.oneof(fc.constant(json(valid ?? {})), fc.string({ maxLength: 60 })),
        )
        .map(([contentType, body]) => ({ contentType, body, mutation: `content type ${contentType}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("{", "[1,", '{"a":}', "\u0000", "{}garbage", "'single'", '{"__proto__":{"x":1}}', "")
        .map((body) => ({ contentType: "application/json", body, mutation: `not JSON: ${JSON.stringify(body)}` })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        contentType: "application/json",
        body: json(valid ?? {}),
        mutation: "plausible body, bad parameters",
      }),
    },
  );
  return fc.tuple(path, query, bodies).map(([url, search, body]) => ({
    method: operation.method,
    url: url + search,
    contentType: operation.method === "GET" ? null : body.contentType,
    body: operation.method === "GET" ? null : body.body,
    mutation: operation.method === "GET" ? "parameters" : body.mutation,
  }));
}
