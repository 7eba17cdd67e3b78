/** What one cell holds. Empty cells hold '' (as getValues() reports them) and may still carry formats. */
export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  /** Formula text as typed ('=A1+1'), '' when the cell holds a plain value. */
  formula: string;
  /** Number format pattern; undefined means Sheets' automatic format. */
  numberFormat?: string;
  /** Stored for setFontWeight/getFontWeight; it has no other effect. */
  fontWeight?: string;
}

/** Cross-realm Date test: the bundle runs in a vm context whose Date is not this realm's Date. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}
