import { useRef, useState } from 'react';
import type { AppError } from '../../shared/errors';
import {
  type AgendaItem,
  type AttendeeView,
  MEETING_KINDS,
  type Meeting,
  type MeetingInput,
  meetingInputSchema,
} from '../../shared/meetings';
import { issueError } from '../../shared/validation';
import { call } from '../api';
import { DateInput, encodeError, errorSentence, Field } from '../components/form';
import { useI18n } from '../i18n';
import { MemberSearch } from '../inputs/MemberSearch';
import { useCan } from '../users/roles';
import { PrintPanel } from './PrintPanel';

const blankItem = (): AgendaItem => ({
  title: '',
  discussion: '',
  decision: '',
  votesFor: 0,
  votesAgainst: 0,
  votesAbstain: 0,
});

export function blankMeeting(today: string): MeetingInput {
  return {
    kind: 'board',
    date: today,
    time: '',
    place: '',
    chairName: '',
    secretaryName: '',
    held: false,
    agenda: [blankItem()],
    attendees: [],
  };
}

type Person = AttendeeView;

const asInput = (people: readonly Person[]) =>
  people.map(({ memberId, guestName, role, isBoard, proxyForMemberIds }) => ({
    memberId,
    guestName,
    role,
    isBoard,
    proxyForMemberIds,
  }));

/** A meeting typed in: its facts, agenda with decisions and votes, and who came (members, proxies, guests). */
export function MeetingForm({
  meeting,
  start,
  onSaved,
}: {
  meeting: Meeting | null;
  start: MeetingInput;
  onSaved: (meeting: Meeting) => void;
}) {
  const i18n = useI18n();
  const m = i18n.t.meetings;
  const canEnter = useCan('enter');
  const [facts, setFacts] = useState(() => {
    const { agenda: _a, attendees: _p, ...rest } = start;
    return rest;
  });
  const [agenda, setAgenda] = useState<AgendaItem[]>(start.agenda);
  const [people, setPeople] = useState<Person[]>(meeting?.attendees ?? []);
  const [guest, setGuest] = useState({ name: '', role: '' });
  const [banner, setBanner] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const addRef = useRef<HTMLInputElement | null>(null);
  const proxyRef = useRef<HTMLInputElement | null>(null);
  const locked = meeting?.approvesYear != null;

  const fieldName = (field: string | undefined) => {
    const head = (field ?? '').split('.')[0] as keyof typeof m.fields;
    return m.fields[head] ?? '';
  };
  const refuse = (error: AppError) => {
    const sentence =
      error.code === 'unexpected' ? i18n.t.errors.unexpected : errorSentence(i18n, encodeError(error));
    const name = fieldName(error.field);
    setBanner({ kind: 'error', text: name ? `${name}: ${sentence}` : sentence });
  };
  const save = async () => {
    setBanner(null);
    const parsed = meetingInputSchema.safeParse({ ...facts, agenda, attendees: asInput(people) });
    if (!parsed.success) return refuse(issueError(parsed.error.issues));
    setBusy(true);
    const result = meeting
      ? await call('meetings.update', { ...parsed.data, id: meeting.id })
      : await call('meetings.create', parsed.data);
    setBusy(false);
    if (!result.ok) return refuse(result.error);
    setPeople(result.value.attendees);
    setBanner({ kind: 'ok', text: i18n.format(m.saved, {}, { number: result.value.number }) });
    onSaved(result.value);
  };
  const item = (index: number, change: Partial<AgendaItem>) =>
    setAgenda((items) => items.map((it, i) => (i === index ? { ...it, ...change } : it)));
  const person = (index: number, change: Partial<Person>) =>
    setPeople((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const votes = (value: string) => Math.max(0, Number.parseInt(value, 10) || 0);
  const quorum = meeting?.quorum;

  return (
    <form
      className="panel scroll meeting-form"
      noValidate
      aria-label={meeting ? meeting.number : m.add}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {locked ? (
        <div className="banner ok">{i18n.format(m.locked, { year: meeting?.approvesYear ?? 0 })}</div>
      ) : null}
      <fieldset disabled={locked || !canEnter}>
        <div className="form-grid">
          <Field label={m.kind}>
            {(aria) => (
              <select
                {...aria}
                value={facts.kind}
                onChange={(e) => setFacts({ ...facts, kind: e.target.value as MeetingInput['kind'] })}
              >
                {MEETING_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {m.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={m.date} required>
            {(aria) => (
              <DateInput
                {...aria}
                value={facts.date}
                onChange={(date) => setFacts({ ...facts, date })}
                onBlur={() => undefined}
              />
            )}
          </Field>
          <Field label={m.time}>
            {(aria) => (
              <input
                {...aria}
                value={facts.time}
                onChange={(e) => setFacts({ ...facts, time: e.target.value })}
              />
            )}
          </Field>
          <Field label={m.place} required>
            {(aria) => (
              <input
                {...aria}
                value={facts.place}
                onChange={(e) => setFacts({ ...facts, place: e.target.value })}
              />
            )}
          </Field>
          <Field label={m.chairName}>
            {(aria) => (
              <input
                {...aria}
                value={facts.chairName}
                onChange={(e) => setFacts({ ...facts, chairName: e.target.value })}
              />
            )}
          </Field>
          <Field label={m.secretaryName}>
            {(aria) => (
              <input
                {...aria}
                value={facts.secretaryName}
                onChange={(e) => setFacts({ ...facts, secretaryName: e.target.value })}
              />
            )}
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={facts.held}
            onChange={(e) => setFacts({ ...facts, held: e.target.checked })}
          />
          {m.held}
        </label>

        <h2>{m.agenda}</h2>
        {agenda.map((it, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: agenda items have no identity of their own but their place.
          <fieldset key={index} className="agenda-item">
            <legend>{i18n.format(m.item, { n: index + 1 })}</legend>
            <Field label={m.itemTitle} required>
              {(aria) => (
                <input {...aria} value={it.title} onChange={(e) => item(index, { title: e.target.value })} />
              )}
            </Field>
            <Field label={m.discussion}>
              {(aria) => (
                <textarea
                  {...aria}
                  rows={2}
                  value={it.discussion}
                  onChange={(e) => item(index, { discussion: e.target.value })}
                />
              )}
            </Field>
            <Field label={m.decision}>
              {(aria) => (
                <input
                  {...aria}
                  value={it.decision}
                  onChange={(e) => item(index, { decision: e.target.value })}
                />
              )}
            </Field>
            <div className="votes">
              {(['votesFor', 'votesAgainst', 'votesAbstain'] as const).map((key) => (
                <Field key={key} label={m[key]}>
                  {(aria) => (
                    <input
                      {...aria}
                      inputMode="numeric"
                      value={String(it[key])}
                      onChange={(e) => item(index, { [key]: votes(e.target.value) })}
                    />
                  )}
                </Field>
              ))}
              {agenda.length > 1 ? (
                <button
                  type="button"
                  onClick={() => setAgenda((items) => items.filter((_, i) => i !== index))}
                >
                  {m.remove}
                </button>
              ) : null}
            </div>
          </fieldset>
        ))}
        <button type="button" onClick={() => setAgenda((items) => [...items, blankItem()])}>
          {m.addItem}
        </button>

        <h2>{m.attendees}</h2>
        <p className="quorum" role="status">
          {i18n.format(m.present, { n: people.filter((p) => p.memberId !== null).length })}
          {quorum === undefined
            ? null
            : quorum === null
              ? ` · ${m.noQuorum}`
              : ` · ${i18n.format(quorum.met ? m.quorumMet : m.quorumNotMet, { present: quorum.present, needed: quorum.needed, eligible: quorum.eligible })}`}
        </p>
        <div className="form-grid">
          <Field label={m.addMember}>
            {({ id }) => (
              <MemberSearch
                id={id}
                inputRef={addRef}
                label={m.addMember}
                onChoose={(member) =>
                  setPeople((list) =>
                    list.some((p) => p.memberId === member.id)
                      ? list
                      : [
                          ...list,
                          {
                            memberId: member.id,
                            guestName: '',
                            role: '',
                            isBoard: facts.kind === 'board',
                            proxyForMemberIds: [],
                            memberNumber: member.number,
                            name: member.nameKm,
                            proxyFor: [],
                          },
                        ],
                  )
                }
              />
            )}
          </Field>
        </div>
        <table className="stmt-table attendees">
          <tbody>
            {people.map((p, index) => (
              <tr key={p.memberId ?? `guest-${p.name}-${index}`}>
                <td>{p.memberNumber === null ? '' : i18n.num(p.memberNumber)}</td>
                <td>{p.role ? `${p.name} (${p.role})` : p.name}</td>
                <td>
                  {p.memberId === null ? null : (
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={p.isBoard}
                        onChange={(e) => person(index, { isBoard: e.target.checked })}
                      />
                      {m.isBoard}
                    </label>
                  )}
                </td>
                <td>
                  {p.proxyFor.map((x) => `${i18n.num(x.number)} ${x.nameKm}`).join(', ')}
                  {p.memberId !== null && facts.kind !== 'board' ? (
                    <MemberSearch
                      id={`proxy-${index}`}
                      inputRef={proxyRef}
                      label={`${m.proxyFor}: ${p.name}`}
                      onChoose={(member) =>
                        person(index, {
                          proxyForMemberIds: [...p.proxyForMemberIds, member.id],
                          proxyFor: [
                            ...p.proxyFor,
                            { memberId: member.id, number: member.number, nameKm: member.nameKm },
                          ],
                        })
                      }
                    />
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setPeople((list) => list.filter((_, i) => i !== index))}
                  >
                    {m.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="guest-row">
          <input
            aria-label={m.guestName}
            placeholder={m.guestName}
            value={guest.name}
            onChange={(e) => setGuest({ ...guest, name: e.target.value })}
          />
          <input
            aria-label={m.guestRole}
            placeholder={m.guestRole}
            value={guest.role}
            onChange={(e) => setGuest({ ...guest, role: e.target.value })}
          />
          <button
            type="button"
            disabled={guest.name.trim() === ''}
            onClick={() => {
              setPeople((list) => [
                ...list,
                {
                  memberId: null,
                  guestName: guest.name.trim(),
                  role: guest.role.trim(),
                  isBoard: false,
                  proxyForMemberIds: [],
                  memberNumber: null,
                  name: guest.name.trim(),
                  proxyFor: [],
                },
              ]);
              setGuest({ name: '', role: '' });
            }}
          >
            {m.addGuest}
          </button>
        </div>
      </fieldset>
      {banner ? (
        <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
          {banner.text}
        </div>
      ) : null}
      {locked || !canEnter ? null : (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {m.save}
          </button>
        </div>
      )}
      {meeting ? (
        <PrintPanel
          requests={[
            {
              label: m.print.minutes,
              request: { report: 'minutes', meetingId: meeting.id, lang: i18n.language },
            },
            {
              label: m.print.blank,
              request: { report: 'attendance', meetingId: meeting.id, blank: true, lang: i18n.language },
            },
            {
              label: m.print.filled,
              request: { report: 'attendance', meetingId: meeting.id, blank: false, lang: i18n.language },
            },
          ]}
        />
      ) : null}
    </form>
  );
}
