// Maps a request line to one of the four operations. Path segments are percent-decoded one by one, so an
// encoded "/" stays inside the ID; a malformed escape is a 400, never a crash.

import { badRequest } from './errors';
import type { OperationName } from './types';

export const BASE_PATH = '/api';

export interface RouteMatch {
  operation: OperationName;
  /** Decoded path parameters: jobId or libraryId. */
  pathParams: Record<string, string>;
}

interface RouteDef {
  method: string;
  /** Segments after /api; ":name" marks a parameter. */
  pattern: string[];
  operation: OperationName;
}

// Literal segments win over parameters: /job/v1/libraries/X is listJobs, never a job named "libraries".
const ROUTES: RouteDef[] = [
  { method: 'GET', pattern: ['job', 'v1', 'libraries', ':libraryId'], operation: 'listJobs' },
  { method: 'GET', pattern: ['job', 'v1', 'events', ':jobId'], operation: 'listEvents' },
  { method: 'POST', pattern: ['job', 'v1', ':jobId', 'cancel'], operation: 'cancel' },
  { method: 'GET', pattern: ['job', 'v1', ':jobId'], operation: 'getJob' },
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('Malformed percent-encoding in the request path');
  }
}

/** The operation for this method and raw path (query excluded), or undefined for an unknown path. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  if (!rawPath.startsWith(`${BASE_PATH}/`)) return undefined;
  const segments = rawPath.slice(BASE_PATH.length + 1).split('/');
  for (const route of ROUTES) {
    if (route.method !== method || route.pattern.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    const matches = route.pattern.every((part, i) => {
      if (!part.startsWith(':')) return part === segments[i];
      if (segments[i] === '') return false;
      pathParams[part.slice(1)] = decodeSegment(segments[i]);
      return true;
    });
    if (matches) return { operation: route.operation, pathParams };
  }
  return undefined;
}
