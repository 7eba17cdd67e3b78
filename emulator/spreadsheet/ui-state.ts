/** What the script showed through Ui: the control API's record of menus, sidebar, dialogs, alerts and toasts. */
export interface UiMenuRecord {
  title: string;
  items: { caption: string; functionName: string }[];
  /** Sub-menus added with Menu.addSubMenu, in order. */
  subMenus: UiMenuRecord[];
}

export interface UiState {
  menus: UiMenuRecord[]; // from createAddonMenu/createMenu, once addToUi() is called
  sidebar: { title: string; content: string } | null; // from Ui.showSidebar(htmlOutput): getTitle()/getContent()
  dialogs: { title: string; content: string }[];
  alerts: string[];
  toasts: string[];
}

export function emptyUiState(): UiState {
  return { menus: [], sidebar: null, dialogs: [], alerts: [], toasts: [] };
}
