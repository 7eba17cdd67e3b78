// The HTTP requests the add-on sends to AODocs' Job API (as its OpenAPI document describes them; a copy is
// vendored with the simulator as job.openapi.json). Job IDs always go through encodeURIComponent: a cell's text
// never changes the URL's structure.

export interface ApiTarget {
  /** e.g. https://aodocs.altirnao.com/api, without a trailing slash. */
  baseUrl: string;
  /** Optional `domain` query parameter ("The G Suite domain"). */
  domain?: string;
}

/** A request as UrlFetchApp.fetchAll takes it. */
export interface FetchRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  muteHttpExceptions: true;
  followRedirects: false;
}

function query(target: ApiTarget, params: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = { ...params, domain: target.domain || undefined };
  const parts = Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function request(method: 'get' | 'post', url: string, authorization: string): FetchRequest {
  return {
    url,
    method,
    // Accept: JSON is what we parse; no body and no Content-Type on the POST (the operation takes none).
    headers: { Authorization: authorization, Accept: 'application/json' },
    // A failure code must not throw and take the whole fetchAll with it; a redirect (to a login page, say)
    // must show as the 3xx it is, not as a 200 HTML page.
    muteHttpExceptions: true,
    followRedirects: false,
  };
}

function jobPath(target: ApiTarget, jobId: string): string {
  return `${target.baseUrl}/job/v1/${encodeURIComponent(jobId)}`;
}

export function cancelJobRequest(target: ApiTarget, jobId: string, authorization: string): FetchRequest {
  return request('post', `${jobPath(target, jobId)}/cancel${query(target)}`, authorization);
}

export function getJobRequest(target: ApiTarget, jobId: string, authorization: string): FetchRequest {
  return request('get', `${jobPath(target, jobId)}${query(target)}`, authorization);
}

const LIST_PAGE_SIZE = 100;

export function listJobsRequest(
  target: ApiTarget,
  filters: { libraryId: string; status: string; type: string; requestor: string },
  pageToken: string | undefined,
  authorization: string,
): FetchRequest {
  const q = query(target, {
    pageSize: String(LIST_PAGE_SIZE),
    status: filters.status || undefined,
    type: filters.type || undefined,
    user: filters.requestor || undefined,
    orderBy: 'started desc',
    pageToken,
  });
  return request(
    'get',
    `${target.baseUrl}/job/v1/libraries/${encodeURIComponent(filters.libraryId)}${q}`,
    authorization,
  );
}

export function listErrorEventsRequest(
  target: ApiTarget,
  jobId: string,
  pageToken: string | undefined,
  authorization: string,
): FetchRequest {
  const q = query(target, { onlyErrors: 'true', maxResults: '100', pageToken });
  return request('get', `${target.baseUrl}/job/v1/events/${encodeURIComponent(jobId)}${q}`, authorization);
}
