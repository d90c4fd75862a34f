import { type KeyboardEvent, type RefObject, useEffect, useState } from 'react';
import { toLatinDigits } from '../../shared/khmer';
import type { MemberRow } from '../../shared/schemas';
import { call } from '../api';
import { memberNumber, useI18n } from '../i18n';

/**
 * A member number or part of a name, looked up as it is typed. Enter takes the member with exactly that
 * number, or the highlighted match (arrow keys move it), and hands them on: the mouse is never needed.
 */
export function MemberSearch({
  id,
  inputRef,
  label,
  onChoose,
  ...aria
}: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  onChoose: (member: MemberRow) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const i18n = useI18n();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<MemberRow[]>([]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      setMatches([]);
      return;
    }
    let current = true;
    void call('members.list', { text: query, status: 'active', sex: 'all', sort: 'number' }).then(
      (result) => {
        if (!current) return;
        const found = result.ok ? result.value : [];
        const exact = found.find((m) => String(m.number) === toLatinDigits(query).replace(/^0+/, ''));
        setMatches(exact ? [exact, ...found.filter((m) => m !== exact)].slice(0, 8) : found.slice(0, 8));
        setActive(0);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  const take = (member: MemberRow | undefined) => {
    if (!member) return;
    onChoose(member);
    setText('');
    setMatches([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && matches.length > 0) {
      event.preventDefault();
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      take(matches[active]);
    } else if (event.key === 'Escape') setMatches([]);
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
        aria-label={label}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={aria['aria-describedby']}
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={i18n.t.savings.collection.memberPlaceholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {matches.length > 0 ? (
        <div className="depositor-list" id={listId} role="listbox" aria-label={label}>
          {matches.map((member, index) => (
            <div
              key={member.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                take(member);
              }}
            >
              <span className="depositor-number">{i18n.num(memberNumber(member.number))}</span>
              <span>{member.nameKm}</span>
              {member.nameLatin ? <span className="name-latin">{member.nameLatin}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
