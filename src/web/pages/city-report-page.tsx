/** A city's openness dashboard: the index and its components as SVG charts, and the network with sigma.js. */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { CityNetwork, CityReport, ReportComputing } from "../api-types";
import { NetworkView } from "../components/network-view";
import { Loading, QueryView } from "../components/query-state";
import {
  CommunitiesSection,
  GatekeepersSection,
  NewcomersAndGivingSection,
  OpennessSection,
} from "../components/report-sections";
import { layoutNetwork } from "../lib/network-layout";
import { cityName, useCities } from "../lib/session";

type Answer<T> = T | ReportComputing;
const computing = <T extends object>(answer: Answer<T> | undefined): answer is ReportComputing =>
  (answer as { status?: string } | undefined)?.status === "computing";
const pollWhileComputing = (answer: Answer<object> | undefined) =>
  computing(answer) ? Math.min(30, Math.max(2, answer.retryAfterSeconds)) * 1000 : false;

export function CityReportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "miami" } = useParams();
  const cities = useCities();
  const city = cities.data?.find((item) => item.slug === slug);
  const report = useQuery({
    queryKey: ["report", slug],
    queryFn: () => api<Answer<CityReport>>(`/api/cities/${encodeURIComponent(slug)}/report`),
    refetchInterval: (query) => pollWhileComputing(query.state.data),
  });
  return (
    <section>
      <h1>{t("report.title", { city: city ? cityName(city, i18n.language) : slug })}</h1>
      <p>{t("report.intro")}</p>
      <nav aria-label={t("report.otherCities")} className="actions">
        {(cities.data ?? []).map((item) => (
          <Link
            key={item.slug}
            to={`/cities/${item.slug}/report`}
            aria-current={item.slug === slug ? "page" : undefined}
          >
            {cityName(item, i18n.language)}
          </Link>
        ))}
      </nav>
      <QueryView query={report}>
        {(data) =>
          computing(data) ? (
            <Loading label={t("report.computing")} />
          ) : (
            <>
              <OpennessSection report={data} />
              <CommunitiesSection report={data} />
              <NewcomersAndGivingSection report={data} />
              <GatekeepersSection report={data} />
              <NetworkSection slug={slug} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function NetworkSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const network = useQuery({
    queryKey: ["network", slug],
    queryFn: () => api<Answer<CityNetwork>>(`/api/cities/${encodeURIComponent(slug)}/network`),
    refetchInterval: (query) => pollWhileComputing(query.state.data),
  });
  const data = network.data;
  const layout = useMemo(
    () => (data && !computing(data) ? layoutNetwork(data, (id) => t("report.memberNumber", { id })) : null),
    [data, t],
  );
  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">{t("report.networkTitle")}</h2>
      <QueryView query={network}>
        {(answer) =>
          computing(answer) || !layout ? (
            <Loading label={t("report.computing")} />
          ) : (
            <>
              {answer.sampling ? (
                <p className="hint">
                  {t("report.sampled", { shown: answer.sampling.shownMembers, total: answer.totalMembers })}
                </p>
              ) : null}
              <NetworkView data={layout} label={t("report.networkLabel")} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
