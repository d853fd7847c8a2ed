import { html, type SafeHtml } from "@/lib/html/safe-html";

/** The header row of a plain (non-DataTable) table: one column header per label. */
export function TableHead({ columns, className = "bg-slate-100", cellClassName = "px-2 py-1.5" }: { columns: string[]; className?: string; cellClassName?: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((label) => (
          <th key={label} scope="col" className={cellClassName}>{label}</th>
        ))}
      </tr>
    </thead>
  );
}

/** The same header row as markup, for a table written as one string (decision 053). */
export function tableHeadHtml(columns: string[], className = "bg-slate-100", cellClassName = "px-2 py-1.5"): SafeHtml {
  return html`<thead class="${className}"><tr>${columns.map((label) => html`<th scope="col" class="${cellClassName}">${label}</th>`)}</tr></thead>`;
}
