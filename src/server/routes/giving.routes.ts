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
import { requireViewer, type RouteRegistrar } from "../http";

type Entry = GivingRecordBody["recentGiven"][number];
const presentEntry = ({ otherId, otherName, ...entry }: LedgerEntry): Entry => ({
  ...entry,
  kind: entry.kind as Entry["kind"],
  other: { memberId: otherId, name: otherName },
});

export const registerGivingRoutes: RouteRegistrar = (router, context) => {
  router.openapi(confirmMeetingRoute, async (c) => {
    const viewer = requireViewer(c);
    const state = await confirmMeeting(context, viewer.memberId, c.req.valid("param").id);
    return c.json({ ...state, status: state.status as "scheduled" | "held" | "cancelled" }, 200);
  });

  router.openapi(saveMeetingFeedbackRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(
      await saveMeetingFeedback(context, viewer.memberId, c.req.valid("param").id, c.req.valid("json")),
      200,
    );
  });

  router.openapi(getMeetingFeedbackRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await getMeetingFeedback(context, viewer.memberId, c.req.valid("param").id), 200);
  });

  router.openapi(markAdviceHelpfulRoute, async (c) => {
    const viewer = requireViewer(c);
    const { thanks } = c.req.valid("json");
    return c.json(await markAdviceHelpful(context, viewer.memberId, c.req.valid("param").id, thanks ?? null), 200);
  });

  router.openapi(thankForGiftRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid("param");
    const { thanks } = c.req.valid("json");
    await thankForGift(context, viewer.memberId, id, thanks);
    return c.json({ giftId: id, thanks }, 200);
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
