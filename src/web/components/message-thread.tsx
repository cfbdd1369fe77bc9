/**
 * A conversation between two members, oldest message first, with a form to write the next one: the thread of an
 * offer (traveller and local) and the conversation of an accepted introduction share it. Polls while open.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import { useViewer } from "../lib/session";
import { formatDateTime } from "../lib/time";
import { TextArea } from "./form-field";
import { ReportToggle } from "./member-safety-actions";
import { Empty, ErrorMessage, QueryView } from "./query-state";

export interface ThreadMessage {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
}

export function MessageThread({
  path,
  label,
  empty,
  timeZone,
}: {
  /** The API path of the messages: GET lists them, POST sends one. */
  path: string;
  /** The accessible name of the thread (e.g. "Conversation with Emily"). */
  label: string;
  empty: string;
  timeZone?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const client = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const messages = useQuery({
    queryKey: ["thread", path],
    queryFn: async () => (await api<{ messages: ThreadMessage[] }>(path)).messages,
    refetchInterval: 5000,
  });
  const send = useMutation({
    mutationFn: () => api<unknown>(path, { method: "POST", body: { body: body.trim() } }),
    onSuccess: async () => {
      setBody("");
      await client.invalidateQueries({ queryKey: ["thread", path] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t("validation.messageRequired"));
      return;
    }
    setError(undefined);
    send.mutate();
  };
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The other member's messages can be reported to the moderators.
  const reportKind = path.startsWith("/api/offers/")
    ? ("offer_message" as const)
    : path.startsWith("/api/introductions/")
      ? ("introduction_message" as const)
      : undefined;
  return (
    <section className="thread" aria-label={label}>
      <QueryView query={messages}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{empty}</Empty>
          ) : (
            <ol className="messages" aria-label={t("thread.messages")}>
              {list.map((message) => (
                <li
                  key={message.id}
                  className={message.authorId === viewer.data?.memberId ? "message mine" : "message"}
                >
                  <p className="muted">
                    <strong>{message.authorName}</strong> · {formatDateTime(message.createdAt, i18n.language, zone)}
                  </p>
                  <p className="message-body">{message.body}</p>
                  {reportKind && message.authorId !== viewer.data?.memberId ? (
                    <ReportToggle targetKind={reportKind} targetId={message.id} label={t("safety.reportMessage")} />
                  ) : null}
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
      <form onSubmit={submit} noValidate className="stack">
        <TextArea
          label={t("thread.yourMessage")}
          value={body}
          maxLength={3800}
          error={error}
          onChange={(event) => setBody(event.target.value)}
        />
        <button type="submit" disabled={send.isPending}>
          {t("thread.send")}
        </button>
        {send.isError ? <ErrorMessage error={send.error} /> : null}
      </form>
    </section>
  );
}
