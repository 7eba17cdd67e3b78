// A message from the server as the sidebar shows it: text, and for a missing permission, the sentence with
// Google's authorization link (core/authorization-link.ts) as a real link built with the DOM helper, never markup
// from text.
import { authorizationLinkOf } from '../core/authorization-link';
import { h } from './dom';
import { AUTHORIZE_LINK } from './wording';

export function messageContent(message: string): (string | Node)[] {
  const link = authorizationLinkOf(message);
  if (!link) return [message];
  return [link.sentence, ' ', h('a', { href: link.url, target: '_blank', rel: 'noopener' }, AUTHORIZE_LINK)];
}
