// Opaque page tokens. A token remembers where the previous page ended and which filters produced it,
// so a client that changes filters between pages gets a 400, as with AODocs' cursors.

import { badRequest } from './errors';

export interface PageCursor {
  /** Filters the token belongs to (compared as a string). */
  filters: string;
  /** Jobs: the sort value and ID of the last job returned. Events: the index of the next event. */
  position: [number, string] | number;
}

export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Reads a token made by encodePageToken for the same filters; anything else is a 400 "Invalid page token". */
export function decodePageToken(token: string, filters: string): PageCursor['position'] {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('Invalid page token');
  }
  if (!isCursor(cursor) || cursor.filters !== filters) throw badRequest('Invalid page token');
  return cursor.position;
}

function isCursor(value: unknown): value is PageCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { filters, position } = value as Record<string, unknown>;
  if (typeof filters !== 'string') return false;
  if (typeof position === 'number') return Number.isInteger(position) && position >= 0;
  return (
    Array.isArray(position) &&
    position.length === 2 &&
    typeof position[0] === 'number' &&
    typeof position[1] === 'string'
  );
}
