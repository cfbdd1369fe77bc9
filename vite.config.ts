import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app: built into dist/web and served by the same server; in development `vite` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist/web", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://localhost:3000", "/health": "http://localhost:3000" } },
});
