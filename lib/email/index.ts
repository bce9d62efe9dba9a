export { canReadDevOutbox, EmailDeliveryError, isDevOutboxEnabled, sendEmail, sendEmailSchema, type SendEmailInput, type SentEmail } from './send';
export { emailButton, emailParagraph, emailSmallPrint, escapeHtml, renderEmailLayout } from './layout';
export { countOutboxEmailsSince, listRecentOutboxEmails, outboxHasEmail, type OutboxRow } from './outbox-repository';
export { closeSmtpTransports } from './smtp';
