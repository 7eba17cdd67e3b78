/**
 * An error whose message is written for the person at the sidebar. google.script.run hands the client only a
 * thrown error's message, so the message must be complete, and must never hold a token or a raw response.
 */
export class UserFacingError extends Error {}
