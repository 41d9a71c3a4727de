/**
 * The WebExtension API namespace: Firefox's promise-based `browser`, else
 * Chrome's `chrome` (promise-based too in MV3). The only module that touches
 * either global; everything else imports `api` from here.
 */
export const api = globalThis.browser ?? globalThis.chrome;
