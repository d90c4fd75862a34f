import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  width: string;
  cell: (row: Row) => ReactNode;
}

const OVERSCAN = 6;

/**
 * A table that renders only the rows in view, so a register of thousands of members scrolls smoothly.
 * Rows have one fixed height; the keyboard moves through them with the arrow keys and opens one with Enter.
 */
export function VirtualTable<Row extends { id: number }>({
  rows,
  columns,
  rowHeight,
  label,
  selectedId,
  onOpen,
  empty,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowHeight: number;
  label: string;
  selectedId: number | null;
  onOpen: (row: Row) => void;
  empty: string;
}) {
  const viewport = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const template = columns.map((c) => c.width).join(' ');

  const focusRow = (index: number) => {
    const element = viewport.current;
    if (!element || index < 0 || index >= rows.length) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + rowHeight - element.clientHeight;
    }
    requestAnimationFrame(() => element.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  };

  return (
    <table className="vtable" aria-label={label} aria-rowcount={rows.length + 1}>
      <thead>
        <tr className="vtable-head" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody
        className="vtable-body"
        ref={viewport}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        style={{ '--vtable-height': `${rows.length * rowHeight}px` } as CSSProperties}
      >
        {rows.length === 0 ? (
          <tr className="vtable-empty">
            <td>{empty}</td>
          </tr>
        ) : null}
        {rows.slice(first, last).map((row, offset) => {
          const index = first + offset;
          return (
            <tr
              key={row.id}
              aria-rowindex={index + 2}
              aria-selected={row.id === selectedId}
              tabIndex={0}
              data-index={index}
              className={row.id === selectedId ? 'vtable-row selected' : 'vtable-row'}
              style={{ top: index * rowHeight, height: rowHeight, gridTemplateColumns: template }}
              onClick={() => onOpen(row)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onOpen(row);
                else if (event.key === 'ArrowDown') focusRow(index + 1);
                else if (event.key === 'ArrowUp') focusRow(index - 1);
                else return;
                event.preventDefault();
              }}
            >
              {columns.map((c) => (
                <td key={c.key}>{c.cell(row)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
