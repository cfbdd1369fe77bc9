/** The parts of a city's openness report: the index and its components, the trend, newcomers, giving, gatekeepers. */
import { useTranslation } from "react-i18next";
import type { CityReport } from "../api-types";
import { BarChart } from "./bar-chart";
import { LineChart } from "./line-chart";

const componentNames = ["mixing", "bridging", "noBarons", "openElite", "newcomerIntegration", "giving"] as const;
const percent = (value: number | null | undefined, language: string) =>
  value === null || value === undefined
    ? "—"
    : new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(value);

export function OpennessSection({ report }: { report: CityReport }) {
  const { t, i18n } = useTranslation();
  const { openness } = report;
  const bars = componentNames.flatMap((name) => {
    const component = openness.components[name];
    return component ? [{ label: t(`report.componentNames.${name}`), value: component.score }] : [];
  });
  return (
    <section aria-labelledby="index-title">
      <h2 id="index-title">{t("report.indexTitle")}</h2>
      {openness.index !== null ? (
        <p className="big-number">
          {new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(openness.index)}
        </p>
      ) : (
        <p className="empty">{t("report.insufficient")}</p>
      )}
      {openness.reasons.length > 0 ? (
        <ul className="muted">
          {openness.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted">
        {t("report.counts", {
          members: report.counts.members,
          ties: report.counts.ties,
          communities: report.communities.count,
        })}{" "}
        ·{" "}
        {t("report.computedAt", {
          date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
            new Date(report.computedAt),
          ),
        })}
      </p>
      {bars.length > 0 ? (
        <BarChart title={t("report.components")} bars={bars} format={(value) => value.toFixed(2)} />
      ) : null}
      {report.trend.length > 0 ? (
        <LineChart
          title={t("report.trend")}
          points={report.trend.map((window) => ({ label: window.label, value: window.index }))}
        />
      ) : null}
    </section>
  );
}

export function CommunitiesSection({ report }: { report: CityReport }) {
  const { t, i18n } = useTranslation();
  const sizes = report.communities.sizes.slice(0, 10);
  return (
    <section aria-labelledby="communities-title">
      <h2 id="communities-title">{t("report.communitiesTitle")}</h2>
      <p>
        {t("report.modularity", {
          value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(
            report.communities.modularity,
          ),
        })}
      </p>
      {sizes.length > 0 ? (
        <BarChart
          title={t("report.communitySizes")}
          bars={sizes.map((size, index) => ({ label: t("report.community", { number: index + 1 }), value: size }))}
        />
      ) : null}
    </section>
  );
}

export function NewcomersAndGivingSection({ report }: { report: CityReport }) {
  const { t, i18n } = useTranslation();
  const newcomers = report.newcomers;
  const giving = report.giving;
  return (
    <section aria-labelledby="newcomers-title" className="two-columns">
      <div>
        <h2 id="newcomers-title">{t("report.newcomersTitle")}</h2>
        {newcomers ? (
          <>
            <p>
              {t("report.integrated", {
                integrated: newcomers.integrated,
                eligible: newcomers.eligible,
                share: percent(newcomers.share, i18n.language),
              })}
            </p>
            {newcomers.medianDaysToFirstTie !== null ? (
              <p>{t("report.medianDays", { days: Math.round(newcomers.medianDaysToFirstTie) })}</p>
            ) : null}
            {newcomers.survival.length > 1 ? (
              <LineChart
                title={t("report.survival")}
                points={newcomers.survival.map((point) => ({
                  label: String(Math.round(point.day)),
                  value: point.survival,
                }))}
                format={(value) => percent(value, i18n.language)}
              />
            ) : null}
          </>
        ) : (
          <p className="empty">{t("report.noData")}</p>
        )}
      </div>
      <div>
        <h2>{t("report.givingTitle")}</h2>
        {giving ? (
          <>
            <p>
              {t("report.answered", {
                answered: giving.answeredTrips,
                eligible: giving.eligibleTrips,
                share: percent(giving.answeredShare, i18n.language),
              })}
            </p>
            <p>
              {t("report.payForward", {
                gave: giving.receiversWhoGave,
                receivers: giving.receivers,
                share: percent(giving.payForwardShare, i18n.language),
              })}
            </p>
          </>
        ) : (
          <p className="empty">{t("report.noData")}</p>
        )}
      </div>
    </section>
  );
}

export function GatekeepersSection({ report }: { report: CityReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="gatekeepers-title">
      <h2 id="gatekeepers-title">{t("report.gatekeepersTitle")}</h2>
      {report.gatekeepers === null ? (
        <p className="muted">{t("report.organisersOnly")}</p>
      ) : report.gatekeepers.length === 0 ? (
        <p className="empty">{t("report.noGatekeepers")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("report.gatekeepersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.member")}</th>
                <th scope="col">{t("report.communityColumn")}</th>
                <th scope="col">{t("report.betweenness")}</th>
                <th scope="col">{t("report.crossTies")}</th>
              </tr>
            </thead>
            <tbody>
              {report.gatekeepers.slice(0, 10).map((gatekeeper, index) => (
                <tr key={`${gatekeeper.member.memberId ?? "x"}-${index}`}>
                  <td>{gatekeeper.member.optedOut ? t("report.optedOut") : gatekeeper.member.name}</td>
                  <td>{gatekeeper.community + 1}</td>
                  <td>{gatekeeper.betweenness.toFixed(3)}</td>
                  <td>{gatekeeper.crossCommunityTies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.bridges.length > 0 ? (
        <>
          <h3>{t("report.bridgesTitle")}</h3>
          <ul>
            {report.bridges.slice(0, 5).map((bridge, index) => (
              <li key={index}>
                {t("report.bridge", { a: bridge.communityA + 1, b: bridge.communityB + 1 })}
                {bridge.between ? ` — ${bridge.between.map((person) => person.name).join(" ↔ ")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
