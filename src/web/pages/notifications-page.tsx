/** Notifications: for now, the alerts that picked me for an arrival, newest first. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Alert } from "../api-types";
import { Empty, QueryView } from "../components/query-state";
import { ReasonList } from "../components/reason-list";
import { RequireViewer } from "../components/require-viewer";
import { formatDateRange } from "../lib/time";

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const alerts = useQuery({
    queryKey: ["alerts"],
    queryFn: async () => (await api<{ alerts: Alert[] }>("/api/alerts")).alerts,
  });
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("notifications.title")}</h1>
          <QueryView query={alerts}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t("notifications.none")}</Empty>
              ) : (
                <ul className="cards">
                  {list.map((alert) => (
                    <li key={alert.id} className={alert.seenAt ? "card" : "card unread"}>
                      <h2 className="card-title">
                        <Link to={`/trips/${alert.trip.id}`}>
                          {t("notifications.arrival", { name: alert.trip.traveller.name, city: alert.trip.city.name })}
                        </Link>
                      </h2>
                      <p>{formatDateRange(alert.trip.arrivalDate, alert.trip.departureDate, i18n.language)}</p>
                      <ReasonList reasons={alert.reasons} travellerName={alert.trip.traveller.name} />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryView>
        </section>
      )}
    </RequireViewer>
  );
}
