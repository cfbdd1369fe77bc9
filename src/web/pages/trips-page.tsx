/** The viewer's trips. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Offer, Trip } from "../api-types";
import { Empty, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { TripList } from "../components/trip-list";

/** The offers I sent to travellers, each with a link to its thread. */
function OffersMade() {
  const { t } = useTranslation();
  const offers = useQuery({
    queryKey: ["offers", "mine"],
    queryFn: async () => (await api<{ offers: Offer[] }>("/api/offers/mine")).offers,
  });
  return (
    <section aria-labelledby="offers-made-title">
      <h2 id="offers-made-title">{t("trips.offersMade")}</h2>
      <QueryView query={offers}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t("trips.noOffersMade")}</Empty>
          ) : (
            <ul className="cards">
              {list.map((offer) => (
                <li key={offer.id} className="card">
                  <h3>
                    <Link to={`/offers/${offer.id}`}>{t(`offerKinds.${offer.kind}`)}</Link>
                  </h3>
                  <p className="muted">
                    {t(`offers.status.${offer.status}`)}
                    {offer.anotherTimeRequested ? ` · ${t("offers.anotherTimeAsked")}` : ""}
                  </p>
                  {offer.message ? <p className="message">{offer.message}</p> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

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
          <OffersMade />
        </section>
      )}
    </RequireViewer>
  );
}
