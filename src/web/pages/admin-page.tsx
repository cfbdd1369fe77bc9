/** For admins: the cities (add one) and the roles (grant or revoke organiser, moderator, admin). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../api-client";
import type { RoleGrant } from "../api-types";
import { FormError, SelectField, TextField } from "../components/form-field";
import { Empty, QueryView } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";
import { cityName, useCities } from "../lib/session";

export function AdminPage() {
  const { t } = useTranslation();
  const roles = useQuery({
    queryKey: ["admin", "roles"],
    queryFn: async () => (await api<{ grants: RoleGrant[] }>("/api/admin/roles")).grants,
    retry: false,
  });
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("admin.title")}</h1>
          <QueryView query={roles}>
            {(grants) => (
              <>
                <Cities />
                <Roles grants={grants} />
              </>
            )}
          </QueryView>
        </section>
      )}
    </RequireViewer>
  );
}

function fieldMessage(error: unknown): { field?: string; message: string } {
  if (error instanceof ApiError) return { ...(error.field ? { field: error.field } : {}), message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

function Cities() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const cities = useCities();
  const empty = { slug: "", name: "", nameFr: "", country: "", timeZone: "", locale: "en" as "en" | "fr" };
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<{ field?: string; message: string }>();
  const create = useMutation({
    mutationFn: () =>
      api("/api/admin/cities", {
        method: "POST",
        body: { ...values, ...(values.nameFr ? {} : { nameFr: undefined }) },
      }),
    onSuccess: async () => {
      setValues(empty);
      await client.invalidateQueries({ queryKey: ["cities"] });
    },
    onError: (failure) => setError(fieldMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!/^[a-z0-9-]{2,64}$/.test(values.slug)) return setError({ field: "slug", message: t("admin.slugHint") });
    if (!/^[A-Z]{2}$/.test(values.country)) return setError({ field: "country", message: t("admin.countryHint") });
    create.mutate();
  };
  const at = (field: string) => (error?.field === field ? error.message : undefined);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  return (
    <section aria-labelledby="cities-title">
      <h2 id="cities-title">{t("admin.citiesTitle")}</h2>
      <QueryView query={cities}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t("admin.noCities")}</Empty>
          ) : (
            <ul className="cards" aria-label={t("admin.citiesTitle")}>
              {list.map((city) => (
                <li key={city.id} className="card">
                  {cityName(city, i18n.language)}{" "}
                  <span className="muted">
                    ({city.slug} · {city.country} · {city.timeZone})
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <form onSubmit={submit} noValidate className="stack narrow">
        <h3>{t("admin.addCity")}</h3>
        <FormError message={error && !error.field ? error.message : undefined} />
        <TextField
          label={t("admin.slug")}
          hint={t("admin.slugHint")}
          value={values.slug}
          error={at("slug")}
          onChange={set("slug")}
        />
        <TextField label={t("admin.name")} value={values.name} error={at("name")} onChange={set("name")} />
        <TextField label={t("admin.nameFr")} value={values.nameFr} error={at("nameFr")} onChange={set("nameFr")} />
        <TextField
          label={t("admin.country")}
          hint={t("admin.countryHint")}
          value={values.country}
          error={at("country")}
          onChange={set("country")}
        />
        <TextField
          label={t("admin.timeZone")}
          hint={t("admin.timeZoneHint")}
          value={values.timeZone}
          error={at("timeZone")}
          onChange={set("timeZone")}
        />
        <SelectField
          label={t("admin.locale")}
          value={values.locale}
          onChange={(event) => setValues({ ...values, locale: event.target.value === "fr" ? "fr" : "en" })}
          options={[
            { value: "en", label: "English" },
            { value: "fr", label: "Français" },
          ]}
        />
        <button type="submit" disabled={create.isPending}>
          {t("admin.addCity")}
        </button>
        {create.isSuccess ? <p role="status">{t("admin.cityAdded")}</p> : null}
      </form>
    </section>
  );
}

function Roles({ grants }: { grants: RoleGrant[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const cities = useCities();
  const [member, setMember] = useState("");
  const [role, setRole] = useState<"organiser" | "moderator" | "admin">("moderator");
  const [citySlug, setCitySlug] = useState("");
  const [error, setError] = useState<{ field?: string; message: string }>();
  const change = useMutation({
    mutationFn: (input: { action: "grant" | "revoke"; member: string; role: string; citySlug: string }) =>
      api(input.action === "grant" ? "/api/admin/roles" : "/api/admin/roles/revoke", {
        method: "POST",
        body: { member: input.member, role: input.role, ...(input.citySlug ? { citySlug: input.citySlug } : {}) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin", "roles"] }),
    onError: (failure) => setError(fieldMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (member.trim() === "") return setError({ field: "member", message: t("admin.memberHint") });
    if (role === "organiser" && !citySlug) return setError({ field: "city", message: t("admin.organiserNeedsCity") });
    change.mutate({ action: "grant", member: member.trim(), role, citySlug });
  };
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{t("admin.rolesTitle")}</h2>
      {grants.length === 0 ? (
        <Empty>{t("admin.noRoles")}</Empty>
      ) : (
        <ul className="cards" aria-label={t("admin.rolesTitle")}>
          {grants.map((grant) => (
            <li key={`${grant.memberId}-${grant.role}-${grant.citySlug ?? ""}`} className="card">
              {grant.name} — {t(`admin.roles.${grant.role}`)}
              {grant.citySlug ? ` (${grant.citySlug})` : ` (${t("admin.everywhere")})`}{" "}
              <button
                type="button"
                className="secondary"
                disabled={change.isPending}
                onClick={() =>
                  change.mutate({
                    action: "revoke",
                    member: String(grant.memberId),
                    role: grant.role,
                    citySlug: grant.citySlug ?? "",
                  })
                }
              >
                {t("admin.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="stack narrow">
        <h3>{t("admin.grant")}</h3>
        <FormError message={error && !["member", "city"].includes(error.field ?? "") ? error.message : undefined} />
        <TextField
          label={t("admin.member")}
          hint={t("admin.memberHint")}
          value={member}
          error={error?.field === "member" ? error.message : undefined}
          onChange={(event) => setMember(event.target.value)}
        />
        <SelectField
          label={t("admin.role")}
          value={role}
          onChange={(event) =>
            setRole(
              event.target.value === "organiser" ? "organiser" : event.target.value === "admin" ? "admin" : "moderator",
            )
          }
          options={(["moderator", "organiser", "admin"] as const).map((value) => ({
            value,
            label: t(`admin.roles.${value}`),
          }))}
        />
        <SelectField
          label={t("admin.city")}
          hint={t("admin.cityHint")}
          value={citySlug}
          error={error?.field === "city" ? error.message : undefined}
          onChange={(event) => setCitySlug(event.target.value)}
          options={[
            { value: "", label: t("admin.everywhere") },
            ...(cities.data ?? []).map((city) => ({ value: city.slug, label: cityName(city, i18n.language) })),
          ]}
        />
        <button type="submit" disabled={change.isPending}>
          {t("admin.grant")}
        </button>
      </form>
    </section>
  );
}
