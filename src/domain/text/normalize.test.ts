import { describe, expect, it } from "vitest";
import { foldText, terms, tokenize } from "./normalize";
import { stem } from "./stem";

describe("foldText", () => {
  it("lower-cases and strips accents and ligatures", () => {
    expect(foldText("Économie Œuvre Déjà À Noël")).toBe("economie oeuvre deja a noel");
  });
});

describe("tokenize and terms", () => {
  it("cuts French elisions and drops stop words of both languages", () => {
    expect(terms("L'investisseur et d'autres investisseurs")).toEqual(["investor", "autr", "investor"]);
    expect(terms("I am looking for the best investors")).toEqual(["best", "investor"]);
  });

  it("keeps the written word (with its accents) beside the term, for reasons", () => {
    expect(tokenize("Données de santé")).toEqual([
      { term: "data", word: "données" },
      { term: "health", word: "santé" },
    ]);
  });

  it("gives the same terms as tokenize", () => {
    const text = "Recruter des développeurs, hiring developers; l'énergie durable!";
    expect(terms(text)).toEqual(tokenize(text).map((t) => t.term));
  });
});

describe("stem", () => {
  it("joins English inflections", () => {
    expect(stem("investors")).toBe(stem("investor"));
    expect(stem("companies")).toBe(stem("company"));
    expect(stem("hiring")).toBe(stem("hire"));
    expect(stem("funded")).toBe(stem("fund"));
  });

  it("joins French plurals and feminine forms", () => {
    expect(stem("investisseuses")).toBe(stem("investisseur"));
    expect(stem("fondatrices")).toBe(stem("fondateur"));
    expect(stem("journaux")).toBe(stem("journal"));
  });

  it("maps French work vocabulary onto the English term", () => {
    expect(stem("investisseurs")).toBe(stem("investors"));
    expect(stem("financement")).toBe(stem("funding"));
    expect(stem("developpeurs")).toBe(stem("developers"));
    expect(stem("sante")).toBe(stem("health"));
  });

  it("leaves short words alone", () => {
    expect(stem("ai")).toBe("ai");
    expect(stem("bus")).toBe("bus");
  });
});
