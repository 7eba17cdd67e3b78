/**
 * Date-time number format patterns (`yyyy-mm-dd hh:mm:ss`, `M/d/yyyy H:mm:ss`, `mmm d, yyyy h:mm am/pm`...).
 * Letters are case-insensitive as in Sheets; `m`/`mm` means minutes after an hour token or before a seconds token,
 * months otherwise. Reference: https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
import { WallClock, MONTH_NAMES, WEEKDAY_NAMES } from './time-zone';

type DateToken =
  | { kind: 'literal'; text: string }
  | { kind: 'y' | 'm' | 'd' | 'h' | 's'; length: number; minutes?: boolean }
  | { kind: 'ampm'; style: 'AM/PM' | 'am/pm' | 'A/P' | 'a/p' }
  | { kind: 'fraction'; length: number };

const cache = new Map<string, DateToken[]>();

/** True when the pattern formats dates or times rather than plain numbers. */
export function isDateTimePattern(pattern: string): boolean {
  return tokenize(pattern).some((token) => token.kind !== 'literal' && token.kind !== 'fraction');
}

export function formatDatePattern(w: WallClock, pattern: string): string {
  const tokens = tokenize(pattern);
  const twelveHour = tokens.some((token) => token.kind === 'ampm');
  const pad = (n: number, length: number) => String(n).padStart(length, '0');
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'y':
        out += token.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'm':
        if (token.minutes) out += pad(w.minute, token.length);
        else if (token.length <= 2) out += pad(w.month, token.length);
        else if (token.length === 3) out += MONTH_NAMES[w.month - 1].slice(0, 3);
        else if (token.length === 4) out += MONTH_NAMES[w.month - 1];
        else out += MONTH_NAMES[w.month - 1][0];
        break;
      case 'd': {
        const weekday = WEEKDAY_NAMES[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
        if (token.length <= 2) out += pad(w.day, token.length);
        else out += token.length === 3 ? weekday.slice(0, 3) : weekday;
        break;
      }
      case 'h':
        out += pad(twelveHour ? w.hour % 12 || 12 : w.hour, Math.min(token.length, 2));
        break;
      case 's':
        out += pad(w.second, Math.min(token.length, 2));
        break;
      case 'fraction':
        out += pad(w.millisecond, 3).slice(0, token.length);
        break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const text = token.style.length === 5 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
        out += token.style === 'am/pm' || token.style === 'a/p' ? text.toLowerCase() : text;
        break;
      }
    }
  }
  return out;
}

function tokenize(pattern: string): DateToken[] {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const tokens: DateToken[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    const rest = pattern.slice(i).toLowerCase();
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      literal(pattern.slice(i + 1, end === -1 ? undefined : end));
      i = end === -1 ? pattern.length : end + 1;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      literal(pattern[i + 1]);
      i += 2;
    } else if (rest.startsWith('am/pm') || rest.startsWith('a/p')) {
      const length = rest.startsWith('am/pm') ? 5 : 3;
      const text = pattern.slice(i, i + length);
      const style = text === text.toUpperCase() ? (length === 5 ? 'AM/PM' : 'A/P') : length === 5 ? 'am/pm' : 'a/p';
      tokens.push({ kind: 'ampm', style });
      i += length;
    } else if ('ymdhs'.includes(lower)) {
      let length = 1;
      while (pattern[i + length]?.toLowerCase() === lower) length++;
      tokens.push({ kind: lower as 'y' | 'm' | 'd' | 'h' | 's', length });
      i += length;
    } else if (ch === '0' && pattern[i - 1] === '.' && tokens.some((t) => t.kind === 's')) {
      let length = 1;
      while (pattern[i + length] === '0') length++;
      tokens.push({ kind: 'fraction', length });
      i += length;
    } else {
      literal(ch);
      i++;
    }
  }
  markMinutes(tokens);
  cache.set(pattern, tokens);
  return tokens;
}

/** `m`/`mm` right after an hour token or right before a seconds token is minutes. */
function markMinutes(tokens: DateToken[]): void {
  const fields = tokens.filter((token) => token.kind !== 'literal' && token.kind !== 'fraction');
  fields.forEach((token, index) => {
    if (token.kind !== 'm' || token.length > 2) return;
    const before = fields[index - 1];
    const after = fields[index + 1];
    token.minutes = before?.kind === 'h' || after?.kind === 's';
  });
}
