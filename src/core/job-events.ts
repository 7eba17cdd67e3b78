// A job's error events (ApiJobEventList), as the sidebar lists them: time, severity, message, all text.
import { JobErrorEvent } from '../shared/api';
import { integer } from './api-job';

export const MAX_EVENT_PAGES = 5;

export function parseEventList(body: unknown): { events: JobErrorEvent[]; nextPageToken?: string } {
  const o = (typeof body === 'object' && body !== null ? body : {}) as { events?: unknown; nextPageToken?: unknown };
  const events = (Array.isArray(o.events) ? o.events : []).map((e): JobErrorEvent => {
    const event = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const ms = integer(event.timestamp);
    return {
      time: ms === undefined ? '' : new Date(ms).toISOString(),
      severity: typeof event.severity === 'string' ? event.severity : '',
      message: typeof event.message === 'string' ? event.message : '',
    };
  });
  const next = typeof o.nextPageToken === 'string' && o.nextPageToken !== '' ? o.nextPageToken : undefined;
  return { events, nextPageToken: next };
}
