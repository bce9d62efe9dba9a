export { createCheckoutSession, expireCheckoutSession, fetchCheckoutState, orderIdForPaymentIntent, verifyWebhook, type CheckoutState, type CheckoutLine } from './checkout';
export { stripe, isTestMode } from './stripe-client';
