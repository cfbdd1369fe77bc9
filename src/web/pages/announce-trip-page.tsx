/** Announce a trip or a move to a city. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { api } from "../api-client";
import type { Preferences } from "../api-types";
import { ErrorMessage, Loading } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { TripForm } from "../components/trip-form";
import { useCities } from "../lib/session";
import { todayIn } from "../lib/time";

export function AnnounceTripPage() {
  const { t } = useTranslation();
  return (
    <RequireViewer>
      {(viewer) => (
        <section className="narrow">
          <h1>{t("tripForm.title")}</h1>
          <p>{t("tripForm.intro")}</p>
          {!viewer.emailVerified ? <p className="notice">{t("tripForm.verifyFirst")}</p> : null}
          <AnnounceForm />
        </section>
      )}
    </RequireViewer>
  );
}

function AnnounceForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cities = useCities();
  const preferences = useQuery({
    queryKey: ["preferences"],
    queryFn: () => api<Preferences>("/api/me/preferences"),
    retry: false,
  });
  if (cities.isPending || preferences.isPending) return <Loading />;
  if (cities.isError) return <ErrorMessage error={cities.error} onRetry={() => void cities.refetch()} />;
  return (
    <TripForm
      cities={cities.data}
      today={todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone)}
      defaultAudience={preferences.data?.defaultTripAudience ?? "connections_and_picked"}
      initial={{ city: params.get("city") ?? "" }}
      onAnnounced={(trip) => void navigate(`/trips/${trip.id}`)}
    />
  );
}
