/** Offers: thin handlers over one use case each. */
import {
  acceptOfferRoute,
  acceptTimeProposalRoute,
  askAnotherTimeRoute,
  createOfferRoute,
  declineOfferRoute,
  getOfferRoute,
  listMyOffersRoute,
  listOfferMessagesRoute,
  listTripOffersRoute,
  type OfferListBody,
  postOfferMessageRoute,
  proposeOfferTimeRoute,
  starOfferRoute,
  withdrawOfferRoute,
} from "../../api/offers";
import { createIdempotently } from "../../app/create-idempotently";
import { acceptOffer } from "../../app/offers/accept-offer";
import { acceptTimeProposal } from "../../app/offers/accept-time-proposal";
import { askAnotherTime } from "../../app/offers/ask-another-time";
import { createOffer } from "../../app/offers/create-offer";
import { declineOffer } from "../../app/offers/decline-offer";
import { getOffer } from "../../app/offers/get-offer";
import { listMessagesOfOffer } from "../../app/offers/list-offer-messages";
import { listMyOffers } from "../../app/offers/list-my-offers";
import { listTripOffers } from "../../app/offers/list-trip-offers";
import { postMessageOnOffer } from "../../app/offers/post-offer-message";
import { proposeOfferTime } from "../../app/offers/propose-offer-time";
import { starOffer } from "../../app/offers/star-offer";
import { withdrawOffer } from "../../app/offers/withdraw-offer";
import { requireViewer, sendPolledView, type RouteRegistrar } from "../http";
import { markReplayed, readIdempotencyKey } from "../idempotency";

export const registerOfferRoutes: RouteRegistrar = (router, context) => {
  router.openapi(createOfferRoute, async (c) => {
    const { status, body, replayed } = await createOffer(context, {
      viewer: requireViewer(c),
      tripId: c.req.valid("param").id,
      input: c.req.valid("json"),
      idempotencyKey: readIdempotencyKey(c),
    });
    markReplayed(c, replayed);
    return c.json(body, status);
  });

  router.openapi(listTripOffersRoute, async (c) =>
    sendPolledView<OfferListBody>(
      c,
      await listTripOffers(context, {
        viewer: requireViewer(c),
        tripId: c.req.valid("param").id,
        ifNoneMatch: c.req.header("if-none-match"),
      }),
    ),
  );

  // Before /api/offers/{id}, which would otherwise read "mine" as an id.
  router.openapi(listMyOffersRoute, async (c) =>
    c.json({ offers: await listMyOffers(context, { viewer: requireViewer(c) }) }, 200),
  );

  router.openapi(getOfferRoute, async (c) =>
    c.json(await getOffer(context, { viewer: requireViewer(c), offerId: c.req.valid("param").id }), 200),
  );

  router.openapi(acceptOfferRoute, async (c) => {
    const { slotId } = c.req.valid("json");
    const offer = await acceptOffer(context, {
      viewer: requireViewer(c),
      offerId: c.req.valid("param").id,
      ...(slotId !== undefined ? { slotId } : {}),
    });
    return c.json(offer, 200);
  });

  router.openapi(declineOfferRoute, async (c) => {
    const { note } = c.req.valid("json");
    const offer = await declineOffer(context, {
      viewer: requireViewer(c),
      offerId: c.req.valid("param").id,
      ...(note !== undefined ? { note } : {}),
    });
    return c.json(offer, 200);
  });

  router.openapi(starOfferRoute, async (c) => {
    const offer = await starOffer(context, {
      viewer: requireViewer(c),
      offerId: c.req.valid("param").id,
      starred: c.req.valid("json").starred,
    });
    return c.json(offer, 200);
  });

  router.openapi(askAnotherTimeRoute, async (c) => {
    const { message } = c.req.valid("json");
    const offer = await askAnotherTime(context, {
      viewer: requireViewer(c),
      offerId: c.req.valid("param").id,
      ...(message !== undefined ? { message } : {}),
    });
    return c.json(offer, 200);
  });

  router.openapi(proposeOfferTimeRoute, async (c) => {
    const offer = await proposeOfferTime(context, {
      viewer: requireViewer(c),
      offerId: c.req.valid("param").id,
      startsAt: c.req.valid("json").startsAt,
    });
    return c.json(offer, 200);
  });

  router.openapi(acceptTimeProposalRoute, async (c) => {
    const { id, proposalId } = c.req.valid("param");
    return c.json(await acceptTimeProposal(context, { viewer: requireViewer(c), offerId: id, proposalId }), 200);
  });

  router.openapi(withdrawOfferRoute, async (c) =>
    c.json(await withdrawOffer(context, { viewer: requireViewer(c), offerId: c.req.valid("param").id }), 200),
  );

  router.openapi(listOfferMessagesRoute, async (c) => {
    const messages = await listMessagesOfOffer(context, { viewer: requireViewer(c), offerId: c.req.valid("param").id });
    return c.json({ messages }, 200);
  });

  router.openapi(postOfferMessageRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      (scoped) =>
        postMessageOnOffer(scoped, { viewer, offerId: c.req.valid("param").id, body: c.req.valid("json").body }),
    );
    markReplayed(c, replayed);
    return c.json(body, 201);
  });
};
