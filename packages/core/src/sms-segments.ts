/**
 * How many SMS a text costs (3GPP TS 23.038): GSM-7 packs 160 characters in one message and 153 a
 * part when split (the extension table's characters count twice); any other character makes the
 * whole text UCS-2, 70 in one and 67 a part (UTF-16 code units: an emoji counts two).
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
}

export const smsSegments = (text: string): SmsSegments => {
  let septets = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) {
      septets += 1;
    } else if (EXTENSION.has(ch)) {
      septets += 2;
    } else {
      const units = text.length;
      return {
        encoding: 'UCS-2',
        units,
        segments: units === 0 ? 0 : units <= 70 ? 1 : Math.ceil(units / 67),
      };
    }
  }
  return {
    encoding: 'GSM-7',
    units: septets,
    segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153),
  };
};
