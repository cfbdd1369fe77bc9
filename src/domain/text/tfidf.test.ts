import { describe, expect, it } from "vitest";
import { terms } from "./normalize";
import { buildVocabulary, dot, DOT_SCALE, sharedTermIds, vectorize, vectorizeText } from "./tfidf";

const corpus = [
  "investors for a fintech startup",
  "des investisseurs pour une startup",
  "hiring developers",
  "recruter des développeurs",
  "marketing advice for startups",
  "cooking lessons",
  "startup events",
  "startup office space",
].map(terms);
const vocabulary = buildVocabulary(corpus);
const cosine = (a: string, b: string) => dot(vectorizeText(a, vocabulary), vectorizeText(b, vocabulary)) / DOT_SCALE;

describe("TF-IDF cosine", () => {
  it("is 1 for the same text and 0 for texts with nothing in common", () => {
    expect(cosine("hiring developers", "hiring developers")).toBeCloseTo(1, 2);
    expect(cosine("hiring developers", "cooking lessons")).toBe(0);
  });

  it("matches French against English", () => {
    expect(cosine("je cherche des investisseurs", "I introduce founders to investors")).toBeGreaterThan(0.15);
    expect(cosine("recruter des développeurs", "hiring developers")).toBeCloseTo(1, 2);
  });

  it("weighs a rare word above a common one", () => {
    expect(cosine("investors startup", "investors")).toBeGreaterThan(cosine("investors startup", "startup"));
  });

  it("has integer weights whose squares sum to about the scale", () => {
    const v = vectorize(terms("marketing advice for startups"), vocabulary);
    const norm = [...v.weights].reduce((s, w) => s + w * w, 0);
    expect(Math.abs(norm - DOT_SCALE) / DOT_SCALE).toBeLessThan(0.01);
  });

  it("counts unknown words in the norm but never matches on them", () => {
    expect(cosine("investors", "investors zeppelins")).toBeLessThan(cosine("investors", "investors"));
  });

  it("names the shared terms, heaviest first", () => {
    const a = vectorizeText("investors for a fintech startup", vocabulary);
    const b = vectorizeText("fintech investors and startup events", vocabulary);
    const shared = sharedTermIds(a, b).map((id) => vocabulary.terms[id]);
    expect(shared).toHaveLength(3);
    expect(shared[2]).toBe("startup");
  });
});
