export { startCheckout, checkoutSchema, type StartCheckoutResult } from './checkout-service';
export { handleStripeWebhook, syncOrderWithCheckout, HANDLED_EVENTS, type WebhookOutcome, type SyncResult } from './payment-sync';
export { ORDER_STATUSES, assertTransition, canTransition, label as statusLabel, type OrderStatusName } from './order-status';
export { orderAccessToken, orderUrl, verifyOrderAccessToken } from './order-links';
export { findOrder, findOrderBySession, listOrdersForUser, orderItemIds, searchOrders, transitionOrder, transitionOrderOnce, type OrderListRow, type OrderSearchRow, type OrderView } from './order-repository';
export { sendOrderShipped, sendOrderDelivered } from './order-emails';
export { refundUnfulfillableOrder, handleOrderRefund, type UnfulfillableRefund } from './refunds';
export { startOrderWorkers } from './workers';
export { CHARGED_STATUSES, SOLD_STATUSES, campaignOfOrder, campaignOrdersToSettle, campaignsWithAuthorizedOrders, countCampaignOrders, releasedCampaignOrders, soldListingLines } from './sales-repository';
