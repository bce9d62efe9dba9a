// Public API of lib/http: HttpError-based 4xx JSON answers, route/action wrappers, bounded bodies.
export { HttpError, badRequest, conflict, describeZodError, forbidden, notFound, parseOrThrow, payloadTooLarge, tooMany, unauthorized, unprocessable } from './errors';
export { errorResponse, handle, readJson, readQuery } from './route';
export { MAX_JSON_BYTES, formatBytes, readBodyLimited, readFormLimited, readJsonBody, readJsonLimited, readTextLimited } from './body';
export { PEER_HEADER, installPeerStamp, isLoopbackAddress, isLoopbackRequest, peerAddress } from './peer';
export { CACHED_PAGE_PREFIXES, assertSameOrigin, contentSecurityPolicy, isCachedPage, newNonce, securityHeaders } from './security';
export { ACTION_FAILED, serverAction } from './action';
export { addressBucket, clientAddress, normalizeAddress, proxyList } from './client-address';
