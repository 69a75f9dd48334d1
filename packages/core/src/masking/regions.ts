import { getCountries } from 'libphonenumber-js/max';

/**
 * Region codes a caller may name: every ISO 3166-1 alpha-2 code (the officially assigned codes,
 * ISO 3166 Maintenance Agency, 249 of them), and the few more that libphonenumber-js has a
 * numbering plan for (Ascension `AC`, Tristan da Cunha `TA`, Kosovo `XK`). A region with no plan
 * of its own (the French Southern Territories `TF`, Antarctica `AQ`, ...) is still a region: its
 * numbers are read in international form only (phone.ts, toPhoneRegion).
 */
const ISO_3166_1_ALPHA_2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW';

export const ISO_REGION_CODES: readonly string[] = ISO_3166_1_ALPHA_2.split(' ');

let known: ReadonlySet<string> | undefined;

/** Whether `code` (any letter case) names a region: ISO 3166-1 alpha-2, or one libphonenumber-js plans. */
export const isRegionCode = (code: string): boolean => {
  known ??= new Set([...ISO_REGION_CODES, ...getCountries()]);
  return known.has(code.toUpperCase());
};
