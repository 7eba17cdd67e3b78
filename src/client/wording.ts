// Sentences of the sidebar that depend on numbers.

export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The confirmation question, with the exact count. */
export function confirmCancelSentence(jobs: number): string {
  return `Cancel ${plural(jobs, 'AODocs job')}? Their pending tasks will not run. Tasks already done are not undone.`;
}
