import { describe, expect, it } from 'vitest';
import {
  detectSensitiveData,
  maskSensitiveData,
  maskValue,
  regionOfPhoneNumber,
} from '../../src/masking/index';

const mask = (text: string, defaultRegion?: string): string =>
  maskSensitiveData({ text, defaultRegion }).text;

const kinds = (text: string, defaultRegion?: string): string[] =>
  detectSensitiveData({ text, defaultRegion }).map(
    (f) => `${f.type}/${f.kind}:${text.slice(f.start, f.end)}`,
  );

describe('the seeds’ examples (Webex agent guides, table 1), exactly', () => {
  it('masks +447966197542 as *********7542', () => {
    expect(mask('+447966197542')).toBe('*********7542');
  });

  it('masks melissa@gmail.com as m******@gmail.com', () => {
    expect(mask('melissa@gmail.com')).toBe('m******@gmail.com');
  });

  it('keeps only 7890 of +1 (123) 456 7890, which is possible but not valid, at its own length', () => {
    expect(mask('+1 (123) 456 7890')).toBe('*************7890');
    expect(mask('+ 1 (123) 456 7890')).toBe('**************7890');
  });

  it('masks the same values inside a sentence and leaves the sentence alone', () => {
    expect(mask('Ring mig på +447966197542 eller skriv till melissa@gmail.com, tack!')).toBe(
      'Ring mig på *********7542 eller skriv till m******@gmail.com, tack!',
    );
  });
});

describe('phone numbers', () => {
  it('reads national numbers with the default region, and only with it', () => {
    expect(mask('Ring mig på 070-123 45 67 tack', 'SE')).toBe('Ring mig på ********45 67 tack');
    expect(mask('Ring mig på 070-123 45 67 tack')).toBe('Ring mig på 070-123 45 67 tack');
    expect(kinds('call (415) 555-2671 today', 'US')).toEqual(['phone/national:(415) 555-2671']);
    expect(kinds('1-800-555-1234', 'US')).toEqual(['phone/national:1-800-555-1234']);
    expect(kinds('Mon numéro : 06.12.34.56.78', 'FR')).toEqual(['phone/national:06.12.34.56.78']);
  });

  it('wants the trunk prefix where the country writes one', () => {
    expect(kinds('70-123 45 67', 'SE')).toEqual([]);
    expect(kinds('Kundnummer 12345678', 'SE')).toEqual([]);
  });

  it('reads 00 and the bracketed trunk zero as international form', () => {
    expect(kinds('0049 30 12345678')).toEqual(['phone/international:0049 30 12345678']);
    expect(mask('+49 (0)30 12345678')).toBe('**************5678');
  });

  it('takes a ( that closes inside the number, not one that encloses it', () => {
    expect(kinds('(0701234567)', 'SE')).toEqual(['phone/national:0701234567']);
    expect(kinds('(+46 70 123 45 67)')).toEqual(['phone/international:+46 70 123 45 67']);
  });

  it('gives the region of a customer number for use as default region', () => {
    expect(regionOfPhoneNumber({ phoneNumber: '+46701234567' })).toBe('SE');
    expect(regionOfPhoneNumber({ phoneNumber: 'not a number' })).toBeUndefined();
  });

  it('ignores a region libphonenumber-js does not know', () => {
    expect(kinds('070-123 45 67', 'XX')).toEqual([]);
    expect(kinds('070-123 45 67', 'se')).toEqual(['phone/national:070-123 45 67']);
  });
});

describe('cards, IBANs and e-mail addresses', () => {
  it('finds a card grouped or not, and stops before the expiry date', () => {
    expect(mask('Card 4111 1111 1111 1111 12/27 cvc 123')).toBe('Card ***************1111 12/27 cvc 123');
    expect(kinds('4111111111111111 and 378282246310005')).toEqual([
      'card/visa:4111111111111111',
      'card/amex:378282246310005',
    ]);
    expect(kinds('4111 1111 1111 1112')).toEqual([]);
  });

  it('finds an IBAN in electronic and print form, letters masked', () => {
    expect(mask('IBAN DE89 3704 0044 0532 0130 00, thanks')).toBe('IBAN **********************30 00, thanks');
    expect(mask('NL91ABNA0417164300')).toBe('**************4300');
    expect(kinds('gb82 west 1234 5698 7654 32')).toEqual(['iban/GB:gb82 west 1234 5698 7654 32']);
  });

  it('skips a mistyped IBAN whole instead of reading its pieces as a phone number', () => {
    expect(kinds('NL91 ABNA 0417 1643 01', 'NL')).toEqual([]);
  });

  it('keeps the first character and the domain of an address, in any script', () => {
    expect(mask('mail: jörg.müller@müller.de.')).toBe('mail: j**********@müller.de.');
    expect(kinds('+46701234567@sms.example.se')).toEqual(['email/email:+46701234567@sms.example.se']);
    expect(kinds('@anna and user@localhost')).toEqual([]);
  });
});

describe('national identity numbers', () => {
  it.each([
    ['SSN 123-45-6789', 'national_id/us_ssn:123-45-6789'],
    ['my social security number is 123456789', 'national_id/us_ssn:123456789'],
    ['personnummer 19121212-1212', 'national_id/se_personnummer:19121212-1212'],
    ['121212-1212', 'national_id/se_personnummer:121212-1212'],
    ['mijn BSN is 111222333', 'national_id/nl_bsn:111222333'],
    ['DNI 12345678Z', 'national_id/es_dni:12345678Z'],
    ['12.345.678-Z', 'national_id/es_dni:12.345.678-Z'],
    ['NIE X1234567L', 'national_id/es_nie:X1234567L'],
    ['NIR 1 85 05 78 006 084 91', 'national_id/fr_nir:1 85 05 78 006 084 91'],
    ['1 85 05 2A 006 084 35', 'national_id/fr_nir:1 85 05 2A 006 084 35'],
    ['numéro de sécurité sociale 185057800608491', 'national_id/fr_nir:185057800608491'],
    ['SV-Nummer 15 070649 C 103', 'national_id/de_svnr:15 070649 C 103'],
    ['15070649C103', 'national_id/de_svnr:15070649C103'],
    ['NINO AB 12 34 56 C', 'national_id/gb_nino:AB 12 34 56 C'],
  ])('finds %s', (text, expected) => {
    expect(kinds(text)).toEqual([expected]);
  });

  it.each([
    'SSN 666-12-3456',
    'SSN 000-12-3456',
    'personnummer 121212-1213',
    'BSN 111222334',
    'DNI 12345678A',
    'NIE X1234567A',
    'NIR 1 85 05 78 006 084 92',
    'SV-Nummer 15 070649 C 104',
    'QQ 12 34 56 C',
    'GB 12 34 56 A',
  ])('leaves %s, which fails its rule', (text) => {
    expect(kinds(text, 'DE')).toEqual([]);
  });

  it('asks for a keyword of the right kind when the digits alone could be anything', () => {
    expect(kinds('111222333')).toEqual([]);
    expect(kinds('SSN 111222333')).toEqual(['national_id/us_ssn:111222333']);
    expect(kinds('BSN 068330243')).toEqual([]);
    expect(kinds('1212121212')).toEqual([]);
    expect(kinds('ab123456c')).toEqual([]);
    expect(kinds('NI number ab123456c')).toEqual(['national_id/gb_nino:ab123456c']);
  });

  it('masks the letters of an identity number too', () => {
    expect(mask('DNI 12345678Z')).toBe('DNI ****5678*');
    expect(mask('SV-Nummer 15 070649 C 103')).toBe('SV-Nummer ********9 * 103');
  });
});

describe('look-alikes stay as they were', () => {
  it.each([
    ['Bestellnummer 0301234567', 'DE'],
    ['pedido 612345678', 'ES'],
    ['order #4155552671', 'US'],
    ['Sendungsverfolgung 00340434161094042557', 'DE'],
    ['Datum 12.05.2024 um 14:30', 'DE'],
    ['2024-05-12T14:30:00Z', 'SE'],
    ['IP 192.168.1.10', 'US'],
    ['Preis 1.299,00 €', 'DE'],
    ['12 995 kr', 'SE'],
    ['CHF 1 299 000', 'ES'],
    ['ISBN 978-3-16-148410-0', 'DE'],
    ['ISBN 0-306-40615-2', 'DE'],
    ['Windows 10.0.19045.3803', 'US'],
    ['Chrome 126.0.6478.127', 'US'],
    ['tracking 1Z999AA10123456784', 'US'],
    ['9400 1000 0000 0000 0000 00', 'US'],
    ['San Francisco, CA 94105-1234', 'ES'],
    ['123 45 Stockholm', 'SE'],
    ['Room 1698 at 16.42 Uhr', 'DE'],
    ['uuid 123e4567-e89b-12d3-a456-426614174000', 'NL'],
  ])('%s (%s)', (text, region) => {
    expect(kinds(text, region)).toEqual([]);
  });
});

describe('findings', () => {
  it('are UTF-16 offsets, sorted and disjoint', () => {
    const text = '👋 +447966197542 😀 melissa@gmail.com';
    const findings = detectSensitiveData({ text });
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['+447966197542', 'melissa@gmail.com']);
    expect(findings[0]!.start).toBe(3);
  });

  it('chain inside one written number: a card followed by a phone number', () => {
    expect(kinds('4111 1111 1111 1111 0701234567', 'SE')).toEqual([
      'card/visa:4111 1111 1111 1111',
      'phone/national:0701234567',
    ]);
  });

  it('come back empty, and the text unchanged, without digits or @', () => {
    const text = 'Hej! Kan ni hjälpa mig med min beställning?';
    expect(maskSensitiveData({ text })).toEqual({ text, findings: [] });
  });
});

describe('maskValue', () => {
  it('keeps the last four digits and separators among them, masks letters after them', () => {
    expect(maskValue({ value: '070-123 45 67', type: 'phone' })).toBe('********45 67');
    expect(maskValue({ value: 'MT84MALT011000012345MTLCAST001S', type: 'iban' })).toBe(
      `${'*'.repeat(19)}5*******001*`,
    );
    expect(maskValue({ value: 'a@b.se', type: 'email' })).toBe('*@b.se');
    expect(maskValue({ value: 'jo@b.se', type: 'email' })).toBe('j*@b.se');
  });
});
