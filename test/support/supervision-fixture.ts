/** Invented supervision data shared by the integration and end-to-end tests, the sample export and its script. */
import type { AgendaItemInput, SessionInput, SupervisorInput } from '../../main/supervision/supervision';

export const CONTRACT: SupervisorInput = {
  name: 'Dr Ama Mensah',
  role: 'Clinical supervisor',
  type: 'individual',
  frequency: 'monthly',
  minHoursPerMonth: 1.5,
  sessionMinutes: 60,
  focusAreas: ['Risk', 'Formulation'],
  startDate: '2025-09-01',
};

export const agendaItem = (title: string, changes: Partial<AgendaItemInput> = {}): AgendaItemInput => ({
  title,
  question: '',
  notes: '',
  function: 'formative',
  sevenEyed: null,
  graces: [],
  priority: 'medium',
  minutes: 15,
  ...changes,
});

/** A session with this supervisor an hour ago: sixty minutes, London time, nothing noted; `changes` over it. */
export const pastSession = (supervisorId: string, changes: Partial<SessionInput> = {}): SessionInput => ({
  supervisorId,
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  timeZone: 'Europe/London',
  minutes: 60,
  attendees: '',
  notes: '',
  items: [],
  actions: [],
  ...changes,
});
