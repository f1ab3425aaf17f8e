import type { ReactNode } from 'react';

export function EmptyState({ title, children, icon = 'doc' }: { title: string; children?: ReactNode; icon?: 'doc' | 'search' | 'plug' | 'clock' }) {
  return (
    <div className="empty">
      <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
        {icon === 'doc' && <path d="M14 6h14l10 10v26H14z M28 6v10h10" />}
        {icon === 'search' && <><circle cx="21" cy="21" r="11" /><path d="M29 29l10 10" /></>}
        {icon === 'plug' && <path d="M18 6v10 M30 6v10 M12 16h24v8a12 12 0 0 1-24 0z M24 36v8" />}
        {icon === 'clock' && <><circle cx="24" cy="24" r="17" /><path d="M24 14v11l7 5" /></>}
      </svg>
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
