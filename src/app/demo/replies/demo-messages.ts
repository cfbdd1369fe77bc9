/** What demo locals write: short, plausible, in the local's own language, naming what the traveller seeks. */
type Locale = "en" | "fr";
type Kind = "coffee" | "lunch" | "dinner" | "visit" | "event_invitation" | "advice";

export interface MessageFacts {
  locale: string;
  travellerFirstName: string;
  seeks: string;
  city: string;
  venue: string | null;
  eventTitle?: string;
}

const templates: Record<Locale, Record<Kind, string[]>> = {
  en: {
    coffee: [
      "Hi {name}! I saw you're looking for {seeks}. Let's grab a coffee at {venue} and I'll tell you who to meet in {city}.",
      "Welcome to {city}, {name}. What you seek ({seeks}) is close to my own work, so coffee at {venue} is on me.",
    ],
    lunch: [
      "Hi {name}, lunch at {venue}? You mentioned {seeks}: I know a few people in {city} worth your time and can share what worked for me.",
      "{name}, happy to host you for lunch at {venue}. I went through the same search ({seeks}) and would gladly compare notes.",
    ],
    dinner: [
      "{name}, a few of us have dinner at {venue} during your stay; come along. Someone at the table can help with {seeks}.",
      "Dinner at {venue}? {city} opens up over a good meal, and I'd love to hear how you're going about {seeks}.",
    ],
    visit: [
      "Come visit us, {name}: I'll show you around and introduce you to the team. We can talk {seeks} on the way.",
      "If you have an hour, I'd show you what we build in {city}; it's a good start for {seeks}.",
    ],
    event_invitation: [
      "{name}, you're invited to {event} at {venue}. Good crowd for {seeks}; I'll introduce you around.",
      "Join me at {event}? Half the room cares about {seeks}, and I'll make sure you meet the right people.",
    ],
    advice: ["Happy to help with {seeks}, {name}; write me here with your questions and I'll answer before you land."],
  },
  fr: {
    coffee: [
      "Bonjour {name} ! J'ai vu que vous cherchiez {seeks}. Je vous offre un café à {venue} et je vous dirai qui rencontrer à {city}.",
      "Bienvenue à {city}, {name}. Ce que vous cherchez ({seeks}) est proche de mon travail : le café à {venue} est pour moi.",
    ],
    lunch: [
      "Bonjour {name}, un déjeuner à {venue} ? Vous parlez de {seeks} : je connais à {city} quelques personnes qui valent le détour.",
      "{name}, je vous invite à déjeuner à {venue}. J'ai fait la même recherche ({seeks}) et je partagerai volontiers ce qui a marché.",
    ],
    dinner: [
      "{name}, nous dînons à quelques-uns à {venue} pendant votre séjour : joignez-vous à nous. Quelqu'un à table pourra vous aider pour {seeks}.",
      "Un dîner à {venue} ? {city} s'ouvre autour d'une bonne table, et j'aimerais savoir comment vous abordez {seeks}.",
    ],
    visit: [
      "Venez nous voir, {name} : je vous fais visiter et je vous présente l'équipe. On parlera de {seeks} en chemin.",
      "Si vous avez une heure, je vous montre ce que nous construisons à {city} ; un bon point de départ pour {seeks}.",
    ],
    event_invitation: [
      "{name}, je vous invite à « {event} » à {venue}. Beaucoup de monde concerné par {seeks} ; je vous présenterai.",
      "Venez avec moi à « {event} » ? La moitié de la salle s'intéresse à {seeks}, je vous ferai rencontrer les bonnes personnes.",
    ],
    advice: ["Avec plaisir pour {seeks}, {name} : écrivez-moi ici vos questions, je vous réponds avant votre arrivée."],
  },
};

/** The message of one demo offer; `variant` picks among the kind's phrasings. */
export function writeDemoMessage(kind: Kind, facts: MessageFacts, variant: number): string {
  const locale: Locale = facts.locale === "fr" ? "fr" : "en";
  const options = templates[locale][kind];
  const template = options[variant % options.length] ?? options[0] ?? "";
  const fallbackVenue = locale === "fr" ? "un endroit que j'aime" : "a place I like";
  const text = template
    .replaceAll("{name}", facts.travellerFirstName)
    .replaceAll("{seeks}", shorten(facts.seeks, 90))
    .replaceAll("{city}", facts.city)
    .replaceAll("{venue}", facts.venue ?? fallbackVenue)
    .replaceAll("{event}", facts.eventTitle ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string, max: number): string {
  const clean = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!?]+$/, "");
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}
