/** Introductions (double opt-in): the ones I am part of, my answer to each, and a form to propose one. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import type { Introduction } from "../api-types";
import { FormError, SelectField, TextArea, useFieldError } from "../components/form-field";
import { MemberPicker } from "../components/member-picker";
import { MessageThread } from "../components/message-thread";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { errorsFromApi, type FieldErrors } from "../lib/form-errors";
import { cityName, useCities } from "../lib/session";

export function IntroductionsPage() {
  const { t } = useTranslation();
  const introductions = useQuery({
    queryKey: ["introductions"],
    queryFn: async () => (await api<{ introductions: Introduction[] }>("/api/introductions")).introductions,
  });
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("introductions.title")}</h1>
          <p>{t("introductions.intro")}</p>
          <QueryView query={introductions}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t("introductions.none")}</Empty>
              ) : (
                <ul className="cards">
                  {list.map((introduction) => (
                    <IntroductionCard key={introduction.id} introduction={introduction} />
                  ))}
                </ul>
              )
            }
          </QueryView>
          <ProposeForm />
        </section>
      )}
    </RequireViewer>
  );
}

function IntroductionCard({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const answer = useMutation({
    mutationFn: (value: "accepted" | "declined") =>
      api<Introduction>(`/api/introductions/${introduction.id}/answer`, { method: "POST", body: { answer: value } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["introductions"] }),
  });
  const names = introduction.others.map((person) => (
    <Link key={person.memberId} to={`/members/${person.memberId}`}>
      {person.name}
    </Link>
  ));
  return (
    <li className="card">
      <h2 className="card-title">
        {introduction.role === "connector"
          ? t("introductions.youIntroduce")
          : t("introductions.introducedBy", { name: introduction.connector.name })}{" "}
        {names.flatMap((link, index) =>
          index === 0 ? [link] : [<span key={`and-${index}`}> {t("introductions.and")} </span>, link],
        )}
      </h2>
      <p>{introduction.reason}</p>
      <p className="muted">{t(`introductions.status.${introduction.status}`)}</p>
      {introduction.myAnswer === "pending" ? (
        <div className="actions">
          <button type="button" onClick={() => answer.mutate("accepted")} disabled={answer.isPending}>
            {t("introductions.accept")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => answer.mutate("declined")}
            disabled={answer.isPending}
          >
            {t("introductions.decline")}
          </button>
          <p className="hint">{t("introductions.declinePrivate")}</p>
        </div>
      ) : introduction.myAnswer ? (
        <p role="status">{t(`introductions.answered.${introduction.myAnswer}`)}</p>
      ) : null}
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      {introduction.status === "accepted" && introduction.role !== "connector" ? (
        <Conversation introduction={introduction} />
      ) : null}
    </li>
  );
}

/** Once both accepted, the two introduced members talk here (the connector does not see the conversation). */
function Conversation({ introduction }: { introduction: Introduction }) {
  const { t } = useTranslation();
  const other = introduction.others.map((person) => person.name).join(", ");
  return (
    <details className="conversation" open>
      <summary>{t("introductions.conversationTitle", { name: other })}</summary>
      <MessageThread
        path={`/api/introductions/${introduction.id}/messages`}
        label={t("introductions.conversationWith", { name: other })}
        empty={t("introductions.noMessages", { name: other })}
      />
    </details>
  );
}

function ProposeForm() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const cities = useCities();
  const [city, setCity] = useState("miami");
  const [firstId, setFirstId] = useState<number | null>(null);
  const [secondId, setSecondId] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const propose = useMutation({
    mutationFn: () =>
      api<Introduction>("/api/introductions", { method: "POST", body: { firstId, secondId, reason: reason.trim() } }),
    onSuccess: async () => {
      setReason("");
      await client.invalidateQueries({ queryKey: ["introductions"] });
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, ["firstId", "secondId", "reason"]);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (firstId === null) found.firstId = "validation.chooseMember";
    if (secondId === null) found.secondId = "validation.chooseMember";
    else if (secondId === firstId) found.secondId = "validation.twoDifferent";
    if (!reason.trim()) found.reason = "validation.reasonRequired";
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length === 0) propose.mutate();
  };
  const error = useFieldError(errors);
  return (
    <section aria-labelledby="propose-title" className="narrow">
      <h2 id="propose-title">{t("introductions.proposeTitle")}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <FormError message={formError} />
        <SelectField
          label={t("directory.city")}
          value={city}
          onChange={(event) => setCity(event.target.value)}
          options={(cities.data ?? []).map((item) => ({ value: item.slug, label: cityName(item, i18n.language) }))}
        />
        <MemberPicker
          label={t("introductions.first")}
          city={city}
          value={firstId}
          onChange={setFirstId}
          error={error("firstId")}
        />
        <MemberPicker
          label={t("introductions.second")}
          city={city}
          value={secondId}
          onChange={setSecondId}
          error={error("secondId")}
        />
        <TextArea
          label={t("introductions.reason")}
          hint={t("introductions.reasonHint")}
          value={reason}
          error={error("reason")}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit" disabled={propose.isPending}>
          {t("introductions.propose")}
        </button>
        {propose.isSuccess ? <p role="status">{t("introductions.proposed")}</p> : null}
      </form>
    </section>
  );
}
