import { z } from "zod";
import { Temporal } from "temporal-polyfill";
import { agendaKinds } from "./agenda-kind";
import { isTimeZone } from "./wall-clock";

/**
 * The agenda exchange format (docs/formats/agenda.schema.json): what `agenda solve FILE` reads and prints.
 * Validated once, at the edge; errors name the JSON path of the first problem.
 */
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(text: string): boolean {
  try {
    Temporal.PlainDate.from(text, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

const dateSchema = z.string().regex(datePattern, "expected YYYY-MM-DD").refine(isRealDate, "not a calendar date");
const timeSchema = z.string().regex(timePattern, "expected HH:MM");
const localDateTimeSchema = z
  .string()
  .regex(localDateTimePattern, "expected YYYY-MM-DDTHH:MM")
  .refine((text) => isRealDate(text.slice(0, 10)), "not a calendar date");
const idSchema = z.string().min(1, "expected a non-empty id");
const kindSchema = z.enum(agendaKinds);

const availableRangeSchema = z.union([
  z.tuple([timeSchema, timeSchema]),
  z.tuple([timeSchema, timeSchema, z.array(kindSchema)]),
]);

export const agendaInputSchema = z
  .object({
    timezone: z.string().refine(isTimeZone, "expected an IANA time zone"),
    days: z.array(z.object({ date: dateSchema, available: z.array(availableRangeSchema) }).strict()).min(1),
    max_per_day: z.number().int().min(0),
    travel: z.object({ speed_kmh: z.number().positive(), min_buffer_min: z.number().int().min(0) }).strict(),
    venues: z.record(
      idSchema,
      z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
    ),
    fixed: z.array(
      z
        .object({ id: idSchema, start: localDateTimeSchema, end: localDateTimeSchema, venue: idSchema.nullable() })
        .strict(),
    ),
    candidates: z.array(
      z
        .object({
          id: idSchema,
          counterpart: idSchema.nullable(),
          kind: kindSchema,
          value: z.number().min(0).finite(),
          duration_min: z.number().int().positive(),
          venue: idSchema.nullable(),
          starts: z.array(localDateTimeSchema),
          locked: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((input, context) => {
    // References and uniqueness, reported at the first offending path.
    const seenDates = new Set<string>();
    input.days.forEach((day, dayIndex) => {
      if (seenDates.has(day.date))
        context.addIssue({ code: "custom", path: ["days", dayIndex, "date"], message: "duplicate date" });
      seenDates.add(day.date);
      day.available.forEach((range, rangeIndex) => {
        if (range[0] >= range[1]) {
          context.addIssue({
            code: "custom",
            path: ["days", dayIndex, "available", rangeIndex],
            message: "end must be after start",
          });
        }
      });
    });
    const ids = new Set<string>();
    const checkVenue = (venue: string | null, path: (string | number)[]): void => {
      if (venue !== null && !(venue in input.venues))
        context.addIssue({ code: "custom", path, message: `unknown venue "${venue}"` });
    };
    input.fixed.forEach((item, index) => {
      if (ids.has(item.id)) context.addIssue({ code: "custom", path: ["fixed", index, "id"], message: "duplicate id" });
      ids.add(item.id);
      checkVenue(item.venue, ["fixed", index, "venue"]);
      if (item.end <= item.start)
        context.addIssue({ code: "custom", path: ["fixed", index, "end"], message: "end must be after start" });
    });
    input.candidates.forEach((candidate, index) => {
      if (ids.has(candidate.id))
        context.addIssue({ code: "custom", path: ["candidates", index, "id"], message: "duplicate id" });
      ids.add(candidate.id);
      checkVenue(candidate.venue, ["candidates", index, "venue"]);
    });
  });

export type AgendaInput = z.infer<typeof agendaInputSchema>;
export type AgendaInputCandidate = AgendaInput["candidates"][number];

/** A JSON path in the `$.a[3].b` notation used by error messages and the schema documentation. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = "$";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) text += `.${part}`;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

export type ParseAgendaResult =
  { ok: true; input: AgendaInput } | { ok: false; error: { path: string; message: string } };

/** Validates parsed JSON against the exchange format; on failure returns the first error with its JSON path. */
export function parseAgendaInput(json: unknown): ParseAgendaResult {
  const result = agendaInputSchema.safeParse(json);
  if (result.success) return { ok: true, input: result.data };
  const issue = result.error.issues[0];
  if (issue === undefined) return { ok: false, error: { path: "$", message: "invalid input" } };
  return { ok: false, error: { path: formatJsonPath(issue.path), message: issue.message } };
}

/** One unscheduled candidate's explanation, as written in the output file. */
export interface AgendaOutputUnscheduled {
  id: string;
  reason: string;
  code: string;
  params: Record<string, string | number>;
  alternative: string | null;
}

/** The exchange format's output. `code` and `params` are the structured reason the app translates. */
export interface AgendaOutput {
  status: "optimal" | "feasible" | "infeasible";
  solver: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  chosen: { id: string; start: string }[];
  unscheduled: AgendaOutputUnscheduled[];
  time_ms: number;
}
