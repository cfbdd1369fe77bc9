/** Who is making a request: the member behind the session cookie, or nobody. */
import { findViewerByUserId } from "../db/repositories/members.repository";
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
  /** Where the member is (current city, else home city), when known. */
  cityId?: number | null;
}

/** Resolves the session of a request's headers; a session of a deleted member counts as no session. */
export async function getViewer(context: AppContext, headers: Headers): Promise<ViewerInfo | null> {
  const session = await context.auth.api.getSession({ headers });
  if (!session) return null;
  const found = await findViewerByUserId(context.db, session.user.id);
  if (!found) return null;
  return {
    memberId: found.memberId,
    userId: session.user.id,
    name: found.name,
    email: found.email,
    emailVerified: found.emailVerified,
    locale: found.locale === "fr" ? "fr" : "en",
    roles: found.roles,
    isDemo: found.isDemo,
    suspended: found.suspendedAt !== null,
    cityId: found.cityId,
  };
}
