import { tokenize } from "./normalize";

/**
 * TF-IDF term vectors with integer weights. Each vector is L2-normalised then scaled to WEIGHT_SCALE and rounded,
 * so a dot product of two vectors is an exact integer (cosine × WEIGHT_SCALE²): the same number in TypeScript and in
 * SQL, which keeps rankings identical across the engine and its SQL baseline.
 */
export const WEIGHT_SCALE = 1000;

/** Cosine similarity scaled to an integer: 1.0 is DOT_SCALE. */
export const DOT_SCALE = WEIGHT_SCALE * WEIGHT_SCALE;

/** A sparse vector: term ids ascending, integer weights beside them. */
export interface TermVector {
  readonly termIds: Int32Array;
  readonly weights: Int32Array;
}

/** The terms of a corpus with their inverse document frequencies. */
export interface Vocabulary {
  readonly termIds: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  readonly idf: Float64Array;
  /** The weight given to a term the corpus never saw: rarest of all. */
  readonly unknownIdf: number;
}

/**
 * Builds the vocabulary of a corpus; each document is a list of terms. Smoothed IDF (ln((1+N)/(1+df)) + 1), as in
 * scikit-learn, so that a term in every document still counts a little. Terms are numbered in sorted order so the ids
 * do not depend on document order.
 */
export function buildVocabulary(documents: ReadonlyArray<readonly string[]>): Vocabulary {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const terms = [...documentFrequency.keys()].sort();
  const termIds = new Map<string, number>();
  const idf = new Float64Array(terms.length);
  const n = documents.length;
  terms.forEach((term, id) => {
    termIds.set(term, id);
    idf[id] = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
  });
  return { termIds, terms, idf, unknownIdf: Math.log(1 + n) + 1 };
}

const emptyVector: TermVector = { termIds: new Int32Array(0), weights: new Int32Array(0) };

/**
 * Calls `visit` with each known term id (ascending) and its integer TF-IDF weight. Terms unknown to the vocabulary
 * still weigh in the norm (a text about many other things is less similar) but cannot match, so are not visited.
 * The callback form lets the index builder fill its typed arrays without a vector object per member.
 */
export function forEachWeightedTerm(
  terms: readonly string[],
  vocabulary: Vocabulary,
  visit: (termId: number, weight: number) => void,
): void {
  if (terms.length === 0) return;
  // Known terms become ids, sorted so equal ids sit together.
  const ids: number[] = [];
  let unknown: Map<string, number> | null = null;
  for (const term of terms) {
    const id = vocabulary.termIds.get(term);
    if (id !== undefined) ids.push(id);
    else (unknown ??= new Map()).set(term, (unknown.get(term) ?? 0) + 1);
  }
  let norm = 0;
  for (const count of unknown?.values() ?? []) norm += ((1 + Math.log(count)) * vocabulary.unknownIdf) ** 2;
  ids.sort((a, b) => a - b);
  const raw: number[] = [];
  for (let i = 0; i < ids.length;) {
    const id = ids[i] as number;
    let j = i + 1;
    while (j < ids.length && ids[j] === id) j++;
    // Sub-linear term frequency: a word repeated three times is not three times the topic.
    const weight = (j - i === 1 ? 1 : 1 + Math.log(j - i)) * (vocabulary.idf[id] ?? 0);
    raw.push(id, weight);
    norm += weight * weight;
    i = j;
  }
  norm = Math.sqrt(norm);
  for (let k = 0; k < raw.length; k += 2) {
    visit(raw[k] as number, Math.round(((raw[k + 1] as number) / norm) * WEIGHT_SCALE));
  }
}

/** The integer TF-IDF vector of a list of terms (see forEachWeightedTerm). */
export function vectorize(terms: readonly string[], vocabulary: Vocabulary): TermVector {
  const termIds: number[] = [];
  const weights: number[] = [];
  forEachWeightedTerm(terms, vocabulary, (id, weight) => {
    termIds.push(id);
    weights.push(weight);
  });
  return termIds.length === 0 ? emptyVector : { termIds: Int32Array.from(termIds), weights: Int32Array.from(weights) };
}

/** The vector of a raw text, through `tokenize`. */
export function vectorizeText(text: string, vocabulary: Vocabulary): TermVector {
  return vectorize(
    tokenize(text).map((token) => token.term),
    vocabulary,
  );
}

/** Integer dot product of two vectors (a merge of the two sorted id lists). */
export function dot(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.termIds.length && j < b.termIds.length) {
    const x = a.termIds[i] as number;
    const y = b.termIds[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** The term ids two vectors share, heaviest contribution first (ties by id), to explain a match in words. */
export function sharedTermIds(a: TermVector, b: TermVector): number[] {
  const shared: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.termIds.length && j < b.termIds.length) {
    const x = a.termIds[i] as number;
    const y = b.termIds[j] as number;
    if (x === y) shared.push([x, (a.weights[i++] as number) * (b.weights[j++] as number)]);
    else if (x < y) i++;
    else j++;
  }
  return shared.sort((p, q) => q[1] - p[1] || p[0] - q[0]).map(([id]) => id);
}
