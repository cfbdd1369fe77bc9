/**
 * A city's openness dashboard. The analytics endpoint (GET /api/cities/{slug}/report) is wired here when it exists;
 * until then the page says so and shows the network view on a small sample graph, labelled as such.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, ApiError } from "../api-client";
import { BarChart } from "../components/bar-chart";
import { ErrorMessage, Loading } from "../components/query-state";
import { NetworkView, sampleNetwork } from "../components/network-view";
import { cityName, useCities } from "../lib/session";

/** The report's figures as far as the page reads them; the full shape comes from the contract once it lands. */
type ReportFigures = { index?: { value?: number; components?: Record<string, number> } };

export function CityReportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "miami" } = useParams();
  const cities = useCities();
  const city = cities.data?.find((item) => item.slug === slug);
  const report = useQuery({
    queryKey: ["report", slug],
    queryFn: async () => {
      try {
        return await api<ReportFigures>(`/api/cities/${encodeURIComponent(slug)}/report`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
  });
  const sample = useMemo(() => sampleNetwork(), []);
  const components = Object.entries(report.data?.index?.components ?? {});
  return (
    <section>
      <h1>{t("report.title", { city: city ? cityName(city, i18n.language) : slug })}</h1>
      <p>{t("report.intro")}</p>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorMessage error={report.error} onRetry={() => void report.refetch()} /> : null}
      <section aria-labelledby="index-title">
        <h2 id="index-title">{t("report.indexTitle")}</h2>
        {report.data?.index?.value !== undefined ? (
          <p className="big-number">{Math.round(report.data.index.value * 100) / 100}</p>
        ) : (
          <p className="empty">{t("report.notYet")}</p>
        )}
        {components.length > 0 ? (
          <BarChart
            title={t("report.components")}
            bars={components.map(([label, value]) => ({ label, value }))}
            format={(value) => value.toFixed(2)}
          />
        ) : null}
      </section>
      <section aria-labelledby="network-title">
        <h2 id="network-title">{t("report.networkTitle")}</h2>
        <p className="hint">{t("report.sampleNote")}</p>
        <NetworkView data={sample} label={t("report.sampleLabel")} />
      </section>
    </section>
  );
}
