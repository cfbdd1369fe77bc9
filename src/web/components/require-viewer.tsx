/** Shows its children to a signed-in member; anyone else gets a way to sign in. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Viewer } from "../api-types";
import { useViewer } from "../lib/session";
import { ErrorMessage, Loading } from "./query-state";

export function RequireViewer({ children }: { children: (viewer: Viewer) => ReactNode }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const location = useLocation();
  if (viewer.isPending) return <Loading />;
  if (viewer.isError) return <ErrorMessage error={viewer.error} onRetry={() => void viewer.refetch()} />;
  if (!viewer.data) {
    return (
      <section className="card">
        <h1>{t("auth.required")}</h1>
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t("auth.signInToContinue")}
          </Link>
        </p>
      </section>
    );
  }
  return <>{children(viewer.data)}</>;
}
