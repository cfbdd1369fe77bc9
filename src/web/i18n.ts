/** English and French: the default follows the browser, the header switch overrides it. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";

const resources = {
  en: {
    translation: {
      tagline: "Land in a new city with a full agenda: locals ask “How can I help?” before being asked.",
      demoBanner: "Demo mode: the members, ties and events here are generated demo data.",
      language: "Language",
      personasTitle: "Try it as one of the demo members",
      signInAs: "Sign in as {{name}}",
      signedInAs: "Signed in as {{name}}",
      signOut: "Sign out",
      inbox: "Emails sent to you",
      inboxEmpty: "No email yet.",
      loading: "Loading…",
      loadFailed: "Could not load this page: {{message}}. Check your connection and reload.",
      roles: {
        newcomer: "Newcomer about to move to Miami",
        local_who_knows_your_work: "Miami local who follows his blog",
        organiser: "City organiser",
        young_founder: "Young founder in Toulouse",
        moderator: "Moderator",
      },
    },
  },
  fr: {
    translation: {
      tagline: "Arrivez dans une nouvelle ville avec un agenda plein : les habitants demandent « Comment puis-je aider ? » avant qu'on le leur demande.",
      demoBanner: "Mode démo : les membres, liens et événements affichés ici sont des données de démonstration générées.",
      language: "Langue",
      personasTitle: "Essayez en tant que membre de démo",
      signInAs: "Se connecter en tant que {{name}}",
      signedInAs: "Connecté en tant que {{name}}",
      signOut: "Se déconnecter",
      inbox: "E-mails qui vous ont été envoyés",
      inboxEmpty: "Aucun e-mail pour l'instant.",
      loading: "Chargement…",
      loadFailed: "Impossible de charger cette page : {{message}}. Vérifiez votre connexion et rechargez.",
      roles: {
        newcomer: "Nouvel arrivant qui s'installe à Miami",
        local_who_knows_your_work: "Habitant de Miami qui suit son blog",
        organiser: "Organisateur de la ville",
        young_founder: "Jeune fondateur à Toulouse",
        moderator: "Modérateur",
      },
    },
  },
} as const;

const browserLanguage = typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
const saved = typeof localStorage !== "undefined" ? localStorage.getItem("givefirst.language") : null;

void i18next.use(initReactI18next).init({
  resources,
  lng: saved === "fr" || saved === "en" ? saved : browserLanguage,
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

export function setLanguage(language: "en" | "fr"): void {
  localStorage.setItem("givefirst.language", language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
