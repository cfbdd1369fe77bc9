/** The member behind an account email, for the command line's `import --member EMAIL`; unknown answers "not found". */
import { findMemberByEmail } from "../../db/repositories/members.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function findImporter(context: AppContext, email: string): Promise<{ memberId: number; name: string }> {
  const member = await findMemberByEmail(context.db, email.trim());
  if (!member || member.suspendedAt !== null) throw notFound(`A member with the email ${email}`);
  return { memberId: member.id, name: member.name };
}
