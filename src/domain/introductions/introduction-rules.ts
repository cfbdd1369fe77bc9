/**
 * Double opt-in introductions. A decline is never shown: until the introduction expires its status stays "pending" for
 * everyone but the decliner (who sees their own answer), and at expiry the connector and whoever accepted learn only
 * that it did not happen. The expiry time is fixed at creation, so timing reveals nothing either.
 */
import { Temporal } from "temporal-polyfill";

export type IntroductionAnswer = "pending" | "accepted" | "declined";
export type IntroductionRole = "connector" | "first" | "second";
export type VisibleIntroductionStatus = "pending" | "accepted" | "did_not_happen";

export const introductionLifetime = Temporal.Duration.from({ hours: 7 * 24 });
export const introductionsPerWindow = 10;
export const introductionWindow = Temporal.Duration.from({ hours: 24 });

export interface IntroductionFacts {
  connectorId: number;
  firstId: number;
  secondId: number;
  firstAnswer: IntroductionAnswer;
  secondAnswer: IntroductionAnswer;
  status: "pending" | "accepted" | "expired";
  expiresAtMs: number;
}

/** When an introduction proposed at `nowMs` expires. */
export function introductionExpiry(nowMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(nowMs).add(introductionLifetime).epochMilliseconds;
}

/** The start of the rolling window that counts a connector's introductions. */
export function windowStart(nowMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(nowMs).subtract(introductionWindow).epochMilliseconds;
}

/** Seconds until the oldest introduction of a full window leaves it (at least 1). */
export function secondsUntilSlotFrees(oldestInWindowMs: number, nowMs: number): number {
  const frees = Temporal.Instant.fromEpochMilliseconds(oldestInWindowMs).add(introductionWindow);
  return Math.max(1, Math.ceil((frees.epochMilliseconds - nowMs) / 1000));
}

/** The viewer's part in an introduction, or null when they have none (and so may not see it). */
export function roleOf(facts: IntroductionFacts, viewerId: number): IntroductionRole | null {
  if (viewerId === facts.connectorId) return "connector";
  if (viewerId === facts.firstId) return "first";
  if (viewerId === facts.secondId) return "second";
  return null;
}

/** What anyone may see: accepted once both accepted; "did not happen" from the expiry on; "pending" before, whatever the answers. */
export function visibleStatus(facts: IntroductionFacts, nowMs: number): VisibleIntroductionStatus {
  if (facts.status === "accepted") return "accepted";
  if (facts.status === "expired" || facts.expiresAtMs <= nowMs) return "did_not_happen";
  return "pending";
}

/** The viewer's own answer; the connector has none, and nobody ever sees the other side's. */
export function ownAnswer(facts: IntroductionFacts, role: IntroductionRole): IntroductionAnswer | null {
  if (role === "first") return facts.firstAnswer;
  if (role === "second") return facts.secondAnswer;
  return null;
}

/** Both accepted: the introduction happens. A decline changes nothing until the expiry. */
export function isAcceptedByBoth(firstAnswer: IntroductionAnswer, secondAnswer: IntroductionAnswer): boolean {
  return firstAnswer === "accepted" && secondAnswer === "accepted";
}

/** Who hears, at expiry, that it did not happen: the connector and whoever accepted (never why). */
export function toldOfExpiry(facts: IntroductionFacts): number[] {
  return [
    facts.connectorId,
    ...(facts.firstAnswer === "accepted" ? [facts.firstId] : []),
    ...(facts.secondAnswer === "accepted" ? [facts.secondId] : []),
  ];
}
