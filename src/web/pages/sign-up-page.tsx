/** Sign up with a name, an email and a password; the verification link arrives by email. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api, ApiError } from "../api-client";
import { FormError, TextField, useFieldError } from "../components/form-field";
import type { FieldErrors } from "../lib/form-errors";
import { checkSignUp } from "../lib/validation";

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const signUp = useMutation({
    mutationFn: () =>
      api("/api/auth/sign-up/email", {
        method: "POST",
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
          callbackURL: "/onboarding",
        },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["me"] });
      await navigate("/verify-email", { state: { email: values.email.trim() } });
    },
    onError: (error) => {
      if (error instanceof ApiError && /exist/i.test(error.code + error.message))
        setErrors({ email: "auth.emailTaken" });
      else if (error instanceof ApiError && /password/i.test(error.code))
        setErrors({ password: "validation.passwordLength" });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkSignUp(values);
    setErrors(found);
    if (Object.keys(found).length === 0) signUp.mutate();
  };
  const error = useFieldError(errors);
  return (
    <section className="narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      <p>{t("auth.signUpIntro")}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={signUp.isError && Object.keys(errors).length === 0 ? signUp.error.message : undefined} />
        <TextField
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          value={values.name}
          error={error("name")}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
        />
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          error={error("email")}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("auth.passwordHint")}
          value={values.password}
          error={error("password")}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
        />
        <button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? t("common.sending") : t("auth.signUp")}
        </button>
      </form>
      <p>
        {t("auth.haveAccount")} <Link to="/sign-in">{t("auth.signIn")}</Link>
      </p>
    </section>
  );
}
