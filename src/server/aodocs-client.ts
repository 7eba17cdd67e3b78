// Carries out the retry loop's steps (core/run/send-with-retries.ts) with UrlFetchApp, Utilities and the clock:
// one Apps Script call per step kind.
import { HttpAnswer } from '../core/aodocs-answer';
import { FetchStep } from '../core/run/steps';
import { Handlers } from './step-runner';

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
