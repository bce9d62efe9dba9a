// Public surface of lib/shipping: the zones the store ships to and their flat rates.
export { COUNTRY_NAMES, SHIPPABLE_COUNTRIES, SHIPPING_ZONES, zoneForCountry, type ShippingZone } from './zones';
