/** Announce a trip or a move: validation messages next to the fields, the audience explained in plain words. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import { tripAudiences, type AnnounceTrip, type City, type Trip } from "../api-types";
import { errorsFromApi, splitTags, type FieldErrors } from "../lib/form-errors";
import { cityName } from "../lib/session";
import { checkTrip, type TripFormValues } from "../lib/validation";
import { FieldSet, FormError, SelectField, TagsField, TextArea, TextField, useFieldError } from "./form-field";

const apiFields = [
  "city",
  "kind",
  "arrivalDate",
  "departureDate",
  "purpose",
  "seeks",
  "seeksTags",
  "gives",
  "givesTags",
  "maxMeetingsPerDay",
  "audience",
];

export interface TripFormProps {
  cities: City[];
  today: string;
  defaultAudience: (typeof tripAudiences)[number];
  initial?: Partial<TripFormValues>;
  onAnnounced: (trip: Trip) => void;
}

export function TripForm({ cities, today, defaultAudience, initial, onAnnounced }: TripFormProps) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState({
    city: "",
    kind: "visit" as "visit" | "move",
    arrivalDate: "",
    departureDate: "",
    purpose: "professional",
    seeks: "",
    seeksTags: "",
    gives: "",
    givesTags: "",
    maxMeetingsPerDay: "4",
    audience: defaultAudience as string,
    ...initial,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const announce = useMutation({
    mutationFn: (body: AnnounceTrip) => api<Trip>("/api/trips", { method: "POST", body }),
    onSuccess: async (trip) => {
      await client.invalidateQueries({ queryKey: ["trips"] });
      onAnnounced(trip);
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, apiFields);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    },
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkTrip(values, today);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) {
      document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
      return;
    }
    announce.mutate({
      city: values.city,
      kind: values.kind,
      arrivalDate: values.arrivalDate,
      departureDate: values.kind === "visit" ? values.departureDate : null,
      purpose: values.purpose === "personal" ? "personal" : values.purpose === "both" ? "both" : "professional",
      seeks: values.seeks.trim(),
      seeksTags: splitTags(values.seeksTags),
      gives: values.gives.trim(),
      givesTags: splitTags(values.givesTags),
      maxMeetingsPerDay: Number(values.maxMeetingsPerDay),
      audience: tripAudiences.find((audience) => audience === values.audience) ?? defaultAudience,
    });
  };
  const error = useFieldError(errors);
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormError message={formError} />
      <SelectField
        label={t("tripForm.city")}
        name="city"
        value={values.city}
        error={error("city")}
        onChange={set("city")}
        options={[
          { value: "", label: t("tripForm.chooseCity") },
          ...cities.map((city) => ({ value: city.slug, label: cityName(city, i18n.language) })),
        ]}
      />
      <fieldset className="field">
        <legend>{t("tripForm.kind")}</legend>
        {(["visit", "move"] as const).map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={values.kind === kind}
              onChange={() => setValues({ ...values, kind })}
            />{" "}
            {t(`tripForm.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="two-columns">
        <TextField
          label={t("tripForm.arrivalDate")}
          name="arrivalDate"
          type="date"
          min={today}
          value={values.arrivalDate}
          error={error("arrivalDate")}
          onChange={set("arrivalDate")}
        />
        {values.kind === "visit" ? (
          <TextField
            label={t("tripForm.departureDate")}
            name="departureDate"
            type="date"
            min={values.arrivalDate || today}
            value={values.departureDate}
            error={error("departureDate")}
            onChange={set("departureDate")}
          />
        ) : null}
      </div>
      <SelectField
        label={t("tripForm.purpose")}
        value={values.purpose}
        onChange={set("purpose")}
        options={(["professional", "personal", "both"] as const).map((purpose) => ({
          value: purpose,
          label: t(`tripForm.purposes.${purpose}`),
        }))}
      />
      <TextArea
        label={t("tripForm.seeks")}
        name="seeks"
        hint={t("tripForm.seeksHint")}
        value={values.seeks}
        error={error("seeks")}
        onChange={set("seeks")}
      />
      <TagsField
        label={t("tripForm.seeksTags")}
        value={values.seeksTags}
        error={error("seeksTags")}
        onChange={set("seeksTags")}
      />
      <TextArea
        label={t("tripForm.gives")}
        name="gives"
        hint={t("tripForm.givesHint")}
        value={values.gives}
        error={error("gives")}
        onChange={set("gives")}
      />
      <TagsField
        label={t("tripForm.givesTags")}
        value={values.givesTags}
        error={error("givesTags")}
        onChange={set("givesTags")}
      />
      <TextField
        label={t("tripForm.maxPerDay")}
        type="number"
        min={1}
        max={12}
        value={values.maxMeetingsPerDay}
        error={error("maxMeetingsPerDay")}
        onChange={set("maxMeetingsPerDay")}
      />
      <FieldSet legend={t("tripForm.audience")} hint={t("tripForm.audienceIntro")} error={error("audience")}>
        {tripAudiences.map((audience) => (
          <label key={audience} className="radio audience-choice">
            <input
              type="radio"
              name="audience"
              value={audience}
              checked={values.audience === audience}
              onChange={() => setValues({ ...values, audience })}
            />{" "}
            <span>
              <strong>{t(`audiences.${audience}.title`)}</strong>
              <br />
              <span className="muted">{t(`audiences.${audience}.explained`)}</span>
            </span>
          </label>
        ))}
      </FieldSet>
      <button type="submit" disabled={announce.isPending}>
        {announce.isPending ? t("common.sending") : t("tripForm.submit")}
      </button>
    </form>
  );
}
