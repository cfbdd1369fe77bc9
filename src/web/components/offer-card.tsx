/** An offer as the traveller sees it: accept at one of its times, decline, star, or ask for another time. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Offer } from "../api-types";
import { formatDateTime } from "../lib/time";
import { TextArea } from "./form-field";
import { ErrorMessage } from "./query-state";

export function OfferCard({ offer, timeZone }: { offer: Offer; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: ({ action, body }: { action: string; body: object }) =>
      api<Offer>(`/api/offers/${offer.id}/${action}`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["offers", offer.tripId] }),
        client.invalidateQueries({ queryKey: ["agenda", offer.tripId] }),
      ]),
  });
  const open = offer.status === "open";
  const acceptedSlot = offer.slots.find((slot) => slot.id === offer.acceptedSlotId);
  return (
    <li className={`card offer status-${offer.status}`} data-offer-id={offer.id}>
      <h3>
        {t(`offerKinds.${offer.kind}`)} · <Link to={`/members/${offer.sender.memberId}`}>{offer.sender.name}</Link>
        {offer.sender.isDemo ? <span className="badge">{t("common.demo")}</span> : null}
        {offer.starred ? <span className="badge star">{t("offers.starred")}</span> : null}
      </h3>
      <p className="muted">{offer.sender.headline}</p>
      {offer.message ? <p className="message">{offer.message}</p> : null}
      {offer.venue ? (
        <p>
          <span className="label">{t("offers.venue")}</span> {offer.venue.name}
          {offer.venue.address ? `, ${offer.venue.address}` : ""}
        </p>
      ) : null}
      <p className="status">
        {t(`offers.status.${offer.status}`)}
        {acceptedSlot ? ` · ${formatDateTime(acceptedSlot.startsAt, i18n.language, timeZone)}` : ""}
        {offer.anotherTimeRequested ? ` · ${t("offers.anotherTimeAsked")}` : ""}
      </p>
      {open && offer.slots.length > 0 ? (
        <div className="slot-actions" role="group" aria-label={t("offers.acceptAt")}>
          {offer.slots.map((slot) => (
            <button
              key={slot.id}
              type="button"
              onClick={() => act.mutate({ action: "accept", body: { slotId: slot.id } })}
              disabled={act.isPending}
            >
              {t("offers.acceptSlot", { time: formatDateTime(slot.startsAt, i18n.language, timeZone) })}
            </button>
          ))}
        </div>
      ) : null}
      {open ? (
        <div className="actions">
          {offer.slots.length === 0 ? (
            <button type="button" onClick={() => act.mutate({ action: "accept", body: {} })} disabled={act.isPending}>
              {t("offers.accept")}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => act.mutate({ action: "star", body: { starred: !offer.starred } })}
            disabled={act.isPending}
            aria-pressed={offer.starred}
          >
            {offer.starred ? t("offers.unstar") : t("offers.star")}
          </button>
          <button
            type="button"
            className="secondary danger"
            onClick={() => act.mutate({ action: "decline", body: {} })}
            disabled={act.isPending}
          >
            {t("offers.decline")}
          </button>
        </div>
      ) : null}
      {open && !offer.anotherTimeRequested ? <AnotherTimeForm offer={offer} /> : null}
      <p>
        <Link to={`/offers/${offer.id}`}>{t("offers.thread", { name: offer.sender.name })}</Link>
      </p>
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </li>
  );
}

/** "Ask for another time": opens a short form for a word on which times suit; the word goes to the offer's thread. */
export function AnotherTimeForm({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState("");
  const ask = useMutation({
    mutationFn: () =>
      api<Offer>(`/api/offers/${offer.id}/another-time`, {
        method: "POST",
        body: message.trim() ? { message: message.trim() } : {},
      }),
    onSuccess: async () => {
      setOpened(false);
      await Promise.all([
        client.invalidateQueries({ queryKey: ["offers", offer.tripId] }),
        client.invalidateQueries({ queryKey: ["offer", String(offer.id)] }),
        client.invalidateQueries({ queryKey: ["thread", `/api/offers/${offer.id}/messages`] }),
      ]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  if (!opened)
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setOpened(true)}>
          {t("offers.anotherTime")}
        </button>
      </p>
    );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="stack"
      aria-label={t("offers.anotherTimeForm", { name: offer.sender.name })}
    >
      <TextArea
        label={t("offers.anotherTimeMessage")}
        hint={t("offers.anotherTimeHint", { name: offer.sender.name })}
        value={message}
        maxLength={4000}
        onChange={(event) => setMessage(event.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={ask.isPending}>
          {t("offers.anotherTimeSend")}
        </button>
        <button type="button" className="secondary" onClick={() => setOpened(false)}>
          {t("common.cancel")}
        </button>
      </div>
      {ask.isError ? <ErrorMessage error={ask.error} /> : null}
    </form>
  );
}
