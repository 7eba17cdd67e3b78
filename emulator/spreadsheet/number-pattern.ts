/**
 * Numeric number format patterns: `0`, `0.00`, `#,##0.00`, `0%`, `0.00E+00`, literal text in quotes, and
 * `positive;negative;zero` sections. Reference:
 * https://developers.google.com/sheets/api/guides/formats#number_format_tokens
 */

interface NumberSection {
  prefix: string;
  suffix: string;
  integer: string; // placeholders before the decimal point, commas removed
  fraction: string; // placeholders after the decimal point
  grouping: boolean;
  percent: number;
  exponent?: { sign: '+' | '-'; digits: number };
}

/** True when the pattern has a digit placeholder, i.e. it formats numbers. */
export function isNumberPattern(pattern: string): boolean {
  return /[0#?]/.test(stripLiterals(pattern));
}

export function formatNumberPattern(value: number, pattern: string): string {
  const sections = splitSections(pattern);
  if (value < 0 && sections.length > 1 && sections[1] !== '') return formatSection(-value, parseSection(sections[1]));
  if (value === 0 && sections.length > 2) return formatSection(0, parseSection(sections[2]));
  const formatted = formatSection(Math.abs(value), parseSection(sections[0]));
  return value < 0 && /[1-9]/.test(formatted) ? `-${formatted}` : formatted;
}

function stripLiterals(pattern: string): string {
  return pattern.replace(/"[^"]*"?/g, '').replace(/\\./g, '');
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function parseSection(section: string): NumberSection {
  const result: NumberSection = { prefix: '', suffix: '', integer: '', fraction: '', grouping: false, percent: 0 };
  let seenPlaceholder = false;
  let inFraction = false;
  const addLiteral = (text: string) => {
    if (seenPlaceholder) result.suffix += text;
    else result.prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      addLiteral(section.slice(i + 1, end === -1 ? undefined : end));
      i = end === -1 ? section.length : end;
    } else if (ch === '\\') {
      addLiteral(section[i + 1] ?? '');
      i++;
    } else if ((ch === 'E' || ch === 'e') && (section[i + 1] === '+' || section[i + 1] === '-') && seenPlaceholder) {
      let digits = 0;
      while (section[i + 2 + digits] === '0') digits++;
      result.exponent = { sign: section[i + 1] as '+' | '-', digits: Math.max(digits, 1) };
      i += 1 + digits;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      seenPlaceholder = true;
      if (inFraction) result.fraction += ch;
      else result.integer += ch;
    } else if (ch === '.' && !inFraction) {
      inFraction = true;
      seenPlaceholder = true;
    } else if (ch === ',' && seenPlaceholder && !inFraction) {
      result.grouping = true;
    } else {
      if (ch === '%') result.percent++;
      addLiteral(ch);
    }
  }
  return result;
}

function formatSection(value: number, section: NumberSection): string {
  let scaled = value * 100 ** section.percent;
  let exponentText = '';
  if (section.exponent && scaled !== 0) {
    const integerDigits = Math.max(section.integer.length, 1);
    const exponent = Math.floor(Math.log10(scaled)) - (integerDigits - 1);
    scaled /= 10 ** exponent;
    const sign = exponent < 0 ? '-' : section.exponent.sign === '+' ? '+' : '';
    exponentText = `E${sign}${String(Math.abs(exponent)).padStart(section.exponent.digits, '0')}`;
  } else if (section.exponent) {
    exponentText = `E${section.exponent.sign === '+' ? '+' : ''}${'0'.repeat(section.exponent.digits)}`;
  }
  const maxFraction = section.fraction.length;
  const minFraction = section.fraction.replace(/[#?]+$/, '').length;
  const [integerPart, fractionPart = ''] = scaled.toFixed(maxFraction).split('.');
  let fraction = fractionPart;
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const minInteger = (section.integer.match(/0/g) ?? []).length;
  let integer = integerPart === '0' && minInteger === 0 ? '' : integerPart.padStart(minInteger, '0');
  if (section.grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${section.prefix}${integer}${fraction ? `.${fraction}` : ''}${exponentText}${section.suffix}`;
}
