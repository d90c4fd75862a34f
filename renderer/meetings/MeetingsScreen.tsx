import { useCallback, useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { Meeting, MeetingRow } from '../../shared/meetings';
import { call } from '../api';
import { useI18n } from '../i18n';
import { useCan } from '../users/roles';
import { blankMeeting, MeetingForm } from './MeetingForm';

/** Every meeting, newest first, with the one chosen (or a new one) open beside the list. */
export function MeetingsScreen() {
  const i18n = useI18n();
  const m = i18n.t.meetings;
  const canEnter = useCan('enter');
  const [rows, setRows] = useState<MeetingRow[]>([]);
  const [open, setOpen] = useState<{ meeting: Meeting | null; key: string } | null>(null);
  const reload = useCallback(async () => {
    const result = await call('meetings.list', {});
    if (result.ok) setRows(result.value);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const choose = async (id: number) => {
    const result = await call('meetings.get', { id });
    if (result.ok) setOpen({ meeting: result.value, key: `${id}-${Date.now()}` });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{m.title}</h1>
        {canEnter ? (
          <button
            type="button"
            className="primary"
            onClick={() => setOpen({ meeting: null, key: `new-${Date.now()}` })}
          >
            {m.add}
          </button>
        ) : null}
      </header>
      <div className="split meetings-split">
        <div className="panel scroll">
          {rows.length === 0 ? (
            <p className="muted">{m.empty}</p>
          ) : (
            <table className="stmt-table meetings-table">
              <thead>
                <tr>
                  <th>{m.list.number}</th>
                  <th>{m.list.date}</th>
                  <th>{m.list.kind}</th>
                  <th>{m.list.place}</th>
                  <th>{m.list.attendees}</th>
                  <th>{m.list.quorum}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={open?.meeting?.id === row.id ? 'current' : undefined}>
                    <td>
                      <button type="button" className="link" onClick={() => void choose(row.id)}>
                        {row.number}
                      </button>
                    </td>
                    <td>{i18n.date(row.date)}</td>
                    <td>{m.kinds[row.kind]}</td>
                    <td>{row.place}</td>
                    <td className="num">{row.held ? i18n.num(row.attendees) : m.planned}</td>
                    <td>{row.quorumMet === null ? '' : row.quorumMet ? '✓' : '✗'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {open ? (
          <MeetingForm
            key={open.key}
            meeting={open.meeting}
            start={open.meeting ?? blankMeeting(localToday())}
            onSaved={(meeting) => {
              setOpen({ meeting, key: open.key });
              void reload();
            }}
          />
        ) : (
          <div />
        )}
      </div>
    </section>
  );
}
