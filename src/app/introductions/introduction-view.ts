/** An introduction as one of its three members sees it: never the other side's answer. */
import type { IntroductionWithNames } from "../../db/repositories/introductions.repository";
import {
  ownAnswer,
  roleOf,
  visibleStatus,
  type IntroductionAnswer,
  type IntroductionFacts,
  type IntroductionRole,
  type VisibleIntroductionStatus,
} from "../../domain/introductions/introduction-rules";
import { notFound } from "../../domain/errors";

export interface IntroductionView {
  id: number;
  role: IntroductionRole;
  connector: { memberId: number; name: string };
  /** The members introduced, other than the viewer. */
  others: { memberId: number; name: string }[];
  reason: string;
  status: VisibleIntroductionStatus;
  myAnswer: IntroductionAnswer | null;
  createdAt: Date;
  expiresAt: Date;
}

export function introductionFacts(row: IntroductionWithNames): IntroductionFacts {
  return {
    connectorId: row.connectorId,
    firstId: row.firstId,
    secondId: row.secondId,
    firstAnswer: row.firstAnswer as IntroductionAnswer,
    secondAnswer: row.secondAnswer as IntroductionAnswer,
    status: row.status as IntroductionFacts["status"],
    expiresAtMs: row.expiresAt.getTime(),
  };
}

/** The viewer's view; 404 when the viewer is not one of the three. */
export function viewIntroduction(row: IntroductionWithNames, viewerId: number, now: Date): IntroductionView {
  const facts = introductionFacts(row);
  const role = roleOf(facts, viewerId);
  if (role === null) throw notFound("Introduction");
  const first = { memberId: row.firstId, name: row.firstName };
  const second = { memberId: row.secondId, name: row.secondName };
  return {
    id: row.id,
    role,
    connector: { memberId: row.connectorId, name: row.connectorName },
    others: role === "connector" ? [first, second] : role === "first" ? [second] : [first],
    reason: row.reason,
    status: visibleStatus(facts, now.getTime()),
    myAnswer: ownAnswer(facts, role),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
