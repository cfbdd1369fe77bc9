#!/usr/bin/env node
/**
 * The command line, and one of the two composition roots. Each command's module is imported only when it runs,
 * so that file commands (`agenda solve`, `analyze FILE`) start fast and never open the app's database.
 */
import { Command } from "commander";
import type { AppContext } from "../app/context";

const program = new Command("givefirst").description("Givefirst command line").showHelpAfterError();

/** Runs a command module's exported function and turns its number into the exit code. */
async function run(load: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await load();
  } catch (error) {
    const known = error as { name?: string; message?: string };
    if (known.name === "AppError" || known.name === "ConfigError" || known.name === "DataDirLockedError") {
      console.error(known.message);
      process.exitCode = 1;
    } else throw error;
  }
}

/** Opens the app's database from the configuration, runs `body` with a context, and closes it. */
async function withContext(body: (context: AppContext) => Promise<number>): Promise<number> {
  const [{ loadConfig, databaseOptions }, { createDb }, { createAppContext }, { noJobs }, { default: pino }] =
    await Promise.all([
      import("../server/config"),
      import("../db/create-db"),
      import("../app/create-context"),
      import("../app/job-queue"),
      import("pino"),
    ]);
  const config = loadConfig();
  const handle = await createDb(databaseOptions(config));
  try {
    return await body(createAppContext(handle, { ...config, release: "cli" }, noJobs, pino({ level: "warn" })));
  } finally {
    await handle.close();
  }
}

const integer = (value: string) => Number.parseInt(value, 10);

program
  .command("migrate")
  .description("apply the database migrations (they also run at every start)")
  .action(() =>
    run(() =>
      withContext(async () => {
        console.log("The database schema is up to date.");
        return 0;
      }),
    ),
  );

program
  .command("seed")
  .description("load a generated demo world (Miami and Toulouse)")
  .option("--members <n>", "members per city (default 2000)", integer)
  .option("--seed <s>", "seed of the generator (default givefirst)")
  .action((options: { members?: number; seed?: string }) =>
    run(async () => {
      const { seedCommand } = await import("./commands/seed");
      return withContext((context) => seedCommand(context, options));
    }),
  );

const cities = program.command("cities").description("the cities of this instance");
cities
  .command("list")
  .action(() =>
    run(async () => withContext(async (context) => (await import("./commands/admin")).listCitiesCommand(context))),
  );
cities
  .command("add")
  .requiredOption("--slug <slug>", "short name used in URLs, e.g. lisbon")
  .requiredOption("--name <name>", "the city's name")
  .option("--name-fr <name>", "the city's name in French")
  .requiredOption("--country <code>", "ISO 3166-1 alpha-2 country code, e.g. PT")
  .requiredOption("--time-zone <zone>", "IANA time zone, e.g. Europe/Lisbon")
  .option("--locale <locale>", "en or fr", "en")
  .action(
    (options: { slug: string; name: string; nameFr?: string; country: string; timeZone: string; locale: string }) =>
      run(async () =>
        withContext(async (context) => (await import("./commands/admin")).addCityCommand(context, options)),
      ),
  );

const roles = program.command("roles").description("grant or revoke organiser, moderator and admin roles");
for (const action of ["grant", "revoke"] as const) {
  roles
    .command(`${action} <member> <role>`)
    .description(`${action} a role; <member> is a member id or an account email`)
    .option("--city <slug>", "the city (organisers)")
    .action((member: string, role: string, options: { city?: string }) =>
      run(async () =>
        withContext(async (context) =>
          (await import("./commands/admin")).roleCommand(context, action, { member, role, ...options }),
        ),
      ),
    );
}

program
  .command("import <file>")
  .description("find members among a LinkedIn Connections.csv, Mastodon following_accounts.csv or vCard file")
  .requiredOption("--member <email>", "the account email of the member importing")
  .option("--format <format>", "linkedin, mastodon or vcard (detected when absent)")
  .option("--follow", "follow the members found, after reviewing the list")
  .option("--only <ids>", "with --follow: only these member ids (comma-separated)")
  .option("--json", "print the matches as JSON")
  .action(
    (file: string, options: { member: string; format?: string; follow?: boolean; only?: string; json?: boolean }) =>
      run(async () =>
        withContext(async (context) =>
          (await import("./commands/import-network")).importNetworkCommand(context, file, options),
        ),
      ),
  );

const agenda = program.command("agenda").description("the agenda solver");
agenda
  .command("solve <file>")
  .description("solve an agenda exchange file (docs/formats/agenda.schema.json) without opening the database")
  .option("--json", "print the result as JSON")
  .option("--budget-ms <n>", "time budget in milliseconds", integer)
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
  .option("--seed <n>", "seed for community detection and sampling", integer)
  .action(
    (
      file: string | undefined,
      options: { city?: string; directed?: boolean; nodes?: string; json?: boolean; seed?: number },
    ) =>
      run(async () => {
        if (file !== undefined) return (await import("./commands/analyze-file")).analyzeFileCommand(file, options);
        if (!options.city) {
          console.error("analyze: give a FILE, or --city NAME for a city of the app's database");
          return 2;
        }
        const city = options.city;
        const { analyzeCityCommand } = await import("./commands/analyze-city");
        return withContext((context) => analyzeCityCommand(context, { ...options, city }));
      }),
  );

await program.parseAsync(process.argv);
