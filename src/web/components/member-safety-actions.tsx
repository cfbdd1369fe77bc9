/** On another member's profile: block them, or report them to the moderators with a reason. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, ApiError } from "../api-client";
import { reportReasons } from "../api-types";
import { FormError, SelectField, TextArea } from "./form-field";
import { useViewer } from "../lib/session";

export function MemberSafetyActions({ memberId, name }: { memberId: number; name: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [reporting, setReporting] = useState(false);
  const block = useMutation({
    mutationFn: () => api("/api/me/blocks", { method: "POST", body: { memberId } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["blocks"] });
      await navigate("/settings");
    },
  });
  if (!viewer.data || viewer.data.memberId === memberId) return null;
  return (
    <section className="safety-actions" aria-label={t("safety.title")}>
      <p className="actions">
        <button type="button" className="secondary" onClick={() => setReporting(!reporting)} aria-expanded={reporting}>
          {t("safety.report", { name })}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={block.isPending}
          onClick={() => {
            if (window.confirm(t("safety.blockConfirm", { name }))) block.mutate();
          }}
        >
          {t("safety.block", { name })}
        </button>
      </p>
      {block.isError ? <FormError message={block.error.message} /> : null}
      {reporting ? <ReportForm targetKind="member" targetId={memberId} onDone={() => setReporting(false)} /> : null}
    </section>
  );
}

/** A button that opens the report form for one thing (a message, an event…). */
export function ReportToggle({
  targetKind,
  targetId,
  label,
}: {
  targetKind: "member" | "trip" | "offer" | "event" | "offer_message" | "introduction_message";
  targetId: number;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open ? <ReportForm targetKind={targetKind} targetId={targetId} onDone={() => setOpen(false)} /> : null}
    </>
  );
}

/** Reports a member or something of theirs; the reporter is told the moderators will look at it. */
export function ReportForm({
  targetKind,
  targetId,
  onDone,
}: {
  targetKind: "member" | "trip" | "offer" | "event" | "offer_message" | "introduction_message";
  targetId: number;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<(typeof reportReasons)[number]>("spam");
  const [details, setDetails] = useState("");
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const file = useMutation({
    mutationFn: () => api("/api/reports", { method: "POST", body: { targetKind, targetId, reason, details } }),
    onSuccess: () => setSent(true),
    onError: (failure) =>
      setError(
        failure instanceof ApiError && failure.status === 409
          ? t("safety.alreadyReported")
          : failure instanceof ApiError && failure.status === 429
            ? t("errors.rateLimited")
            : failure.message,
      ),
  });
  if (sent)
    return (
      <div className="stack">
        <p role="status">{t("safety.reported")}</p>
        {onDone ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("common.close")}
          </button>
        ) : null}
      </div>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (details.length > 2000) {
      setError(t("safety.detailsTooLong"));
      return;
    }
    file.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="stack card">
      <FormError message={error} />
      <SelectField
        label={t("safety.reason")}
        value={reason}
        onChange={(event) => setReason(reportReasons.find((item) => item === event.target.value) ?? "other")}
        options={reportReasons.map((value) => ({ value, label: t(`safety.reasons.${value}`) }))}
      />
      <TextArea
        label={t("safety.details")}
        hint={t("safety.detailsHint")}
        value={details}
        maxLength={2000}
        onChange={(event) => setDetails(event.target.value)}
      />
      <button type="submit" disabled={file.isPending}>
        {t("safety.send")}
      </button>
    </form>
  );
}
