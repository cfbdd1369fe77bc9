/** Agenda: thin handlers over one use case each. */
import {
  type AgendaBody,
  calendarFeedRoute,
  createCalendarFeedRoute,
  getTripAgendaCalendarRoute,
  getTripAgendaRoute,
  importBusyTimesRoute,
  revokeCalendarFeedRoute,
} from "../../api/agenda";
import { createCalendarFeed } from "../../app/agenda/create-calendar-feed";
import { getCalendarFeed } from "../../app/agenda/get-calendar-feed";
import { getTripAgenda } from "../../app/agenda/get-trip-agenda";
import { getTripAgendaCalendar } from "../../app/agenda/get-trip-agenda-calendar";
import { importBusyTimes, maxBusyCalendarBytes } from "../../app/agenda/import-busy-times";
import { revokeCalendarFeed } from "../../app/agenda/revoke-calendar-feed";
import { AppError } from "../../domain/errors";
import { requireViewer, sendPolledView, type RouteRegistrar } from "../http";

const calendarHeaders = { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" };

export const registerAgendaRoutes: RouteRegistrar = (router, context) => {
  router.openapi(getTripAgendaRoute, async (c) => {
    const view = await getTripAgenda(context, {
      viewer: requireViewer(c),
      tripId: c.req.valid("param").id,
      ifNoneMatch: c.req.header("if-none-match"),
    });
    // The stored plan, already the agenda's JSON: sent as it is, with its ETag.
    if (!("resolved" in view)) return sendPolledView<AgendaBody>(c, view);
    const { tripId, version, plan, changes, updating } = view.resolved;
    return c.json({ tripId, version, ...plan, changes, updating }, 200);
  });

  router.openapi(getTripAgendaCalendarRoute, async (c) => {
    const text = await getTripAgendaCalendar(context, { viewer: requireViewer(c), tripId: c.req.valid("param").id });
    return c.body(text, 200, { ...calendarHeaders, "content-disposition": 'attachment; filename="agenda.ics"' });
  });

  router.openapi(createCalendarFeedRoute, async (c) =>
    c.json(await createCalendarFeed(context, { viewer: requireViewer(c), tripId: c.req.valid("param").id }), 201),
  );

  router.openapi(revokeCalendarFeedRoute, async (c) => {
    await revokeCalendarFeed(context, { viewer: requireViewer(c), feedId: c.req.valid("param").id });
    return c.body(null, 204);
  });

  router.openapi(calendarFeedRoute, async (c) => {
    const text = await getCalendarFeed(context, { fileName: c.req.valid("param").secret });
    return c.body(text, 200, calendarHeaders);
  });

  router.openapi(importBusyTimesRoute, async (c) => {
    const viewer = requireViewer(c);
    if (Number(c.req.header("content-length") ?? 0) > maxBusyCalendarBytes)
      throw new AppError("payload_too_large", "The calendar file is larger than 512 KB");
    const result = await importBusyTimes(context, {
      viewer,
      tripId: c.req.valid("param").id,
      text: await c.req.text(),
    });
    return c.json(result, 201);
  });
};
