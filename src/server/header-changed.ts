export const HEADER_CHANGED = 'The header row changed since the selection was read. Select the job IDs again.';
