// Moved to lib/features/timeline/append-event.ts (autonomy writes events too); kept for
// branches that still import it from here.
export { appendEvent, type AppendEventInput } from '../../timeline/append-event';
