/** My data: download everything linked to me as JSON; delete my account (with my password, or a fresh sign-in). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, ApiError } from "../api-client";
import { FormError, TextField } from "../components/form-field";
import { RequireViewer } from "../components/require-viewer";

export function MyDataPage() {
  const { t } = useTranslation();
  return (
    <RequireViewer>
      {() => (
        <section className="narrow">
          <h1>{t("myData.title")}</h1>
          <h2>{t("myData.exportTitle")}</h2>
          <p>{t("myData.exportText")}</p>
          <p>
            <a href="/api/me/export" download>
              {t("myData.download")}
            </a>
          </p>
          <DeleteAccount />
        </section>
      )}
    </RequireViewer>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const erase = useMutation({
    mutationFn: () => api("/api/me", { method: "DELETE", body: password ? { password } : {} }),
    onSuccess: async () => {
      client.clear();
      await navigate("/?deleted=1");
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError && failure.field === "password"
          ? failure.status === 403
            ? t("myData.needPassword")
            : t("myData.wrongPassword")
          : failure instanceof Error
            ? failure.message
            : String(failure),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!confirmed) {
      setError(t("myData.confirmFirst"));
      return;
    }
    erase.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="stack danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("myData.deleteTitle")}</h2>
      <p>{t("myData.deleteText")}</p>
      <p>{t("myData.keptText")}</p>
      <FormError message={error} />
      <TextField
        label={t("myData.password")}
        hint={t("myData.passwordHint")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />{" "}
        {t("myData.confirm")}
      </label>
      <button type="submit" className="danger" disabled={erase.isPending}>
        {t("myData.delete")}
      </button>
    </form>
  );
}
