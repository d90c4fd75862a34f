import { useEffect, useState } from 'react';
import type { Account } from '../../shared/ledger';
import type { MemberRow } from '../../shared/schemas';
import { call } from '../api';
import { memberNumber, useI18n } from '../i18n';

/** The chart of accounts, loaded once per screen. */
export function useAccounts(): { accounts: Account[]; reload: () => Promise<void> } {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const reload = async () => {
    const result = await call('ledger.accounts', {});
    if (result.ok) setAccounts(result.value);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the screen opens.
  useEffect(() => {
    void reload();
  }, []);
  return { accounts, reload };
}

export function accountLabel(account: Account, language: 'km' | 'en'): string {
  return `${account.code} ${language === 'km' ? account.nameKm : account.nameEn}`;
}

/** A select of postable accounts (active, not groups) that pass `filter`. */
export function AccountSelect(props: {
  id: string;
  accounts: readonly Account[];
  value: number | null;
  onChange: (id: number | null) => void;
  filter?: (account: Account) => boolean;
  /** Also deactivated accounts: their history still reads, though nothing new is posted to them. */
  includeInactive?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { language } = useI18n();
  const choices = props.accounts.filter(
    (a) => a.currency !== null && (a.active || props.includeInactive) && (props.filter?.(a) ?? true),
  );
  return (
    <select
      id={props.id}
      value={props.value ?? ''}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      onChange={(event) => props.onChange(event.target.value === '' ? null : Number(event.target.value))}
    >
      <option value="" />
      {choices.map((account) => (
        <option key={account.id} value={account.id}>
          {accountLabel(account, language)} ({account.currency})
        </option>
      ))}
    </select>
  );
}

/** Type a member number or part of a name; choose from the matches. */
export function MemberPicker(props: {
  id: string;
  value: number | null;
  onChange: (id: number | null, member: MemberRow | null) => void;
  /** Also members who left or died: statements look back, new postings do not. */
  includeFormer?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const i18n = useI18n();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<MemberRow[]>([]);
  const includeFormer = props.includeFormer ?? false;
  useEffect(() => {
    if (text.trim() === '') {
      setMatches([]);
      return;
    }
    let current = true;
    const status = includeFormer ? 'all' : 'active';
    void call('members.list', { text, status, sex: 'all', sort: 'number' }).then((result) => {
      if (current && result.ok) setMatches(result.value.slice(0, 30));
    });
    return () => {
      current = false;
    };
  }, [text, includeFormer]);
  return (
    <div className="member-picker">
      <input
        type="search"
        value={text}
        placeholder={i18n.t.members.searchPlaceholder}
        aria-label={i18n.t.members.search}
        onChange={(event) => setText(event.target.value)}
      />
      <select
        id={props.id}
        value={props.value ?? ''}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        onChange={(event) => {
          const id = event.target.value === '' ? null : Number(event.target.value);
          props.onChange(id, matches.find((m) => m.id === id) ?? null);
        }}
      >
        <option value="" />
        {matches.map((m) => (
          <option key={m.id} value={m.id}>
            {i18n.num(memberNumber(m.number))} {m.nameKm}
          </option>
        ))}
      </select>
    </div>
  );
}
