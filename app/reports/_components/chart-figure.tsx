import type { ReactNode } from 'react';

/**
 * A chart with its text alternative: the caption sums it up in a sentence and the table
 * beside it holds every point, so a screen reader (or anyone who prefers numbers) misses nothing.
 */
export function ChartFigure({
  id,
  title,
  summary,
  tableLabel,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  tableLabel: string;
  columns: string[];
  rows: string[][];
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-2 rounded-2xl bg-white p-4 shadow-sm" data-testid={`chart-${id}`}>
      <figcaption>
        <h2 id={`${id}-title`} className="font-bold">
          {title}
        </h2>
        <p className="text-sm text-neutral-600" data-testid={`chart-${id}-summary`}>
          {summary}
        </p>
      </figcaption>
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-brand-700">{tableLabel}</summary>
        <div role="region" aria-label={title} tabIndex={0} className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="px-2 py-1">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} className="border-t border-neutral-100">
                  {row.map((cell, j) => (
                    <td key={j} className="px-2 py-1">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
