/** Does a traveller's "seeks" match an event's theme? Shared tags and shared words of the title and the seeks text. */
import { terms } from "../text/normalize";

export interface EventTheme {
  title: string;
  titleFr: string | null;
  description: string;
  tags: readonly string[];
}

export interface TravellerSeeks {
  seeks: string;
  seeksTags: readonly string[];
}

/** The matching tags and words (tags first), and a score: 2 per shared tag, 1 per shared word. */
export function matchTheme(event: EventTheme, trip: TravellerSeeks): { score: number; shared: string[] } {
  const eventTags = new Set(event.tags.map((tag) => tag.toLowerCase()));
  const sharedTags = [...new Set(trip.seeksTags.map((tag) => tag.toLowerCase()))].filter((tag) => eventTags.has(tag));
  const eventTerms = new Set([
    ...terms(`${event.title} ${event.titleFr ?? ""}`),
    ...event.tags.flatMap((tag) => terms(tag)),
  ]);
  const seekTerms = new Set([...terms(trip.seeks), ...trip.seeksTags.flatMap((tag) => terms(tag))]);
  // A word already counted as a shared tag is not counted twice.
  const sharedWords = [...seekTerms].filter((term) => eventTerms.has(term) && !sharedTags.includes(term));
  return { score: sharedTags.length * 2 + sharedWords.length, shared: [...sharedTags, ...sharedWords] };
}
