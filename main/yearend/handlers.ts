import type { Handlers } from '../ipc/router';
import { getBylaws, saveBylaws } from '../meetings/bylaws';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from '../meetings/meetings';
import type { AppSession } from '../session';
import { closeYear, yearStatus } from './close';
import { payDistributions } from './payout';

type MeetingChannels =
  | 'bylaws.get'
  | 'bylaws.save'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'year.status'
  | 'year.close'
  | 'year.pay';

/** The by-law, meetings and year-end channels, on the session's open books. */
export function meetingHandlers(session: AppSession): Pick<Handlers, MeetingChannels> {
  return {
    'bylaws.get': () => getBylaws(session.db),
    'bylaws.save': (input) => saveBylaws(session.db, input, session.now()),
    'meetings.list': () => listMeetings(session.db),
    'meetings.get': ({ id }) => getMeeting(session.db, id),
    'meetings.create': (input) => createMeeting(session.db, input, session.now()),
    'meetings.update': (input) => updateMeeting(session.db, input, session.now()),
    'year.status': ({ year }) => yearStatus(session.db, year),
    'year.close': async (input) => closeYear(session.db, input, await session.actor()),
    'year.pay': async (input) => payDistributions(session.db, input, await session.actor()),
  };
}
