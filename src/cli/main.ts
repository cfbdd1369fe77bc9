#!/usr/bin/env node
/**
 * The command line, and one of the two composition roots. Each command's module is imported only when it runs,
 * so that file commands (`agenda solve`, `analyze FILE`) start fast and never open the app's database.
 */
import { Command } from "commander";

const program = new Command("givefirst").description("Givefirst command line").showHelpAfterError();

/** Runs a command module's exported function and turns its number into the exit code. */
async function run(load: () => Promise<number>): Promise<void> {
  process.exitCode = await load();
}

const agenda = program.command("agenda").description("the agenda solver");
agenda
  .command("solve <file>")
  .description("solve an agenda exchange file (docs/formats/agenda.schema.json) without opening the database")
  .option("--json", "print the result as JSON")
  .option("--budget-ms <n>", "time budget in milliseconds", (value) => Number.parseInt(value, 10))
  .action((file: string, options: { json?: boolean; budgetMs?: number }) =>
    run(async () => (await import("./commands/agenda-solve")).agendaSolveCommand(file, options)),
  );

program
  .command("analyze [file]")
  .description("openness report of a city (--city) or of any network file (CSV edge list or GraphML)")
  .option("--city <name>", "a city of the app's database")
  .option("--directed", "the edge list is directed")
  .option("--nodes <file>", "node attributes CSV (id,attr1,...)")
  .option("--json", "print one JSON object")
  .option("--seed <n>", "seed for community detection and sampling", (value) => Number.parseInt(value, 10))
  .action(
    (
      file: string | undefined,
      options: { city?: string; directed?: boolean; nodes?: string; json?: boolean; seed?: number },
    ) =>
      run(async () =>
        file !== undefined
          ? (await import("./commands/analyze-file")).analyzeFileCommand(file, options)
          : (await import("./commands/analyze-city")).analyzeCityCommand(options),
      ),
  );

await program.parseAsync(process.argv);
