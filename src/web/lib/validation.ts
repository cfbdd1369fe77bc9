/** Client-side checks run before a form is sent; each returns message keys per field (empty when valid). */
import type { FieldErrors } from "./form-errors";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const minPasswordLength = 10;

export function checkSignUp(values: { name: string; email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = "validation.required";
  if (!emailPattern.test(values.email.trim())) errors.email = "validation.email";
  if (values.password.length < minPasswordLength) errors.password = "validation.passwordLength";
  return errors;
}

export function checkSignIn(values: { email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!emailPattern.test(values.email.trim())) errors.email = "validation.email";
  if (!values.password) errors.password = "validation.required";
  return errors;
}

export function checkEmail(email: string): FieldErrors {
  return emailPattern.test(email.trim()) ? {} : { email: "validation.email" };
}

export function checkNewPassword(password: string, confirmation: string): FieldErrors {
  const errors: FieldErrors = {};
  if (password.length < minPasswordLength) errors.newPassword = "validation.passwordLength";
  else if (password !== confirmation) errors.confirmation = "validation.passwordsDiffer";
  return errors;
}

export interface TripFormValues {
  city: string;
  kind: "visit" | "move";
  arrivalDate: string;
  departureDate: string;
  seeks: string;
  gives: string;
}

export function checkTrip(values: TripFormValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.city) errors.city = "validation.chooseCity";
  if (!values.arrivalDate) errors.arrivalDate = "validation.required";
  else if (values.arrivalDate < today) errors.arrivalDate = "validation.arrivalPast";
  if (values.kind === "visit") {
    if (!values.departureDate) errors.departureDate = "validation.required";
    else if (values.arrivalDate && values.departureDate < values.arrivalDate)
      errors.departureDate = "validation.departureBeforeArrival";
    else if (values.arrivalDate && daysBetween(values.arrivalDate, values.departureDate) > 60)
      errors.departureDate = "validation.tripTooLong";
  }
  if (!values.seeks.trim()) errors.seeks = "validation.seeksRequired";
  return errors;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface SlotValue {
  date: string;
  time: string;
}

export interface OfferFormValues {
  kind: string;
  message: string;
  slots: SlotValue[];
  venueName: string;
}

const needsSlot = (kind: string) => kind !== "introduction" && kind !== "advice";
const needsVenue = (kind: string) => ["coffee", "lunch", "dinner", "visit"].includes(kind);

export function checkOffer(values: OfferFormValues, stay: { from: string; to: string | null }): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.kind) errors.kind = "validation.required";
  const filled = values.slots.filter((slot) => slot.date && slot.time);
  if (needsSlot(values.kind) && filled.length === 0) errors.slots = "validation.slotRequired";
  else if (values.slots.length > 4) errors.slots = "validation.tooManySlots";
  else if (filled.some((slot) => slot.date < stay.from || (stay.to !== null && slot.date > stay.to)))
    errors.slots = "validation.slotOutsideStay";
  if (needsVenue(values.kind) && !values.venueName.trim()) errors.venueName = "validation.venueRequired";
  if (values.message.length > 4000) errors.message = "validation.tooLong";
  return errors;
}

export interface ProfileFormValues {
  name: string;
  headline: string;
  gives: string;
  seeks: string;
  links: { label: string; url: string }[];
}

export function checkProfile(values: ProfileFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = "validation.required";
  if (!values.headline.trim()) errors.headline = "validation.headlineRequired";
  if (values.headline.length > 200) errors.headline = "validation.tooLong";
  if (!values.gives.trim() && !values.seeks.trim()) errors.gives = "validation.givesOrSeeks";
  if (values.links.some((link) => link.url.trim() && !/^https?:\/\/\S+$/.test(link.url.trim())))
    errors.links = "validation.linkUrl";
  return errors;
}
