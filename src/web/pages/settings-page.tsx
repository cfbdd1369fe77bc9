/**
 * Settings: email preferences, alerts, language and the default audience of new trips; privacy (analytics opt-out),
 * blocked members; links to the profile and to my data (export, delete my account).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import { tripAudiences, type BlockedMember, type Preferences, type Privacy } from "../api-types";
import { FormError, SelectField, TextField } from "../components/form-field";
import { Empty, ErrorMessage, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { setLanguage } from "../i18n";
import { errorsFromApi, type FieldErrors } from "../lib/form-errors";

export function SettingsPage() {
  const { t } = useTranslation();
  const preferences = useQuery({ queryKey: ["preferences"], queryFn: () => api<Preferences>("/api/me/preferences") });
  return (
    <RequireViewer>
      {() => (
        <section className="narrow">
          <h1>{t("settings.title")}</h1>
          <p>
            <Link to="/onboarding">{t("settings.editProfile")}</Link>
          </p>
          <QueryView query={preferences}>{(data) => <PreferencesForm preferences={data} />}</QueryView>
          <PrivacySettings />
          <BlockedMembers />
          <h2>{t("myData.title")}</h2>
          <p>
            <Link to="/my-data">{t("settings.myDataLink")}</Link>
          </p>
        </section>
      )}
    </RequireViewer>
  );
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState(preferences);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: Partial<Preferences>) => api<Preferences>("/api/me/preferences", { method: "PUT", body }),
    onSuccess: async (saved) => {
      setLanguage(saved.locale);
      await client.invalidateQueries({ queryKey: ["preferences"] });
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, [
        "emailPreference",
        "alertsPaused",
        "alertCapPerWeek",
        "defaultTripAudience",
        "locale",
      ]);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!Number.isInteger(values.alertCapPerWeek) || values.alertCapPerWeek < 0 || values.alertCapPerWeek > 50)
      found.alertCapPerWeek = "validation.alertCap";
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  const error = (name: string) => (errors[name] ? t(errors[name], { defaultValue: errors[name] }) : undefined);
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormError message={formError} />
      <SelectField
        label={t("settings.email")}
        value={values.emailPreference}
        error={error("emailPreference")}
        onChange={(event) =>
          setValues({
            ...values,
            emailPreference:
              event.target.value === "digest" ? "digest" : event.target.value === "off" ? "off" : "instant",
          })
        }
        options={(["instant", "digest", "off"] as const).map((value) => ({
          value,
          label: t(`settings.emailChoices.${value}`),
        }))}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.alertsPaused}
          onChange={(event) => setValues({ ...values, alertsPaused: event.target.checked })}
        />{" "}
        {t("settings.pause")}
      </label>
      <TextField
        label={t("settings.cap")}
        hint={t("settings.capHint")}
        type="number"
        min={0}
        max={50}
        value={String(values.alertCapPerWeek)}
        error={error("alertCapPerWeek")}
        onChange={(event) => setValues({ ...values, alertCapPerWeek: Number(event.target.value) })}
      />
      <SelectField
        label={t("settings.language")}
        value={values.locale}
        onChange={(event) => setValues({ ...values, locale: event.target.value === "fr" ? "fr" : "en" })}
        options={[
          { value: "en", label: "English" },
          { value: "fr", label: "Français" },
        ]}
      />
      <SelectField
        label={t("settings.audience")}
        hint={t(`audiences.${values.defaultTripAudience}.explained`)}
        value={values.defaultTripAudience}
        onChange={(event) =>
          setValues({
            ...values,
            defaultTripAudience: tripAudiences.find((item) => item === event.target.value) ?? "connections_and_picked",
          })
        }
        options={tripAudiences.map((value) => ({ value, label: t(`audiences.${value}.title`) }))}
      />
      <button type="submit" disabled={save.isPending}>
        {t("settings.save")}
      </button>
      {save.isSuccess ? <p role="status">{t("settings.saved")}</p> : null}
    </form>
  );
}

function PrivacySettings() {
  const { t } = useTranslation();
  const privacy = useQuery({ queryKey: ["privacy"], queryFn: () => api<Privacy>("/api/me/privacy") });
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("settings.privacyTitle")}</h2>
      <QueryView query={privacy}>{(data) => <AnalyticsOptOut saved={data.analyticsOptOut} />}</QueryView>
    </section>
  );
}

/** The box follows the click at once; a failed save puts it back and says why. */
function AnalyticsOptOut({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [checked, setChecked] = useState(saved);
  const save = useMutation({
    mutationFn: (analyticsOptOut: boolean) =>
      api<Privacy>("/api/me/privacy", { method: "PUT", body: { analyticsOptOut } }),
    onSuccess: (result) => client.setQueryData(["privacy"], result),
    onError: (_error, wanted) => setChecked(!wanted),
  });
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            setChecked(event.target.checked);
            save.mutate(event.target.checked);
          }}
        />{" "}
        {t("settings.analyticsOptOut")}
      </label>
      <p className="hint">{t("settings.analyticsOptOutHint")}</p>
      {save.isSuccess ? <p role="status">{t("settings.saved")}</p> : null}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
    </>
  );
}

function BlockedMembers() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const blocked = useQuery({
    queryKey: ["blocks"],
    queryFn: async () => (await api<{ blocked: BlockedMember[] }>("/api/me/blocks")).blocked,
  });
  const unblock = useMutation({
    mutationFn: (memberId: number) => api(`/api/me/blocks/${memberId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["blocks"] }),
  });
  return (
    <section aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t("settings.blockedTitle")}</h2>
      <p className="hint">{t("settings.blockedHint")}</p>
      {unblock.isError ? <ErrorMessage error={unblock.error} /> : null}
      <QueryView query={blocked}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t("settings.blockedNone")}</Empty>
          ) : (
            <ul className="cards" aria-label={t("settings.blockedTitle")}>
              {list.map((member) => (
                <li key={member.memberId} className="card">
                  <span>{member.name}</span>{" "}
                  <button
                    type="button"
                    className="secondary"
                    disabled={unblock.isPending}
                    onClick={() => unblock.mutate(member.memberId)}
                  >
                    {t("settings.unblock", { name: member.name })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
