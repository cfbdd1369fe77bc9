/** The viewer's trips as links to their pages. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Trip } from "../api-types";
import { formatDateRange } from "../lib/time";

export function TripList({ trips }: { trips: Trip[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="cards">
      {trips.map((trip) => (
        <li key={trip.id} className="card">
          <h3>
            <Link to={`/trips/${trip.id}`}>
              {t(trip.kind === "move" ? "trips.moveTo" : "trips.tripTo", { city: trip.city.name })}
            </Link>
          </h3>
          <p>{formatDateRange(trip.arrivalDate, trip.departureDate, i18n.language)}</p>
          <p className="muted">
            {t(`trips.status.${trip.status}`)}
            {trip.alertedCount !== undefined ? ` · ${t("trips.alerted", { count: trip.alertedCount })}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
