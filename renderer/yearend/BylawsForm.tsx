import { useEffect, useState } from 'react';
import { type Bylaws, bylawsSchema, type QuorumRule } from '../../shared/meetings';
import { issueError } from '../../shared/validation';
import { call } from '../api';
import { encodeError, errorSentence, Field, SubmitButton } from '../components/form';
import { useI18n } from '../i18n';
import { useCan } from '../users/roles';

const PERCENTS = [
  'reservePercent',
  'developmentPercent',
  'socialPercent',
  'dividendPercent',
  'patronagePercent',
] as const;
const PART_OF = {
  reservePercent: 'reserve',
  developmentPercent: 'development',
  socialPercent: 'social',
  dividendPercent: 'dividends',
  patronagePercent: 'patronage',
} as const;

const whole = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The by-law's quorum rules and allocation percentages, part of the cooperative's profile. */
export function BylawsForm() {
  const i18n = useI18n();
  const b = i18n.t.meetings.bylaws;
  const parts = i18n.t.meetings.year.parts;
  const canAdmin = useCan('admin');
  const [bylaws, setBylaws] = useState<Bylaws | null>(null);
  const [banner, setBanner] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void call('bylaws.get', {}).then((result) => result.ok && setBylaws(result.value));
  }, []);
  if (!bylaws) return null;
  const total = PERCENTS.reduce((sum, key) => sum + (Number.isFinite(bylaws[key]) ? bylaws[key] : 0), 0);
  const save = async () => {
    const parsed = bylawsSchema.safeParse(bylaws);
    const refused = parsed.success ? null : issueError(parsed.error.issues);
    const result = parsed.success ? await call('bylaws.save', parsed.data) : null;
    const error = refused ?? (result && !result.ok ? result.error : null);
    if (error) setBanner({ kind: 'error', text: errorSentence(i18n, encodeError(error)) });
    else setBanner({ kind: 'ok', text: i18n.t.common.saved });
  };
  const rule = (key: 'assemblyQuorum' | 'boardQuorum', label: string) => {
    const value = bylaws[key];
    const set = (change: Partial<QuorumRule>) => setBylaws({ ...bylaws, [key]: { ...value, ...change } });
    return (
      <fieldset className="quorum-rule">
        <legend>{label}</legend>
        <select
          aria-label={`${label}: ${b.moreThan} / ${b.atLeast}`}
          value={value.strict ? 'strict' : 'least'}
          onChange={(e) => set({ strict: e.target.value === 'strict' })}
        >
          <option value="strict">{b.moreThan}</option>
          <option value="least">{b.atLeast}</option>
        </select>
        <input
          aria-label={`${label} 1`}
          inputMode="numeric"
          value={String(value.numerator)}
          onChange={(e) => set({ numerator: whole(e.target.value) })}
        />
        <span>/</span>
        <input
          aria-label={`${label} 2`}
          inputMode="numeric"
          value={String(value.denominator)}
          onChange={(e) => set({ denominator: whole(e.target.value) })}
        />
      </fieldset>
    );
  };
  return (
    <form
      className="panel bylaws"
      noValidate
      aria-label={b.title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!canAdmin}>
        <legend>{b.title}</legend>
        {rule('assemblyQuorum', b.assembly)}
        {rule('boardQuorum', b.board)}
        <div className="form-grid">
          <Field label={b.boardSize}>
            {(aria) => (
              <input
                {...aria}
                inputMode="numeric"
                value={String(bylaws.boardSize)}
                onChange={(e) => setBylaws({ ...bylaws, boardSize: whole(e.target.value) })}
              />
            )}
          </Field>
          <Field label={b.proxiesPerPerson}>
            {(aria) => (
              <input
                {...aria}
                inputMode="numeric"
                value={String(bylaws.proxiesPerPerson)}
                onChange={(e) => setBylaws({ ...bylaws, proxiesPerPerson: whole(e.target.value) })}
              />
            )}
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={bylaws.proxiesAllowed}
            onChange={(e) => setBylaws({ ...bylaws, proxiesAllowed: e.target.checked })}
          />
          {b.proxiesAllowed}
        </label>
        <p>{b.percents}</p>
        <div className="form-grid">
          {PERCENTS.map((key) => (
            <Field key={key} label={`${parts[PART_OF[key]]} (%)`}>
              {(aria) => (
                <input
                  {...aria}
                  inputMode="numeric"
                  value={Number.isFinite(bylaws[key]) ? String(bylaws[key]) : ''}
                  onChange={(e) => setBylaws({ ...bylaws, [key]: whole(e.target.value) })}
                />
              )}
            </Field>
          ))}
        </div>
        <p className={total === 100 ? 'muted' : 'field-error'}>{i18n.format(b.total, { n: total })}</p>
        {banner ? (
          <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.text}
          </div>
        ) : null}
        <div className="actions">
          <SubmitButton label={b.save} needs="admin" />
        </div>
      </fieldset>
    </form>
  );
}
