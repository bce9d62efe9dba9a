// Flat shipping rates by destination zone, shown before payment.
export interface ShippingZone {
  id: string;
  name: string;
  countries: string[]; // ISO 3166-1 alpha-2, as Stripe expects
  rateMinor: number;
  deliveryDays: [number, number];
}

export const SHIPPING_ZONES: ShippingZone[] = [
  { id: 'us', name: 'United States', countries: ['US'], rateMinor: 499, deliveryDays: [3, 6] },
  { id: 'north-america', name: 'Canada & Mexico', countries: ['CA', 'MX'], rateMinor: 999, deliveryDays: [5, 10] },
  { id: 'europe', name: 'Europe & UK', countries: ['GB', 'IE', 'DE', 'FR', 'NL', 'BE', 'ES', 'IT', 'PT', 'AT', 'SE', 'DK', 'FI', 'NO', 'PL', 'CH'], rateMinor: 1299, deliveryDays: [6, 12] },
  { id: 'asia-pacific', name: 'Australia, New Zealand & Japan', countries: ['AU', 'NZ', 'JP'], rateMinor: 1799, deliveryDays: [8, 15] },
];

export const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States', CA: 'Canada', MX: 'Mexico', GB: 'United Kingdom', IE: 'Ireland', DE: 'Germany', FR: 'France',
  NL: 'Netherlands', BE: 'Belgium', ES: 'Spain', IT: 'Italy', PT: 'Portugal', AT: 'Austria', SE: 'Sweden', DK: 'Denmark',
  FI: 'Finland', NO: 'Norway', PL: 'Poland', CH: 'Switzerland', AU: 'Australia', NZ: 'New Zealand', JP: 'Japan',
};

export const SHIPPABLE_COUNTRIES = SHIPPING_ZONES.flatMap((z) => z.countries);

export function zoneForCountry(country: string): ShippingZone | undefined {
  const c = country.toUpperCase();
  return SHIPPING_ZONES.find((z) => z.countries.includes(c));
}
