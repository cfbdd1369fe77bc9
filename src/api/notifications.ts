/** Contract of in-app notifications: my list (newest first, paged), the unread count, marking read. */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    link: z.string().nullable(),
    byName: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");
export type NotificationBody = z.infer<typeof notificationSchema>;

export const notificationsPageSchema = z
  .object({
    notifications: z.array(notificationSchema),
    unread: z.number().int(),
    /** Pass as `before` for the next page; null on the last page. */
    nextBefore: z.number().int().nullable(),
  })
  .openapi("NotificationsPage");

export const unreadCountSchema = z.object({ unread: z.number().int() }).openapi("UnreadCount");

export const listNotificationsQuerySchema = z
  .object({
    before: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const listNotificationsRoute = createRoute({
  method: "get",
  path: "/api/notifications",
  tags: ["notifications"],
  request: { query: listNotificationsQuerySchema },
  responses: {
    200: json(notificationsPageSchema, "My notifications, newest first, and how many are unread"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

export const markNotificationReadRoute = createRoute({
  method: "post",
  path: "/api/notifications/{id}/read",
  tags: ["notifications"],
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: json(unreadCountSchema, "Marked read; the unread count that remains"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const markAllNotificationsReadRoute = createRoute({
  method: "post",
  path: "/api/notifications/read-all",
  tags: ["notifications"],
  responses: {
    200: json(unreadCountSchema, "Every notification marked read"),
    401: errorResponses[401],
  },
});
