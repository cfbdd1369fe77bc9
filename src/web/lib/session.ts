/** Shared queries: the instance, the signed-in viewer, the cities. */
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "../api-client";
import type { City, Instance, Viewer } from "../api-types";

export function useInstance() {
  return useQuery({ queryKey: ["instance"], queryFn: () => api<Instance>("/api/instance"), staleTime: Infinity });
}

export function useViewer() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api<Viewer>("/api/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

export function useCities() {
  return useQuery({
    queryKey: ["cities"],
    queryFn: async () => (await api<{ cities: City[] }>("/api/cities")).cities,
    staleTime: 5 * 60_000,
  });
}

/** The city's name in the reader's language. */
export function cityName(city: Pick<City, "name" | "nameFr">, language: string): string {
  return language === "fr" && city.nameFr ? city.nameFr : city.name;
}
