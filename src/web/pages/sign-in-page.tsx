/** Sign in with email and password, or (in demo mode) as a demo persona in one click. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../api-client";
import { DemoPersonas } from "../components/demo-personas";
import { FormError, TextField, useFieldError } from "../components/form-field";
import type { FieldErrors } from "../lib/form-errors";
import { useInstance } from "../lib/session";
import { checkSignIn } from "../lib/validation";

/** Only a path of this site, so that a crafted link cannot send the member elsewhere after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const instance = useInstance();
  const [values, setValues] = useState({ email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const signIn = useMutation({
    mutationFn: () =>
      api("/api/auth/sign-in/email", {
        method: "POST",
        body: { email: values.email.trim(), password: values.password },
      }),
    onSuccess: async () => {
      await client.invalidateQueries();
      await navigate(safeNext(params.get("next")));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkSignIn(values);
    setErrors(found);
    if (Object.keys(found).length === 0) signIn.mutate();
  };
  const error = useFieldError(errors);
  return (
    <section className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={signIn.isError ? t("auth.signInFailed") : undefined} />
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
          autoComplete="current-password"
          value={values.password}
          error={error("password")}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
        />
        <button type="submit" disabled={signIn.isPending}>
          {t("auth.signIn")}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t("auth.forgot")}</Link> · <Link to="/sign-up">{t("auth.signUp")}</Link>
      </p>
      {instance.data?.demo ? <DemoPersonas /> : null}
    </section>
  );
}
