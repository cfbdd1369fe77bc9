/** The member's own feeds: add a blog or publication feed (RSS, Atom, JSON Feed), see when it was read, remove it. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Feed } from "../../api/feeds";
import { api, fieldOf } from "../api-client";
import { FormError, TextField } from "../components/form-field";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";

export function ProfileFeedsPage() {
  return <RequireViewer>{(viewer) => <FeedsEditor memberId={viewer.memberId} />}</RequireViewer>;
}

function FeedsEditor({ memberId }: { memberId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState("");
  const feeds = useQuery({ queryKey: ["my-feeds"], queryFn: () => api<{ feeds: Feed[] }>("/api/me/feeds") });
  const add = useMutation({
    mutationFn: (value: string) => api<Feed>("/api/me/feeds", { method: "POST", body: { url: value } }),
    onSuccess: async () => {
      setUrl("");
      await client.invalidateQueries({ queryKey: ["my-feeds"] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => api<null>(`/api/me/feeds/${id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["my-feeds"] });
      await client.invalidateQueries({ queryKey: ["member-posts", memberId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(url);
  };
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });

  return (
    <article>
      <h1>{t("work.feedsTitle")}</h1>
      <p className="lead">{t("work.feedsIntro")}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("work.feedUrl")}
          hint={t("work.feedUrlHint")}
          type="url"
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={add.isError && fieldOf(add.error) === "url" ? add.error.message : undefined}
        />
        {add.isError && fieldOf(add.error) !== "url" ? <FormError message={add.error.message} /> : null}
        <button type="submit" disabled={add.isPending || url.trim() === ""}>
          {t("work.addFeed")}
        </button>
      </form>
      <QueryView query={feeds}>
        {(data) =>
          data.feeds.length === 0 ? (
            <Empty>{t("work.noFeeds")}</Empty>
          ) : (
            <ul className="cards">
              {data.feeds.map((feed) => (
                <li key={feed.id} className="card">
                  <p>
                    <strong>{feed.title ?? feed.url}</strong>
                  </p>
                  <p className="muted">{feed.url}</p>
                  <p className="muted">
                    {feed.fetchedAt
                      ? t("work.fetchedAt", { when: dateFormat.format(new Date(feed.fetchedAt)) })
                      : t("work.notFetchedYet")}
                  </p>
                  {feed.lastError ? <p className="error">{t("work.fetchError", { reason: feed.lastError })}</p> : null}
                  <button type="button" className="secondary" onClick={() => remove.mutate(feed.id)}>
                    {t("work.removeFeed")}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <p>
        <Link to={`/members/${memberId}`}>{t("work.seeProfile")}</Link> ·{" "}
        <Link to="/me/import">{t("work.importNetwork")}</Link>
      </p>
    </article>
  );
}
