/**
 * Erases my account (GDPR art. 17), in one transaction: the records other members keep (gifts, introductions I made)
 * are pointed at a blank placeholder, my name is replaced where the app copied it into others' records, my emails
 * and tokens are deleted, then my member row and account, which takes every row that points at me with them.
 * What is kept and why: docs/your-data.md. Asks for my password, or a session opened in the last 10 minutes.
 */
import {
  deleteMailAndTokens,
  deleteMemberAndAccount,
  findAccountOfMember,
  findPasswordHash,
  insertPlaceholderMember,
  reassignKeptRecords,
  scrubNameCopies,
} from "../../db/repositories/my-data.repository";
import { AppError, invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { escapeHtml } from "../mail/escape-html";

/** A session younger than this may erase without the password. */
export const freshSessionMs = 10 * 60 * 1000;

export async function eraseMyAccount(
  context: Pick<AppContext, "db" | "now" | "auth">,
  options: { memberId: number; password?: string | undefined; sessionCreatedAt: Date | null },
): Promise<void> {
  const account = await findAccountOfMember(context.db, options.memberId);
  if (!account) throw notFound("Member");
  const now = context.now();
  if (options.password !== undefined) {
    const hash = account.userId ? await findPasswordHash(context.db, account.userId) : null;
    const internals = await context.auth.$context;
    if (!hash || !(await internals.password.verify({ hash, password: options.password })))
      throw invalid("password", "password: this is not your password");
  } else if (!options.sessionCreatedAt || now.getTime() - options.sessionCreatedAt.getTime() > freshSessionMs) {
    throw new AppError("forbidden", "Enter your password, or sign in again, to delete your account", {
      field: "password",
    });
  }
  const name = account.member.name;
  await context.db.transaction(async (tx) => {
    const placeholderId = await insertPlaceholderMember(tx, now);
    await reassignKeptRecords(tx, options.memberId, placeholderId);
    await deleteMailAndTokens(tx, options.memberId, { userId: account.userId, email: account.email });
    await scrubNameCopies(tx, name, escapeHtml(name));
    await deleteMemberAndAccount(tx, options.memberId, account.userId);
  });
}
