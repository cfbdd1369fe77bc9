/** The directory: search the members of a city by words, sector and tag. */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api-client";
import type { DirectoryPage as DirectoryResult } from "../api-types";
import { SelectField, TextField } from "../components/form-field";
import { Empty, ErrorMessage, Loading } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { cityName, useCities } from "../lib/session";

export function DirectoryPage() {
  const { t } = useTranslation();
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("directory.title")}</h1>
          <DirectorySearch />
        </section>
      )}
    </RequireViewer>
  );
}

function DirectorySearch() {
  const { t, i18n } = useTranslation();
  const cities = useCities();
  const [params, setParams] = useSearchParams();
  const city = params.get("city") ?? "miami";
  const q = params.get("q") ?? "";
  const sector = params.get("sector") ?? "";
  const [draft, setDraft] = useState({ city, q, sector });
  const results = useInfiniteQuery({
    queryKey: ["directory", city, q, sector],
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ city, limit: "20" });
      if (q) search.set("q", q);
      if (sector) search.set("sector", sector);
      if (pageParam) search.set("cursor", pageParam);
      return api<DirectoryResult>(`/api/directory?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ city: draft.city });
    if (draft.q.trim()) next.set("q", draft.q.trim());
    if (draft.sector.trim()) next.set("sector", draft.sector.trim());
    setParams(next);
  };
  const members = results.data?.pages.flatMap((page) => page.members) ?? [];
  return (
    <>
      <form role="search" onSubmit={submit} className="search-form">
        <SelectField
          label={t("directory.city")}
          value={draft.city}
          onChange={(event) => setDraft({ ...draft, city: event.target.value })}
          options={(cities.data ?? []).map((item) => ({ value: item.slug, label: cityName(item, i18n.language) }))}
        />
        <TextField
          label={t("directory.query")}
          type="search"
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
        <TextField
          label={t("directory.sector")}
          value={draft.sector}
          onChange={(event) => setDraft({ ...draft, sector: event.target.value })}
        />
        <button type="submit">{t("directory.search")}</button>
      </form>
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorMessage error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.isSuccess && members.length === 0 ? <Empty>{t("directory.none")}</Empty> : null}
      {members.length > 0 ? (
        <ul className="cards" aria-label={t("directory.results")}>
          {members.map((member) => (
            <li key={member.id} className="card">
              <h2 className="card-title">
                <Link to={`/members/${member.id}`}>{member.name}</Link>
                {member.isDemo ? <span className="badge">{t("common.demo")}</span> : null}
              </h2>
              <p className="muted">{member.headline}</p>
              {member.sectors.length > 0 ? <p className="tags">{member.sectors.join(" · ")}</p> : null}
              {member.gives ? (
                <p>
                  <span className="label">{t("member.gives")}</span> {member.gives}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {results.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void results.fetchNextPage()}
          disabled={results.isFetchingNextPage}
        >
          {t("directory.more")}
        </button>
      ) : null}
    </>
  );
}
