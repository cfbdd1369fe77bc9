/**
 * `agenda solve FILE [--json] [--budget-ms N]`: solves an agenda exchange file (docs/formats/agenda.schema.json)
 * without the app's database, so it loads only the pure agenda domain and starts fast.
 * Exit codes: 0 solved, 1 invalid input or no feasible agenda, 2 file not readable.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseAgendaInput } from "../../domain/agenda/exchange-format";
import { formatPlan } from "../../domain/agenda/format-plan";
import { solveAgenda } from "../../domain/agenda/solve-agenda";

/** Default time budget: the heuristic answers in milliseconds, the exact solver gets the rest. */
const defaultBudgetMs = 2_000;

export async function agendaSolveCommand(
  file: string,
  options: { json?: boolean; budgetMs?: number },
): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    console.error(`${file}: not JSON: ${(error as Error).message}`);
    return 1;
  }
  const parsed = parseAgendaInput(json);
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.error.path}: ${parsed.error.message}`);
    return 1;
  }
  const budgetMs =
    options.budgetMs !== undefined && Number.isFinite(options.budgetMs) ? options.budgetMs : defaultBudgetMs;
  const { output } = solveAgenda(parsed.input, { budgetMs, clock: () => performance.now() });
  console.log(options.json === true ? JSON.stringify(output, null, 2) : formatPlan(parsed.input, output));
  return output.status === "infeasible" ? 1 : 0;
}
