/** Admin pages and actions exist only for admins: anyone else is told they do not exist (404). */
import { notFound } from "../../domain/errors";
import type { ViewerInfo } from "../get-viewer";

export function requireAdmin(viewer: Pick<ViewerInfo, "roles">): void {
  if (!viewer.roles.some((grant) => grant.role === "admin")) throw notFound("Page");
}
