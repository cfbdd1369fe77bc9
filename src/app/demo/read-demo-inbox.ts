/** In demo mode, emails stay readable in the app: a member reads what was sent to their address. */
import { listEmailsTo, type OutboxEmail } from "../../db/repositories/outbox.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";

export async function readDemoInbox(context: AppContext, viewer: ViewerInfo): Promise<OutboxEmail[]> {
  if (!context.settings.demo) throw notFound("Demo inbox");
  return listEmailsTo(context.db, [viewer.email], 50);
}
