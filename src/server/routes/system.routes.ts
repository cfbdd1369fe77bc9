/** Health, instance, cities, the viewer and the demo helpers. */
import { sql } from "drizzle-orm";
import { signInAsDemoPersona, listDemoPersonas } from "../../app/demo/demo-personas";
import { getViewer } from "../../app/get-viewer";
import { readDemoInbox } from "../../app/demo/read-demo-inbox";
import { listCities } from "../../app/list-cities";
import { notFound } from "../../domain/errors";
import {
  demoInboxRoute,
  demoPersonasRoute,
  demoSignInRoute,
  healthRoute,
  instanceRoute,
  listCitiesRoute,
  meRoute,
} from "../../api/system";
import { requireViewer, type RouteRegistrar } from "../http";
import { presentViewer } from "../presenters";

const version = "0.1.0";

export const registerSystemRoutes: RouteRegistrar = (router, context, { authSecret }) => {
  router.openapi(healthRoute, async (c) => {
    await context.db.execute(sql`select 1`);
    return c.json({ status: "ok" as const, database: context.engine }, 200);
  });

  router.openapi(instanceRoute, (c) =>
    c.json(
      {
        name: "Givefirst",
        demo: context.settings.demo,
        version,
        baseUrl: context.settings.baseUrl,
      },
      200,
    ),
  );

  router.openapi(listCitiesRoute, async (c) => {
    const cities = await listCities(context);
    return c.json(
      {
        cities: cities.map((city) => ({
          ...city,
          locale: city.locale === "fr" ? ("fr" as const) : ("en" as const),
          createdAt: undefined,
        })),
      },
      200,
    );
  });

  router.openapi(meRoute, (c) => {
    const viewer = requireViewer(c);
    return c.json(presentViewer(viewer), 200);
  });

  router.openapi(demoPersonasRoute, async (c) => c.json({ personas: await listDemoPersonas(context) }, 200));

  router.openapi(demoSignInRoute, async (c) => {
    const { memberId } = c.req.valid("json");
    const headers = await signInAsDemoPersona(context, memberId, authSecret);
    for (const cookie of headers.getSetCookie()) c.header("Set-Cookie", cookie, { append: true });
    const cookieHeader = headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
    const viewer = await getViewer(context, new Headers({ cookie: cookieHeader }));
    if (!viewer) throw notFound("Demo persona");
    return c.json(presentViewer(viewer), 200);
  });

  router.openapi(demoInboxRoute, async (c) => {
    const emails = await readDemoInbox(context, requireViewer(c));
    return c.json(
      {
        emails: emails.map((email) => ({
          id: email.id,
          subject: email.subject,
          textBody: email.textBody,
          status: email.status,
          createdAt: email.createdAt.toISOString(),
        })),
      },
      200,
    );
  });
};
