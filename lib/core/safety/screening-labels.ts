import { SCREENING_LABELS, type ScreeningFlag } from './screen-inbound';
import { STRUCTURE_LABELS, type StructureFlag } from './screen-structure';

/** What an agent reads for any screening flag, intake's or the structural ones; an unknown flag reads as its words. */
export function screeningLabel(flag: string): string {
  return (
    (SCREENING_LABELS as Record<string, string>)[flag as ScreeningFlag] ??
    (STRUCTURE_LABELS as Record<string, string>)[flag as StructureFlag] ??
    flag.replaceAll('_', ' ')
  );
}
