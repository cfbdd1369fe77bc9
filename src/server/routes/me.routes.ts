/** My data: export, erasure, blocks and privacy settings; thin handlers over src/app/my-data and src/app/members. */
import { deleteCookie } from "hono/cookie";
import {
  blockMemberRoute,
  eraseMyAccountRoute,
  exportMyDataRoute,
  getPrivacyRoute,
  listBlocksRoute,
  unblockMemberRoute,
  updatePrivacyRoute,
} from "../../api/me";
import { blockMember } from "../../app/members/block-member";
import { listBlockedMembers } from "../../app/members/list-blocked-members";
import { unblockMember } from "../../app/members/unblock-member";
import { updatePrivacy } from "../../app/members/update-privacy";
import { eraseMyAccount } from "../../app/my-data/erase-my-account";
import { exportMyData } from "../../app/my-data/export-my-data";
import { requireViewer, type RouteRegistrar } from "../http";

export const registerMeRoutes: RouteRegistrar = (router, context) => {
  router.openapi(exportMyDataRoute, async (c) => {
    const viewer = requireViewer(c);
    const data = await exportMyData(context, { memberId: viewer.memberId });
    c.header("Content-Disposition", `attachment; filename="givefirst-my-data-${data.exportedAt.slice(0, 10)}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(data, 200);
  });

  router.openapi(eraseMyAccountRoute, async (c) => {
    const viewer = requireViewer(c);
    const session = await context.auth.api.getSession({ headers: c.req.raw.headers });
    await eraseMyAccount(context, {
      memberId: viewer.memberId,
      password: c.req.valid("json").password,
      sessionCreatedAt: session ? new Date(session.session.createdAt) : null,
    });
    // The sessions are gone with the account; the cookie goes too.
    if (context.settings.production) deleteCookie(c, "__Secure-givefirst.session_token", { path: "/", secure: true });
    else deleteCookie(c, "givefirst.session_token", { path: "/" });
    return c.body(null, 204);
  });

  router.openapi(listBlocksRoute, async (c) => {
    const viewer = requireViewer(c);
    const blocked = await listBlockedMembers(context, { memberId: viewer.memberId });
    return c.json({ blocked: blocked.map((item) => ({ ...item, blockedAt: item.blockedAt.toISOString() })) }, 200);
  });

  router.openapi(blockMemberRoute, async (c) => {
    const viewer = requireViewer(c);
    const { memberId } = c.req.valid("json");
    await blockMember(context, { memberId: viewer.memberId, blockedId: memberId });
    return c.json({ memberId }, 201);
  });

  router.openapi(unblockMemberRoute, async (c) => {
    const viewer = requireViewer(c);
    await unblockMember(context, { memberId: viewer.memberId, blockedId: c.req.valid("param").memberId });
    return c.body(null, 204);
  });

  router.openapi(getPrivacyRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await updatePrivacy(context, { memberId: viewer.memberId }), 200);
  });

  router.openapi(updatePrivacyRoute, async (c) => {
    const viewer = requireViewer(c);
    const { analyticsOptOut } = c.req.valid("json");
    return c.json(await updatePrivacy(context, { memberId: viewer.memberId, analyticsOptOut }), 200);
  });
};
