/** "How can I help?": kind, message, up to four times picked in the destination's time zone, and a venue. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import { maxSlotsPerOffer, offerKinds, type CreateOffer, type Offer, type Trip } from "../api-types";
import { errorsFromApi, type FieldErrors } from "../lib/form-errors";
import { wallTimeToInstant } from "../lib/time";
import { checkOffer, type SlotValue } from "../lib/validation";
import { FieldSet, FormError, SelectField, TextArea, TextField, useFieldError } from "./form-field";

const defaultDuration: Record<string, number> = { coffee: 45, lunch: 90, dinner: 120, visit: 60 };
const needsVenue = (kind: string) => ["coffee", "lunch", "dinner", "visit"].includes(kind);

export function OfferForm({ trip, onSent }: { trip: Trip; onSent?: (offer: Offer) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>("coffee");
  const [message, setMessage] = useState("");
  const [slots, setSlots] = useState<SlotValue[]>([{ date: trip.arrivalDate, time: "12:30" }]);
  const [venueName, setVenueName] = useState("");
  const [venueAddress, setVenueAddress] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const send = useMutation({
    mutationFn: (body: CreateOffer) => api<Offer>(`/api/trips/${trip.id}/offers`, { method: "POST", body }),
    onSuccess: async (offer) => {
      await client.invalidateQueries({ queryKey: ["offers"] });
      onSent?.(offer);
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, ["kind", "message", "slots", "venue"]);
      setErrors(mapped.fields.venue ? { venueName: mapped.fields.venue } : mapped.fields);
      setFormError(mapped.form);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { kind, message, slots, venueName };
    const found = checkOffer(values, { from: trip.arrivalDate, to: trip.departureDate });
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    const chosenKind = offerKinds.find((item) => item === kind) ?? "coffee";
    send.mutate({
      kind: chosenKind,
      message: message.trim(),
      slots: slots
        .filter((slot) => slot.date && slot.time)
        .map((slot) => ({
          startsAt: wallTimeToInstant(slot.date, slot.time, trip.city.timeZone),
          durationMinutes: defaultDuration[kind] ?? 60,
        })),
      ...(venueName.trim() ? { venue: { name: venueName.trim(), address: venueAddress.trim() } } : {}),
    });
  };
  const error = useFieldError(errors);
  const updateSlot = (index: number, change: Partial<SlotValue>) =>
    setSlots(slots.map((slot, at) => (at === index ? { ...slot, ...change } : slot)));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="stack offer-form"
      aria-label={t("offer.formLabel", { name: trip.traveller.name })}
    >
      <FormError message={formError} />
      <SelectField
        label={t("offer.kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value)}
        error={error("kind")}
        options={offerKinds.map((item) => ({ value: item, label: t(`offerKinds.${item}`) }))}
      />
      <TextArea
        label={t("offer.message")}
        value={message}
        error={error("message")}
        onChange={(event) => setMessage(event.target.value)}
        placeholder={t("offer.messagePlaceholder", { name: trip.traveller.name })}
      />
      <FieldSet
        legend={t("offer.slots")}
        error={error("slots")}
        hint={t("offer.slotsHint", { zone: trip.city.timeZone, city: trip.city.name, max: maxSlotsPerOffer })}
      >
        {slots.map((slot, index) => (
          <div className="slot-row" key={index}>
            <TextField
              label={t("offer.slotDate", { number: index + 1 })}
              type="date"
              min={trip.arrivalDate}
              max={trip.departureDate ?? undefined}
              value={slot.date}
              onChange={(event) => updateSlot(index, { date: event.target.value })}
            />
            <TextField
              label={t("offer.slotTime", { number: index + 1 })}
              type="time"
              step={900}
              value={slot.time}
              onChange={(event) => updateSlot(index, { time: event.target.value })}
            />
            {slots.length > 1 ? (
              <button
                type="button"
                className="secondary"
                onClick={() => setSlots(slots.filter((_, at) => at !== index))}
              >
                {t("offer.removeSlot", { number: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        {slots.length < maxSlotsPerOffer ? (
          <button
            type="button"
            className="secondary"
            onClick={() => setSlots([...slots, { date: slots.at(-1)?.date ?? trip.arrivalDate, time: "18:00" }])}
          >
            {t("offer.addSlot")}
          </button>
        ) : null}
      </FieldSet>
      {needsVenue(kind) || venueName ? (
        <div className="venue-row">
          <TextField
            label={t("offer.venueName")}
            value={venueName}
            error={error("venueName")}
            onChange={(event) => setVenueName(event.target.value)}
          />
          <TextField
            label={t("offer.venueAddress")}
            value={venueAddress}
            onChange={(event) => setVenueAddress(event.target.value)}
          />
        </div>
      ) : null}
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? t("common.sending") : t("offer.send")}
      </button>
    </form>
  );
}
