import type { Channel, Priority, ReportState } from '../contracts.ts';
import { ALL_STATES, STATE_LABELS } from '../states.ts';

/** Staff read states in the words residents see, so both sides talk about the same thing. */
export function stateLabel(state: ReportState): string {
  return STATE_LABELS[state];
}

export const PRIORITY_LABELS: Record<Priority, string> = { emergency: 'Emergency', urgent: 'Urgent', standard: 'Standard', low: 'Low' };

export const CHANNEL_LABELS: Record<Channel, string> = { web: 'Online', assisted: 'In person, by staff', phone: 'By phone, by staff', open311: 'Another system (Open311)' };

/** Select options for every state, one chosen. */
export function stateOptions(selected?: string): { value: string; text: string; selected: boolean }[] {
  return ALL_STATES.map((s) => ({ value: s, text: STATE_LABELS[s], selected: s === selected }));
}

/** "2 days", "5 hours": a response time as staff say it. */
export function hoursInWords(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
