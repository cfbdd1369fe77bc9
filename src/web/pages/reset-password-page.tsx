/** Chooses a new password with the token of the emailed link. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api-client";
import { FormError, TextField } from "../components/form-field";
import type { FieldErrors } from "../lib/form-errors";
import { checkNewPassword } from "../lib/validation";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token");
  const [values, setValues] = useState({ newPassword: "", confirmation: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const reset = useMutation({
    mutationFn: () =>
      api("/api/auth/reset-password", { method: "POST", body: { newPassword: values.newPassword, token } }),
  });
  if (!token || params.get("error")) {
    return (
      <section className="narrow">
        <h1>{t("reset.title")}</h1>
        <p role="alert">{t("reset.invalidLink")}</p>
        <Link to="/forgot-password">{t("reset.askAgain")}</Link>
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(values.newPassword, values.confirmation);
    setErrors(found);
    if (Object.keys(found).length === 0) reset.mutate();
  };
  return (
    <section className="narrow">
      <h1>{t("reset.title")}</h1>
      {reset.isSuccess ? (
        <p role="status">
          {t("reset.done")} <Link to="/sign-in">{t("auth.signIn")}</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError message={reset.isError ? t("reset.failed") : undefined} />
          <TextField
            label={t("reset.newPassword")}
            type="password"
            autoComplete="new-password"
            hint={t("auth.passwordHint")}
            value={values.newPassword}
            error={errors.newPassword ? t(errors.newPassword) : undefined}
            onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
          />
          <TextField
            label={t("reset.confirmation")}
            type="password"
            autoComplete="new-password"
            value={values.confirmation}
            error={errors.confirmation ? t(errors.confirmation) : undefined}
            onChange={(event) => setValues({ ...values, confirmation: event.target.value })}
          />
          <button type="submit" disabled={reset.isPending}>
            {t("reset.save")}
          </button>
        </form>
      )}
    </section>
  );
}
