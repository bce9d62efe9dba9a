export { checkoutSessionStatus, createCheckoutSession, expireCheckoutSession, fetchCheckoutState, orderIdForPaymentIntent, verifyWebhook, isMissingStripeObject, WEBHOOK_TOLERANCE_S, type CheckoutSessionStatus, type CheckoutState, type CheckoutLine } from './checkout';
export { stripe, isTestMode } from './stripe-client';
export { refundPayment } from './refunds';
