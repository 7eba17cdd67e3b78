// What the user can do about a job that did not end well: one sentence per cause, shown beside the job in the
// sidebar's list of rows that need a look.
import type { JobAction, JobResult } from '../shared/api';
import { RESULT } from './wording';

export const NEXT_STEP = {
  transient: 'Run again later: only the jobs AODocs could not answer are sent again.',
  signIn:
    'Sign in with an AODocs security code (Settings), or have AODocs support register the client ID shown by ' +
    'Settings > Check connection.',
  securityCode: 'Check the security code in Settings.',
  forbidden: 'Ask an administrator of its library to cancel it, or to give you administrator rights there.',
  notFound: 'Check the job ID in the cell, and the domain in Settings.',
  refused: 'AODocs will not cancel it in its current state: look at the job in AODocs.',
  unexpected: 'Try again later; if it lasts, check the API address in Settings.',
  gone: 'Its cell was edited during the run: select the job ID again to send it.',
  invalid: 'Fix the cell: a job ID has no spaces, no / ? # % \\ and at most 256 characters.',
} as const;

/** A 403 while reading a status: nothing was to be cancelled, only administrators may read it. */
export function forbiddenToRead(libraryId: string | undefined): string {
  const library = libraryId === undefined ? 'its library' : `library ${libraryId}`;
  return `Only administrators of ${library} can read its status: ask one of them for administrator rights there.`;
}

export function forbiddenIn(libraryId: string): string {
  return `Ask an administrator of library ${libraryId} to cancel it, or to give you administrator rights there.`;
}

/** The next step for a result, or undefined when the job ended well. `action`: what the run did (a refresh cancels nothing). */
export function nextStep(result: JobResult, action: JobAction = 'cancel'): string | undefined {
  if (result.outcome === 'gone') return NEXT_STEP.gone;
  if (result.outcome === 'invalid') return NEXT_STEP.invalid;
  if (result.outcome !== 'failed' && !result.transient) return undefined;
  if (result.transient) return NEXT_STEP.transient;
  if (result.result === RESULT.securityCodeRefused) return NEXT_STEP.securityCode;
  switch (result.httpCode) {
    case 401:
      return NEXT_STEP.signIn;
    case 403:
      if (action === 'refresh') return forbiddenToRead(result.libraryId);
      return result.libraryId === undefined ? NEXT_STEP.forbidden : forbiddenIn(result.libraryId);
    case 404:
      return NEXT_STEP.notFound;
    case 400:
    case 409:
    case 412:
      return NEXT_STEP.refused;
    default:
      return NEXT_STEP.unexpected;
  }
}

/** The rows a result asks the user to look at: where it was written, or where its ID was when it could not be. */
export function rowsToLookAt(results: JobResult[]): number[] {
  const rows = new Set<number>();
  for (const r of results) {
    if (nextStep(r) === undefined) continue;
    for (const cell of r.written) rows.add(cell.row);
    for (const m of r.moved) rows.add(m.to?.row ?? m.from.row);
  }
  return [...rows].sort((a, b) => a - b);
}
