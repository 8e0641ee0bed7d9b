/** Section sizes as the Outline view shows them: characters and an estimated reading time. */
import { SETTING_DEFAULTS } from '../settings';
import { english, type Translate } from '../text/messages';

/** Characters per minute: a moderate reading pace for Chinese prose. */
export const DEFAULT_READING_SPEED = SETTING_DEFAULTS['outline.readingSpeed'];

/** "1,234 chars · 4 min" (the detail next to each symbol). */
export function describeSection(chars: number, charsPerMinute: number, t: Translate = english): string {
  const speed = Number.isFinite(charsPerMinute) && charsPerMinute > 0 ? charsPerMinute : DEFAULT_READING_SPEED;
  const minutes = chars / speed;
  const time =
    minutes < 1
      ? t('<1 min')
      : minutes < 60
        ? t('{minutes} min', { minutes: Math.round(minutes) })
        : t('{hours} h {minutes} min', { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) });
  const count = chars.toLocaleString('en-US');
  return chars === 1 ? t('1 char · {time}', { time }) : t('{count} chars · {time}', { count, time });
}
