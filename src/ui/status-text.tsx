import type { ReactNode } from 'react';
import { cssColor, statusColors, type StatusLevel } from './theme';

/** A value in its status colour, always preceded by a shape so colour is never the only cue. */
const SHAPES: Record<StatusLevel, string> = { normal: '●', warning: '▲', alarm: '◆', unknown: '○' };

export function StatusText({ level, children }: { level: StatusLevel | undefined; children: ReactNode }) {
  if (!level) return <span>{children}</span>;
  return (
    <span className={`status-text status-text--${level}`} style={{ color: cssColor(statusColors[level]) }}>
      <span aria-hidden="true">{SHAPES[level]} </span>
      {children}
    </span>
  );
}
