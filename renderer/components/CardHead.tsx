import type { ReactNode } from 'react';

/** A card's heading (h2 with `id`, for the section's aria-labelledby), its help line, and controls on the right. */
export function CardHead({ id, title, help, children }: { id: string; title: string; help: string; children?: ReactNode }) {
  return (
    <div className="card-head">
      <div>
        <h2 id={id}>{title}</h2>
        <p className="help">{help}</p>
      </div>
      {children}
    </div>
  );
}
