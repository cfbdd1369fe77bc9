// Lint: a few rules that catch real bugs, plus the layer rules of docs/ARCHITECTURE.md (imports point down only).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const layers = ["domain", "api", "db", "app", "jobs", "server", "web", "cli"];
/** Forbids importing the named layers; those in `typesOnly` may still be imported with `import type`. */
const forbid = (names, typesOnly = []) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [...names, ...typesOnly].map((name) => ({
        group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`],
        message: `This layer may not import src/${name} (see docs/ARCHITECTURE.md).`,
        allowTypeImports: typesOnly.includes(name),
      })),
    },
  ],
});
const except = (...names) => layers.filter((layer) => !names.includes(layer));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "test-results/", "playwright-report/", ".data/", "scratch/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["src/domain/**"], rules: forbid(except("domain")) },
  { files: ["src/api/**"], rules: forbid(except("domain", "api")) },
  { files: ["src/db/**"], rules: forbid(except("domain", "db")) },
  { files: ["src/app/**"], rules: forbid(except("domain", "db", "app")) },
  { files: ["src/jobs/**"], rules: forbid(except("domain", "app", "jobs", "db"), ["db"]) },
  {
    files: ["src/server/**"],
    ignores: ["src/server/main.ts"],
    rules: forbid(except("domain", "api", "app", "server", "db"), ["db"]),
  },
  { files: ["src/web/**"], rules: forbid(except("api", "web")) },
  { files: ["src/cli/**"], ignores: ["src/cli/main.ts"], rules: forbid(except("domain", "api", "app", "cli")) },
  { files: ["src/server/main.ts", "src/cli/main.ts"], rules: forbid(["web"]) },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },
);
