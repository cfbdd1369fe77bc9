/** The page frame: skip link, header with navigation and the language switch, the demo banner, the page. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api-client";
import { setLanguage } from "../i18n";
import { useInstance, useViewer } from "../lib/session";
import { ErrorBoundary } from "./error-boundary";
import { NotificationBadge } from "./notification-badge";

export function Layout() {
  const { t, i18n } = useTranslation();
  const instance = useInstance();
  const viewer = useViewer();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useMutation({
    mutationFn: () => api("/api/auth/sign-out", { method: "POST", body: {} }),
    onSuccess: async () => {
      client.clear();
      await navigate("/");
    },
  });
  useEffect(() => {
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location.pathname]);
  const signedIn = Boolean(viewer.data);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="header">
        <Link className="brand" to="/">
          Givefirst
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul className="nav">
            {signedIn ? (
              <>
                <li>
                  <NavLink to="/" end>
                    {t("nav.home")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/trips/new">{t("nav.announce")}</NavLink>
                </li>
                <li>
                  <NavLink to="/trips" end>
                    {t("nav.trips")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/directory">{t("nav.directory")}</NavLink>
                </li>
                <li>
                  <NavLink to="/events">{t("nav.events")}</NavLink>
                </li>
                <li>
                  <NavLink to="/introductions">{t("nav.introductions")}</NavLink>
                </li>
                <li>
                  <NavLink to="/notifications">
                    {t("nav.notifications")} <NotificationBadge />
                  </NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/cities/miami/report">{t("nav.openness")}</NavLink>
            </li>
            {signedIn ? (
              <>
                <li>
                  <NavLink to="/settings">{t("nav.settings")}</NavLink>
                </li>
                {viewer.data?.roles.some((grant) => grant.role === "moderator" || grant.role === "admin") ? (
                  <li>
                    <NavLink to="/moderation">{t("nav.moderation")}</NavLink>
                  </li>
                ) : null}
                {viewer.data?.roles.some((grant) => grant.role === "admin") ? (
                  <li>
                    <NavLink to="/admin">{t("nav.admin")}</NavLink>
                  </li>
                ) : null}
                {instance.data?.demo ? (
                  <li>
                    <NavLink to="/inbox">{t("nav.inbox")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <button type="button" className="link-button" onClick={() => signOut.mutate()}>
                    {t("nav.signOut")}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up">{t("nav.signUp")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <label className="language">
          <span>{t("nav.language")}</span>{" "}
          <select
            value={i18n.language.startsWith("fr") ? "fr" : "en"}
            onChange={(event) => setLanguage(event.target.value === "fr" ? "fr" : "en")}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
        </label>
      </header>
      {instance.data?.demo ? (
        <p className="demo-banner">
          <span aria-hidden="true">●</span> {t("demoBanner")}
        </p>
      ) : null}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          key={location.pathname}
          title={t("errors.crashTitle")}
          advice={t("errors.crash")}
          retry={t("common.reload")}
        >
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="footer">
        <p>{t("footer")}</p>
      </footer>
    </>
  );
}
