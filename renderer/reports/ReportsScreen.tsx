import type { PDFDocumentProxy } from 'pdfjs-dist';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { lastEndedMonth, localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import { currencySchema } from '../../shared/ledger';
import { type BuiltReport, REPORT_NAMES } from '../../shared/reports';
import { call } from '../api';
import { DateInput, encodeError, errorSentence, Field } from '../components/form';
import { MemberPicker } from '../components/pickers';
import { useI18n } from '../i18n';
import { monthLabel } from '../ledger/statements/dates';
import { CampaignSelect } from '../sales/CampaignSelect';
import { type ChoiceField, defaultFrom, REPORT_INPUTS, type ReportChoice, toRequest } from './choice';
import { PdfPreview } from './PdfPreview';
import { base64Bytes, openPdf } from './pdf';
import { printPages } from './print';

/** The last two years of months, newest first, for the board statement. */
function recentMonths(today: string): string[] {
  const months: string[] = [];
  let month = today.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    months.push(month);
    month = lastEndedMonth(`${month}-01`);
  }
  return months;
}

/** What the screen is busy with; the report on show, if any, is `built`. */
type Activity = 'idle' | 'building' | 'printing';

/** Printed reports: choose one, its period and language; see its pages; save or print them. */
export function ReportsScreen() {
  const i18n = useI18n();
  const r = i18n.t.reports;
  const today = localToday();
  const [choice, setChoice] = useState<ReportChoice>(() => ({
    report: 'board-statement',
    month: lastEndedMonth(today),
    asOf: today,
    from: defaultFrom('board-statement', today),
    to: today,
    memberId: null,
    campaignId: null,
    allMembers: false,
    currency: '',
    // Khmer by default, English on request (SPEC 2.9), whatever the screen's own language.
    lang: 'km',
    digits: '',
    nationalHeader: true,
  }));
  const [errors, setErrors] = useState<Partial<Record<ChoiceField, string>>>({});
  const [banner, setBanner] = useState('');
  const [notice, setNotice] = useState('');
  const [activity, setActivity] = useState<Activity>('idle');
  const [built, setBuilt] = useState<{ built: BuiltReport; doc: PDFDocumentProxy; close: () => void } | null>(
    null,
  );
  const [printImages, setPrintImages] = useState<string[]>([]);
  const latest = useRef(0);

  useEffect(() => () => built?.close(), [built]);

  // A start date the user typed is kept from one report to the next; otherwise each report starts its own way.
  const fromTyped = useRef(false);
  const change = (patch: Partial<ReportChoice>) => {
    if (patch.from !== undefined) fromTyped.current = true;
    setChoice((current) => {
      const next = { ...current, ...patch };
      if (patch.report && !fromTyped.current) next.from = defaultFrom(patch.report, today);
      return next;
    });
    setErrors((current) => {
      const kept = { ...current };
      for (const field of Object.keys(patch)) delete kept[field as ChoiceField];
      return kept;
    });
    setBanner('');
    setNotice('');
  };

  const refuse = (error: AppError) => {
    const fields = REPORT_INPUTS[choice.report];
    const field = fields.find((name) => name === error.field);
    if (field) setErrors({ [field]: encodeError(error) });
    else
      setBanner(
        error.code === 'unexpected' ? i18n.t.errors.unexpected : errorSentence(i18n, encodeError(error)),
      );
  };

  const build = async () => {
    setBanner('');
    setNotice('');
    const checked = toRequest(choice);
    if ('error' in checked) {
      refuse(checked.error);
      return;
    }
    setErrors({});
    const request = ++latest.current;
    setActivity('building');
    const result = await call('reports.build', checked.request);
    if (request !== latest.current) return;
    if (!result.ok) {
      setActivity('idle');
      refuse(result.error);
      return;
    }
    try {
      const opened = await openPdf(base64Bytes(result.value.pdf));
      if (request !== latest.current) return opened.close();
      setBuilt({ built: result.value, ...opened });
      setActivity('idle');
    } catch {
      setActivity('idle');
      setBanner(r.previewFailed);
    }
  };

  const save = async () => {
    if (!built) return;
    const result = await call('reports.save', { id: built.built.id });
    if (!result.ok) refuse(result.error);
    else if (result.value.saved) setNotice(i18n.format(r.saved, {}, { path: result.value.path }));
  };

  const print = async () => {
    if (!built) return;
    setNotice('');
    setActivity('printing');
    try {
      const outcome = await printPages(built.doc, (images) => flushSync(() => setPrintImages(images)));
      if (outcome === 'too-long') setBanner(i18n.format(r.tooLongToPrint, { pages: built.doc.numPages }));
    } catch {
      setBanner(r.previewFailed);
    } finally {
      setActivity('idle');
    }
  };

  const input = (field: ChoiceField): ReactNode => {
    const labels: Record<ChoiceField, string> = {
      month: r.month,
      asOf: r.asOf,
      from: r.from,
      to: r.to,
      memberId: r.member,
      currency: r.currency,
      campaignId: r.campaign,
    };
    const error = errors[field] ? { type: 'validate', message: errors[field] } : undefined;
    return (
      <div key={field} className={`report-input report-input-${field}`}>
        <Field label={labels[field]} error={error}>
          {(aria) => {
            switch (field) {
              case 'month':
                return (
                  <select {...aria} value={choice.month} onChange={(e) => change({ month: e.target.value })}>
                    {recentMonths(today).map((month) => (
                      <option key={month} value={month}>
                        {monthLabel(month, i18n)}
                      </option>
                    ))}
                  </select>
                );
              case 'asOf':
              case 'from':
              case 'to':
                return (
                  <DateInput
                    {...aria}
                    value={choice[field]}
                    onChange={(value) => change({ [field]: value })}
                    onBlur={() => undefined}
                  />
                );
              case 'currency':
                return (
                  <select
                    {...aria}
                    value={choice.currency}
                    onChange={(e) =>
                      change({ currency: e.target.value === '' ? '' : currencySchema.parse(e.target.value) })
                    }
                  >
                    <option value="">{r.bothCurrencies}</option>
                    {currencySchema.options.map((currency) => (
                      <option key={currency} value={currency}>
                        {i18n.t.statements.currencies[currency]}
                      </option>
                    ))}
                  </select>
                );
              case 'campaignId':
                return (
                  <CampaignSelect
                    {...aria}
                    value={choice.campaignId}
                    onChange={(campaignId) => change({ campaignId })}
                  />
                );
              case 'memberId':
                return (
                  <div className="report-member">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={choice.allMembers}
                        onChange={(e) => change({ allMembers: e.target.checked, memberId: null })}
                      />
                      {r.allMembers}
                    </label>
                    {choice.allMembers ? null : (
                      <MemberPicker
                        {...aria}
                        includeFormer
                        value={choice.memberId}
                        onChange={(memberId) => change({ memberId })}
                      />
                    )}
                  </div>
                );
            }
          }}
        </Field>
      </div>
    );
  };

  const busy = activity === 'building' || activity === 'printing';
  return (
    <section className="screen reports-screen">
      <header className="screen-header">
        <h1>{r.title}</h1>
      </header>
      <div className="reports-layout">
        <form
          className="report-choice"
          onSubmit={(event) => {
            event.preventDefault();
            void build();
          }}
        >
          <Field label={r.report}>
            {(aria) => (
              <select
                {...aria}
                value={choice.report}
                onChange={(e) =>
                  change({
                    report: REPORT_NAMES.find((name) => name === e.target.value) ?? 'board-statement',
                  })
                }
              >
                {REPORT_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {r.names[name]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {REPORT_INPUTS[choice.report].map(input)}
          <Field label={r.lang}>
            {(aria) => (
              <select
                {...aria}
                value={choice.lang}
                onChange={(e) => change({ lang: e.target.value === 'en' ? 'en' : 'km' })}
              >
                <option value="km" lang="km">
                  {r.langs.km}
                </option>
                <option value="en" lang="en">
                  {r.langs.en}
                </option>
              </select>
            )}
          </Field>
          <Field label={r.digits}>
            {(aria) => (
              <select
                {...aria}
                value={choice.digits}
                onChange={(e) =>
                  change({
                    digits: e.target.value === 'khmer' || e.target.value === 'latin' ? e.target.value : '',
                  })
                }
              >
                <option value="">{r.digitChoices.cooperative}</option>
                <option value="khmer">{r.digitChoices.khmer}</option>
                <option value="latin">{r.digitChoices.latin}</option>
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={choice.nationalHeader}
              onChange={(e) => change({ nationalHeader: e.target.checked })}
            />
            {r.nationalHeader}
          </label>
          {banner ? (
            <div className="banner error" role="alert">
              {banner}
            </div>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {r.build}
            </button>
          </div>
        </form>
        <div className="report-preview" aria-busy={busy}>
          {activity === 'building' ? <p className="report-status">{r.building}</p> : null}
          {activity === 'printing' ? <p className="report-status">{r.preparingPrint}</p> : null}
          {built && activity !== 'building' ? (
            <>
              <div className="report-toolbar">
                <span className="report-name">{built.built.fileName}</span>
                <span className="report-size">
                  {i18n.format(r.built, {
                    pages: built.doc.numPages,
                    size: Math.max(1, Math.round(built.built.bytes / 1024)),
                  })}
                </span>
                <button type="button" onClick={() => void save()} disabled={busy}>
                  {r.save}
                </button>
                <button type="button" onClick={() => void print()} disabled={busy}>
                  {r.print}
                </button>
              </div>
              {notice ? (
                <div className="banner ok" role="status">
                  {notice}
                </div>
              ) : null}
              <PdfPreview key={built.built.id} doc={built.doc} />
            </>
          ) : null}
          {!built && activity === 'idle' ? <p className="report-status">{r.empty}</p> : null}
        </div>
      </div>
      {printImages.length > 0
        ? createPortal(
            <div className="print-pages">
              {printImages.map((src, i) => (
                <img key={src} src={src} alt={i18n.format(r.page, { page: i + 1 })} />
              ))}
            </div>,
            document.body,
          )
        : null}
    </section>
  );
}
