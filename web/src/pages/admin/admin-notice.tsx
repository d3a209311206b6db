import { useEffect, useRef } from 'react';

/**
 * A success message after a write: always in the page (so screen readers announce what is written
 * into it), and focused when it appears, because the form that had focus is gone.
 */
export function AdminNotice({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={message ? 'notice notice--success' : undefined}>
      {message && <p>{message}</p>}
    </div>
  );
}

/** A form's heading that takes focus when the form opens, so keyboard and screen-reader users land in it. */
export function FormHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
