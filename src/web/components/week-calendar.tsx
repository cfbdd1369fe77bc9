/**
 * A week as seven day columns in the city's time zone. Each item is also a list entry with its time in words, so the
 * calendar reads well without seeing the grid.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, formatPlainDate, formatTime, localParts, weekOf } from "../lib/time";

export interface CalendarItem {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  tone?: "accepted" | "planned" | "event";
  /** What it is (coffee, lunch, dinner, visit, event…), for styling and tests. */
  kind?: string;
}

const firstHour = 7;
const lastHour = 23;
const span = (lastHour - firstHour) * 60;

export function WeekCalendar({
  items,
  timeZone,
  startDate,
  highlight,
}: {
  items: CalendarItem[];
  timeZone: string;
  startDate: string;
  /** Dates shown as the stay (e.g. arrival to departure). */
  highlight?: { from: string; to: string | null };
}) {
  const { t, i18n } = useTranslation();
  const [weekStart, setWeekStart] = useState(weekOf(startDate)[0] ?? startDate);
  const days = weekOf(weekStart);
  const placed = items.map((item) => ({
    item,
    start: localParts(item.startsAt, timeZone),
    end: localParts(item.endsAt, timeZone),
  }));
  const inStay = (date: string) =>
    !highlight || (date >= highlight.from && (highlight.to === null || date <= highlight.to));
  return (
    <div className="week">
      <div className="week-nav">
        <button type="button" className="secondary" onClick={() => setWeekStart(addDays(weekStart, -7))}>
          {t("calendar.previous")}
        </button>
        <p aria-live="polite">
          {t("calendar.weekOf", { date: formatPlainDate(weekStart, i18n.language, { year: "numeric" }) })} ·{" "}
          <span className="muted">{t("calendar.zone", { zone: timeZone })}</span>
        </p>
        <button type="button" className="secondary" onClick={() => setWeekStart(addDays(weekStart, 7))}>
          {t("calendar.next")}
        </button>
      </div>
      <div className="week-grid">
        {days.map((date) => {
          const dayItems = placed.filter((entry) => entry.start.date === date);
          return (
            <section
              key={date}
              className={inStay(date) ? "day in-stay" : "day"}
              aria-label={formatPlainDate(date, i18n.language)}
            >
              <h4>{formatPlainDate(date, i18n.language)}</h4>
              <ol className="day-body">
                {dayItems.map(({ item, start, end }) => {
                  const from = Math.max(0, start.minutes - firstHour * 60);
                  const to = Math.min(span, (end.date === date ? end.minutes : lastHour * 60) - firstHour * 60);
                  return (
                    <li
                      key={item.id}
                      className={`calendar-item ${item.tone ?? "accepted"}`}
                      data-kind={item.kind}
                      data-starts-at={item.startsAt}
                      data-ends-at={item.endsAt}
                      style={{ top: `${(from / span) * 100}%`, height: `${(Math.max(to - from, 20) / span) * 100}%` }}
                    >
                      <span className="time">
                        {formatTime(item.startsAt, i18n.language, timeZone)}–
                        {formatTime(item.endsAt, i18n.language, timeZone)}
                      </span>{" "}
                      <span>{item.title}</span>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
      {items.length === 0 ? <p className="empty">{t("calendar.empty")}</p> : null}
    </div>
  );
}
