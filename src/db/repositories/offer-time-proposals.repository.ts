/** Times the traveller proposes for an offer, and the slots they become once the sender accepts them. */
import { and, eq } from "drizzle-orm";
import type { Database } from "../create-db";
import { offerSlots, offerTimeProposals } from "../schema/arrivals";

export type TimeProposalRow = typeof offerTimeProposals.$inferSelect;

/** Stores a proposal; the same start proposed again for the offer returns the first one (`created` false). */
export async function insertTimeProposal(
  tx: Database,
  proposal: { offerId: number; proposedById: number; startsAt: Date; durationMin: number; createdAt: Date },
): Promise<{ proposal: TimeProposalRow; created: boolean }> {
  const [inserted] = await tx.insert(offerTimeProposals).values(proposal).onConflictDoNothing().returning();
  if (inserted) return { proposal: inserted, created: true };
  const [existing] = await tx
    .select()
    .from(offerTimeProposals)
    .where(and(eq(offerTimeProposals.offerId, proposal.offerId), eq(offerTimeProposals.startsAt, proposal.startsAt)));
  if (!existing) throw new Error("proposal vanished after a conflict");
  return { proposal: existing, created: false };
}

/**
 * Accepts a pending proposal of the offer: adds its slot and links it, under a status guard (a second acceptance
 * finds nothing pending). Returns the proposal as accepted, or undefined.
 */
export async function acceptPendingProposal(
  tx: Database,
  options: { proposalId: number; offerId: number; now: Date },
): Promise<TimeProposalRow | undefined> {
  const [claimed] = await tx
    .update(offerTimeProposals)
    .set({ status: "accepted", answeredAt: options.now })
    .where(
      and(
        eq(offerTimeProposals.id, options.proposalId),
        eq(offerTimeProposals.offerId, options.offerId),
        eq(offerTimeProposals.status, "pending"),
      ),
    )
    .returning();
  if (!claimed) return undefined;
  const [slot] = await tx
    .insert(offerSlots)
    .values({ offerId: options.offerId, startsAt: claimed.startsAt, durationMin: claimed.durationMin })
    .returning({ id: offerSlots.id });
  if (!slot) throw new Error("insert returned no slot");
  const [linked] = await tx
    .update(offerTimeProposals)
    .set({ slotId: slot.id })
    .where(eq(offerTimeProposals.id, claimed.id))
    .returning();
  return linked;
}
