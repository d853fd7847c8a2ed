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
