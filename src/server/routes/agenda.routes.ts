/** Agenda: thin handlers over one use case each. */
import { getTripAgendaRoute } from "../../api/agenda";
import { getTripAgenda } from "../../app/agenda/get-trip-agenda";
import { requireViewer, type RouteRegistrar } from "../http";

export const registerAgendaRoutes: RouteRegistrar = (router, context) => {
  router.openapi(getTripAgendaRoute, async (c) => {
    const { tripId, version, plan, changes } = await getTripAgenda(context, {
      viewer: requireViewer(c),
      tripId: c.req.valid("param").id,
    });
    return c.json({ tripId, version, ...plan, changes }, 200);
  });
};
