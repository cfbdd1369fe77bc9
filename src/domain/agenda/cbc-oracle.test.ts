import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileAgenda } from "./compile-agenda";
import { solveExact } from "./exact-solver";
import { generateAgenda } from "./generate-agenda";
import { writeLp } from "./lp-format";

/**
 * Debian's cbc as an independent oracle on generated medium weeks. Required under CI or REQUIRE_CBC (the test then
 * fails when cbc is missing); elsewhere it is skipped with a loud message.
 */
function hasCbc(): boolean {
  try {
    execFileSync("cbc", ["-quit"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const isRequired = Boolean(process.env.CI) || Boolean(process.env.REQUIRE_CBC);
const isAvailable = hasCbc();
if (!isAvailable && !isRequired)
  console.warn("\n*** cbc not found: the agenda cbc cross-check is SKIPPED (apt install coinor-cbc) ***\n");

/** Runs cbc on an LP file and reads its objective line. */
export function cbcObjective(lp: string): { status: string; objective: number } {
  const folder = mkdtempSync(join(tmpdir(), "agenda-cbc-"));
  try {
    const file = join(folder, "model.lp");
    writeFileSync(file, lp);
    const out = execFileSync("cbc", [file, "solve", "quit"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const status = /Result - (.*)/.exec(out)?.[1]?.trim() ?? "unknown";
    const objective = Number(/Objective value:\s+(-?[\d.eE+-]+)/.exec(out)?.[1] ?? Number.NaN);
    return { status, objective };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe.skipIf(!isAvailable && !isRequired)("exact agenda solver against cbc", () => {
  it("cbc is installed", () => {
    expect(isAvailable, "cbc is required here (CI or REQUIRE_CBC) but was not found on PATH").toBe(true);
  });

  const instances = [
    { candidates: 60, seed: "cbc-1" },
    { candidates: 60, seed: "cbc-2", lockedShare: 0.03 },
    { candidates: 120, seed: "cbc-3" },
    { candidates: 150, seed: "cbc-4", maxPerDay: 3 },
  ];
  for (const options of instances) {
    it(`same optimum as cbc on ${options.candidates} candidates (${options.seed})`, () => {
      const model = compileAgenda(generateAgenda(options));
      const exact = solveExact(model);
      const cbc = cbcObjective(writeLp(model));
      if (cbc.status.startsWith("Problem proven infeasible") || cbc.status.includes("infeasible")) {
        expect(exact.status).toBe("infeasible");
        return;
      }
      expect(cbc.status).toBe("Optimal solution found");
      expect(exact.status).toBe("optimal");
      expect(exact.objective).toBeCloseTo(cbc.objective, 5);
    });
  }
});
