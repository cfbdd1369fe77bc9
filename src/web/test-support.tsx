/** Helpers for component tests: providers around a component, and a fetch stub that records requests. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { vi } from "vitest";
import { i18next } from "./i18n";

export function renderWithProviders(element: ReactElement, { language = "en" }: { language?: "en" | "fr" } = {}) {
  void i18next.changeLanguage(language);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
}

export interface RecordedRequest {
  url: string;
  method: string;
  body: unknown;
}

/** Replaces fetch with one answering `respond(request)`; returns the requests it saw. */
export function stubFetch(respond: (request: RecordedRequest) => { status: number; body: unknown }): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const request = { url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const { status, body } = respond(request);
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return requests;
}
