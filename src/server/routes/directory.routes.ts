/** The directory of a city's members. */
import { searchDirectoryRoute } from "../../api/directory";
import { searchDirectory } from "../../app/directory/search-directory";
import { requireViewer, type RouteRegistrar } from "../http";

export const registerDirectoryRoutes: RouteRegistrar = (router, context) => {
  router.openapi(searchDirectoryRoute, async (c) => {
    const { city, q, sector, tag, cursor, limit } = c.req.valid("query");
    const page = await searchDirectory(context, {
      viewer: requireViewer(c),
      citySlug: city,
      limit,
      ...(q ? { text: q } : {}),
      ...(sector ? { sector } : {}),
      ...(tag ? { tag } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return c.json(page, 200);
  });
};
