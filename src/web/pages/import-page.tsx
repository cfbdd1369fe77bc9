/**
 * Bring your network: choose a LinkedIn Connections.csv, a Mastodon following_accounts.csv or a vCard, see which of
 * its people are members (a progress bar while a large file is read and sent), tick whom to follow, then follow them.
 * Nothing of the file is kept, and nobody in it is contacted.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ErrorBody } from "../../api/common";
import type { ImportMatches } from "../../api/imports";
import { api, ApiError } from "../api-client";
import { FormError } from "../components/form-field";
import { Empty, ErrorMessage } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";

const maxFileBytes = 5 * 1024 * 1024;

type Stage = { step: "idle" } | { step: "reading" | "sending"; share: number } | { step: "matching" };

/** Sends the file's text with XMLHttpRequest, whose upload events give the progress that fetch does not. */
function postImport(body: object, onProgress: (share: number) => void): Promise<ImportMatches> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/me/imports");
    request.setRequestHeader("content-type", "application/json");
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, "network", "The server could not be reached"));
    request.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        parsed = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(parsed as ImportMatches);
      else {
        const error = (parsed as ErrorBody | null)?.error;
        reject(
          new ApiError(
            request.status,
            error?.code ?? String(request.status),
            error?.message ?? request.statusText,
            error?.field,
          ),
        );
      }
    };
    request.send(JSON.stringify(body));
  });
}

function readFile(file: File, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.readAsText(file);
  });
}

export function ImportPage() {
  return <RequireViewer>{() => <Importer />}</RequireViewer>;
}

function Importer() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<ImportMatches | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());

  const follow = useMutation({
    mutationFn: (memberIds: number[]) =>
      api<{ followed: number; skipped: number }>("/api/me/follows", { method: "POST", body: { memberIds } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["member-follow"] });
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(null);
    follow.reset();
    if (file.size > maxFileBytes) {
      setError(t("imports.tooLarge"));
      return;
    }
    try {
      setStage({ step: "reading", share: 0 });
      const content = await readFile(file, (share) => setStage({ step: "reading", share }));
      setStage({ step: "sending", share: 0 });
      const matches = await postImport({ content, fileName: file.name.slice(0, 255) }, (share) =>
        setStage(share >= 1 ? { step: "matching" } : { step: "sending", share }),
      );
      setResult(matches);
      setChosen(new Set(matches.matches.filter((match) => !match.alreadyFollowing).map((match) => match.memberId)));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setStage({ step: "idle" });
    }
  };

  const toggle = (memberId: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(memberId)) next.delete(memberId);
      else next.add(memberId);
      return next;
    });

  return (
    <article>
      <h1>{t("imports.title")}</h1>
      <p className="lead">{t("imports.intro")}</p>
      <p className="muted">{t("imports.privacy")}</p>
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="import-file">{t("imports.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.vcf,text/csv,text/vcard"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <p className="hint">{t("imports.fileHint")}</p>
        </div>
        <FormError message={error} />
        <button type="submit" disabled={!file || stage.step !== "idle"}>
          {t("imports.find")}
        </button>
      </form>
      {stage.step !== "idle" ? (
        <div role="status" aria-live="polite">
          <label htmlFor="import-progress">{t(`imports.stage.${stage.step}`)}</label>
          {stage.step === "matching" ? (
            <progress id="import-progress" />
          ) : (
            <progress id="import-progress" max={1} value={stage.share} />
          )}
        </div>
      ) : null}
      {result ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">
            {t("imports.reviewTitle", { count: result.matches.length, entries: result.entries })}
          </h2>
          {result.matches.length === 0 ? (
            <Empty>{t("imports.noMatches")}</Empty>
          ) : (
            <>
              <ul className="cards">
                {result.matches.map((match) => (
                  <li key={match.memberId} className="card">
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(match.memberId)}
                        disabled={match.alreadyFollowing}
                        onChange={() => toggle(match.memberId)}
                      />{" "}
                      <strong>{match.name}</strong>
                      {match.headline ? ` — ${match.headline}` : ""}
                    </label>
                    <p className="muted">
                      {t("imports.matchedAs", {
                        entry: match.entryName,
                        by: match.matchedBy.map((by) => t(`imports.by.${by}`)).join(", "),
                      })}
                      {match.alreadyFollowing ? ` · ${t("imports.alreadyFollowing")}` : ""}
                    </p>
                    <Link to={`/members/${match.memberId}`}>{t("imports.seeProfile")}</Link>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                disabled={chosen.size === 0 || follow.isPending}
                onClick={() => follow.mutate([...chosen])}
              >
                {t("imports.followChosen", { count: chosen.size })}
              </button>
            </>
          )}
          {follow.isSuccess ? <p role="status">{t("imports.followed", { count: follow.data.followed })}</p> : null}
          {follow.isError ? <ErrorMessage error={follow.error} /> : null}
        </section>
      ) : null}
    </article>
  );
}
