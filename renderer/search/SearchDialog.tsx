import { useEffect, useId, useRef, useState } from 'react';
import type { SearchResults } from '../../shared/search';
import { call } from '../api';
import { memberNumber, useI18n } from '../i18n';
import './search.css';

/** Where a found thing opens: a member's statement, the chart of accounts, the journal. */
export interface SearchTargets {
  onMember: (memberId: number) => void;
  onAccounts: () => void;
  onJournal: () => void;
}

type Found = { key: string; label: string; open: () => void };

/**
 * Ctrl+K from any screen: one box that finds a member (number or name), an account (code or name) or a
 * document (receipt, voucher or input document number); Enter opens the first, arrows move, Escape closes.
 */
export function SearchDialog(targets: SearchTargets) {
  const i18n = useI18n();
  const s = i18n.t.search;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void call('search.global', { text }).then((result) => {
      if (current && result.ok) {
        setResults(result.value);
        setActive(0);
      }
    });
    return () => {
      current = false;
    };
  }, [open, text]);

  if (!open) return null;
  const close = () => {
    setOpen(false);
    setText('');
    setResults(null);
  };
  const choose = (found: Found) => {
    close();
    found.open();
  };
  const members: Found[] = (results?.members ?? []).map((m) => ({
    key: `m${m.id}`,
    label: `${i18n.num(memberNumber(m.number))} ${m.nameKm}${m.nameLatin ? ` (${m.nameLatin})` : ''}${m.village ? ` · ${m.village}` : ''}`,
    open: () => targets.onMember(m.id),
  }));
  const accounts: Found[] = (results?.accounts ?? []).map((a) => ({
    key: `a${a.id}`,
    label: `${a.code} ${i18n.language === 'en' ? a.nameEn : a.nameKm}`,
    open: targets.onAccounts,
  }));
  const documents: Found[] = (results?.documents ?? []).map((d) => ({
    key: `d${d.entryId}`,
    label: `${d.number} · ${i18n.date(d.date)} · ${d.memo}`,
    open: targets.onJournal,
  }));
  const all = [...members, ...accounts, ...documents];
  const group = (title: string, items: Found[]) =>
    items.length === 0 ? null : (
      <fieldset className="search-group">
        <legend className="search-group-title">{title}</legend>
        {items.map((found) => (
          <button
            key={found.key}
            type="button"
            role="option"
            aria-selected={all[active] === found}
            className={all[active] === found ? 'search-result active' : 'search-result'}
            onClick={() => choose(found)}
          >
            {found.label}
          </button>
        ))}
      </fieldset>
    );

  return (
    <div className="search-backdrop">
      <div className="search-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-label`}>
        <label id={`${id}-label`} htmlFor={id} className="search-label">
          {s.label}
        </label>
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          placeholder={s.placeholder}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') setActive((n) => Math.min(n + 1, all.length - 1));
            else if (e.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
            else if (e.key === 'Enter') {
              const found = all[active];
              if (found) choose(found);
            } else return;
            e.preventDefault();
          }}
        />
        <div className="search-results" role="listbox" aria-label={s.label}>
          {group(s.members, members)}
          {group(s.accounts, accounts)}
          {group(s.documents, documents)}
          {text.trim() !== '' && results && all.length === 0 ? <p className="search-none">{s.none}</p> : null}
        </div>
        <p className="search-hint">{s.hint}</p>
      </div>
    </div>
  );
}
