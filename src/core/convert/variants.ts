/**
 * The script variants opencc-js knows (its locale names) and the conversions between
 * them, described in plain language: users should not need to know that "s2twp" means
 * Simplified to Taiwan Traditional with Taiwan phrases. Names, labels and descriptions
 * are msg() templates: the editor shows them translated.
 */
import { msg } from '../text/messages';

/** opencc-js locale names. */
export const VARIANTS = ['cn', 'tw', 'twp', 'hk', 'hkp', 'jp', 't'] as const;
export type Variant = (typeof VARIANTS)[number];

export const VARIANT_NAMES: Readonly<Record<Variant, string>> = {
  cn: msg('Simplified Chinese (mainland)'),
  tw: msg('Traditional Chinese (Taiwan)'),
  twp: msg('Traditional Chinese (Taiwan, with Taiwan phrases)'),
  hk: msg('Traditional Chinese (Hong Kong)'),
  hkp: msg('Traditional Chinese (Hong Kong, with Hong Kong phrases)'),
  jp: msg('Japanese Shinjitai'),
  t: msg('Traditional Chinese (OpenCC standard)'),
};

export function isVariant(value: unknown): value is Variant {
  return typeof value === 'string' && (VARIANTS as readonly string[]).includes(value);
}

/** One conversion a user can pick: an OpenCC config with a plain description. */
export interface Conversion {
  /** OpenCC's config name, e.g. s2twp. */
  readonly id: string;
  readonly from: Variant;
  readonly to: Variant;
  /** Short title, e.g. "Simplified → Traditional (Taiwan phrases)". */
  readonly label: string;
  /** What it does, in a sentence. */
  readonly description: string;
  /** Text whose conversion shows the difference this config makes. */
  readonly example: string;
}

/** Every config opencc-js 1.4 ships, most used first. */
export const CONVERSIONS: readonly Conversion[] = [
  {
    id: 's2t',
    from: 'cn',
    to: 't',
    label: msg('Simplified → Traditional'),
    description: msg('Simplified characters to OpenCC standard Traditional characters; words stay as they are.'),
    example: '头发和后面',
  },
  {
    id: 't2s',
    from: 't',
    to: 'cn',
    label: msg('Traditional → Simplified'),
    description: msg('Any Traditional characters (Taiwan, Hong Kong or standard) to mainland Simplified characters.'),
    example: '頭髮和後面',
  },
  {
    id: 's2tw',
    from: 'cn',
    to: 'tw',
    label: msg('Simplified → Traditional (Taiwan)'),
    description: msg('Simplified characters to the character forms used in Taiwan (e.g. 线 → 線, 着 → 著); words stay.'),
    example: '线条着色',
  },
  {
    id: 's2twp',
    from: 'cn',
    to: 'twp',
    label: msg('Simplified → Traditional (Taiwan, with Taiwan phrases)'),
    description: msg('Taiwan character forms and Taiwan vocabulary (e.g. 软件 → 軟體, 鼠标 → 滑鼠).'),
    example: '软件和鼠标',
  },
  {
    id: 's2hk',
    from: 'cn',
    to: 'hk',
    label: msg('Simplified → Traditional (Hong Kong)'),
    description: msg('Simplified characters to the character forms used in Hong Kong (e.g. 线 → 綫); words stay.'),
    example: '线条着色',
  },
  {
    id: 's2hkp',
    from: 'cn',
    to: 'hkp',
    label: msg('Simplified → Traditional (Hong Kong, with Hong Kong phrases)'),
    description: msg('Hong Kong character forms and Hong Kong vocabulary (a small phrase list; check the result).'),
    example: '鼠标和软件',
  },
  {
    id: 'tw2s',
    from: 'tw',
    to: 'cn',
    label: msg('Traditional (Taiwan) → Simplified'),
    description: msg('Taiwan Traditional text to mainland Simplified characters; words stay.'),
    example: '軟體與滑鼠',
  },
  {
    id: 'tw2sp',
    from: 'twp',
    to: 'cn',
    label: msg('Traditional (Taiwan phrases) → Simplified (mainland phrases)'),
    description: msg('Taiwan Traditional text to Simplified, also replacing Taiwan vocabulary with mainland words (軟體 → 软件).'),
    example: '軟體與滑鼠',
  },
  {
    id: 'hk2s',
    from: 'hk',
    to: 'cn',
    label: msg('Traditional (Hong Kong) → Simplified'),
    description: msg('Hong Kong Traditional text to mainland Simplified characters; words stay.'),
    example: '綫條着色',
  },
  {
    id: 'hk2sp',
    from: 'hkp',
    to: 'cn',
    label: msg('Traditional (Hong Kong phrases) → Simplified (mainland phrases)'),
    description: msg('Hong Kong Traditional text to Simplified, also replacing Hong Kong vocabulary (a small list).'),
    example: '滑鼠和軟件',
  },
  {
    id: 't2tw',
    from: 't',
    to: 'tw',
    label: msg('Traditional (standard) → Traditional (Taiwan)'),
    description: msg('OpenCC standard Traditional forms to the forms used in Taiwan (e.g. 爲 → 為).'),
    example: '爲了衆人',
  },
  {
    id: 't2hk',
    from: 't',
    to: 'hk',
    label: msg('Traditional (standard) → Traditional (Hong Kong)'),
    description: msg('OpenCC standard Traditional forms to the forms used in Hong Kong.'),
    example: '爲了衆人',
  },
  {
    id: 'tw2t',
    from: 'tw',
    to: 't',
    label: msg('Traditional (Taiwan) → Traditional (standard)'),
    description: msg('Taiwan character forms back to OpenCC standard Traditional forms.'),
    example: '為了眾人',
  },
  {
    id: 'hk2t',
    from: 'hk',
    to: 't',
    label: msg('Traditional (Hong Kong) → Traditional (standard)'),
    description: msg('Hong Kong character forms back to OpenCC standard Traditional forms.'),
    example: '綫條着色',
  },
  {
    id: 't2jp',
    from: 't',
    to: 'jp',
    label: msg('Traditional → Japanese Shinjitai'),
    description: msg('Traditional (kyūjitai) character forms to Japanese Shinjitai forms. Experimental.'),
    example: '舊字體與國語',
  },
  {
    id: 'jp2t',
    from: 'jp',
    to: 't',
    label: msg('Japanese Shinjitai → Traditional'),
    description: msg('Japanese Shinjitai character forms to Traditional forms. Experimental.'),
    example: '旧字体と国語',
  },
];

/**
 * OpenCC's config name for a pair of locales, the way opencc-js names them: cn→X is s2X,
 * X→cn is X2s (twp→cn is tw2sp, hkp→cn is hk2sp), anything else X2Y.
 */
export function configName(from: Variant, to: Variant): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') {
    if (from === 'twp') return 'tw2sp';
    if (from === 'hkp') return 'hk2sp';
    return `${from}2s`;
  }
  return `${from}2${to}`;
}

export function findConversion(id: string): Conversion | undefined {
  return CONVERSIONS.find((c) => c.id === id);
}
