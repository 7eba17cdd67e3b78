// The add-on menu. onOpen runs in AuthMode.NONE or LIMITED, where most services are off limits: it only builds
// the menu, so the menu appears in every authorization mode (editor add-on authorization lifecycle).

const ADDON_MENU_ITEMS = [
  { caption: 'Open sidebar', functionName: 'openSidebar' },
  { caption: 'Cancel selected jobs...', functionName: 'openSidebarToCancel' },
] as const;

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of ADDON_MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Installing from the Marketplace does not run onOpen for the open document: build the menu now. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
