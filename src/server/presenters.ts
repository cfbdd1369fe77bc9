/** Maps app values to the response shapes of the contract. */
import type { Viewer } from "../api/system";
import type { ViewerInfo } from "../app/get-viewer";

export function presentViewer(viewer: ViewerInfo): Viewer {
  return {
    memberId: viewer.memberId,
    name: viewer.name,
    email: viewer.email,
    emailVerified: viewer.emailVerified,
    locale: viewer.locale,
    roles: viewer.roles,
    isDemo: viewer.isDemo,
  };
}
