/** Asks for a reset link by email; the answer is the same whether the address is registered or not. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api-client";
import { FormError, TextField } from "../components/form-field";
import type { FieldErrors } from "../lib/form-errors";
import { checkEmail } from "../lib/validation";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useMutation({
    mutationFn: () =>
      api("/api/auth/request-password-reset", {
        method: "POST",
        body: { email: email.trim(), redirectTo: `${window.location.origin}/reset-password` },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEmail(email);
    setErrors(found);
    if (Object.keys(found).length === 0) request.mutate();
  };
  return (
    <section className="narrow">
      <h1>{t("reset.forgotTitle")}</h1>
      {request.isSuccess ? (
        <p role="status">{t("reset.sent")}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError message={request.isError ? request.error.message : undefined} />
          <TextField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            value={email}
            error={errors.email ? t(errors.email) : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" disabled={request.isPending}>
            {t("reset.send")}
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t("auth.signIn")}</Link>
      </p>
    </section>
  );
}
