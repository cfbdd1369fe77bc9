/** The emails sent to the viewer, readable in the app in demo mode; links in them are clickable. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import type { InboxEmail } from "../api-types";
import { Empty, QueryView } from "./query-state";

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** Text with its web addresses as links, built from React elements (React escapes the rest). */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={sameSiteLink(part)}>
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

/** Links to this site open here (whatever host name the email was written for). */
function sameSiteLink(url: string): string {
  try {
    const parsed = new URL(url);
    if (typeof window !== "undefined" && ["localhost", "127.0.0.1"].includes(parsed.hostname)) {
      return parsed.pathname + parsed.search + parsed.hash;
    }
    return url;
  } catch {
    return url;
  }
}

export function DemoInbox({ refetchMs }: { refetchMs?: number }) {
  const { t, i18n } = useTranslation();
  const inbox = useQuery({
    queryKey: ["inbox"],
    queryFn: async () => (await api<{ emails: InboxEmail[] }>("/api/demo/inbox")).emails,
    ...(refetchMs ? { refetchInterval: refetchMs } : {}),
  });
  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h2 id="inbox-title">{t("inbox.title")}</h2>
      <p className="hint">{t("inbox.demoNote")}</p>
      <QueryView query={inbox}>
        {(emails) =>
          emails.length === 0 ? (
            <Empty>{t("inbox.empty")}</Empty>
          ) : (
            <ul className="cards">
              {emails.map((email) => (
                <li key={email.id} className="card">
                  <h3>{email.subject}</h3>
                  <p className="muted">
                    {new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
                      new Date(email.createdAt),
                    )}
                  </p>
                  <p className="email-body">
                    <LinkedText text={email.textBody} />
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
