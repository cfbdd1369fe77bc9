/** The web app's shell: header with the language switch, the demo banner, and the home page. */
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { demoPersonaSchema, inboxEmailSchema, instanceSchema, viewerSchema } from "../api/system";
import { api, ApiError } from "./api-client";
import { setLanguage } from "./i18n";

type Instance = z.infer<typeof instanceSchema>;
type Viewer = z.infer<typeof viewerSchema>;
type Persona = z.infer<typeof demoPersonaSchema>;
type InboxEmail = z.infer<typeof inboxEmailSchema>;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}

function useViewer() {
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

function Shell() {
  const { t, i18n } = useTranslation();
  const instance = useQuery({ queryKey: ["instance"], queryFn: () => api<Instance>("/api/instance") });
  return (
    <>
      <header className="header">
        <a className="brand" href="/">
          Givefirst
        </a>
        <label className="language">
          {t("language")}{" "}
          <select value={i18n.language} onChange={(event) => setLanguage(event.target.value === "fr" ? "fr" : "en")}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
      </header>
      {instance.data?.demo ? (
        <p role="status" className="demo-banner">
          {t("demoBanner")}
        </p>
      ) : null}
      <main>
        <h1>Givefirst</h1>
        <p>{t("tagline")}</p>
        {instance.isError ? <p role="alert">{t("loadFailed", { message: instance.error.message })}</p> : null}
        <Home demo={instance.data?.demo ?? false} />
      </main>
    </>
  );
}

function Home({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => api("/api/auth/sign-out", { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries(),
  });
  if (viewer.isPending) return <p>{t("loading")}</p>;
  if (viewer.isError) return <p role="alert">{t("loadFailed", { message: viewer.error.message })}</p>;
  if (viewer.data) {
    return (
      <section aria-labelledby="viewer-title">
        <h2 id="viewer-title">{t("signedInAs", { name: viewer.data.name })}</h2>
        <button type="button" onClick={() => signOut.mutate()}>
          {t("signOut")}
        </button>
        {demo ? <Inbox /> : null}
      </section>
    );
  }
  return demo ? <Personas /> : null;
}

function Personas() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const personas = useQuery({
    queryKey: ["personas"],
    queryFn: () => api<{ personas: Persona[] }>("/api/demo/personas"),
  });
  const signIn = useMutation({
    mutationFn: (memberId: number) => api<Viewer>("/api/demo/sign-in", { method: "POST", body: { memberId } }),
    onSuccess: () => client.invalidateQueries(),
  });
  if (personas.isPending) return <p>{t("loading")}</p>;
  if (personas.isError) return <p role="alert">{t("loadFailed", { message: personas.error.message })}</p>;
  return (
    <section aria-labelledby="personas-title">
      <h2 id="personas-title">{t("personasTitle")}</h2>
      <ul className="personas">
        {personas.data.personas.map((persona) => (
          <li key={persona.memberId}>
            <strong>{persona.name}</strong> — {t(`roles.${persona.role}`, { defaultValue: persona.role })}
            <br />
            <small>{persona.headline}</small>
            <br />
            <button type="button" onClick={() => signIn.mutate(persona.memberId)} disabled={signIn.isPending}>
              {t("signInAs", { name: persona.name })}
            </button>
          </li>
        ))}
      </ul>
      {signIn.isError ? <p role="alert">{signIn.error.message}</p> : null}
    </section>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const inbox = useQuery({ queryKey: ["inbox"], queryFn: () => api<{ emails: InboxEmail[] }>("/api/demo/inbox") });
  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t("inbox")}</h2>
      {inbox.isPending ? <p>{t("loading")}</p> : null}
      {inbox.isError ? <p role="alert">{t("loadFailed", { message: inbox.error.message })}</p> : null}
      {inbox.data?.emails.length === 0 ? <p>{t("inboxEmpty")}</p> : null}
      <ul>
        {inbox.data?.emails.map((email) => (
          <li key={email.id}>
            <strong>{email.subject}</strong>
            <pre>{email.textBody}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
