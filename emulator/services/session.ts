import { createHash } from 'node:crypto';
import type { CallCounter } from '../call-counter';
import { counted } from './counted';
import type { GoogleLanguage } from './google-language';

/** Who runs the script. Mutable: a test may switch user between executions. */
export interface UserState {
  email: string;
  locale: string;
  timeZone: string;
  /** The language of Apps Script's exception messages (it translates them into the user's language). */
  language: GoogleLanguage;
}

/** Session.getActiveUser()'s User. */
export interface User {
  getEmail(): string;
}

/** Session (https://developers.google.com/apps-script/reference/base/session). */
export function createSession(counter: CallCounter, user: UserState, scriptId: string) {
  const userObject = (): User => counted(counter, 'User', { getEmail: (): string => user.email });
  return counted(counter, 'Session', {
    getActiveUser: (): User => userObject(),
    getEffectiveUser: (): User => userObject(),
    getScriptTimeZone: (): string => user.timeZone,
    getActiveUserLocale: (): string => user.locale,
    /** Stable per user and script, opaque: a hash, never the email. */
    getTemporaryActiveUserKey: (): string =>
      createHash('sha256').update(`${scriptId}:${user.email}`).digest('base64url').slice(0, 43),
  });
}
