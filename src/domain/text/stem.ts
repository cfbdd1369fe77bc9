/**
 * A light stemmer for French and English, plus a small bilingual lexicon of the words members use about their work,
 * so that "investisseurs" meets "investors". Light on purpose: aggressive stemmers (Porter, Snowball) merge words that
 * mean different things in short profile texts, and this one must be easy to reproduce in SQL and in tests.
 */

function stripEnding(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("aux") && w.length > 4) w = `${w.slice(0, -3)}al`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith("x") && /(eux|eaux)$/.test(w)) w = w.slice(0, -1);
  let cut = false;
  if (w.endsWith("ing") && w.length > 5) {
    w = w.slice(0, -3);
    cut = true;
  } else if (w.endsWith("ed") && w.length > 4) {
    w = w.slice(0, -2);
    cut = true;
  }
  // "running" -> "runn" -> "run"; a short stem got its "e" cut with the ending: "hiring" -> "hir" -> "hire".
  if (cut && /([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  else if (cut && w.length <= 3) w = `${w}e`;
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  // French feminine forms of agent nouns ("fondatrice", "investisseuse") meet the masculine stem.
  // The final "e" is gone by now: "fondatrice" is "fondatric" here, "investisseuse" is "investisseus".
  if (w.endsWith("atric") && w.length > 7) w = `${w.slice(0, -5)}ateur`;
  else if (w.endsWith("seus") && w.length > 6) w = `${w.slice(0, -4)}seur`;
  return w;
}

// French word -> English word, both written in the folded form (no accents). Stemmed at load time.
const lexiconPairs: ReadonlyArray<readonly [string, string]> = [
  ["investisseur", "investor"],
  ["investissement", "investment"],
  ["financement", "funding"],
  ["levee", "fundraising"],
  ["recrutement", "hiring"],
  ["recruter", "hire"],
  ["developpeur", "developer"],
  ["developpement", "development"],
  ["sante", "health"],
  ["energie", "energy"],
  ["logiciel", "software"],
  ["donnee", "data"],
  ["apprentissage", "learning"],
  ["entreprise", "company"],
  ["marche", "market"],
  ["client", "customer"],
  ["vente", "sale"],
  ["conseil", "advice"],
  ["mentorat", "mentoring"],
  ["cofondateur", "cofounder"],
  ["fondateur", "founder"],
  ["banque", "bank"],
  ["assurance", "insurance"],
  ["alimentation", "food"],
  ["formation", "training"],
  ["immobilier", "realestate"],
  ["mobilite", "mobility"],
  ["juridique", "legal"],
  ["avocat", "lawyer"],
  ["produit", "product"],
  ["ingenieur", "engineer"],
  ["universite", "university"],
  ["reseau", "network"],
  ["communaute", "community"],
  ["evenement", "event"],
  ["emploi", "job"],
  ["tourisme", "tourism"],
  ["aeronautique", "aerospace"],
  ["espace", "space"],
  ["climat", "climate"],
  ["durable", "sustainable"],
  ["economie", "economy"],
  ["partenaire", "partner"],
  ["partenariat", "partnership"],
  ["presse", "press"],
  ["musique", "music"],
  ["jeu", "game"],
  ["paiement", "payment"],
  ["securite", "security"],
  ["agricole", "agriculture"],
  ["commercial", "sales"],
  ["croissance", "growth"],
  ["strategie", "strategy"],
  ["mecene", "sponsor"],
  ["bureau", "office"],
  ["introduction", "intro"],
];

const lexicon: ReadonlyMap<string, string> = new Map(
  lexiconPairs.map(([french, english]) => [stripEnding(french), stripEnding(english)] as const),
);

/** The matching term of one folded word: ending stripped, then French vocabulary mapped onto its English term. */
export function stem(word: string): string {
  const base = stripEnding(word);
  return lexicon.get(base) ?? base;
}
