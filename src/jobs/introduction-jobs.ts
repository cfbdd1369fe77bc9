/** Background work of introductions and giving: expiring introductions, and the pay-it-forward invitation after trips. */
import type { AppContext } from "../app/context";
import { expireIntroductions } from "../app/introductions/expire-introductions";
import { invitePayItForward } from "../app/giving/invite-pay-it-forward";

/** Job names, handlers and cron schedules, for the composition root to register. */
export function introductionJobs(holder: { context?: AppContext }) {
  return {
    handlers: {
      "introductions.expire": async () => {
        if (holder.context) await expireIntroductions(holder.context);
      },
      "giving.pay-it-forward": async () => {
        if (holder.context) await invitePayItForward(holder.context);
      },
    },
    schedules: { "introductions.expire": "*/5 * * * *", "giving.pay-it-forward": "17 * * * *" },
  };
}
