// Opening the sidebar, and what it needs to know when it starts.
import { SidebarState } from '../shared/api';
import { PARALLEL_CALLS } from '../core/settings';

declare const __APP_VERSION__: string;

const SIDEBAR_TITLE = 'AODocs Jobs';
/** Set by "Cancel selected jobs..." so the sidebar opens on the confirmation step; read once. */
const START_WITH_CANCEL_KEY = 'startWithCancel';

function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openSidebar(): void {
  CacheService.getUserCache().remove(START_WITH_CANCEL_KEY);
  showSidebar();
}

export function openSidebarToCancel(): void {
  CacheService.getUserCache().put(START_WITH_CANCEL_KEY, 'true', 60);
  showSidebar();
}

export function getSidebarState(): SidebarState {
  const cache = CacheService.getUserCache();
  const startWithCancel = cache.get(START_WITH_CANCEL_KEY) === 'true';
  if (startWithCancel) cache.remove(START_WITH_CANCEL_KEY);
  return {
    version: __APP_VERSION__,
    userEmail: Session.getActiveUser().getEmail(),
    piecesInFlight: PARALLEL_CALLS,
    startWithCancel,
  };
}
