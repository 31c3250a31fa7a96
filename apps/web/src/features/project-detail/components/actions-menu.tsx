import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A disclosure menu (the WAI-ARIA "disclosure navigation" pattern, not role="menu"): a button
 * with aria-expanded and aria-controls that shows a list of links below it. Tab moves through the
 * links; Escape closes the list and puts focus back on the button; a click elsewhere or focus
 * leaving the menu closes it too. `children` are the list's <li> items.
 */
export function ActionsMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    // Focus went somewhere else on the page (Tab past the last link): the list closes behind it.
    const next = event.relatedTarget as Node | null;
    if (open && next && !rootRef.current?.contains(next)) setOpen(false);
  }

  return (
    <div className="actions-menu" ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="button-secondary actions-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        <span className="actions-menu__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} className="actions-menu__list" hidden={!open}>
        {children}
      </ul>
    </div>
  );
}
