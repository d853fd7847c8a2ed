// The narrow-screen layout of a DataTable, as CSS rules by column position, emitted once beside the
// table (components/data-table.tsx). Before, each cell carried its column's name (data-label) and its
// place on the card (data-wide, data-priority) itself: 25 rows × 13 columns of the same strings, sent
// twice (as HTML and in the flight payload), on a page whose server time grows with its size (decisions
// 027 and 033).

export interface ColumnLayout {
  /** The column's name, shown above each value on a narrow screen; a column without one spans the card. */
  label?: string;
  /** The cell spans the card's whole width (long content). */
  wide?: boolean;
  /** The cell comes first on the card, after its title (what a glance is for: a score). */
  priority?: boolean;
  /** The row header: the card's title, placed by the shared rules in globals.css. */
  rowHeader?: boolean;
}

/** Below Tailwind's `sm` breakpoint, as the shared `.stack-table` rules in globals.css. */
const NARROW = "(width < 40rem)";

/** A CSS string literal. Quotes, backslashes, angle brackets and line breaks are escaped, so a label cannot end the rule or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The rules of the table marked `data-table="<tableId>"`, one group per column at its position (1-based
 * nth-child, row header included). The empty-state cell (colspan) is left to the shared rules.
 */
export function columnRules(tableId: string, columns: ColumnLayout[]): string {
  const cell = (n: number) => `[data-table=${cssString(tableId)}]>tbody>tr>td:nth-child(${n}):not([colspan])`;
  const rules: string[] = [];
  columns.forEach((column, i) => {
    if (column.rowHeader) return;
    const at = cell(i + 1);
    if (column.label) rules.push(`${at}::before{content:${cssString(column.label)}/""}`);
    if (!column.label || column.wide) rules.push(`${at}{grid-column:1/-1}`);
    if (column.priority) rules.push(`${at}{order:-1}`);
  });
  return rules.length ? `@media ${NARROW}{${rules.join("")}}` : "";
}
