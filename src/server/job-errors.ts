// Job errors: the error events of the job in the active cell, read page by page (at most a few pages).
import { JobErrorsResult } from '../shared/api';
import { listErrorEventsRequest } from '../core/aodocs-request';
import { callFailureSentence } from '../core/call-failure';
import { CALL, SERVER, jobNotFound } from '../core/wording';
import { MAX_EVENT_PAGES, parseEventList } from '../core/job-events';
import { checkJobId } from '../core/job-id';
import { callAodocs } from './aodocs-call';
import { authorizationHeader } from './authorization';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';
import { requireGrantedScopes } from './scope-check';

export function readJobErrors(): JobErrorsResult {
  requireGrantedScopes();
  const cell = SpreadsheetApp.getActiveSpreadsheet().getCurrentCell();
  const check = checkJobId(cell ? cell.getDisplayValue() : '');
  if (check.kind !== 'valid') throw new UserFacingError(SERVER.clickJobIdCell);
  const settings = readSettings();
  const authorization = authorizationHeader(settings);
  const startedAt = Date.now();
  const events: JobErrorsResult['events'] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_EVENT_PAGES; page++) {
    const answer = callAodocs(listErrorEventsRequest(settings, check.jobId, pageToken, authorization), startedAt);
    if (answer?.kind !== 'ok') {
      throw new UserFacingError(
        callFailureSentence(answer, jobNotFound(check.jobId), CALL.jobErrorsForbidden, settings.authMode),
      );
    }
    const list = parseEventList(answer.body);
    events.push(...list.events);
    pageToken = list.nextPageToken;
    if (!pageToken) break;
  }
  return { jobId: check.jobId, events, truncated: pageToken !== undefined };
}
