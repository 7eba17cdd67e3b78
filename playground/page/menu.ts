// The menu bar: File Edit View Insert Format Data Tools Extensions Help. Only Extensions works: it lists the menus
// the add-on's onOpen registered (Extensions > <menu title> > items), built from the server's state each time.
import type { Menu, MenuItem } from './api';

const INERT_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'];

export class MenuBar {
  private readonly extensions: HTMLButtonElement;
  private readonly dropdown: HTMLElement;
  private menus: Menu[] = [];
  private menusKey = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly onRun: (item: MenuItem) => void,
  ) {
    root.classList.add('menubar');
    root.setAttribute('role', 'menubar');
    const inert = (label: string) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'menubar-item';
      button.textContent = label;
      button.dataset.testid = `menu-${label.toLowerCase()}`;
      button.setAttribute('aria-disabled', 'true');
      button.title = 'Not available in the playground';
      return button;
    };
    this.extensions = document.createElement('button');
    this.extensions.type = 'button';
    this.extensions.className = 'menubar-item';
    this.extensions.textContent = 'Extensions';
    this.extensions.dataset.testid = 'menu-extensions';
    this.extensions.setAttribute('aria-haspopup', 'menu');
    this.extensions.setAttribute('aria-expanded', 'false');
    this.dropdown = document.createElement('div');
    this.dropdown.className = 'menu-dropdown';
    this.dropdown.setAttribute('role', 'menu');
    this.dropdown.dataset.testid = 'menu-extensions-dropdown';
    this.dropdown.hidden = true;
    const wrapper = document.createElement('div');
    wrapper.className = 'menubar-anchor';
    wrapper.append(this.extensions, this.dropdown);
    root.append(...INERT_MENUS.map(inert), wrapper, inert('Help'));

    this.extensions.addEventListener('click', () => (this.dropdown.hidden ? this.open() : this.close()));
    document.addEventListener('mousedown', (e) => {
      if (!wrapper.contains(e.target as Node)) this.close();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.dropdown.hidden) this.close();
    });
    window.addEventListener('blur', () => this.close());
    wrapper.addEventListener('keydown', (e) => this.onKey(e));
  }

  /**
   * The keyboard, as in a menu bar (WAI-ARIA menu pattern): ArrowDown, Enter or Space on Extensions opens it on its
   * first item; ArrowUp/ArrowDown, Home/End move within a menu, ArrowRight opens a submenu on its first item,
   * ArrowLeft goes back to its title, Escape closes and returns to Extensions. Enter or Space run an item (a button).
   */
  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target === this.extensions) {
      if (e.key !== 'ArrowDown' && e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      this.open();
      this.items(this.dropdown)[0]?.focus();
      return;
    }
    const menu = target.closest<HTMLElement>('[role="menu"]');
    if (!menu) return;
    const items = this.items(menu);
    const at = items.indexOf(target);
    const to = (i: number) => items[(i + items.length) % items.length]?.focus();
    const sub = target.classList.contains('submenu-title') ? target.nextElementSibling : null;
    switch (e.key) {
      case 'ArrowDown':
        to(at + 1);
        break;
      case 'ArrowUp':
        to(at - 1);
        break;
      case 'Home':
        to(0);
        break;
      case 'End':
        to(items.length - 1);
        break;
      case 'ArrowRight':
        if (!(sub instanceof HTMLElement)) return;
        target.click();
        this.items(sub)[0]?.focus();
        break;
      case 'ArrowLeft':
        if (!menu.classList.contains('submenu')) return;
        (menu.previousElementSibling as HTMLElement | null)?.focus();
        break;
      case 'Escape':
        this.close();
        this.extensions.focus();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  /** The items of one menu level (not those of its submenus). */
  private items(menu: HTMLElement): HTMLElement[] {
    return [
      ...menu.querySelectorAll<HTMLElement>(':scope > [role="menuitem"], :scope > .submenu-anchor > [role="menuitem"]'),
    ];
  }

  /** The add-on's menus (re-rendered only when they change, so an open menu stays open across refreshes). */
  setMenus(menus: Menu[]): void {
    const key = JSON.stringify(menus);
    if (key === this.menusKey) return;
    this.menusKey = key;
    this.menus = menus;
    this.renderDropdown();
  }

  open(): void {
    this.renderDropdown();
    this.dropdown.hidden = false;
    this.extensions.setAttribute('aria-expanded', 'true');
    this.extensions.classList.add('open');
  }

  close(): void {
    this.dropdown.hidden = true;
    this.extensions.setAttribute('aria-expanded', 'false');
    this.extensions.classList.remove('open');
    for (const sub of this.dropdown.querySelectorAll<HTMLElement>('.submenu')) sub.hidden = true;
    for (const title of this.dropdown.querySelectorAll('.submenu-title')) title.setAttribute('aria-expanded', 'false');
  }

  private renderDropdown(): void {
    const entries: HTMLElement[] = [];
    if (this.menus.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'menu-empty';
      empty.textContent = 'No add-on menus (onOpen added none)';
      entries.push(empty);
    }
    this.menus.forEach((menu, index) => {
      const group = document.createElement('div');
      group.className = 'submenu-anchor';
      const title = document.createElement('button');
      title.type = 'button';
      title.className = 'submenu-title';
      title.setAttribute('role', 'menuitem');
      title.setAttribute('aria-haspopup', 'menu');
      title.setAttribute('aria-expanded', 'false');
      title.dataset.testid = `menu-addon-${index}`;
      title.textContent = menu.title;
      const sub = document.createElement('div');
      sub.className = 'submenu';
      sub.setAttribute('role', 'menu');
      sub.setAttribute('aria-label', menu.title);
      sub.hidden = true;
      for (const item of menu.items) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'menu-item';
        button.setAttribute('role', 'menuitem');
        button.dataset.functionName = item.functionName;
        button.textContent = item.caption;
        button.addEventListener('click', () => {
          this.close();
          this.onRun(item);
        });
        sub.append(button);
      }
      const show = () => {
        for (const other of this.dropdown.querySelectorAll<HTMLElement>('.submenu')) other.hidden = other !== sub;
        for (const t of this.dropdown.querySelectorAll('.submenu-title')) {
          t.setAttribute('aria-expanded', String(t === title));
        }
      };
      title.addEventListener('mouseenter', show);
      title.addEventListener('click', show);
      title.addEventListener('focus', show);
      group.append(title, sub);
      entries.push(group);
    });
    this.dropdown.replaceChildren(...entries);
  }
}
