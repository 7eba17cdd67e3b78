// Load jobs from a library: one page of AODocs' job list per call (the sidebar shows progress between pages),
// written into a new sheet "Jobs <libraryId>" ready to select and cancel.
import { LibraryPageRequest, LibraryPageResult } from '../shared/api';
import { listJobsRequest } from '../core/aodocs-request';
import { callFailureSentence } from '../core/call-failure';
import { CALL, SERVER } from '../core/wording';
import { LISTING_HEADERS, listingRow, listingSheetName, parseJobList, validateFilters } from '../core/library-listing';
import { callAodocs } from './aodocs-call';
import { authorizationHeader } from './authorization';
import { withDocumentLock } from './document-lock';
import { appendRows, insertHeadedSheet } from './sheet-append';
import { readSettings } from './user-settings';
import { UserFacingError } from './user-facing-error';
import { requireGrantedScopes } from './scope-check';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function validate(value: unknown): LibraryPageRequest {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const filters = (() => {
    try {
      return validateFilters(o.filters);
    } catch (error) {
      throw new UserFacingError((error as Error).message);
    }
  })();
  const rowsSoFar = o.rowsSoFar;
  if (!Number.isInteger(rowsSoFar) || (rowsSoFar as number) < 0)
    throw new UserFacingError('Invalid request: rows so far.');
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
  if (o.sheetName !== undefined && text(o.sheetName, 100) === undefined)
    throw new UserFacingError('Invalid request: sheet name.');
  if (o.pageToken !== undefined && text(o.pageToken, 4000) === undefined)
    throw new UserFacingError('Invalid request: page token.');
  return {
    filters,
    rowsSoFar: rowsSoFar as number,
    sheetName: o.sheetName as string | undefined,
    pageToken: o.pageToken as string | undefined,
  };
}

function listingSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: LibraryPageRequest): Sheet {
  if (request.sheetName !== undefined) {
    const sheet = spreadsheet.getSheetByName(request.sheetName);
    // Only a sheet this feature made may be appended to.
    if (!sheet || !request.sheetName.startsWith('Jobs '))
      throw new UserFacingError(SERVER.listingSheetGone(request.sheetName));
    return sheet;
  }
  const name = listingSheetName(
    request.filters.libraryId,
    spreadsheet.getSheets().map((s) => s.getName()),
  );
  return insertHeadedSheet(spreadsheet, name, LISTING_HEADERS);
}

export function loadLibraryPage(input: unknown): LibraryPageResult {
  requireGrantedScopes();
  const request = validate(input);
  const settings = readSettings();
  const authorization = authorizationHeader(settings);
  const answer = callAodocs(listJobsRequest(settings, request.filters, request.pageToken, authorization));
  if (answer?.kind !== 'ok') {
    throw new UserFacingError(
      callFailureSentence(answer, CALL.libraryNotFound, CALL.notLibraryAdmin, settings.authMode),
    );
  }
  const page = parseJobList(answer.body);
  const room = Math.max(0, settings.runCap - request.rowsSoFar);
  const rows = page.jobs.slice(0, room).map(listingRow);
  const capped = page.jobs.length > room || (rows.length === room && page.nextPageToken !== undefined);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = withDocumentLock(() => {
    const sheet = listingSheet(spreadsheet, request);
    appendRows(sheet, rows, LISTING_HEADERS.length);
    return sheet.getName();
  });
  return { sheetName, rowsWritten: rows.length, nextPageToken: capped ? undefined : page.nextPageToken, capped };
}
