import { formatCambodianPhone } from '../../shared/phone';
import type { Member } from '../../shared/schemas';
import { memberNumber, useI18n } from '../i18n';
import { MemberMoneyPanel } from '../money/MemberMoneyPanel';
import { ForRole, useCan } from '../users/roles';

/** One member's record as the bookkeeper reads it, with the actions that apply to it. */
export function MemberDetail({
  member,
  onEdit,
  onExit,
  onStatement,
}: {
  member: Member;
  onStatement: () => void;
  onEdit: () => void;
  onExit: (status: 'left' | 'deceased') => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const mayEnter = useCan('enter');
  const rows: [string, string][] = [
    [t.members.number, i18n.num(memberNumber(member.number))],
    [t.members.nameLatin, member.nameLatin],
    [t.members.sex, t.members[member.sex]],
    [t.members.birthDate, i18n.date(member.birthDate)],
    [t.members.nationalId, i18n.num(member.nationalId)],
    [t.members.phone, i18n.num(formatCambodianPhone(member.phone))],
    [t.members.village, member.village],
    [t.members.commune, member.commune],
    [t.members.joinDate, i18n.date(member.joinDate)],
    [t.members.status, t.members[member.status]],
    ...(member.status === 'active'
      ? []
      : ([
          [t.members.exitDate, i18n.date(member.exitDate)],
          [t.members.exitReason, member.exitReason],
        ] as [string, string][])),
    [t.members.nextOfKin, member.nextOfKin],
    [t.members.notes, member.notes],
  ];
  return (
    <article className="member-detail" aria-label={member.nameKm}>
      <h2>
        <span className="member-number">{i18n.num(memberNumber(member.number))}</span> {member.nameKm}
      </h2>
      <span className={`status-badge ${member.status}`}>{t.members[member.status]}</span>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || t.common.none}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <ForRole needs="enter">
          <button type="button" className="primary" onClick={onEdit}>
            {t.common.edit}
          </button>
        </ForRole>
        <button type="button" onClick={onStatement}>
          {t.nav.statement}
        </button>
        {member.status === 'active' && mayEnter ? (
          <>
            <button type="button" onClick={() => onExit('left')}>
              {t.members.markLeft}
            </button>
            <button type="button" onClick={() => onExit('deceased')}>
              {t.members.markDeceased}
            </button>
          </>
        ) : null}
      </div>
      {/* Another member, or this one after leaving, starts the panel afresh: its offers follow the status. */}
      <MemberMoneyPanel key={`${member.id}-${member.status}`} member={member} />
    </article>
  );
}
