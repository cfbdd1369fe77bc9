/** Create an event in a city, or edit one as its host; times are entered in the city's time zone. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { api } from "../api-client";
import type { City, EventView } from "../api-types";
import { FormError, SelectField, TagsField, TextArea, TextField, useFieldError } from "../components/form-field";
import { ErrorMessage, Loading } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { errorsFromApi, splitTags, type FieldErrors } from "../lib/form-errors";
import { cityName, useCities } from "../lib/session";
import { localParts, todayIn, wallTimeToInstant } from "../lib/time";

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The form's values for an existing event, in its city's wall time. */
type EventFormValues = Record<
  "city" | "title" | "description" | "tags" | "date" | "startTime" | "endTime" | "capacity" | "audience",
  string
>;

function valuesOf(event: EventView): EventFormValues {
  const start = localParts(event.startsAt, event.timeZone);
  const end = localParts(event.endsAt, event.timeZone);
  return {
    city: event.citySlug,
    title: event.title,
    description: event.description,
    tags: event.tags.join(", "),
    date: start.date,
    startTime: hhmm(start.minutes),
    endTime: hhmm(end.minutes),
    capacity: String(event.capacity),
    audience: event.audience,
  };
}

export function CreateEventPage() {
  const { t } = useTranslation();
  const cities = useCities();
  return (
    <RequireViewer>
      {() => (
        <section className="narrow">
          <h1>{t("eventForm.title")}</h1>
          {cities.isPending ? (
            <Loading />
          ) : cities.isError ? (
            <ErrorMessage error={cities.error} />
          ) : (
            <EventForm cities={cities.data} />
          )}
        </section>
      )}
    </RequireViewer>
  );
}

/** The event form: creates an event, or with `event` edits it (the city cannot change). */
export function EventForm({ cities, event: editing }: { cities: City[]; event?: EventView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [values, setValues] = useState<EventFormValues>(() =>
    editing
      ? valuesOf(editing)
      : {
          city: params.get("city") ?? cities[0]?.slug ?? "",
          title: "",
          description: "",
          tags: "",
          date: "",
          startTime: "18:30",
          endTime: "20:30",
          capacity: "30",
          audience: "members",
        },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const city = cities.find((item) => item.slug === values.city);
  const create = useMutation({
    mutationFn: (body: object) =>
      editing
        ? api<EventView>(`/api/events/${editing.id}`, { method: "PATCH", body })
        : api<EventView>("/api/events", { method: "POST", body }),
    onSuccess: async (event) => {
      client.setQueryData(["event", String(event.id)], event);
      await client.invalidateQueries({ queryKey: ["events"] });
      await navigate(`/events/${event.id}`);
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, [
        "title",
        "description",
        "startsAt",
        "endsAt",
        "capacity",
        "audience",
        "tags",
      ]);
      const fields = { ...mapped.fields };
      if (fields.startsAt) fields.date = fields.startsAt;
      if (fields.endsAt) fields.endTime = fields.endsAt;
      setErrors(fields);
      setFormError(mapped.form);
    },
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = "validation.required";
    if (!values.date) found.date = "validation.required";
    else if (city && values.date < todayIn(city.timeZone) && (!editing || values.date !== valuesOf(editing).date))
      found.date = "validation.datePast";
    if (values.endTime <= values.startTime) found.endTime = "validation.endBeforeStart";
    const capacity = Number(values.capacity);
    if (!Number.isInteger(capacity) || capacity < 1) found.capacity = "validation.capacity";
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0 || !city) return;
    create.mutate({
      ...(editing ? {} : { cityId: city.id }),
      title: values.title.trim(),
      description: values.description.trim(),
      tags: splitTags(values.tags),
      startsAt: wallTimeToInstant(values.date, values.startTime, city.timeZone),
      endsAt: wallTimeToInstant(values.date, values.endTime, city.timeZone),
      capacity,
      audience: values.audience,
    });
  };
  const error = useFieldError(errors);
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormError message={formError} />
      <SelectField
        label={t("events.city")}
        value={values.city}
        onChange={set("city")}
        disabled={editing !== undefined}
        options={cities.map((item) => ({ value: item.slug, label: cityName(item, i18n.language) }))}
      />
      <TextField label={t("eventForm.name")} value={values.title} error={error("title")} onChange={set("title")} />
      <TextArea
        label={t("eventForm.description")}
        value={values.description}
        error={error("description")}
        onChange={set("description")}
      />
      <TagsField label={t("eventForm.tags")} value={values.tags} error={error("tags")} onChange={set("tags")} />
      <p className="hint">{t("eventForm.zone", { zone: city?.timeZone ?? "" })}</p>
      <div className="two-columns">
        <TextField
          label={t("eventForm.date")}
          type="date"
          value={values.date}
          error={error("date")}
          onChange={set("date")}
        />
        <TextField label={t("eventForm.start")} type="time" value={values.startTime} onChange={set("startTime")} />
        <TextField
          label={t("eventForm.end")}
          type="time"
          value={values.endTime}
          error={error("endTime")}
          onChange={set("endTime")}
        />
      </div>
      <TextField
        label={t("eventForm.capacity")}
        type="number"
        min={1}
        value={values.capacity}
        error={error("capacity")}
        onChange={set("capacity")}
      />
      <SelectField
        label={t("eventForm.audience")}
        value={values.audience}
        onChange={set("audience")}
        options={(["public", "members", "invite_only"] as const).map((audience) => ({
          value: audience,
          label: t(`eventAudiences.${audience}`),
        }))}
      />
      <button type="submit" disabled={create.isPending}>
        {editing ? t("eventForm.save") : t("eventForm.submit")}
      </button>
    </form>
  );
}
