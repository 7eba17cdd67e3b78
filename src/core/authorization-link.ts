// A missing permission, said with the link that grants it. ScriptApp.requireScopes "ends the current execution
// and renders an authorization prompt" only where the surface supports it: from a sidebar call the user may get no
// prompt, and its exception is worded in the user's language. So the server asks getAuthorizationInfo, and sends
// the sentence with getAuthorizationUrl() in the one thing google.script.run passes on, the error's message; the
// sidebar shows the URL as a link. Never a link to anything but Google's own https pages.
import { SERVER } from './wording';

/** The message of a missing permission: the sentence, then the URL (or the sentence alone, without one). */
export function permissionsNeededMessage(authorizationUrl: string | null | undefined): string {
  return authorizationUrl ? `${SERVER.permissionsNeeded} ${authorizationUrl}` : SERVER.permissionsNeeded;
}

/** Google's pages only: https, a host under google.com. */
const GOOGLE_PAGE = /^https:\/\/([a-z0-9-]+\.)*google\.com\/[^\s"'<>]*$/i;

/** The sentence and the link of a missing-permission message, or undefined for any other message. */
export function authorizationLinkOf(message: string): { sentence: string; url: string } | undefined {
  if (!message.startsWith(`${SERVER.permissionsNeeded} `)) return undefined;
  const url = message.slice(SERVER.permissionsNeeded.length + 1).trim();
  return GOOGLE_PAGE.test(url) ? { sentence: SERVER.permissionsNeeded, url } : undefined;
}
