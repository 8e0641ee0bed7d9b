/** Section sizes as the Outline view shows them: characters and an estimated reading time. */
import { SETTING_DEFAULTS } from '../settings';

/** Characters per minute: a moderate reading pace for Chinese prose. */
export const DEFAULT_READING_SPEED = SETTING_DEFAULTS['outline.readingSpeed'];

/** "1,234 chars · 4 min" (the detail next to each symbol). */
export function describeSection(chars: number, charsPerMinute: number): string {
  const speed = Number.isFinite(charsPerMinute) && charsPerMinute > 0 ? charsPerMinute : DEFAULT_READING_SPEED;
  const minutes = chars / speed;
  const time = minutes < 1 ? '<1 min' : minutes < 60 ? `${Math.round(minutes)} min` : `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min`;
  return `${chars.toLocaleString('en-US')} ${chars === 1 ? 'char' : 'chars'} · ${time}`;
}
