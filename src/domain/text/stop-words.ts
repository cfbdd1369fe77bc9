/**
 * French and English stop words, already lower-cased and stripped of accents (the form `tokenize` compares against).
 * Kept short on purpose: profile texts are a few lines, and a word such as "help" or "aide" carries no match signal
 * in a product where everyone offers help, so such platform words are listed too.
 */
const english = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves looking look seek seeking want wants need needs offer
offering offers give giving gives help helping can happy glad like would love etc via per some someone anyone people
thing things way ways lot lots also new good great`;

const french = `a ai aie aient ait alors as au aucun aussi autre aux avec avoir avons ayant bon c ca car ce cela celle celles
celui ceci ces cet cette chez ci comme comment d dans de des deja donc dont du elle elles en encore est et etaient etais
etait etant ete etre eu eux fait faire fais il ils j je jusqu l la le les leur leurs lui m ma mais me meme mes moi mon n ne
ni nos notre nous on ont ou par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa
sans se ses si sien son sont sous sur t ta te tes toi ton tous tout toute toutes tres tu un une vers voici voila vos votre
vous y cherche cherchons recherche chercher propose proposer offre offrir donne donner aide aider besoin veux voudrais
souhaite aimerais bien envie chose choses gens quelqu quelque nouveau nouvelle bons bonne`;

/** Every stop word of both languages; tokens in this set never reach the term vectors. */
export const stopWords: ReadonlySet<string> = new Set(
  `${english} ${french}`.split(/\s+/).filter((word) => word !== ""),
);
