/**
 * Apps Script's Ui and Menu for the Sheets editor (https://developers.google.com/apps-script/reference/base/ui,
 * https://developers.google.com/apps-script/reference/base/menu). What the script shows is recorded in UiState.
 * createAddonMenu() "creates a builder that can be used to insert a sub-menu into the editor's Extensions menu";
 * that sub-menu is titled with the add-on's name (EmulatedSpreadsheet option `addonName`).
 */
import { describeArgumentTypes, MESSAGES } from './apps-script-error';
import { CountedService, Emulation } from './emulation';
import { UiMenuRecord } from './ui-state';

/** Ui.Button and Ui.ButtonSet: enum values print as their names. */
export const BUTTON = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export const BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

interface HtmlOutputLike {
  getContent(): string;
  getTitle?(): string;
}

export class Menu extends CountedService {
  private readonly record: UiMenuRecord;

  constructor(emulation: Emulation, title: string) {
    super('Menu', emulation);
    this.record = { title, items: [], subMenus: [] };
  }

  addItem(caption: string, functionName: string): Menu {
    this.called('addItem');
    this.record.items.push({ caption, functionName });
    return this;
  }

  /** Separators are not recorded. */
  addSeparator(): Menu {
    this.called('addSeparator');
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.called('addSubMenu');
    this.record.subMenus.push(menu.snapshot());
    return this;
  }

  /** Shows the menu: recorded in ui.menus, replacing an earlier menu with the same title (onOpen running again). */
  addToUi(): void {
    this.called('addToUi');
    const { menus } = this.emulation.ui;
    const snapshot = this.snapshot();
    const index = menus.findIndex((menu) => menu.title === snapshot.title);
    if (index === -1) menus.push(snapshot);
    else menus[index] = snapshot;
  }

  private snapshot(): UiMenuRecord {
    return { title: this.record.title, items: [...this.record.items], subMenus: [...this.record.subMenus] };
  }
}

export class Ui extends CountedService {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(emulation: Emulation) {
    super('Ui', emulation);
  }

  createAddonMenu(): Menu {
    this.called('createAddonMenu');
    return new Menu(this.emulation, this.emulation.addonName);
  }

  createMenu(caption: string): Menu {
    this.called('createMenu');
    return new Menu(this.emulation, caption);
  }

  /** Records { title: getTitle(), content: getContent() } as the one sidebar shown. */
  showSidebar(userInterface: HtmlOutputLike): void {
    this.called('showSidebar');
    const html = this.html(userInterface, 'showSidebar');
    this.emulation.ui.sidebar = { title: html.getTitle?.() ?? '', content: html.getContent() };
  }

  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this.called('showModalDialog');
    const html = this.html(userInterface, 'showModalDialog');
    this.emulation.ui.dialogs.push({ title, content: html.getContent() });
  }

  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this.called('showModelessDialog');
    const html = this.html(userInterface, 'showModelessDialog');
    this.emulation.ui.dialogs.push({ title, content: html.getContent() });
  }

  /**
   * alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). Records the prompt and returns the button
   * queued by the control API, else OK (YES for the YES_NO sets): the user accepts.
   */
  alert(...args: string[]): string {
    this.called('alert');
    const prompt = args.length === 3 ? args[1] : args[0];
    const buttons = args.length === 3 ? args[2] : args[1];
    this.emulation.ui.alerts.push(String(prompt));
    const queued = this.emulation.alertAnswers.shift();
    if (queued !== undefined) return queued;
    return buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK;
  }

  private html(userInterface: unknown, method: string): HtmlOutputLike {
    const candidate = userInterface as HtmlOutputLike | null;
    if (typeof candidate?.getContent !== 'function') {
      const types = describeArgumentTypes([userInterface]);
      throw this.emulation.book.error(MESSAGES.signatureMismatch(types, `Ui.${method}`));
    }
    return candidate;
  }
}
