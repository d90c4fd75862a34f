import type { ErrorCode } from '../../shared/errors';

type MeetingErrorCode = Extract<
  ErrorCode,
  | 'meeting_not_held'
  | 'attendee_duplicate'
  | 'proxy_not_allowed'
  | 'too_many_proxies'
  | 'votes_exceed_present'
  | 'meeting_locked'
  | 'percentages_not_100'
  | 'year_closed'
  | 'year_not_ended'
  | 'year_months_open'
  | 'year_already_closed'
  | 'year_previous_open'
  | 'year_not_closed'
  | 'approval_meeting_invalid'
  | 'quorum_not_met'
  | 'no_savings_account'
  | 'nothing_to_pay'
>;

// The refusals of meetings, the by-law and the year close, in the app's two languages.
export const MEETING_ERRORS: Record<'km' | 'en', Record<MeetingErrorCode, string>> = {
  km: {
    meeting_not_held: 'មិនអាចកត់ត្រាការបោះឆ្នោតសម្រាប់កិច្ចប្រជុំដែលមិនទាន់បានប្រព្រឹត្តទៅ',
    attendee_duplicate: 'សមាជិកនេះមាននៅក្នុងបញ្ជីវត្តមានរួចហើយ',
    proxy_not_allowed: 'លក្ខន្តិកៈមិនអនុញ្ញាតឱ្យប្រគល់សិទ្ធិតំណាងក្នុងកិច្ចប្រជុំនេះទេ',
    too_many_proxies: 'ម្នាក់អាចតំណាងបានច្រើនបំផុត {max} នាក់',
    votes_exceed_present: 'ចំនួនសំឡេងឆ្នោតលើសចំនួនអ្នកមានសិទ្ធិបោះឆ្នោត ({present} នាក់)',
    meeting_locked: 'កិច្ចប្រជុំនេះបានអនុម័តការបិទបញ្ជីឆ្នាំ {year} ហើយ មិនអាចកែប្រែបានទេ',
    percentages_not_100: 'ភាគរយនៃការបែងចែកប្រាក់ចំណេញត្រូវតែសរុបស្មើ ១០០%',
    year_closed: 'ឆ្នាំសារពើពន្ធ {year} ត្រូវបានបិទបញ្ជីហើយ មិនអាចកត់ត្រាចូលបានទេ',
    year_not_ended: 'ឆ្នាំនេះមិនទាន់ចប់នៅឡើយទេ',
    year_months_open: 'ខែ {month} នៃឆ្នាំនេះមិនទាន់បិទបញ្ជីនៅឡើយ៖ សូមបិទខែទាំងអស់ជាមុនសិន',
    year_already_closed: 'ឆ្នាំនេះបានបិទបញ្ជីរួចហើយ',
    year_previous_open: 'សូមបិទបញ្ជីឆ្នាំ {year} ជាមុនសិន',
    year_not_closed: 'ឆ្នាំនេះមិនទាន់បិទបញ្ជីនៅឡើយទេ',
    approval_meeting_invalid: 'ត្រូវការមហាសន្និបាតដែលបានប្រព្រឹត្តទៅ បន្ទាប់ពីចុងឆ្នាំ ដើម្បីអនុម័ត',
    quorum_not_met: 'មហាសន្និបាតនេះមិនគ្រប់កូរ៉ុម ({present} នាក់ ត្រូវការ {needed} នាក់)',
    no_savings_account: 'សមាជិកលេខ {number} មិនមានគណនីសន្សំធម្មតាជាប្រាក់រៀលទេ',
    nothing_to_pay: 'គ្មានអ្វីត្រូវបង់ទៀតទេ',
  },
  en: {
    meeting_not_held: 'votes can only be recorded for a meeting that was held',
    attendee_duplicate: 'this member is already on the attendance list',
    proxy_not_allowed: 'the by-law allows no proxies at this meeting',
    too_many_proxies: 'one person may hold at most {max} proxies',
    votes_exceed_present: 'more votes than people entitled to vote ({present})',
    meeting_locked: 'this meeting approved the close of {year} and can no longer change',
    percentages_not_100: 'the allocation percentages must add up to 100%',
    year_closed: 'fiscal year {year} is closed: nothing can be posted into it',
    year_not_ended: 'this year has not ended yet',
    year_months_open: 'month {month} of this year is still open: close every month first',
    year_already_closed: 'this year is already closed',
    year_previous_open: 'close the year {year} first',
    year_not_closed: 'this year is not closed yet',
    approval_meeting_invalid: 'approval needs a general assembly held after the year end',
    quorum_not_met: 'this general assembly had no quorum ({present} present, {needed} needed)',
    no_savings_account: 'member {number} has no ordinary riel savings account',
    nothing_to_pay: 'there is nothing left to pay',
  },
};
