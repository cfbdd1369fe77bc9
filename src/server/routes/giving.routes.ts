/** The give ledger, meeting confirmations and feedback: thin handlers over src/app/giving. */
import {
  confirmMeetingRoute,
  getMeetingFeedbackRoute,
  givingRecordRoute,
  markAdviceHelpfulRoute,
  payItForwardRoute,
  saveMeetingFeedbackRoute,
  thankForGiftRoute,
  type GivingRecordBody,
} from "../../api/gifts";
import { confirmMeeting } from "../../app/giving/confirm-meeting";
import { getGivingRecord } from "../../app/giving/get-giving-record";
import { markAdviceHelpful } from "../../app/giving/mark-advice-helpful";
import { getMeetingFeedback, saveMeetingFeedback } from "../../app/giving/meeting-feedback";
import { listPayItForward } from "../../app/giving/list-pay-it-forward";
import { thankForGift } from "../../app/giving/thank-for-gift";
import type { LedgerEntry } from "../../db/repositories/gifts.repository";
import { createIdempotently } from "../../app/create-idempotently";
import { requireViewer, type RouteRegistrar } from "../http";
import { markReplayed, readIdempotencyKey } from "../idempotency";

type Entry = GivingRecordBody["recentGiven"][number];
const presentEntry = ({ otherId, otherName, ...entry }: LedgerEntry): Entry => ({
  ...entry,
  kind: entry.kind as Entry["kind"],
  other: { memberId: otherId, name: otherName },
});

export const registerGivingRoutes: RouteRegistrar = (router, context) => {
  router.openapi(confirmMeetingRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) => {
        const state = await confirmMeeting(scoped, viewer.memberId, c.req.valid("param").id);
        return { ...state, status: state.status as "scheduled" | "held" | "cancelled" };
      },
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(saveMeetingFeedbackRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      (scoped) => saveMeetingFeedback(scoped, viewer.memberId, c.req.valid("param").id, c.req.valid("json")),
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(getMeetingFeedbackRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await getMeetingFeedback(context, viewer.memberId, c.req.valid("param").id), 200);
  });

  router.openapi(markAdviceHelpfulRoute, async (c) => {
    const viewer = requireViewer(c);
    const { thanks } = c.req.valid("json");
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      (scoped) => markAdviceHelpful(scoped, viewer.memberId, c.req.valid("param").id, thanks ?? null),
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(thankForGiftRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid("param");
    const { thanks } = c.req.valid("json");
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) => {
        await thankForGift(scoped, viewer.memberId, id, thanks);
        return { giftId: id, thanks };
      },
    );
    markReplayed(c, replayed);
    return c.json(body, 200);
  });

  router.openapi(givingRecordRoute, async (c) => {
    const viewer = requireViewer(c);
    const record = await getGivingRecord(context, viewer.memberId, c.req.valid("param").id);
    return c.json(
      {
        ...record,
        recentGiven: record.recentGiven.map(presentEntry),
        recentReceived: record.recentReceived.map(presentEntry),
        recentThanks: record.recentThanks.map(presentEntry),
      },
      200,
    );
  });

  router.openapi(payItForwardRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await listPayItForward(context, viewer.memberId, c.req.valid("param").id), 200);
  });
};
