/** A member's public profile: what they give and seek, their giving record and the thanks they received. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { PublicMember } from "../api-types";
import { BarChart } from "../components/bar-chart";
import { MemberSafetyActions } from "../components/member-safety-actions";
import { MemberWork } from "../components/member-work";
import { Empty, QueryView } from "../components/query-state";
import { formatPlainDate } from "../lib/time";

export function MemberPage() {
  const { id } = useParams();
  const member = useQuery({ queryKey: ["member", id], queryFn: () => api<PublicMember>(`/api/members/${id}`) });
  return <QueryView query={member}>{(data) => <MemberProfile member={data} />}</QueryView>;
}

function MemberProfile({ member }: { member: PublicMember }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="h-card">
      <h1>
        <span className="p-name">{member.name}</span>
        {member.isDemo ? <span className="badge">{t("common.demo")}</span> : null}
      </h1>
      <p className="lead p-job-title">{member.headline}</p>
      <p className="muted">
        {t(`careerStages.${member.careerStage}`)}
        {member.homeCity ? (
          <>
            {" · "}
            <span className="p-locality">{member.homeCity.name}</span>
          </>
        ) : (
          ""
        )}
        {member.languages.length > 0
          ? ` · ${member.languages.map((code) => t(`languages.${code}`, { defaultValue: code })).join(", ")}`
          : ""}
      </p>
      {member.bio ? <p className="p-note">{member.bio}</p> : null}
      <div className="two-columns">
        <section aria-labelledby="gives-title" className="card">
          <h2 id="gives-title">{t("member.gives")}</h2>
          {member.gives ? <p>{member.gives}</p> : <Empty>{t("member.nothingYet")}</Empty>}
          {member.givesTags.length > 0 ? <p className="tags">{member.givesTags.join(" · ")}</p> : null}
        </section>
        <section aria-labelledby="seeks-title" className="card">
          <h2 id="seeks-title">{t("member.seeks")}</h2>
          {member.seeks ? <p>{member.seeks}</p> : <Empty>{t("member.nothingYet")}</Empty>}
          {member.seeksTags.length > 0 ? <p className="tags">{member.seeksTags.join(" · ")}</p> : null}
        </section>
      </div>
      {member.links.length > 0 ? (
        <ul className="links">
          {member.links.map((link) => (
            <li key={link.url}>
              <a className="u-url" href={link.url} rel="me noopener noreferrer nofollow" target="_blank">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <MemberWork memberId={member.id} name={member.name} />
      <section aria-labelledby="giving-title">
        <h2 id="giving-title">{t("member.givingTitle")}</h2>
        <p>{t("member.givingSummary", { given: member.giving.given, received: member.giving.received })}</p>
        {member.giving.byKind.length > 0 ? (
          <BarChart
            title={t("member.givingChart")}
            bars={member.giving.byKind.map((entry) => ({
              label: t(`giftKinds.${entry.kind}`, { defaultValue: entry.kind }),
              value: entry.count,
            }))}
          />
        ) : null}
      </section>
      <section aria-labelledby="thanks-title">
        <h2 id="thanks-title">{t("member.thanksTitle")}</h2>
        {member.giving.thanks.length === 0 ? (
          <Empty>{t("member.noThanks")}</Empty>
        ) : (
          <ul className="cards">
            {member.giving.thanks.map((thanks, index) => (
              <li key={index} className="card">
                <blockquote>{thanks.text}</blockquote>
                <p className="muted">
                  — <Link to={`/members/${thanks.fromMemberId}`}>{thanks.fromName}</Link>,{" "}
                  {formatPlainDate(thanks.occurredOn, i18n.language, { year: "numeric" })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MemberSafetyActions memberId={member.id} name={member.name} />
    </article>
  );
}
