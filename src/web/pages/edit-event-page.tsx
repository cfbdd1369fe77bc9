/** Edit an event: only its host sees the form; anyone else is told they cannot edit it. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api-client";
import type { EventView } from "../api-types";
import { QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { useCities } from "../lib/session";
import { EventForm } from "./create-event-page";

export function EditEventPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const event = useQuery({ queryKey: ["event", id], queryFn: () => api<EventView>(`/api/events/${id}`) });
  const cities = useCities();
  return (
    <RequireViewer>
      {(viewer) => (
        <section className="narrow">
          <h1>{t("eventForm.editTitle")}</h1>
          <QueryView query={event}>
            {(data) =>
              data.host.memberId !== viewer.memberId ? (
                <p className="notice" role="alert">
                  {t("eventForm.notHost")} <Link to={`/events/${data.id}`}>{t("eventForm.backToEvent")}</Link>
                </p>
              ) : (
                <QueryView query={cities}>{(list) => <EventForm cities={list} event={data} />}</QueryView>
              )
            }
          </QueryView>
        </section>
      )}
    </RequireViewer>
  );
}
