/**
 * What the masker finds. `type` is the coarse class the product speaks of (product.md, "Masking of
 * sensitive data"); `kind` says which rule matched, for audit and for the recall report:
 * - phone: 'international' (written with `+` or `00`) or 'national' (read with the default region)
 * - email: 'email'
 * - card: the brand, e.g. 'visa', 'mastercard', 'amex' (see card.ts)
 * - iban: the ISO 3166 country code of the IBAN, e.g. 'DE'
 * - national_id: one of {@link NationalIdKind}
 */
export type SensitiveType = 'phone' | 'email' | 'card' | 'iban' | 'national_id';

export type NationalIdKind =
  | 'us_ssn'
  | 'se_personnummer'
  | 'nl_bsn'
  | 'es_dni'
  | 'es_nie'
  | 'fr_nir'
  | 'de_svnr'
  | 'gb_nino';

/**
 * One sensitive value in a text. `start` and `end` are UTF-16 offsets (JavaScript string indices),
 * `end` exclusive, so `text.slice(start, end)` is the value as written, separators included.
 */
export interface Finding {
  readonly type: SensitiveType;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

export interface DetectSensitiveDataOptions {
  readonly text: string;
  /**
   * ISO 3166-1 alpha-2 region used to read numbers written in national form (`070-123 45 67`):
   * the region of the customer's own number, or of the entry point. Without it (or with a region
   * libphonenumber-js does not know) only international numbers are phone numbers.
   */
  readonly defaultRegion?: string | undefined;
}
