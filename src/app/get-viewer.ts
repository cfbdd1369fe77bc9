/** Who is making a request: the member behind the session cookie, or nobody. */
import { findViewerByUserId, listRoles } from "../db/repositories/members.repository";
import type { AppContext } from "./context";

export interface ViewerInfo {
  memberId: number;
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  locale: "en" | "fr";
  roles: { role: string; citySlug: string | null }[];
  isDemo: boolean;
  suspended: boolean;
}

/** Resolves the session of a request's headers; a session of a deleted member counts as no session. */
export async function getViewer(context: AppContext, headers: Headers): Promise<ViewerInfo | null> {
  const session = await context.auth.api.getSession({ headers });
  if (!session) return null;
  const found = await findViewerByUserId(context.db, session.user.id);
  if (!found) return null;
  const roles = await listRoles(context.db, found.member.id);
  return {
    memberId: found.member.id,
    userId: session.user.id,
    name: found.member.name,
    email: found.email,
    emailVerified: found.emailVerified,
    locale: found.member.locale === "fr" ? "fr" : "en",
    roles,
    isDemo: found.member.isDemo,
    suspended: found.member.suspendedAt !== null,
  };
}
