/** The admins' pages: cities and roles; thin handlers over src/app/admin. */
import { createCityRoute, grantRoleRoute, listRolesRoute, revokeRoleRoute, type RoleGrantBody } from "../../api/admin";
import { createCity } from "../../app/admin/create-city";
import { grantMemberRole, revokeMemberRole } from "../../app/admin/grant-role";
import { listRoleGrants } from "../../app/admin/list-role-grants";
import { requireAdmin } from "../../app/admin/require-admin";
import { requireViewer, type RouteRegistrar } from "../http";

const roles = ["member", "organiser", "moderator", "admin"] as const;

export const registerAdminRoutes: RouteRegistrar = (router, context) => {
  router.openapi(createCityRoute, async (c) => {
    requireAdmin(requireViewer(c));
    const input = c.req.valid("json");
    const city = await createCity(context, { ...input, ...(input.nameFr ? { nameFr: input.nameFr } : {}) });
    return c.json(
      {
        id: city.id,
        slug: city.slug,
        name: city.name,
        nameFr: city.nameFr,
        country: city.country,
        timeZone: city.timeZone,
        locale: city.locale === "fr" ? ("fr" as const) : ("en" as const),
      },
      201,
    );
  });

  router.openapi(listRolesRoute, async (c) => {
    requireAdmin(requireViewer(c));
    const grants: RoleGrantBody[] = (await listRoleGrants(context)).map((grant) => ({
      ...grant,
      role: roles.find((role) => role === grant.role) ?? "member",
      grantedAt: grant.grantedAt.toISOString(),
    }));
    return c.json({ grants }, 200);
  });

  router.openapi(grantRoleRoute, async (c) => {
    requireAdmin(requireViewer(c));
    return c.json(await grantMemberRole(context, c.req.valid("json")), 201);
  });

  router.openapi(revokeRoleRoute, async (c) => {
    requireAdmin(requireViewer(c));
    return c.json(await revokeMemberRole(context, c.req.valid("json")), 200);
  });
};
