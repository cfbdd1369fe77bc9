import { describe, expect, it } from "vitest";
import { renderReasonsEnglish, renderReasonsFrench } from "./render-reasons";
import type { MatchReason } from "./types";

const reasons: MatchReason[] = [
  { code: "shared_sector", sectors: ["fintech"] },
  { code: "you_seek_what_they_give", terms: ["investors", "social", "internet"] },
];

describe("reason renderers", () => {
  it("write the English sentence with the traveller's name, no pronoun", () => {
    expect(renderReasonsEnglish(reasons, { travellerName: "Sam" })).toBe(
      "You were picked because you both work in fintech and Sam seeks what you offer (investors, social, internet).",
    );
  });

  it("write the French sentence in a form that needs no gender agreement", () => {
    expect(renderReasonsFrench(reasons, { travellerName: "Sam" })).toBe(
      "Cette alerte vous est envoyée parce que Sam et vous travaillez dans ce secteur : fintech et Sam cherche ce que vous proposez (investors, social, internet).",
    );
    expect(renderReasonsFrench([{ code: "follows_your_work" }], { travellerName: "Alex" })).toBe(
      "Cette alerte vous est envoyée parce que vous suivez le travail de Alex.",
    );
    expect(renderReasonsFrench([{ code: "shared_tag", tags: ["ia"] }], { travellerName: "Alex" })).toMatch(
      /^Cette alerte vous est envoyée parce qu'Alex/,
    );
  });

  it("render every reason code in both languages", () => {
    const all: MatchReason[] = [
      { code: "follows_your_work" },
      { code: "shared_sector", sectors: ["fintech", "health"] },
      { code: "shared_tag", tags: ["ai"] },
      { code: "you_seek_what_they_give", terms: ["investors"] },
      { code: "they_seek_what_you_give", terms: ["marketing"] },
      { code: "mutual_connections", count: 3 },
      { code: "gives_back", giftsGiven: 2, offersAnswered: 1, usefulMeetings: 1 },
      { code: "extra_signal", signal: "organiser_bridge" },
    ];
    const english = renderReasonsEnglish(all, { travellerName: "Sam" });
    const french = renderReasonsFrench(all, { travellerName: "Sam" });
    expect(english).toContain("you have 3 connections in common");
    expect(english).toContain("fintech and health");
    expect(french).toContain("vous avez 3 relations en commun");
    expect(english.split(", ")).toHaveLength(7);
    expect(french).not.toMatch(/undefined|null/);
    expect(renderReasonsEnglish([{ code: "mutual_connections", count: 1 }], { travellerName: "Sam" })).toBe(
      "You were picked because you have 1 connection in common.",
    );
  });
});
