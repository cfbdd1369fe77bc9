/** Home: for a visitor, what Givefirst is and the demo personas; for a member, "Arriving in your city" and their trips. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, ApiError } from "../api-client";
import type { Trip, Viewer } from "../api-types";
import { ArrivalCard } from "../components/arrival-card";
import { DemoPersonas } from "../components/demo-personas";
import { Empty, ErrorMessage, Loading, QueryView } from "../components/query-state";
import { TripList } from "../components/trip-list";
import { useInstance, useViewer } from "../lib/session";
import { useProfile } from "./onboarding-page";

export function HomePage() {
  const viewer = useViewer();
  if (viewer.isPending) return <Loading />;
  if (viewer.isError) return <ErrorMessage error={viewer.error} onRetry={() => void viewer.refetch()} />;
  return viewer.data ? <MemberHome viewer={viewer.data} /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const instance = useInstance();
  return (
    <>
      <section className="hero">
        <h1>Givefirst</h1>
        <p className="lead">{t("home.tagline")}</p>
        <p>
          <Link className="button" to="/sign-up">
            {t("auth.signUp")}
          </Link>{" "}
          <Link className="button secondary" to="/sign-in">
            {t("auth.signIn")}
          </Link>
        </p>
      </section>
      {instance.data?.demo ? <DemoPersonas /> : null}
    </>
  );
}

function MemberHome({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const arrivals = useQuery({
    queryKey: ["arrivals"],
    queryFn: async () => (await api<{ trips: Trip[] }>("/api/arrivals")).trips,
    refetchInterval: 30_000,
  });
  const trips = useQuery({
    queryKey: ["trips", "mine"],
    queryFn: async () => (await api<{ trips: Trip[] }>("/api/trips/mine")).trips,
  });
  return (
    <>
      <h1>{t("home.welcome", { name: viewer.name })}</h1>
      {!viewer.emailVerified ? (
        <p className="notice">
          {t("home.verifyEmail")} <Link to="/verify-email">{t("home.verifyLink")}</Link>
        </p>
      ) : null}
      {profile.data && !profile.data.isComplete ? (
        <p className="notice">
          {t("home.completeProfile")} <Link to="/onboarding">{t("home.completeLink")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="arrivals-title">
        <h2 id="arrivals-title">{t("arrivals.title")}</h2>
        {arrivals.error instanceof ApiError && arrivals.error.field === "city" ? (
          <p className="notice">
            {t("arrivals.noCity")} <Link to="/onboarding">{t("home.completeLink")}</Link>
          </p>
        ) : (
          <QueryView query={arrivals}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t("arrivals.empty")}</Empty>
              ) : (
                <ul className="cards arrivals">
                  {list.map((trip) => (
                    <ArrivalCard key={trip.id} trip={trip} />
                  ))}
                </ul>
              )
            }
          </QueryView>
        )}
      </section>
      <section aria-labelledby="my-trips-title">
        <h2 id="my-trips-title">{t("trips.mine")}</h2>
        <QueryView query={trips}>
          {(list) =>
            list.length === 0 ? (
              <Empty>
                {t("trips.none")} <Link to="/trips/new">{t("trips.announceFirst")}</Link>
              </Empty>
            ) : (
              <TripList trips={list} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
