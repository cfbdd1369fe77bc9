/** Picks a member of a city by searching the directory: a search field, then a choice among the matches. */
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import type { DirectoryPage } from "../api-types";
import { FieldSet } from "./form-field";

export function MemberPicker({
  label,
  city,
  value,
  onChange,
  error,
}: {
  label: string;
  city: string;
  value: number | null;
  onChange: (memberId: number | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState("");
  const search = useQuery({
    queryKey: ["directory-pick", city, query],
    queryFn: () => api<DirectoryPage>(`/api/directory?${new URLSearchParams({ city, q: query, limit: "10" })}`),
    enabled: query.trim().length >= 2,
  });
  const matches = search.data?.members ?? [];
  return (
    <FieldSet legend={label} error={error}>
      <label htmlFor={`${id}-search`}>{t("picker.search")}</label>
      <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {search.isFetching ? <p className="hint">{t("common.loading")}</p> : null}
      {query.trim().length >= 2 && search.isSuccess && matches.length === 0 ? (
        <p className="hint">{t("picker.none")}</p>
      ) : null}
      {matches.length > 0 ? (
        <>
          <label htmlFor={`${id}-choice`}>{t("picker.choose")}</label>
          <select
            id={`${id}-choice`}
            value={value === null ? "" : String(value)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">—</option>
            {matches.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} — {member.headline}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </FieldSet>
  );
}
