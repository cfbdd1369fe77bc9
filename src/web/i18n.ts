/** English and French: the default follows the browser, the header switch overrides it and is remembered. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { fr } from "./locales/fr";

export type Language = "en" | "fr";

const browserLanguage: Language =
  typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
const saved = typeof localStorage !== "undefined" ? localStorage.getItem("givefirst.language") : null;
const initial: Language = saved === "fr" || saved === "en" ? saved : browserLanguage;

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initial,
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});
if (typeof document !== "undefined") document.documentElement.lang = initial;

export function setLanguage(language: Language): void {
  localStorage.setItem("givefirst.language", language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
