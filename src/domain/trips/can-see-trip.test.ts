import { describe, expect, it } from "vitest";
import { canSeeTrip, type TripAudience, type ViewerRelation } from "./can-see-trip";

const now = new Date("2026-11-26T12:00:00Z");
const trip = (audience: TripAudience, extra: Partial<Parameters<typeof canSeeTrip>[0]> = {}) => ({
  travellerId: 1,
  audience,
  status: "active" as const,
  visibleUntil: new Date("2026-12-05T05:00:00Z"),
  ...extra,
});
const viewer = (extra: Partial<ViewerRelation> = {}): ViewerRelation => ({
  viewerId: 2,
  isBlocked: false,
  travellerFollowsViewer: false,
  hasTie: false,
  wasPicked: false,
  ...extra,
});

describe("canSeeTrip", () => {
  it("follows the audience: connections, plus picked locals, or every member", () => {
    const stranger = viewer();
    const followed = viewer({ travellerFollowsViewer: true });
    const met = viewer({ hasTie: true });
    const picked = viewer({ wasPicked: true });
    const table: [TripAudience, ViewerRelation, boolean][] = [
      ["connections", stranger, false],
      ["connections", followed, true],
      ["connections", met, true],
      ["connections", picked, false],
      ["connections_and_picked", stranger, false],
      ["connections_and_picked", followed, true],
      ["connections_and_picked", picked, true],
      ["members", stranger, true],
    ];
    for (const [audience, relation, expected] of table)
      expect(canSeeTrip(trip(audience), relation, now), `${audience} ${JSON.stringify(relation)}`).toBe(expected);
  });

  it("is absolute across blocks, hides past and cancelled trips, and always shows the traveller's own", () => {
    expect(canSeeTrip(trip("members"), viewer({ isBlocked: true, hasTie: true }), now)).toBe(false);
    expect(canSeeTrip(trip("members", { visibleUntil: now }), viewer(), now)).toBe(false);
    expect(canSeeTrip(trip("members", { status: "cancelled" }), viewer(), now)).toBe(false);
    expect(canSeeTrip(trip("connections", { status: "cancelled" }), viewer({ viewerId: 1 }), now)).toBe(true);
  });
});
