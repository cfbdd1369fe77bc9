/** The contract's types as the web app uses them, inferred from the zod schemas of src/api (types only). */
import type { z } from "zod";
import type { agendaSchema, calendarFeedSchema } from "../api/agenda";
import type { cityNetworkSchema, cityReportSchema, computingSchema } from "../api/analytics";
import type { introductionMessageSchema, introductionSchema } from "../api/introductions";
import type { eventSchema, guestSchema, rsvpResultSchema, travellerSchema } from "../api/events";
import type { directoryMemberSchema, directoryPageSchema } from "../api/directory";
import type { profileSchema, profileUpdateSchema, publicMemberSchema } from "../api/members";
import type { createOfferSchema, offerMessageSchema, offerSchema } from "../api/offers";
import type { demoPersonaSchema, inboxEmailSchema, instanceSchema, citySchema, viewerSchema } from "../api/system";
import type { alertSchema, announceTripSchema, preferencesSchema, tripSchema } from "../api/trips";
import type { blockedMemberSchema, privacySchema } from "../api/me";
import type { notificationsPageSchema } from "../api/notifications";

export type Instance = z.infer<typeof instanceSchema>;
export type Viewer = z.infer<typeof viewerSchema>;
export type City = z.infer<typeof citySchema>;
export type Persona = z.infer<typeof demoPersonaSchema>;
export type InboxEmail = z.infer<typeof inboxEmailSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
export type PublicMember = z.infer<typeof publicMemberSchema>;
export type Trip = z.infer<typeof tripSchema>;
export type AnnounceTrip = z.input<typeof announceTripSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
export type Offer = z.infer<typeof offerSchema>;
export type CreateOffer = z.input<typeof createOfferSchema>;
export type OfferMessage = z.infer<typeof offerMessageSchema>;
export type DirectoryMember = z.infer<typeof directoryMemberSchema>;
export type DirectoryPage = z.infer<typeof directoryPageSchema>;
export type EventView = z.infer<typeof eventSchema>;
export type Guest = z.infer<typeof guestSchema>;
export type RsvpResult = z.infer<typeof rsvpResultSchema>;
export type Traveller = z.infer<typeof travellerSchema>;

/** Kinds and audiences repeated as values: the web imports only types from the contract, never its runtime. */
export const offerKinds = ["coffee", "lunch", "dinner", "visit", "event_invitation", "introduction", "advice"] as const;
export const tripAudiences = ["connections", "connections_and_picked", "members"] as const;
export const careerStages = [
  "student",
  "first_time_founder",
  "experienced_founder",
  "executive",
  "investor",
  "freelancer",
  "other",
] as const;
export const maxSlotsPerOffer = 4;

export type CityReport = z.infer<typeof cityReportSchema>;
export type CityNetwork = z.infer<typeof cityNetworkSchema>;
export type ReportComputing = z.infer<typeof computingSchema>;
export type Introduction = z.infer<typeof introductionSchema>;
export type IntroductionMessage = z.infer<typeof introductionMessageSchema>;
export type Agenda = z.infer<typeof agendaSchema>;
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export type { NotificationBody as Notification } from "../api/notifications";
export type { MyReportBody as MyReport } from "../api/reports";
export type { QueueReportBody as QueueReport, ModerationLogBody as ModerationLog } from "../api/moderation";
export type { RoleGrantBody as RoleGrant } from "../api/admin";
export type NotificationsPage = z.infer<typeof notificationsPageSchema>;
export type BlockedMember = z.infer<typeof blockedMemberSchema>;
export type Privacy = z.infer<typeof privacySchema>;
export const reportReasons = ["spam", "harassment", "inappropriate", "fake_profile", "safety", "other"] as const;
