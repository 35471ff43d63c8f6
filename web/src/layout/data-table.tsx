import type { ReactNode, TableHTMLAttributes } from 'react';

export type DataTableProps = Omit<TableHTMLAttributes<HTMLTableElement>, 'children' | 'aria-labelledby'> & {
  /** The column headings, in order (each a `th scope="col"`). */
  columns: readonly ReactNode[];
  /** Each column's `aria-sort`, where the table can be sorted by it (undefined: not sortable). */
  columnSort?: readonly ('ascending' | 'descending' | 'none' | undefined)[];
  /** The caption's content, when the table has one. */
  caption?: ReactNode;
  captionClassName?: string;
  /**
   * The id of the heading that names the table: the table is labelled by it, and its scroll area becomes
   * a region of that name that a keyboard can reach (tab stop) and scroll.
   */
  labelledBy?: string;
  /** The body's rows. */
  children: ReactNode;
};

/** A table in its sideways-scrolling wrapper, with a row of column headings; other attributes go on the table. */
export function DataTable({ columns, columnSort, caption, captionClassName, labelledBy, children, ...table }: DataTableProps) {
  const region = labelledBy ? ({ role: 'region', 'aria-labelledby': labelledBy, tabIndex: 0 } as const) : {};
  return (
    <div className="table-wrap" {...region}>
      <table aria-labelledby={labelledBy} {...table}>
        {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" aria-sort={columnSort?.[index]}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
