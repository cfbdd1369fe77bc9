/** The reports I filed, newest first; what a moderator decided is not shown, only whether it was handled. */
import { listReportsBy, type ReportRow } from "../../db/repositories/reports.repository";
import type { AppContext } from "../context";

export async function listMyReports(
  context: Pick<AppContext, "db">,
  options: { memberId: number },
): Promise<ReportRow[]> {
  return listReportsBy(context.db, options.memberId);
}
