// Job errors: the error events of the job in the active cell, read page by page (at most a few pages).
import { JobErrorsResult } from '../shared/api';
import { listErrorEventsRequest } from '../core/aodocs-request';
import { DAILY_QUOTA_SENTENCE, callFailureSentence } from '../core/call-failure';
import { MAX_EVENT_PAGES, parseEventList } from '../core/job-events';
import { checkJobId } from '../core/job-id';
import { sendWithRetries } from './aodocs-client';
import { authorizationHeader } from './authorization';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';

export function readJobErrors(): JobErrorsResult {
  const cell = SpreadsheetApp.getActiveSpreadsheet().getCurrentCell();
  const check = checkJobId(cell ? cell.getDisplayValue() : '');
  if (check.kind !== 'valid') throw new UserFacingError('Click the cell that holds the job ID, then try again.');
  const settings = readSettings();
  const authorization = authorizationHeader(settings);
  const startedAt = Date.now();
  const events: JobErrorsResult['events'] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_EVENT_PAGES; page++) {
    const sent = sendWithRetries([listErrorEventsRequest(settings, check.jobId, pageToken, authorization)], startedAt);
    if (sent.quotaExceeded) throw new UserFacingError(DAILY_QUOTA_SENTENCE);
    const answer = sent.outcomes[0]?.answer;
    if (answer?.kind !== 'ok') {
      throw new UserFacingError(
        callFailureSentence(answer, `Job ${check.jobId} not found (404).`, 'You may not read this job (403).'),
      );
    }
    const list = parseEventList(answer.body);
    events.push(...list.events);
    pageToken = list.nextPageToken;
    if (!pageToken) break;
  }
  return { jobId: check.jobId, events, truncated: pageToken !== undefined };
}
