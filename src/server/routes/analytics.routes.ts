/** Openness analytics: a city's report and network view, and the organisers' refresh. */
import { getCityNetworkRoute, getCityReportRoute, refreshCityReportRoute } from "../../api/analytics";
import { getCityNetwork } from "../../app/analytics/get-city-network";
import { getCityReport } from "../../app/analytics/get-city-report";
import { requestCityReportRefresh } from "../../app/analytics/request-city-report-refresh";
import type { RouteRegistrar } from "../http";

export const registerAnalyticsRoutes: RouteRegistrar = (router, context) => {
  router.openapi(getCityReportRoute, async (c) => {
    const result = await getCityReport(context, { citySlug: c.req.valid("param").slug, viewer: c.get("viewer") });
    if (result.status === "computing") {
      c.header("Retry-After", String(result.retryAfterSeconds));
      return c.json(result, 202);
    }
    return c.json(result, 200);
  });

  router.openapi(getCityNetworkRoute, async (c) => {
    const result = await getCityNetwork(context, { citySlug: c.req.valid("param").slug, viewer: c.get("viewer") });
    if (result.status === "computing") {
      c.header("Retry-After", String(result.retryAfterSeconds));
      return c.json(result, 202);
    }
    return c.json(result, 200);
  });

  router.openapi(refreshCityReportRoute, async (c) => {
    const viewer = c.get("viewer");
    return c.json(await requestCityReportRefresh(context, { citySlug: c.req.valid("param").slug, viewer }), 202);
  });
};
