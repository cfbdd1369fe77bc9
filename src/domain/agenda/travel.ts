/** Mean Earth radius (IUGG), fixed by the exchange format so that every implementation agrees to the minute. */
export const earthRadiusKm = 6371.0088;

export interface Coordinates {
  lat: number;
  lon: number;
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLon = (b.lon - a.lon) * toRadians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Minutes to keep free between items at two different venues: the trip at the given speed, rounded up, and never
 * less than the minimum buffer.
 */
export function travelBufferMinutes(
  a: Coordinates,
  b: Coordinates,
  speedKmh: number,
  minBufferMinutes: number,
): number {
  return Math.max(minBufferMinutes, Math.ceil((haversineKm(a, b) / speedKmh) * 60));
}
