// What a key pressed on the grid (no editor open) means, as in Sheets.

export type KeyAction =
  | { kind: 'move'; dRow: number; dCol: number }
  | { kind: 'extend'; dRow: number; dCol: number }
  | { kind: 'page'; direction: 1 | -1; extend: boolean }
  | { kind: 'home'; toFirstRow: boolean }
  | { kind: 'edit' }
  | { kind: 'type'; text: string }
  | { kind: 'clear' };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function keyAction(event: KeyboardEvent): KeyAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const arrow = ARROWS[event.key];
  if (arrow) {
    const [dRow, dCol] = arrow;
    return { kind: event.shiftKey ? 'extend' : 'move', dRow, dCol };
  }
  switch (event.key) {
    case 'Tab':
      return { kind: 'move', dRow: 0, dCol: event.shiftKey ? -1 : 1 };
    case 'Enter':
    case 'F2':
      return { kind: 'edit' };
    case 'PageDown':
      return { kind: 'page', direction: 1, extend: event.shiftKey };
    case 'PageUp':
      return { kind: 'page', direction: -1, extend: event.shiftKey };
    case 'Home':
      return { kind: 'home', toFirstRow: ctrl };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    default:
      break;
  }
  if (event.key.length === 1 && !ctrl && !event.altKey && !event.isComposing) return { kind: 'type', text: event.key };
  return null;
}
