/** One-click sign-in as a demo persona (demo mode only). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api-client";
import type { Persona, Viewer } from "../api-types";
import { ErrorMessage, QueryView } from "./query-state";

export function DemoPersonas() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const personas = useQuery({
    queryKey: ["personas"],
    queryFn: async () => (await api<{ personas: Persona[] }>("/api/demo/personas")).personas,
  });
  const signIn = useMutation({
    mutationFn: (memberId: number) => api<Viewer>("/api/demo/sign-in", { method: "POST", body: { memberId } }),
    onSuccess: async () => {
      await client.invalidateQueries();
      await navigate("/");
    },
  });
  return (
    <section aria-labelledby="personas-title" className="personas-section">
      <h2 id="personas-title">{t("personas.title")}</h2>
      <QueryView query={personas}>
        {(list) => (
          <ul className="cards personas">
            {list.map((persona) => (
              <li key={persona.memberId} className="card">
                <strong>{persona.name}</strong>
                <span className="muted">{t(`personas.roles.${persona.role}`, { defaultValue: persona.role })}</span>
                <small>{persona.headline}</small>
                <button type="button" onClick={() => signIn.mutate(persona.memberId)} disabled={signIn.isPending}>
                  {t("personas.signInAs", { name: persona.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {signIn.isError ? <ErrorMessage error={signIn.error} /> : null}
    </section>
  );
}
