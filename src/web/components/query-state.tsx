/** Loading, error and empty states: never a blank page; a failure says what happened and what to do. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api-client";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t("common.loading")}
    </p>
  );
}

/** Explains an error in plain words, with what the reader can do about it. */
export function errorAdvice(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("errors.network");
    if (error.status === 401) return t("errors.signIn");
    if (error.status === 403) return t("errors.forbidden", { message: error.message });
    if (error.status === 404) return t("errors.notFound");
    if (error.status === 429) return t("errors.rateLimited");
    if (error.status >= 500) return t("errors.server");
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert">
      <p>{errorAdvice(error, t)}</p>
      {onRetry ? (
        <button type="button" className="secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Renders a query's loading and error states, then its data. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError || query.data === undefined)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
