import type { AgendaModel } from "./agenda-model";
import type { AgendaInput } from "./exchange-format";
import type { SolverOutcome } from "./solver";

/** The chosen placements of an outcome in the exchange format's terms (each start as the input wrote it). */
export function chosenOf(
  model: AgendaModel,
  input: AgendaInput,
  outcome: SolverOutcome,
): { id: string; start: string }[] | null {
  if (outcome.placements === null) return null;
  return outcome.placements.map((index) => {
    const placement = model.placements[index];
    const candidate = input.candidates[placement?.candidate ?? -1];
    return { id: candidate?.id ?? "", start: candidate?.starts[placement?.startIndex ?? -1] ?? "" };
  });
}
