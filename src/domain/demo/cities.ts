import type { CityKey, DemoCity, DemoVenue, Sector, VenueKind } from "./types";

/** The two demo cities, Miami first (its members come first in the members array). */
export const demoCities: readonly DemoCity[] = [
  {
    key: "miami",
    name: "Miami",
    timeZone: "America/New_York",
    locale: "en",
    countryCode: "US",
    latitude: 25.7617,
    longitude: -80.1918,
  },
  {
    key: "toulouse",
    name: "Toulouse",
    timeZone: "Europe/Paris",
    locale: "fr",
    countryCode: "FR",
    latitude: 43.6047,
    longitude: 1.4442,
  },
];

type VenueRow = readonly [
  name: string,
  kind: VenueKind,
  neighborhood: string,
  address: string,
  lat: number,
  lon: number,
];

// Plausible places on real streets of each neighbourhood, with approximate coordinates; the names are invented.
const miamiVenues: readonly VenueRow[] = [
  ["Brickell Bay Coffee Bar", "cafe", "Brickell", "1001 Brickell Bay Dr, Miami, FL 33131", 25.7649, -80.1885],
  ["Brickell Founders Club", "coworking", "Brickell", "1450 Brickell Ave, Miami, FL 33131", 25.7588, -80.1926],
  ["Mary Street Lunch Room", "restaurant", "Brickell", "901 S Miami Ave, Miami, FL 33130", 25.7663, -80.1937],
  ["Wynwood Walls Café", "cafe", "Wynwood", "2520 NW 2nd Ave, Miami, FL 33127", 25.801, -80.1994],
  ["Wynwood Builders Loft", "coworking", "Wynwood", "400 NW 26th St, Miami, FL 33127", 25.8024, -80.2003],
  ["Panther Yard Stage", "event_space", "Wynwood", "2390 NW 2nd Ave, Miami, FL 33127", 25.7995, -80.1992],
  ["Calle Ocho Cafecito", "cafe", "Little Havana", "1465 SW 8th St, Miami, FL 33135", 25.7655, -80.2171],
  ["Domino Park Cantina", "restaurant", "Little Havana", "1501 SW 8th St, Miami, FL 33135", 25.7654, -80.2176],
  ["Miracle Mile Bistro", "restaurant", "Coral Gables", "250 Miracle Mile, Coral Gables, FL 33134", 25.7496, -80.2594],
  [
    "Gables Innovation Hub",
    "coworking",
    "Coral Gables",
    "2100 Ponce de Leon Blvd, Coral Gables, FL 33134",
    25.751,
    -80.259,
  ],
  ["Biscayne Founders Hall", "event_space", "Downtown", "100 Biscayne Blvd, Miami, FL 33132", 25.7745, -80.188],
  ["Bayside Rooftop", "bar", "Downtown", "401 Biscayne Blvd, Miami, FL 33132", 25.7784, -80.1868],
  ["Design District Atelier", "event_space", "Design District", "140 NE 39th St, Miami, FL 33137", 25.8128, -80.1932],
  ["Grove Garden Coworking", "coworking", "Coconut Grove", "3250 Grand Ave, Miami, FL 33133", 25.7281, -80.2423],
  ["Lincoln Road Terrace", "bar", "Miami Beach", "700 Lincoln Rd, Miami Beach, FL 33139", 25.7907, -80.139],
  ["Edgewater Bay Café", "cafe", "Edgewater", "2900 Biscayne Blvd, Miami, FL 33137", 25.8055, -80.1895],
];

const toulouseVenues: readonly VenueRow[] = [
  ["Café des Arcades", "cafe", "Capitole", "14 place du Capitole, 31000 Toulouse", 43.6043, 1.4437],
  ["Salle des Illustres Forum", "event_space", "Capitole", "2 rue Lafayette, 31000 Toulouse", 43.6049, 1.4452],
  [
    "Brasserie Saint-Cyprien",
    "restaurant",
    "Saint-Cyprien",
    "3 place Intérieure Saint-Cyprien, 31300 Toulouse",
    43.5985,
    1.4325,
  ],
  ["Les Abattoirs Terrasse", "bar", "Saint-Cyprien", "76 allées Charles de Fitte, 31300 Toulouse", 43.6005, 1.4294],
  [
    "Compans Business Lounge",
    "coworking",
    "Compans-Caffarelli",
    "9 esplanade Compans-Caffarelli, 31000 Toulouse",
    43.6108,
    1.4345,
  ],
  ["Le Jardin Japonais Café", "cafe", "Compans-Caffarelli", "bd Lascrosses, 31000 Toulouse", 43.6115, 1.4357],
  ["Espace Aéro Blagnac", "event_space", "Blagnac", "1 allée André Turcat, 31700 Blagnac", 43.6525, 1.366],
  ["Cantine des Ailes", "restaurant", "Blagnac", "2 avenue Pierre-Georges Latécoère, 31700 Blagnac", 43.6367, 1.3897],
  ["Campus Montaudran Innovation", "campus", "Montaudran", "10 avenue Édouard Belin, 31400 Toulouse", 43.5705, 1.4805],
  ["Le Comptoir des Carmes", "cafe", "Carmes", "8 place des Carmes, 31000 Toulouse", 43.5976, 1.4447],
  ["Bistrot Saint-Pierre", "bar", "Saint-Pierre", "5 place Saint-Pierre, 31000 Toulouse", 43.6032, 1.4368],
  ["La Table de Jean-Jaurès", "restaurant", "Jean-Jaurès", "22 allées Jean-Jaurès, 31000 Toulouse", 43.6068, 1.4512],
  ["Matabiau Coworking", "coworking", "Matabiau", "64 boulevard Pierre Sémard, 31500 Toulouse", 43.6113, 1.4536],
  ["Rangueil Santé Lab", "campus", "Rangueil", "133 route de Narbonne, 31400 Toulouse", 43.5615, 1.4637],
  ["Labège Tech Hall", "event_space", "Labège", "rue de l'Ousse, 31670 Labège", 43.5451, 1.5122],
  ["Purpan Café Santé", "cafe", "Purpan", "place du Docteur Baylac, 31300 Toulouse", 43.6085, 1.3975],
];

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The venues of both cities, Miami's first, each with a unique slug. */
export function buildDemoVenues(): DemoVenue[] {
  const rows: [CityKey, readonly VenueRow[]][] = [
    ["miami", miamiVenues],
    ["toulouse", toulouseVenues],
  ];
  return rows.flatMap(([cityKey, venues]) =>
    venues.map(([name, kind, neighborhood, address, latitude, longitude]) => ({
      key: `${cityKey}-${slug(name)}`,
      cityKey,
      name,
      kind,
      neighborhood,
      address,
      latitude,
      longitude,
    })),
  );
}

/** Sectors in the proportions a city's communities are drawn from (Miami: fintech, crypto, real estate…; Toulouse: aerospace, health…). */
export const citySectorWeights: Record<CityKey, readonly (readonly [Sector, number])[]> = {
  miami: [
    ["fintech", 16],
    ["social_internet", 14],
    ["real_estate", 12],
    ["tourism", 10],
    ["crypto", 10],
    ["health", 9],
    ["luxury", 8],
    ["media", 8],
    ["food", 5],
    ["climate", 5],
    ["education", 3],
  ],
  toulouse: [
    ["aerospace", 24],
    ["health", 13],
    ["social_internet", 12],
    ["food", 9],
    ["education", 9],
    ["tourism", 8],
    ["climate", 8],
    ["fintech", 6],
    ["luxury", 4],
    ["media", 4],
    ["real_estate", 3],
  ],
};

/** Where a sector's people gather in each city: the neighbourhood a community of that sector is drawn to. */
export const sectorNeighborhoods: Record<CityKey, Partial<Record<Sector, readonly string[]>>> = {
  miami: {
    fintech: ["Brickell", "Downtown"],
    crypto: ["Brickell", "Wynwood"],
    social_internet: ["Wynwood", "Edgewater"],
    real_estate: ["Brickell", "Coral Gables", "Miami Beach"],
    tourism: ["Miami Beach", "Little Havana"],
    luxury: ["Design District", "Miami Beach"],
    media: ["Wynwood", "Design District"],
    health: ["Coral Gables", "Downtown"],
    food: ["Little Havana", "Wynwood"],
    climate: ["Coconut Grove"],
    education: ["Coral Gables", "Coconut Grove"],
  },
  toulouse: {
    aerospace: ["Blagnac", "Montaudran", "Compans-Caffarelli"],
    health: ["Purpan", "Rangueil"],
    social_internet: ["Saint-Cyprien", "Matabiau", "Carmes"],
    food: ["Carmes", "Saint-Pierre"],
    education: ["Rangueil", "Capitole"],
    tourism: ["Capitole", "Saint-Pierre"],
    climate: ["Montaudran", "Labège"],
    fintech: ["Labège", "Jean-Jaurès"],
    luxury: ["Capitole", "Carmes"],
    media: ["Saint-Cyprien", "Jean-Jaurès"],
    real_estate: ["Jean-Jaurès", "Compans-Caffarelli"],
  },
};
