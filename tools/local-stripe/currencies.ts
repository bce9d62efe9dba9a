// Stripe's presentment currencies and minimum charge amounts (https://docs.stripe.com/currencies),
// so the local server refuses what Stripe refuses.

/** Every currency Stripe accepts as a presentment currency (lowercase ISO 4217). */
export const SUPPORTED_CURRENCIES: readonly string[] = (
  'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk ' +
  'djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd ' +
  'kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ' +
  'ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf ' +
  'yer zar zmw'
).split(' ');

const SUPPORTED = new Set(SUPPORTED_CURRENCIES);
export const isSupportedCurrency = (c: string) => SUPPORTED.has(c);

/** Amounts are in the currency's smallest unit; these have none below the main unit. */
const ZERO_DECIMAL = new Set('bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' '));
const THREE_DECIMAL = new Set('bhd jod kwd omr tnd'.split(' '));

/** Stripe's published minimum charge per currency, in the smallest unit (¥50, $0.50, £0.30, …). */
const MINIMUM: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30, hkd: 400, huf: 17500,
  inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200, sek: 300, sgd: 50, thb: 1000,
};

/** The smallest amount Stripe charges in this currency (others: one smallest unit; Stripe's real
 *  floor there is about $0.50 converted, which depends on the day's rate). */
export const minimumAmount = (currency: string) => MINIMUM[currency] ?? 1;

export function decimals(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** 50, 'usd' → '$0.50 usd' style, as in Stripe's messages (without the symbol). */
export function formatAmount(amount: number, currency: string): string {
  const d = decimals(currency);
  return `${(amount / 10 ** d).toFixed(d)} ${currency}`;
}
