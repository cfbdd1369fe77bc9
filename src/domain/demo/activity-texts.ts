import type { GiftKind, Locale, Sector } from "./types";

/** Short sector names for titles. */
export const sectorTitles: Record<Sector, Record<Locale, string>> = {
  social_internet: { en: "Social Internet", fr: "Internet social", es: "Internet social" },
  fintech: { en: "Fintech", fr: "Fintech", es: "Fintech" },
  aerospace: { en: "Aerospace", fr: "Aéro & Spatial", es: "Aeroespacial" },
  health: { en: "Health Tech", fr: "E-santé", es: "Salud digital" },
  luxury: { en: "Luxury", fr: "Luxe", es: "Lujo" },
  tourism: { en: "Travel", fr: "Tourisme", es: "Turismo" },
  real_estate: { en: "PropTech", fr: "Immobilier", es: "Bienes raíces" },
  climate: { en: "Climate", fr: "Climat", es: "Clima" },
  media: { en: "Creators", fr: "Médias", es: "Medios" },
  food: { en: "Food", fr: "Food", es: "Gastronomía" },
  education: { en: "EdTech", fr: "Éducation", es: "Educación" },
  crypto: { en: "Web3", fr: "Crypto", es: "Web3" },
};

/** Event titles and descriptions; {sector} and {neighborhood} are filled in. Open events, then invitation-only ones. */
export const eventTemplates: Record<
  Locale,
  { open: readonly (readonly [string, string])[]; inviteOnly: readonly (readonly [string, string])[] }
> = {
  en: {
    open: [
      ["{sector} Founders Breakfast", "Coffee, pastries and ten-minute intros. Newcomers especially welcome."],
      ["Demo Night: {sector}", "Five startups demo, then drinks. Bring a friend who just moved to town."],
      ["Open Coffee {neighborhood}", "An open table every month: come say hi, no agenda."],
      ["Newcomers Welcome Drinks", "Just landed in Miami? Meet the locals who will help you settle in."],
      ["Investor Office Hours: {sector}", "Fifteen-minute slots with angels and seed funds. First come, first served."],
    ],
    inviteOnly: [
      ["{sector} Leaders Dinner", "A small dinner for operators and investors in {sector}."],
      ["Private Pitch Breakfast", "Three founders pitch to a handful of investors."],
    ],
  },
  es: {
    open: [
      ["Desayuno de fundadores {sector}", "Café, pastelitos y presentaciones rápidas. ¡Recién llegados bienvenidos!"],
      ["Noche de demos: {sector}", "Cinco startups presentan, luego tragos."],
      ["Cafecito abierto en {neighborhood}", "Una mesa abierta cada mes, sin agenda."],
    ],
    inviteOnly: [["Cena de líderes {sector}", "Una cena pequeña para fundadores e inversionistas."]],
  },
  fr: {
    open: [
      ["Afterwork {sector}", "Un verre entre gens du métier, ouvert à toutes et tous."],
      ["Conférence {sector} à {neighborhood}", "Retours d'expérience et table ronde, suivis d'un cocktail."],
      ["Petit-déjeuner des fondateurs", "Café, chocolatines et présentations en une minute."],
    ],
    inviteOnly: [
      ["Dîner du cercle {sector}", "Le dîner trimestriel du cercle, sur invitation de ses membres."],
      ["Club des dirigeants {neighborhood}", "Rencontre réservée aux membres du club et à leurs invités."],
      ["Comité {sector} : soirée privée", "Soirée privée du comité, sur invitation."],
    ],
  },
};

/** The guest's feedback after a meeting, useful or not. */
export const meetingFeedback: Record<Locale, { useful: readonly string[]; notUseful: readonly string[] }> = {
  en: {
    useful: [
      "Super helpful, got two intros out of it.",
      "Great advice on our pricing, thank you!",
      "Felt welcome in my first week here.",
      "Clear, honest feedback on the deck.",
    ],
    notUseful: ["Nice chat, but not much to act on.", "We did not really click on the topic."],
  },
  fr: {
    useful: [
      "Très utile, deux mises en relation à la clé.",
      "De bons conseils sur notre stratégie de prix, merci !",
      "Un accueil chaleureux pour ma première semaine.",
    ],
    notUseful: ["Échange sympathique mais peu concret.", "Nous n'étions pas vraiment sur le même sujet."],
  },
  es: {
    useful: ["Muy útil, salí con dos contactos nuevos.", "Excelentes consejos sobre precios, ¡gracias!"],
    notUseful: ["Buena charla, pero poco concreta."],
  },
};

/** What a gift was, in the giver's language; {name} is the receiver's or the introduced member's first name. */
export const giftDescriptions: Record<Locale, Record<GiftKind, readonly string[]>> = {
  en: {
    meeting: ["Met for a coffee to talk shop.", "Lunch to walk through the plan."],
    introduction: ["Introduced to {name}.", "Double opt-in intro to {name}."],
    event_invitation: ["Invited to {event}.", "Brought along to {event}."],
    advice: ["Reviewed the pitch deck.", "Advice on hiring a first engineer.", "Tips on company setup and banking."],
  },
  fr: {
    meeting: ["Un café pour parler métier.", "Un déjeuner pour passer le projet en revue."],
    introduction: ["Présentation à {name}.", "Mise en relation avec {name}."],
    event_invitation: ["Invitation à « {event} ».", "Invité·e à « {event} »."],
    advice: [
      "Relecture du pitch deck.",
      "Conseils pour recruter un premier développeur.",
      "Conseils sur la levée de fonds.",
    ],
  },
  es: {
    meeting: ["Un café para hablar del proyecto.", "Almuerzo para revisar el plan."],
    introduction: ["Presentación a {name}.", "Intro con doble consentimiento a {name}."],
    event_invitation: ["Invitación a {event}.", "Acompañado a {event}."],
    advice: ["Revisión del pitch deck.", "Consejos para contratar al primer ingeniero."],
  },
};

/** Thank-you notes, in the receiver's language; {name} is the giver's first name. */
export const thankYouNotes: Record<Locale, readonly string[]> = {
  en: [
    "Thanks {name}, that made my week!",
    "Thank you {name}, I owe you one.",
    "Huge thanks, {name}. Paying it forward.",
  ],
  fr: ["Merci {name}, ça m'a beaucoup aidé !", "Merci infiniment {name}.", "Merci {name}, je rendrai la pareille."],
  es: ["¡Gracias {name}, me alegraste la semana!", "Mil gracias, {name}."],
};

/** Trip texts of other members, by purpose-neutral pools. */
export const tripTexts: Record<Locale, { seeks: readonly string[]; gives: readonly string[] }> = {
  en: {
    seeks: ["Meeting {sector} founders and investors.", "Looking for partners and first customers in {sector}."],
    gives: ["Happy to share what worked for us in {sector}.", "Feedback on decks, intros to my network back home."],
  },
  fr: {
    seeks: [
      "Rencontrer des fondateurs et des investisseurs dans {sector}.",
      "Trouver des partenaires et de premiers clients.",
    ],
    gives: ["Partager ce qui a marché pour nous.", "Des retours sur vos decks et des intros vers mon réseau."],
  },
  es: {
    seeks: ["Conocer fundadores e inversionistas de {sector}."],
    gives: ["Compartir lo que nos funcionó en {sector}."],
  },
};
