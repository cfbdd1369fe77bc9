/** One arrival in the local's city: who, when, why it concerns me, and "How can I help?". */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Trip } from "../api-types";
import { formatDateRange } from "../lib/time";
import { OfferForm } from "./offer-form";
import { ReasonList } from "./reason-list";

export function ArrivalCard({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const formId = `offer-form-${trip.id}`;
  return (
    <li className="card arrival">
      <h3>
        <Link to={`/members/${trip.traveller.memberId}`}>{trip.traveller.name}</Link>
      </h3>
      <p className="muted">{trip.traveller.headline}</p>
      <p>
        <strong>{t(trip.kind === "move" ? "arrivals.moving" : "arrivals.visiting", { city: trip.city.name })}</strong>{" "}
        {formatDateRange(trip.arrivalDate, trip.departureDate, i18n.language)}
      </p>
      {trip.seeks ? (
        <p>
          <span className="label">{t("arrivals.seeks")}</span> {trip.seeks}
        </p>
      ) : null}
      {trip.gives ? (
        <p>
          <span className="label">{t("arrivals.gives")}</span> {trip.gives}
        </p>
      ) : null}
      {trip.alert ? (
        <div className="why">
          <p className="label">{t("arrivals.why")}</p>
          <ReasonList reasons={trip.alert.reasons} travellerName={trip.traveller.name} />
        </div>
      ) : null}
      {sent ? (
        <p role="status" className="success">
          {t("offer.sent", { name: trip.traveller.name })}
        </p>
      ) : (
        <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
          {t("arrivals.howCanIHelp")}
        </button>
      )}
      {open && !sent ? (
        <div id={formId}>
          <OfferForm
            trip={trip}
            onSent={() => {
              setSent(true);
              setOpen(false);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
