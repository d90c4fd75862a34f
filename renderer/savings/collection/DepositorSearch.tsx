import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { Depositor } from '../../../shared/savings';
import { call } from '../../api';
import { memberNumber, useI18n } from '../../i18n';

interface Lookup {
  productId: number;
  query: string;
  answer: Promise<Depositor[]>;
  /** The answer once it has come back. */
  found?: Depositor[];
}

/**
 * The member field of the collection day: a member number or part of a name, looked up as it is typed.
 * Enter or Tab takes the one match, or the highlighted one of several (arrow keys move the highlight),
 * and hands it on; the bookkeeper never needs the mouse. Enter pressed before the answer has come back
 * moves the cursor on at once, so that a fast typist's amount lands in the amount field; the choice
 * follows the answer, and only a number that matches nobody (or several) brings the cursor back.
 */
export function DepositorSearch({
  id,
  productId,
  inputRef,
  chosen,
  onChoose,
  onCandidate,
  onChosen,
  onPending,
  describedBy,
}: {
  id: string;
  productId: number;
  inputRef: RefObject<HTMLInputElement | null>;
  chosen: Depositor | null;
  onChoose: (depositor: Depositor | null) => void;
  /** The member Enter would take now (the one match, or the highlighted one), shown back as confirmation. */
  onCandidate: (depositor: Depositor | null) => void;
  /** The choice is made (or on its way): the cursor goes on to the amount. */
  onChosen: () => void;
  /** A choice waiting for the lookup's answer, for an Enter in the amount to wait on; null when none. */
  onPending: (choice: Promise<Depositor | null> | null) => void;
  describedBy: string;
}) {
  const i18n = useI18n();
  const c = i18n.t.savings.collection;
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Depositor[]>([]);
  const [active, setActive] = useState(0);
  const [missing, setMissing] = useState(false);
  const latest = useRef<Lookup | null>(null);

  const lookup = (query: string): Promise<Depositor[]> => {
    if (latest.current?.query === query && latest.current.productId === productId) {
      return latest.current.answer;
    }
    const asked: Lookup = {
      productId,
      query,
      answer: call('savings.findDepositors', { productId, query }).then((result) => {
        asked.found = result.ok ? result.value : [];
        return asked.found;
      }),
    };
    latest.current = asked;
    return asked.answer;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `lookup` only reads the ref and the product.
  useEffect(() => {
    const query = text.trim();
    setMissing(false);
    if (query === '' || chosen) {
      setMatches([]);
      return;
    }
    let current = true;
    void lookup(query).then((found) => {
      if (!current) return;
      setMatches(found);
      setActive(0);
      setMissing(found.length === 0);
    });
    return () => {
      current = false;
    };
  }, [text, productId, chosen]);

  const open = matches.length > 0 && !chosen;
  const candidate = open ? (matches[active] ?? null) : null;
  useEffect(() => onCandidate(candidate), [candidate, onCandidate]);

  const take = () => {
    const query = text.trim();
    if (query === '') return;
    if (chosen) {
      onChosen();
      return;
    }
    const last = latest.current;
    const settled = last?.query === query && last.productId === productId ? last.found : undefined;
    if (settled) {
      const pick = settled.length === 1 ? settled[0] : settled[Math.min(active, settled.length - 1)];
      if (pick) choose(pick);
      else setMissing(true);
      return;
    }
    const choice = lookup(query).then((found) => {
      const [only] = found;
      if (found.length === 1 && only) {
        onChoose(only);
        setMatches([]);
        return only;
      }
      // Nobody, or several to choose from: back to the member field, the amount typed stays.
      inputRef.current?.focus();
      return null;
    });
    onPending(choice);
    onChosen();
  };

  const choose = (depositor: Depositor) => {
    onChoose(depositor);
    setMatches([]);
    onChosen();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && matches.length > 0) {
      event.preventDefault();
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || (event.key === 'Tab' && !event.shiftKey && text.trim() !== '')) {
      event.preventDefault();
      take();
    } else if (event.key === 'Escape') {
      setMatches([]);
    }
  };

  const listId = `${id}-list`;
  return (
    <div className="depositor-search">
      <input
        ref={inputRef}
        id={id}
        type="text"
        className="depositor-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={c.memberPlaceholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onPending(null);
          if (chosen) onChoose(null);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div className="depositor-list" id={listId} role="listbox" aria-label={c.matches}>
          {matches.map((depositor, index) => (
            <div
              key={depositor.memberId}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                // The mouse may choose too; the focus stays where the keyboard left it.
                event.preventDefault();
                choose(depositor);
              }}
            >
              <span className="depositor-number">{i18n.num(memberNumber(depositor.memberNumber))}</span>
              <span>{depositor.nameKm}</span>
              {depositor.nameLatin ? <span className="name-latin">{depositor.nameLatin}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      {missing && text.trim() !== '' ? (
        <div className="field-error" role="alert">
          {i18n.format(c.noMatch, {}, { query: text.trim() })}
        </div>
      ) : null}
    </div>
  );
}
