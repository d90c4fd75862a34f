import { type RefObject, useEffect, useRef } from 'react';
import type { Currency } from '../../shared/khmer';
import { useI18n } from '../i18n';
import { Money } from './money';

/** Ctrl+Enter (Cmd+Enter) runs `action` from wherever the cursor is on the screen. */
export function useCtrlEnter(action: () => void | Promise<void>) {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void latest.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * The foot of a batch screen (a collection day, a distribution day): how many lines and their total,
 * then Post (Ctrl+Enter) or, once posted, the button that starts the next batch.
 */
export function BatchFooter({
  count,
  total,
  currency,
  posted,
  posting,
  labels,
  onPost,
  onNew,
  newRef,
}: {
  count: number;
  total: number;
  currency: Currency;
  posted: boolean;
  posting: boolean;
  labels: { count: string; total: string; post: string; posting: string; next: string };
  onPost: () => void;
  onNew: () => void;
  newRef?: RefObject<HTMLButtonElement | null>;
}) {
  const i18n = useI18n();
  return (
    <footer className="batch-footer">
      <dl className="batch-totals" aria-live="polite">
        <div className="batch-total">
          <dt>{labels.count}</dt>
          <dd>{i18n.num(count)}</dd>
        </div>
        <div className="batch-total">
          <dt>{labels.total}</dt>
          <dd>
            <Money amount={total} currency={currency} />
          </dd>
        </div>
      </dl>
      {posted ? (
        <button type="button" className="primary" ref={newRef} onClick={onNew}>
          {labels.next}
        </button>
      ) : (
        <button
          type="button"
          className="primary batch-post"
          disabled={posting || count === 0}
          aria-keyshortcuts="Control+Enter"
          onClick={onPost}
        >
          {posting ? labels.posting : labels.post}
          <span className="button-hint">Ctrl+Enter</span>
        </button>
      )}
    </footer>
  );
}
