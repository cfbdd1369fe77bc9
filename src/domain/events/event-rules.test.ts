import { describe, expect, it } from "vitest";
import { canSeeEvent, canSeeGuestList, planRsvp, type EventRelation } from "./event-rules";
import { matchTheme } from "./event-theme";
import { buildVTimezone } from "./vtimezone";

const relation = (overrides: Partial<EventRelation>): EventRelation => ({
  viewerId: 2,
  hostId: 1,
  audience: "members",
  invited: false,
  rsvpStatus: null,
  blocked: false,
  ...overrides,
});

describe("event rules", () => {
  it("shows events to their audience, never across a block", () => {
    expect(canSeeEvent(relation({ audience: "public", viewerId: null }))).toBe(true);
    expect(canSeeEvent(relation({ audience: "members", viewerId: null }))).toBe(false);
    expect(canSeeEvent(relation({ audience: "invite_only" }))).toBe(false);
    expect(canSeeEvent(relation({ audience: "invite_only", invited: true }))).toBe(true);
    expect(canSeeEvent(relation({ audience: "public", blocked: true }))).toBe(false);
    expect(canSeeGuestList(relation({ audience: "public", viewerId: null }))).toBe(false);
    expect(canSeeGuestList(relation({ audience: "members" }))).toBe(true);
  });

  it("plans RSVPs: a place already held is kept, approval is asked unless invited, leaving a seat releases it", () => {
    const plan = (current: Parameters<typeof planRsvp>[0]["current"], answer: "going" | "maybe" | "not_going") =>
      planRsvp({ answer, current, approvalRequired: true, invited: false });
    expect(plan("waitlisted", "going")).toEqual({ kind: "keep" });
    expect(plan(null, "going")).toEqual({ kind: "ask_host" });
    expect(planRsvp({ answer: "going", current: "maybe", approvalRequired: true, invited: true })).toEqual({
      kind: "take_seat",
    });
    expect(plan("going", "maybe")).toEqual({ kind: "set", status: "maybe", releasesSeat: true });
    expect(plan("waitlisted", "not_going")).toEqual({ kind: "set", status: "not_going", releasesSeat: false });
  });

  it("matches a traveller's seeks to the theme by tags and words, in French or English", () => {
    const event = { title: "Dîner des fondateurs", titleFr: null, description: "", tags: ["fintech"] };
    expect(matchTheme(event, { seeks: "rencontrer des fondateurs", seeksTags: ["FinTech"] })).toEqual({
      score: 3,
      shared: ["fintech", "founder"],
    });
    expect(matchTheme(event, { seeks: "surf", seeksTags: [] }).score).toBe(0);
  });

  it("writes a VTIMEZONE from the zone's own transitions", () => {
    const text = buildVTimezone("America/New_York", 2027, 2027);
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400");
    expect(text).toContain("BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500");
    expect(buildVTimezone("UTC", 2027, 2027).match(/BEGIN:STANDARD/g)).toHaveLength(1);
  });
});
