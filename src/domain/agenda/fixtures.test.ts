import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkPlan } from "./check-plan";
import { agendaInputSchema, parseAgendaInput } from "./exchange-format";
import { solveAgenda } from "./solve-agenda";

const root = join(import.meta.dirname, "../../..");
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(root, "test/fixtures/agenda", name), "utf8"));

describe("agenda fixtures and the published JSON Schema", () => {
  it("solves the Miami week to a checked optimum", () => {
    const parsed = parseAgendaInput(fixture("miami-week.json"));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { output } = solveAgenda(parsed.input);
    expect(output.status).toBe("optimal");
    expect(output.objective).toBe(330);
    expect(checkPlan(parsed.input, output.chosen).violations).toEqual([]);
    expect(output.unscheduled.find((entry) => entry.id === "coffee-ana")?.code).toBe("same_counterpart");
  });

  it("reports the first invalid field of a file with its JSON path", () => {
    expect(parseAgendaInput(fixture("invalid-start.json"))).toEqual({
      ok: false,
      error: { path: "$.candidates[3].starts[0]", message: "expected YYYY-MM-DDTHH:MM" },
    });
  });

  it("says which locked items clash", () => {
    const parsed = parseAgendaInput(fixture("infeasible-locked.json"));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { output } = solveAgenda(parsed.input);
    expect(output.status).toBe("infeasible");
    expect(output.unscheduled.slice(0, 2).map((entry) => entry.code)).toEqual(["locked_clash", "locked_clash"]);
  });

  it("keeps docs/formats/agenda.schema.json in step with the zod schema (fields, required, kinds)", () => {
    const published = JSON.parse(readFileSync(join(root, "docs/formats/agenda.schema.json"), "utf8")) as {
      required: string[];
      properties: Record<string, { items?: { required?: string[]; properties?: Record<string, unknown> } }>;
      $defs: { kind: { enum: string[] } };
    };
    const generated = z.toJSONSchema(agendaInputSchema, { io: "input", unrepresentable: "any" }) as {
      required: string[];
      properties: Record<string, { items?: { required?: string[]; properties?: Record<string, unknown> } }>;
    };
    expect([...published.required].sort()).toEqual([...generated.required].sort());
    for (const list of ["candidates", "fixed", "days"]) {
      expect(Object.keys(published.properties[list]?.items?.properties ?? {}).sort(), list).toEqual(
        Object.keys(generated.properties[list]?.items?.properties ?? {}).sort(),
      );
      expect([...(published.properties[list]?.items?.required ?? [])].sort(), list).toEqual(
        [...(generated.properties[list]?.items?.required ?? [])].sort(),
      );
    }
    expect(published.$defs.kind.enum).toEqual(["coffee", "lunch", "dinner", "visit", "event", "other"]);
  });
});
