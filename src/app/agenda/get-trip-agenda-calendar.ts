/** The traveller's agenda of a trip as an iCalendar file, titled in their language. */
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { renderAgendaCalendar } from "./render-agenda-calendar";
import { requireTraveller } from "./require-traveller";
import { resolveTripAgenda } from "./resolve-trip-agenda";

export async function getTripAgendaCalendar(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number },
): Promise<string> {
  await requireTraveller(context, options.tripId, options.viewer.memberId);
  const agenda = await resolveTripAgenda(context, options.tripId, undefined, { withPrevious: true });
  return renderAgendaCalendar(agenda, {
    locale: options.viewer.locale,
    host: new URL(context.settings.baseUrl).hostname,
    now: context.now(),
  });
}
