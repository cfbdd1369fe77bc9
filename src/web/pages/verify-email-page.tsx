/** After sign-up: the email to confirm; in demo mode the demo inbox shows the link right here. */
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { api } from "../api-client";
import { DemoInbox } from "../components/demo-inbox";
import { ErrorMessage, Loading } from "../components/query-state";
import { useInstance, useViewer } from "../lib/session";

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const viewer = useViewer();
  const instance = useInstance();
  const email = (location.state as { email?: string } | null)?.email ?? viewer.data?.email ?? "";
  const resend = useMutation({
    mutationFn: () =>
      api("/api/auth/send-verification-email", { method: "POST", body: { email, callbackURL: "/onboarding" } }),
  });
  if (viewer.isPending) return <Loading />;
  if (viewer.data?.emailVerified) {
    return (
      <section className="narrow">
        <h1>{t("verify.doneTitle")}</h1>
        <p>
          <Link to="/onboarding">{t("verify.continue")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <p>{email ? t("verify.sentTo", { email }) : t("verify.sent")}</p>
      {email ? (
        <p>
          <button type="button" className="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>
            {t("verify.resend")}
          </button>
          {resend.isSuccess ? <span role="status"> {t("verify.resent")}</span> : null}
        </p>
      ) : null}
      {resend.isError ? <ErrorMessage error={resend.error} /> : null}
      {instance.data?.demo && viewer.data ? <DemoInbox refetchMs={2000} /> : null}
    </section>
  );
}
