/** Invented supervision data shared by the integration and end-to-end tests, the sample export and its script. */
import type { AgendaItemInput, SupervisorInput } from '../../main/supervision/supervision';

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
