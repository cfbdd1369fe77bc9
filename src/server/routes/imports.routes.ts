/** Bring your network: match an uploaded contact file against members, then follow the members chosen. */
import { bodyLimit } from "hono/body-limit";
import { followMembersRoute, importBodyLimitBytes, matchImportRoute } from "../../api/imports";
import { followMembers } from "../../app/follows/follow-members";
import { matchNetworkFile } from "../../app/imports/match-network-file";
import { errorResponse, requireViewer, type RouteRegistrar } from "../http";

export const registerImportRoutes: RouteRegistrar = (router, context) => {
  // Refuses an oversized upload before reading it all into memory.
  router.use(
    "/api/me/imports",
    bodyLimit({
      maxSize: importBodyLimitBytes,
      onError: (c) => errorResponse(c, "payload_too_large", "The file is over 5 MB", "content"),
    }),
  );

  router.openapi(matchImportRoute, async (c) => {
    const viewer = requireViewer(c);
    const body = c.req.valid("json");
    const result = await matchNetworkFile(context, {
      memberId: viewer.memberId,
      content: body.content,
      ...(body.format ? { format: body.format } : {}),
      ...(body.fileName ? { fileName: body.fileName } : {}),
    });
    return c.json(result, 200);
  });

  router.openapi(followMembersRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(
      await followMembers(context, { followerId: viewer.memberId, memberIds: c.req.valid("json").memberIds }),
      200,
    );
  });
};
