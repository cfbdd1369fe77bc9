/** Name pools by cultural origin, for plausible demo profiles. Invented combinations; no real person is meant. */
export type NameOrigin = "american" | "hispanic" | "french" | "british" | "german" | "italian" | "brazilian";

export interface NamePool {
  firstNames: readonly string[];
  lastNames: readonly string[];
}

export const namePools: Record<NameOrigin, NamePool> = {
  american: {
    firstNames: [
      "James", "Emily", "Michael", "Sarah", "David", "Jessica", "Chris", "Ashley", "Ryan", "Megan", "Daniel",
      "Lauren", "Tyler", "Rachel", "Kevin", "Brittany", "Jason", "Amanda", "Brandon", "Nicole", "Justin", "Hannah",
      "Marcus", "Jasmine", "Andre", "Kayla", "Jordan", "Taylor", "Ethan", "Olivia", "Noah", "Madison",
    ],
    lastNames: [
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
      "Moore", "Jackson", "White", "Harris", "Martin", "Thompson", "Robinson", "Clark", "Lewis", "Walker", "Hall",
      "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Greenberg",
      "Cohen", "Levy", "Friedman", "Washington", "Brooks", "Coleman",
    ],
  },
  hispanic: {
    firstNames: [
      "Alejandro", "María", "Carlos", "Sofía", "José", "Valentina", "Luis", "Camila", "Javier", "Isabella", "Diego",
      "Lucía", "Andrés", "Gabriela", "Miguel", "Daniela", "Ricardo", "Mariana", "Fernando", "Paula", "Rafael",
      "Natalia", "Santiago", "Ana", "Mateo", "Carolina", "Eduardo", "Adriana", "Jorge", "Elena", "Raúl", "Yolanda",
    ],
    lastNames: [
      "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
      "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Reyes", "Cruz", "Ortiz", "Gutiérrez", "Castillo", "Vargas",
      "Romero", "Suárez", "Mendoza", "Fernández", "Herrera", "Medina", "Aguilar", "Delgado", "Castro", "Valdés",
      "Cabrera", "Fuentes", "Estrada", "Quintero", "Álvarez",
    ],
  },
  french: {
    firstNames: [
      "Julien", "Camille", "Thomas", "Léa", "Nicolas", "Manon", "Maxime", "Chloé", "Antoine", "Inès", "Pierre",
      "Sarah", "Alexandre", "Julie", "Guillaume", "Pauline", "Mathieu", "Marion", "Romain", "Claire", "Hugo", "Emma",
      "Baptiste", "Céline", "Louis", "Hélène", "Benoît", "Margaux", "Arnaud", "Élodie", "Florian", "Anaïs", "Jérôme",
      "Sophie", "Sébastien", "Amandine", "Raphaël", "Mathilde",
    ],
    lastNames: [
      "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "Roux",
      "Fournier", "Girard", "Bonnet", "Mercier", "Blanc", "Guerin", "Faure", "Rousseau", "Fontaine", "Chevalier",
      "Castaing", "Cazeneuve", "Lacombe", "Fabre", "Bousquet", "Sabatier", "Rouquette", "Carrère", "Estèbe",
      "Dupuy", "Pujol", "Vidal", "Marty", "Cassagne", "Barthès", "Escudié", "Delmas", "Soulé", "Bories",
    ],
  },
  british: {
    firstNames: [
      "Oliver", "Charlotte", "Harry", "Amelia", "George", "Isla", "Jack", "Poppy", "William", "Freya", "Alfie",
      "Imogen", "Edward", "Lucy", "Henry", "Eleanor",
    ],
    lastNames: [
      "Hughes", "Edwards", "Evans", "Roberts", "Wood", "Turner", "Cooper", "Ward", "Morris", "Price", "Bennett",
      "Shaw", "Palmer", "Fletcher", "Harrison", "Whitfield",
    ],
  },
  german: {
    firstNames: ["Lukas", "Anna", "Felix", "Lena", "Jonas", "Hannah", "Tobias", "Katrin", "Florian", "Julia", "Stefan", "Miriam"],
    lastNames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Keller", "Braun", "Vogel"],
  },
  italian: {
    firstNames: ["Marco", "Giulia", "Luca", "Francesca", "Matteo", "Chiara", "Alessandro", "Sara", "Davide", "Elisa"],
    lastNames: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
  },
  brazilian: {
    firstNames: ["João", "Ana", "Pedro", "Beatriz", "Lucas", "Larissa", "Gustavo", "Fernanda", "Rafael", "Juliana"],
    lastNames: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Carvalho", "Almeida", "Ribeiro"],
  },
};

/** Countries a name origin stands for (ISO 3166-1 alpha-2), for expats' `originCountryCode`. */
export const originCountries: Record<NameOrigin, readonly string[]> = {
  american: ["US"],
  hispanic: ["CU", "VE", "CO", "AR", "MX", "ES", "PE", "DO"],
  french: ["FR"],
  british: ["GB"],
  german: ["DE"],
  italian: ["IT"],
  brazilian: ["BR"],
};

const slugs = new Map<string, string>();

/** Lower-case ASCII for e-mail local parts: "Hélène Estèbe" → "helene", "estebe" (memoized: names come from pools). */
export function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "");
    if (slugs.size < 10_000) slugs.set(text, slug);
  }
  return slug;
}
