/** The profile form of onboarding and settings: headline, sectors, what I can give, what I seek, languages, links. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api-client";
import { careerStages, type City, type Profile, type ProfileUpdate } from "../api-types";
import { errorsFromApi, splitTags, type FieldErrors } from "../lib/form-errors";
import { cityName } from "../lib/session";
import { checkProfile } from "../lib/validation";
import { FieldSet, FormError, SelectField, TagsField, TextArea, TextField, useFieldError } from "./form-field";

const languageChoices = ["en", "fr", "es", "pt", "de", "it"] as const;
const apiFields = [
  "name",
  "headline",
  "bio",
  "sectors",
  "gives",
  "givesTags",
  "seeks",
  "seeksTags",
  "languages",
  "links",
  "careerStage",
  "homeCityId",
];

export function ProfileForm({ profile, cities, onSaved }: { profile: Profile; cities: City[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState({
    name: profile.name,
    headline: profile.headline,
    bio: profile.bio,
    careerStage: profile.careerStage as string,
    sectors: profile.sectors.join(", "),
    gives: profile.gives,
    givesTags: profile.givesTags.join(", "),
    seeks: profile.seeks,
    seeksTags: profile.seeksTags.join(", "),
    languages: profile.languages,
    homeCityId: profile.homeCityId === null ? "" : String(profile.homeCityId),
    links: [...profile.links, { label: "", url: "" }].slice(0, 3),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const save = useMutation({
    mutationFn: (update: ProfileUpdate) => api<Profile>("/api/me/profile", { method: "PUT", body: update }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["profile"] });
      await client.invalidateQueries({ queryKey: ["me"] });
      onSaved();
    },
    onError: (error) => {
      const mapped = errorsFromApi(error, apiFields);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    },
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkProfile(values);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      name: values.name.trim(),
      headline: values.headline.trim(),
      bio: values.bio.trim(),
      careerStage: careerStages.find((stage) => stage === values.careerStage) ?? "other",
      sectors: splitTags(values.sectors),
      gives: values.gives.trim(),
      givesTags: splitTags(values.givesTags),
      seeks: values.seeks.trim(),
      seeksTags: splitTags(values.seeksTags),
      languages: values.languages,
      homeCityId: values.homeCityId ? Number(values.homeCityId) : null,
      links: values.links
        .filter((link) => link.url.trim())
        .map((link) => ({ label: link.label.trim() || link.url.trim(), url: link.url.trim() })),
    });
  };
  const error = useFieldError(errors);
  const toggleLanguage = (code: string) =>
    setValues({
      ...values,
      languages: values.languages.includes(code)
        ? values.languages.filter((item) => item !== code)
        : [...values.languages, code],
    });
  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormError message={formError} />
      <TextField
        label={t("profile.name")}
        value={values.name}
        error={error("name")}
        onChange={set("name")}
        autoComplete="name"
      />
      <TextField
        label={t("profile.headline")}
        hint={t("profile.headlineHint")}
        value={values.headline}
        error={error("headline")}
        onChange={set("headline")}
      />
      <SelectField
        label={t("profile.careerStage")}
        value={values.careerStage}
        onChange={set("careerStage")}
        options={careerStages.map((stage) => ({ value: stage, label: t(`careerStages.${stage}`) }))}
      />
      <TagsField
        label={t("profile.sectors")}
        value={values.sectors}
        error={error("sectors")}
        onChange={set("sectors")}
      />
      <TextArea
        label={t("profile.gives")}
        hint={t("profile.givesHint")}
        value={values.gives}
        error={error("gives")}
        onChange={set("gives")}
      />
      <TagsField
        label={t("profile.givesTags")}
        value={values.givesTags}
        error={error("givesTags")}
        onChange={set("givesTags")}
      />
      <TextArea
        label={t("profile.seeks")}
        hint={t("profile.seeksHint")}
        value={values.seeks}
        error={error("seeks")}
        onChange={set("seeks")}
      />
      <TagsField
        label={t("profile.seeksTags")}
        value={values.seeksTags}
        error={error("seeksTags")}
        onChange={set("seeksTags")}
      />
      <FieldSet legend={t("profile.languages")} error={error("languages")}>
        <div className="checkbox-row">
          {languageChoices.map((code) => (
            <label key={code} className="checkbox">
              <input type="checkbox" checked={values.languages.includes(code)} onChange={() => toggleLanguage(code)} />{" "}
              {t(`languages.${code}`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <SelectField
        label={t("profile.homeCity")}
        value={values.homeCityId}
        error={error("homeCityId")}
        onChange={set("homeCityId")}
        options={[
          { value: "", label: t("profile.noCity") },
          ...cities.map((city) => ({ value: String(city.id), label: cityName(city, i18n.language) })),
        ]}
      />
      <FieldSet legend={t("profile.links")} error={error("links")}>
        {values.links.map((link, index) => (
          <div className="link-row" key={index}>
            <TextField
              label={t("profile.linkLabel", { number: index + 1 })}
              value={link.label}
              onChange={(event) =>
                setValues({
                  ...values,
                  links: values.links.map((item, at) => (at === index ? { ...item, label: event.target.value } : item)),
                })
              }
            />
            <TextField
              label={t("profile.linkUrl", { number: index + 1 })}
              type="url"
              placeholder="https://"
              value={link.url}
              onChange={(event) =>
                setValues({
                  ...values,
                  links: values.links.map((item, at) => (at === index ? { ...item, url: event.target.value } : item)),
                })
              }
            />
          </div>
        ))}
      </FieldSet>
      <TextArea label={t("profile.bio")} value={values.bio} error={error("bio")} onChange={set("bio")} rows={4} />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t("common.saving") : t("profile.save")}
      </button>
      {save.isSuccess ? <p role="status">{t("profile.saved")}</p> : null}
    </form>
  );
}
