/** Onboarding: the profile that lets locals and newcomers find each other. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api-client";
import type { Profile } from "../api-types";
import { ProfileForm } from "../components/profile-form";
import { ErrorMessage, Loading } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { useCities } from "../lib/session";

export function useProfile() {
  return useQuery({ queryKey: ["profile"], queryFn: () => api<Profile>("/api/me/profile") });
}

export function OnboardingPage() {
  const { t } = useTranslation();
  return (
    <RequireViewer>
      {(viewer) => (
        <section className="narrow">
          <h1>{t("onboarding.title", { name: viewer.name })}</h1>
          <p>{t("onboarding.intro")}</p>
          {!viewer.emailVerified ? <p className="notice">{t("onboarding.verifyFirst")}</p> : null}
          <OnboardingForm />
        </section>
      )}
    </RequireViewer>
  );
}

function OnboardingForm() {
  const navigate = useNavigate();
  const profile = useProfile();
  const cities = useCities();
  if (profile.isPending || cities.isPending) return <Loading />;
  if (profile.isError) return <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />;
  if (cities.isError) return <ErrorMessage error={cities.error} onRetry={() => void cities.refetch()} />;
  return <ProfileForm profile={profile.data} cities={cities.data} onSaved={() => void navigate("/")} />;
}
