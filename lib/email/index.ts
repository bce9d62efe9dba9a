export { canReadDevOutbox, EmailDeliveryError, isDevOutboxEnabled, sendEmail, sendEmailOnce, sendEmailSchema, type SendEmailInput, type SentEmail } from './send';
export { emailButton, emailParagraph, emailSmallPrint, escapeHtml, renderEmailLayout } from './layout';
export { countOutboxEmailsSince, listRecentOutboxEmails, type OutboxRow } from './outbox-repository';
export { closeSmtpTransports } from './smtp';
