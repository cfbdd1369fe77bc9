import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes reviewed SQL migrations into src/db/migrations; the app applies them at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/*.ts",
  out: "./src/db/migrations",
});
