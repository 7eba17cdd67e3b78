/**
 * @jest-environment jsdom
 */
// A missing permission shows Google's authorization link as a real link opening a new tab; any other message,
// and a "link" to anything but Google's https pages, stays text.
import { messageContent } from '../../src/client/message-content';
import { permissionsNeededMessage } from '../../src/core/authorization-link';
import { SERVER } from '../../src/core/wording';

function render(message: string): HTMLElement {
  const p = document.createElement('p');
  p.append(...messageContent(message));
  return p;
}

test('the missing-permission sentence comes with a link to Google’s page, opened in a new tab', () => {
  const url = 'https://script.google.com/macros/d/ABC/authorize';
  const p = render(permissionsNeededMessage(url));
  const link = p.querySelector('a')!;
  expect(link.getAttribute('href')).toBe(url);
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener');
  expect(p.textContent).toContain(SERVER.permissionsNeeded);
});

test.each([
  ['another message', 'AODocs did not answer. Try again in a moment.'],
  ['a link elsewhere', permissionsNeededMessage('https://evil.example/script.google.com/')],
  ['markup in the text', permissionsNeededMessage('https://script.google.com/"><img src=x onerror=alert(1)>')],
  ['http', permissionsNeededMessage('http://script.google.com/authorize')],
])('%s stays text', (_name, message) => {
  const p = render(message);
  expect(p.querySelector('a')).toBeNull();
  expect(p.querySelector('img')).toBeNull();
  expect(p.textContent).toBe(message);
});
