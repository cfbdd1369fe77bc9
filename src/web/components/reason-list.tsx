/** Why a local was picked for a trip, in the reader's language, from the reasons' codes. */
import { useTranslation } from "react-i18next";

type Reason = Record<string, unknown>;

const list = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(", ") : "");

export function ReasonList({ reasons, travellerName }: { reasons: Reason[]; travellerName: string }) {
  const { t } = useTranslation();
  const texts = reasons
    .map((reason) => {
      const code = String(reason.code ?? "");
      switch (code) {
        case "follows_your_work":
          return t("reasons.follows_your_work", { name: travellerName });
        case "shared_sector":
          return t("reasons.shared_sector", { items: list(reason.sectors) });
        case "shared_tag":
          return t("reasons.shared_tag", { items: list(reason.tags) });
        case "you_seek_what_they_give":
          return t("reasons.you_seek_what_they_give", { name: travellerName, items: list(reason.terms) });
        case "they_seek_what_you_give":
          return t("reasons.they_seek_what_you_give", { name: travellerName, items: list(reason.terms) });
        case "gives_back":
          return t("reasons.gives_back", { count: Number(reason.giftsGiven ?? 0) });
        case "mutual_connections":
          return t("reasons.mutual_connections", { count: Number(reason.count ?? 0) });
        case "extra_signal":
          return t("reasons.extra_signal", { signal: String(reason.signal ?? "") });
        default:
          return null;
      }
    })
    .filter((text): text is string => Boolean(text));
  if (texts.length === 0) return null;
  return (
    <ul className="reasons" aria-label={t("reasons.label")}>
      {texts.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
