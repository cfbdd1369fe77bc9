import type { CareerStage, Locale, Role, Sector } from "./types";

/** Sector names as people write them in each language. */
export const sectorLabels: Record<Sector, Record<Locale, string>> = {
  social_internet: { en: "social internet", fr: "internet social", es: "internet social" },
  fintech: { en: "fintech", fr: "la fintech", es: "fintech" },
  aerospace: { en: "aerospace", fr: "l'aéronautique et le spatial", es: "aeroespacial" },
  health: { en: "digital health", fr: "la e-santé", es: "salud digital" },
  luxury: { en: "luxury", fr: "le luxe", es: "lujo" },
  tourism: { en: "travel and hospitality", fr: "le tourisme", es: "turismo y hotelería" },
  real_estate: { en: "real estate", fr: "l'immobilier", es: "bienes raíces" },
  climate: { en: "climate tech", fr: "la transition écologique", es: "tecnología climática" },
  media: { en: "media and creators", fr: "les médias", es: "medios y creadores" },
  food: { en: "food and restaurants", fr: "la food et la restauration", es: "gastronomía" },
  education: { en: "edtech", fr: "l'éducation", es: "educación" },
  crypto: { en: "web3 and crypto", fr: "la crypto", es: "cripto y web3" },
};

/**
 * Give and seek tags (language-neutral, snake_case) with what a person would write about them.
 * Each phrase completes "I can help with …" / "I'm looking for …" in its language.
 */
export const tagPhrases: Record<string, Record<Locale, string>> = {
  fundraising: {
    en: "fundraising strategy",
    fr: "la stratégie de levée de fonds",
    es: "estrategia de levantamiento de capital",
  },
  pitch_feedback: {
    en: "honest feedback on a pitch deck",
    fr: "un avis franc sur un pitch deck",
    es: "opinión honesta sobre un pitch deck",
  },
  investor_intros: {
    en: "introductions to investors",
    fr: "des mises en relation avec des investisseurs",
    es: "presentaciones a inversionistas",
  },
  customer_intros: {
    en: "introductions to first customers",
    fr: "des présentations à de premiers clients",
    es: "presentaciones a primeros clientes",
  },
  hiring: {
    en: "hiring the first engineers",
    fr: "recruter les premiers développeurs",
    es: "contratar a los primeros ingenieros",
  },
  go_to_market: { en: "go-to-market in the US", fr: "la mise sur le marché", es: "la salida al mercado en EE. UU." },
  product: { en: "product and growth", fr: "le produit et la croissance", es: "producto y crecimiento" },
  engineering: { en: "software architecture", fr: "l'architecture logicielle", es: "arquitectura de software" },
  design: { en: "brand and product design", fr: "le design de marque et de produit", es: "diseño de marca y producto" },
  marketing: { en: "marketing and community", fr: "le marketing et la communauté", es: "marketing y comunidad" },
  legal: {
    en: "company setup and legal questions",
    fr: "les questions juridiques et la création de société",
    es: "temas legales y constitución de empresas",
  },
  local_guide: {
    en: "finding your way around the city",
    fr: "trouver ses repères dans la ville",
    es: "ubicarse en la ciudad",
  },
  housing: { en: "finding a place to live", fr: "trouver un logement", es: "encontrar vivienda" },
  cofounder: { en: "meeting a cofounder", fr: "rencontrer un ou une associée", es: "conocer a un cofundador" },
  mentoring: { en: "mentoring", fr: "du mentorat", es: "mentoría" },
  partnerships: {
    en: "partnerships with large companies",
    fr: "des partenariats avec des grands groupes",
    es: "alianzas con grandes empresas",
  },
  press: { en: "press and storytelling", fr: "la presse et le récit", es: "prensa y narrativa" },
  visas: { en: "visas and relocation", fr: "les visas et l'expatriation", es: "visas y reubicación" },
  deal_flow: {
    en: "promising founders to back",
    fr: "des fondateurs prometteurs à accompagner",
    es: "fundadores prometedores para invertir",
  },
  clients: { en: "new clients", fr: "de nouveaux clients", es: "nuevos clientes" },
  internship: { en: "an internship in a startup", fr: "un stage en startup", es: "una pasantía en una startup" },
  open_innovation: {
    en: "startups to work with",
    fr: "des startups avec qui innover",
    es: "startups para innovar juntos",
  },
  events: { en: "good events to attend", fr: "les bons événements", es: "buenos eventos" },
  spanish_speaking_markets: {
    en: "Latin American markets",
    fr: "les marchés d'Amérique latine",
    es: "los mercados de América Latina",
  },
  europe_expansion: { en: "expanding to Europe", fr: "l'expansion en Europe", es: "la expansión a Europa" },
};

/** What each role tends to give and to seek, drawn from when building a profile. */
export const roleTags: Record<Role, { gives: readonly string[]; seeks: readonly string[] }> = {
  founder: {
    gives: ["product", "engineering", "hiring", "pitch_feedback", "marketing", "cofounder"],
    seeks: ["fundraising", "investor_intros", "customer_intros", "hiring", "partnerships", "press", "go_to_market"],
  },
  investor: {
    gives: ["fundraising", "pitch_feedback", "investor_intros", "mentoring", "legal"],
    seeks: ["deal_flow", "partnerships", "events"],
  },
  executive: {
    gives: ["customer_intros", "partnerships", "mentoring", "go_to_market", "hiring"],
    seeks: ["open_innovation", "deal_flow", "events"],
  },
  freelancer: {
    gives: ["design", "engineering", "marketing", "press", "legal"],
    seeks: ["clients", "partnerships", "events"],
  },
  student: {
    gives: ["local_guide", "marketing", "engineering"],
    seeks: ["internship", "mentoring", "cofounder", "events"],
  },
};

/** Headline templates by language and career stage; {sector}, {company}, {fund}, {school} are filled in. */
export const headlineTemplates: Record<Locale, Record<CareerStage, readonly string[]>> = {
  en: {
    student: ["{school} student, curious about {sector}", "Student at {school}, building side projects in {sector}"],
    first_time_founder: [
      "First-time founder building {company} ({sector})",
      "Founder of {company}, early days in {sector}",
    ],
    experienced_founder: [
      "Serial founder, now building {company} in {sector}",
      "Founder & CEO at {company}; two exits in {sector}",
    ],
    executive: ["VP at {company}, {sector}", "Head of innovation at {company}", "Country manager at {company}"],
    investor: ["Partner at {fund}, seed investor in {sector}", "Angel investor in {sector}", "Principal at {fund}"],
    independent: [
      "Freelance product designer for {sector} teams",
      "Independent growth marketer, {sector}",
      "Freelance full-stack developer",
    ],
  },
  fr: {
    student: ["Étudiant·e à {school}, passionné·e par {sector}", "En master à {school}, projets perso dans {sector}"],
    first_time_founder: [
      "Fondateur·rice de {company}, premiers pas dans {sector}",
      "Je lance {company}, dans {sector}",
    ],
    experienced_founder: [
      "Entrepreneur·e en série, aujourd'hui à la tête de {company}",
      "Cofondateur·rice de {company}, deux sorties dans {sector}",
    ],
    executive: [
      "Directeur·rice de l'innovation chez {company}",
      "Responsable des partenariats chez {company}",
      "Cadre dirigeant·e chez {company}, {sector}",
    ],
    investor: [
      "Associé·e chez {fund}, investit dans {sector}",
      "Business angel dans {sector}",
      "Chargé·e d'affaires chez {fund}",
    ],
    independent: [
      "Designer produit indépendant·e, {sector}",
      "Consultant·e growth en freelance",
      "Développeur·se full-stack freelance",
    ],
  },
  es: {
    student: ["Estudiante en {school}, apasionado por {sector}", "Estudiante de {school} con proyectos en {sector}"],
    first_time_founder: ["Fundador de {company}, primeros pasos en {sector}", "Lanzando {company} en {sector}"],
    experienced_founder: [
      "Emprendedor en serie, ahora construyendo {company}",
      "Cofundador y CEO de {company}, dos salidas en {sector}",
    ],
    executive: ["Director de innovación en {company}", "Gerente regional en {company}, {sector}"],
    investor: ["Socio en {fund}, invierte en {sector}", "Inversionista ángel en {sector}"],
    independent: [
      "Diseñador de producto independiente, {sector}",
      "Consultor de marketing freelance",
      "Desarrollador full-stack freelance",
    ],
  },
};

/** Opening sentence of a bio, by where the member comes from; {city}, {country}, {years} are filled in. */
export const bioOpenings: Record<Locale, Record<"local" | "expat" | "newcomer", readonly string[]>> = {
  en: {
    local: ["Born and raised in {city}.", "{city} native.", "Grew up here and never left {city} for long."],
    expat: [
      "Moved to {city} from {country} {years} years ago.",
      "Originally from {country}, in {city} for {years} years.",
    ],
    newcomer: ["Just landed in {city} from {country}!", "New in {city}: arrived from {country} a few weeks ago."],
  },
  fr: {
    local: [
      "Toulousain·e de naissance.",
      "Né·e à {city}, j'y ai fait toute ma carrière.",
      "Enfant du pays, installé·e à {city} depuis toujours.",
    ],
    expat: ["Arrivé·e de {country} il y a {years} ans.", "Originaire de {country}, à {city} depuis {years} ans."],
    newcomer: [
      "Tout juste arrivé·e à {city} depuis {country} !",
      "Nouveau ou nouvelle à {city}, arrivé·e de {country} il y a quelques semaines.",
    ],
  },
  es: {
    local: ["Nacido y criado en {city}.", "De {city} de toda la vida."],
    expat: [
      "Llegué a {city} desde {country} hace {years} años.",
      "Originario de {country}, en {city} desde hace {years} años.",
    ],
    newcomer: ["¡Recién llegado a {city} desde {country}!", "Nuevo en {city}: llegué de {country} hace unas semanas."],
  },
};

/** Second sentence of a bio: the work, in {sector}. */
export const bioWork: Record<Locale, readonly string[]> = {
  en: [
    "I work in {sector} and love meeting people who build.",
    "Most of my time goes to {sector}; the rest to long lunches with founders.",
    "I write now and then about what I learn in {sector}.",
  ],
  fr: [
    "Je travaille dans {sector} et j'aime rencontrer celles et ceux qui construisent.",
    "Je consacre l'essentiel de mon temps à {sector}.",
    "J'écris de temps en temps sur ce que j'apprends dans {sector}.",
  ],
  es: ["Trabajo en {sector} y me encanta conocer a quienes construyen.", "Dedico casi todo mi tiempo a {sector}."],
};

/** Closing sentence of a giver's bio. */
export const giverClosings: Record<Locale, readonly string[]> = {
  en: [
    "New in town? Ping me, coffee is on me.",
    "I answer every newcomer who writes to me.",
    "Paying forward the help I got when I arrived.",
  ],
  fr: [
    "Nouveau ou nouvelle en ville ? Écrivez-moi, le café est pour moi.",
    "Je rends l'aide qu'on m'a donnée à mon arrivée.",
  ],
  es: ["¿Recién llegado? Escríbeme, el café corre por mi cuenta.", "Devuelvo la ayuda que recibí cuando llegué."],
};

export const givesIntro: Record<Locale, string> = {
  en: "I can help with ",
  fr: "Je peux aider sur ",
  es: "Puedo ayudar con ",
};
export const seeksIntro: Record<Locale, string> = { en: "I'm looking for ", fr: "Je cherche ", es: "Busco " };
export const listJoiner: Record<Locale, string> = { en: " and ", fr: " et ", es: " y " };

export const companyPrefixes: readonly string[] = [
  "Nova",
  "Blue",
  "Sol",
  "Orbit",
  "Palm",
  "Garonne",
  "Brique",
  "Vela",
  "Kite",
  "Lumen",
  "Atlas",
  "Cobalt",
  "Tide",
  "Mango",
  "Violette",
  "Cassoulet",
  "Pastel",
  "Ocean",
  "Coral",
  "Ember",
];
export const companySuffixes: readonly string[] = [
  "Labs",
  "Pay",
  "Works",
  "Health",
  "Space",
  "Hub",
  "ly",
  "Stack",
  "Loop",
  "AI",
];
export const fundNames: readonly string[] = [
  "Biscayne Ventures",
  "Palmetto Capital",
  "Wynwood Seed Fund",
  "Sun Coast Partners",
  "Garonne Capital",
  "Occitanie Angels",
  "Pont Neuf Ventures",
  "Violette Invest",
  "Atlantic Bridge Fund",
  "Brickell Angels",
];
export const schoolsByCity: Record<"miami" | "toulouse", readonly string[]> = {
  miami: ["the University of Miami", "FIU", "Miami Dade College"],
  toulouse: ["l'ISAE-SUPAERO", "TBS Education", "l'INSA Toulouse", "l'Université Toulouse Capitole", "l'ENAC"],
};
