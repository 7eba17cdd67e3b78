// Carries out the retry loop's steps (core/run/send-with-retries.ts) with UrlFetchApp, Utilities and the clock.
import { HttpAnswer } from '../core/aodocs-answer';
import { FetchRequest } from '../core/aodocs-request';
import { FetchStep } from '../core/run/steps';
import { SendOptions, SendReport, sendWithRetries as retryLoop } from '../core/run/send-with-retries';
import { Handlers, runProgram } from './step-runner';

function httpAnswerOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpAnswer {
  return {
    code: response.getResponseCode(),
    body: response.getContentText(),
    headers: response.getHeaders() as Record<string, string>,
  };
}

/** The handlers of the steps that reach AODocs; `isStopped` reads the run's stop mark. */
export function fetchHandlers(isStopped: () => boolean): Handlers<FetchStep> {
  return {
    clock: () => Date.now(),
    random: () => Math.random(),
    sleep: (step) => Utilities.sleep(step.ms),
    'is-stopped': () => isStopped(),
    'fetch-all': (step) => UrlFetchApp.fetchAll(step.requests).map(httpAnswerOf),
    fetch: (step) => {
      const { url, ...params } = step.request;
      return httpAnswerOf(UrlFetchApp.fetch(url, params));
    },
  };
}

/** The retry loop for requests that belong to no run (nothing can stop them). */
export function sendWithRetries(requests: FetchRequest[], options: SendOptions): SendReport {
  return runProgram(
    retryLoop(requests, { ...options, stoppable: false }),
    fetchHandlers(() => false),
  );
}
