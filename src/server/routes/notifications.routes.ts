/** Notifications: thin handlers over src/app/notifications. */
import {
  listNotificationsRoute,
  markAllNotificationsReadRoute,
  markNotificationReadRoute,
} from "../../api/notifications";
import { listMyNotifications } from "../../app/notifications/list-notifications";
import { markAllMyNotificationsRead } from "../../app/notifications/mark-all-notifications-read";
import { markMyNotificationRead } from "../../app/notifications/mark-notification-read";
import { requireViewer, type RouteRegistrar } from "../http";

export const registerNotificationRoutes: RouteRegistrar = (router, context) => {
  router.openapi(listNotificationsRoute, async (c) => {
    const viewer = requireViewer(c);
    const { before, limit } = c.req.valid("query");
    const page = await listMyNotifications(context, { memberId: viewer.memberId, before, limit });
    return c.json(
      {
        ...page,
        notifications: page.notifications.map((item) => ({
          ...item,
          createdAt: item.createdAt.toISOString(),
          readAt: item.readAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });

  router.openapi(markNotificationReadRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid("param");
    return c.json(await markMyNotificationRead(context, { memberId: viewer.memberId, notificationId: id }), 200);
  });

  router.openapi(markAllNotificationsReadRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await markAllMyNotificationsRead(context, { memberId: viewer.memberId }), 200);
  });
};
