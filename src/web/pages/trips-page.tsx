/** The viewer's trips. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Trip } from "../api-types";
import { Empty, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { TripList } from "../components/trip-list";

export function TripsPage() {
  const { t } = useTranslation();
  const trips = useQuery({
    queryKey: ["trips", "mine", "all"],
    queryFn: async () => (await api<{ trips: Trip[] }>("/api/trips/mine?includePast=true")).trips,
  });
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("trips.mine")}</h1>
          <p>
            <Link className="button" to="/trips/new">
              {t("nav.announce")}
            </Link>
          </p>
          <QueryView query={trips}>
            {(list) => (list.length === 0 ? <Empty>{t("trips.none")}</Empty> : <TripList trips={list} />)}
          </QueryView>
        </section>
      )}
    </RequireViewer>
  );
}
