/** Events: thin handlers over the use cases in src/app/events. */
import {
  approveGuestRoute,
  cancelEventRoute,
  cityEventsCalendarRoute,
  createEventRoute,
  editEventRoute,
  eventCalendarRoute,
  getEventRoute,
  inviteMemberRoute,
  inviteTravellerRoute,
  listCityEventsRoute,
  listGuestsRoute,
  listNewcomersRoute,
  markAttendanceRoute,
  rsvpRoute,
  type EventView,
} from "../../api/events";
import { answerRsvp } from "../../app/events/answer-rsvp";
import { approveGuest } from "../../app/events/approve-guest";
import { cancelEvent } from "../../app/events/cancel-event";
import { createEvent } from "../../app/events/create-event";
import { editEvent } from "../../app/events/edit-event";
import { getEvent, type EventForViewer } from "../../app/events/get-event";
import { inviteMember } from "../../app/events/invite-member";
import { inviteTraveller } from "../../app/events/invite-traveller";
import { listUpcomingCityEvents } from "../../app/events/list-city-events";
import { listEventGuests } from "../../app/events/list-guests";
import { listNewcomersForEvent } from "../../app/events/list-newcomers-for-event";
import { markAttendance } from "../../app/events/mark-attendance";
import { renderCityCalendar, renderEventCalendar } from "../../app/events/render-event-calendar";
import type { EventWithCity } from "../../db/repositories/events.repository";
import { createIdempotently } from "../../app/create-idempotently";
import { requireViewer, type RouteRegistrar } from "../http";
import { markReplayed, readIdempotencyKey } from "../idempotency";

function presentEvent({ event, myRsvp, waitlistPosition }: EventForViewer): EventView {
  return {
    id: event.id,
    cityId: event.cityId,
    citySlug: event.citySlug,
    timeZone: event.timeZone,
    host: { memberId: event.hostId, name: event.hostName },
    title: event.title,
    titleFr: event.titleFr,
    description: event.description,
    descriptionFr: event.descriptionFr,
    tags: event.tags,
    venueId: event.venueId,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    audience: event.audience as EventView["audience"],
    approvalRequired: event.approvalRequired,
    status: event.status as EventView["status"],
    sequence: event.sequence,
    myRsvp,
    waitlistPosition,
  };
}

const asHost = (event: EventWithCity) => presentEvent({ event, myRsvp: null, waitlistPosition: null });
const calendarHeaders = { "content-type": "text/calendar; charset=utf-8" };

export const registerEventRoutes: RouteRegistrar = (router, context) => {
  router.openapi(createEventRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) => asHost(await createEvent(scoped, viewer.memberId, c.req.valid("json"))),
    );
    markReplayed(c, replayed);
    return c.json(body, 201);
  });

  router.openapi(getEventRoute, async (c) => {
    const viewer = c.get("viewer");
    const found = await getEvent(context, viewer?.memberId ?? null, c.req.valid("param").id);
    return c.json(presentEvent(found), 200);
  });

  router.openapi(editEventRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(asHost(await editEvent(context, viewer.memberId, c.req.valid("param").id, c.req.valid("json"))), 200);
  });

  router.openapi(cancelEventRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(asHost(await cancelEvent(context, viewer.memberId, c.req.valid("param").id)), 200);
  });

  router.openapi(inviteMemberRoute, async (c) => {
    const viewer = requireViewer(c);
    const { memberId } = c.req.valid("json");
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) => {
        await inviteMember(scoped, viewer.memberId, c.req.valid("param").id, memberId);
        return { memberId, invited: true as const };
      },
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(listNewcomersRoute, async (c) => {
    const viewer = requireViewer(c);
    const candidates = await listNewcomersForEvent(context, viewer.memberId, c.req.valid("param").id);
    return c.json({ travellers: candidates.map(({ score: _score, ...candidate }) => candidate) }, 200);
  });

  router.openapi(inviteTravellerRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id, tripId } = c.req.valid("param");
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      (scoped) => inviteTraveller(scoped, viewer.memberId, id, tripId),
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(rsvpRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      (scoped) => answerRsvp(scoped, viewer.memberId, c.req.valid("param").id, c.req.valid("json").status),
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(listGuestsRoute, async (c) => {
    const viewer = requireViewer(c);
    const guests = await listEventGuests(context, viewer.memberId, c.req.valid("param").id);
    return c.json(
      {
        guests: guests.map((guest) => ({
          memberId: guest.memberId,
          name: guest.name,
          status: guest.status as EventView["myRsvp"] & string,
          attended: guest.attended,
        })),
      },
      200,
    );
  });

  router.openapi(approveGuestRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id, memberId } = c.req.valid("param");
    return c.json(await approveGuest(context, viewer.memberId, id, memberId), 200);
  });

  router.openapi(markAttendanceRoute, async (c) => {
    const viewer = requireViewer(c);
    const { memberId, attended } = c.req.valid("json");
    const result = await markAttendance(context, viewer.memberId, c.req.valid("param").id, memberId, attended);
    return c.json({ memberId, attended, ...result }, 200);
  });

  router.openapi(eventCalendarRoute, async (c) => {
    const viewer = c.get("viewer");
    const text = await renderEventCalendar(context, viewer?.memberId ?? null, c.req.valid("param").id);
    return c.body(text, 200, calendarHeaders);
  });

  router.openapi(listCityEventsRoute, async (c) => {
    const viewer = c.get("viewer");
    const { slug } = c.req.valid("param");
    const events = await listUpcomingCityEvents(context, viewer?.memberId ?? null, slug, c.req.valid("query").limit);
    return c.json({ events: events.map(asHost) }, 200);
  });

  router.openapi(cityEventsCalendarRoute, async (c) => {
    const text = await renderCityCalendar(context, c.req.valid("param").slug);
    return c.body(text, 200, calendarHeaders);
  });
};
