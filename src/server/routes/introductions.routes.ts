/** Introductions: thin handlers over the use cases in src/app/introductions. */
import {
  answerIntroductionRoute,
  getIntroductionRoute,
  listIntroductionMessagesRoute,
  listIntroductionsRoute,
  proposeIntroductionRoute,
  sendIntroductionMessageRoute,
  type IntroductionBody,
} from "../../api/introductions";
import { answerIntroduction } from "../../app/introductions/answer-introduction";
import {
  listConversation,
  sendConversationMessage,
  type IntroductionMessage,
} from "../../app/introductions/introduction-conversation";
import type { IntroductionView } from "../../app/introductions/introduction-view";
import { getIntroduction, listIntroductions } from "../../app/introductions/list-introductions";
import { proposeIntroduction } from "../../app/introductions/propose-introduction";
import { createIdempotently } from "../../app/create-idempotently";
import { requireViewer, type RouteRegistrar } from "../http";
import { markReplayed, readIdempotencyKey } from "../idempotency";

const present = (view: IntroductionView): IntroductionBody => ({
  ...view,
  createdAt: view.createdAt.toISOString(),
  expiresAt: view.expiresAt.toISOString(),
});
const presentMessages = (messages: IntroductionMessage[]) => ({
  messages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })),
});

export const registerIntroductionRoutes: RouteRegistrar = (router, context) => {
  router.openapi(proposeIntroductionRoute, async (c) => {
    const viewer = requireViewer(c);
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) => present(await proposeIntroduction(scoped, viewer.memberId, c.req.valid("json"))),
    );
    markReplayed(c, replayed);
    return c.json(body, 201);
  });

  router.openapi(listIntroductionsRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json({ introductions: (await listIntroductions(context, viewer.memberId)).map(present) }, 200);
  });

  router.openapi(getIntroductionRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(present(await getIntroduction(context, viewer.memberId, c.req.valid("param").id)), 200);
  });

  router.openapi(answerIntroductionRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid("param");
    return c.json(present(await answerIntroduction(context, viewer.memberId, id, c.req.valid("json").answer)), 200);
  });

  router.openapi(listIntroductionMessagesRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentMessages(await listConversation(context, viewer.memberId, c.req.valid("param").id)), 200);
  });

  router.openapi(sendIntroductionMessageRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid("param");
    const { body, replayed } = await createIdempotently(
      context,
      { memberId: viewer.memberId, key: readIdempotencyKey(c) },
      async (scoped) =>
        presentMessages(await sendConversationMessage(scoped, viewer.memberId, id, c.req.valid("json"))),
    );
    markReplayed(c, replayed);
    return c.json(body, 201);
  });
};
