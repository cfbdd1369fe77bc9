/** Rules of events: who may see an event and its guests, and how an RSVP answer becomes a stored status. */

export type EventAudience = "public" | "members" | "invite_only";
export type RsvpStatus = "going" | "maybe" | "not_going" | "waitlisted" | "pending_approval";
export type RsvpAnswer = "going" | "maybe" | "not_going";

/** What the viewer is to an event; `blocked` is true when the viewer and the host blocked each other either way. */
export interface EventRelation {
  viewerId: number | null;
  hostId: number;
  audience: EventAudience;
  invited: boolean;
  rsvpStatus: RsvpStatus | null;
  blocked: boolean;
}

/** Public events are open to anyone, members' events to signed-in members, invite-only ones to the invited. */
export function canSeeEvent(relation: EventRelation): boolean {
  if (relation.blocked) return false;
  if (relation.viewerId !== null && relation.viewerId === relation.hostId) return true;
  switch (relation.audience) {
    case "public":
      return true;
    case "members":
      return relation.viewerId !== null;
    case "invite_only":
      return relation.viewerId !== null && (relation.invited || relation.rsvpStatus !== null);
  }
}

/**
 * The guest list follows the audience: the host sees everyone; on public and members' events any signed-in member who
 * sees the event sees who is going; on invite-only events only the invited and the guests do.
 */
export function canSeeGuestList(relation: EventRelation): boolean {
  if (!canSeeEvent(relation) || relation.viewerId === null) return false;
  if (relation.viewerId === relation.hostId) return true;
  return relation.audience !== "invite_only" || relation.invited || relation.rsvpStatus !== null;
}

/** The step an RSVP answer takes, given the current status: keep, ask the host, take a seat, or leave one. */
export type RsvpStep =
  | { kind: "keep" }
  | { kind: "ask_host" }
  | { kind: "take_seat" }
  | { kind: "set"; status: "maybe" | "not_going"; releasesSeat: boolean };

/** Decides the step of an answer; a member already going, waiting or awaiting approval who says "going" keeps their place. */
export function planRsvp(options: {
  answer: RsvpAnswer;
  current: RsvpStatus | null;
  approvalRequired: boolean;
  invited: boolean;
}): RsvpStep {
  const { answer, current } = options;
  if (answer === "going") {
    if (current === "going" || current === "waitlisted" || current === "pending_approval") return { kind: "keep" };
    // An invitation from the host is already the host's approval.
    return options.approvalRequired && !options.invited ? { kind: "ask_host" } : { kind: "take_seat" };
  }
  return { kind: "set", status: answer, releasesSeat: current === "going" };
}

/** A stable Message-ID for one change of an event sent to one attendee: a resend of the same change is recognisable. */
export function eventChangeMessageId(eventId: number, sequence: number, memberId: number, host: string): string {
  return `<event.${eventId}.${sequence}.${memberId}@${host}>`;
}
