/** The count of unread notifications, beside the header's link; refreshed every minute and after reading. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import type { NotificationsPage } from "../api-types";

export const unreadQueryKey = ["notifications", "unread"] as const;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadQueryKey,
    queryFn: async () => (await api<NotificationsPage>("/api/notifications?limit=1")).unread,
    enabled,
    refetchInterval: 60_000,
  });
}

export function NotificationBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  if (count === 0) return null;
  return (
    <span className="badge unread-badge" data-testid="unread-badge">
      {count > 99 ? "99+" : count}
      <span className="visually-hidden"> {t("notifications.unread", { count })}</span>
    </span>
  );
}
