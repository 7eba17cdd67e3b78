// One AODocs call that stands alone (listing a page of a library, a page of a job's events, the connection
// check): core/run/send-with-retries.ts callAodocs decides it; this runs its steps.
import { Answer } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import { callAodocs as call } from '../core/run/send-with-retries';
import { fetchHandlers } from './aodocs-client';
import { runProgram } from './step-runner';
import { UserFacingError } from './user-facing-error';

/** The call's last answer; undefined when it never went out (the time budget from `startedAt` ran out). */
export function callAodocs(request: FetchRequest, startedAt = Date.now()): Answer | undefined {
  return runProgram(call(request, startedAt), {
    ...fetchHandlers(() => false),
    refuse: (step) => {
      throw new UserFacingError(step.message);
    },
  });
}
