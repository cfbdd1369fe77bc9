/** Notifications: newest first, a page at a time; opening one marks it read; "mark all read". */
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Notification, NotificationsPage as Page } from "../api-types";
import { unreadQueryKey } from "../components/notification-badge";
import { Empty, ErrorMessage, Loading } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";

const pageSize = 20;

export function NotificationsPage() {
  return <RequireViewer>{() => <NotificationList />}</RequireViewer>;
}

function NotificationList() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: ["notifications", "list"],
    queryFn: ({ pageParam }) =>
      api<Page>(`/api/notifications?limit=${pageSize}${pageParam ? `&before=${pageParam}` : ""}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["notifications"] });
  const markRead = useMutation({
    mutationFn: (id: number) => api<{ unread: number }>(`/api/notifications/${id}/read`, { method: "POST" }),
    onSuccess: (result) => {
      client.setQueryData(unreadQueryKey, result.unread);
      return refresh();
    },
  });
  const markAll = useMutation({
    mutationFn: () => api<{ unread: number }>("/api/notifications/read-all", { method: "POST" }),
    onSuccess: (result) => {
      client.setQueryData(unreadQueryKey, result.unread);
      return refresh();
    },
  });
  if (pages.isPending) return <Loading />;
  if (pages.isError) return <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />;
  const items = pages.data.pages.flatMap((page) => page.notifications);
  const unread = pages.data.pages[0]?.unread ?? 0;
  const describe = (item: Notification) =>
    t(`notifications.kinds.${item.kind}`, {
      name: item.byName ?? t("notifications.someone"),
      defaultValue: t("notifications.kinds.other"),
    });
  return (
    <section>
      <h1>{t("notifications.title")}</h1>
      <p className="muted" role="status">
        {t("notifications.unread", { count: unread })}
      </p>
      {unread > 0 ? (
        <p>
          <button type="button" className="secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t("notifications.markAll")}
          </button>
        </p>
      ) : null}
      {markRead.isError ? <ErrorMessage error={markRead.error} /> : null}
      {items.length === 0 ? (
        <Empty>{t("notifications.none")}</Empty>
      ) : (
        <ul className="cards" aria-label={t("notifications.title")}>
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? "card" : "card unread"} data-kind={item.kind}>
              <p className="card-title">
                {item.link ? (
                  <Link to={item.link} onClick={() => (item.readAt ? undefined : markRead.mutate(item.id))}>
                    {describe(item)}
                  </Link>
                ) : (
                  describe(item)
                )}
              </p>
              <p className="muted">
                <time dateTime={item.createdAt}>
                  {new Date(item.createdAt).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {item.readAt ? null : (
                  <>
                    {" · "}
                    <button type="button" className="link-button" onClick={() => markRead.mutate(item.id)}>
                      {t("notifications.markRead")}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {t("notifications.more")}
        </button>
      ) : null}
    </section>
  );
}
