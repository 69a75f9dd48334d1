import { describe, expect, it } from 'vitest';
import { nameOfIdentity } from '../../src/channels';
import { maskingFor, maskName } from '../../src/masking-policy';

const on = maskingFor({ maskSensitiveData: true });
const off = maskingFor({ maskSensitiveData: false });

describe('a customer’s name on the desk', () => {
  it('is masked when it is a phone number, written with or without its +', () => {
    expect(maskName('+46701112233', on)).toBe('********2233');
    // A WhatsApp wa_id stored as the name before names took their +: masked all the same.
    expect(maskName('46701112233', on)).toBe('*******2233');
    expect(maskName('447966197542', on)).toBe('********7542');
  });

  it('is left alone when it is a name, a short number or a number no plan knows, or masking is off', () => {
    expect(maskName('Lucía Fernández', on)).toBe('Lucía Fernández');
    expect(maskName('PSID8', on)).toBe('PSID8');
    expect(maskName('12345', on)).toBe('12345');
    expect(maskName('0000000000', on)).toBe('0000000000');
    expect(maskName('46701112233', off)).toBe('46701112233');
  });

  it('is a WhatsApp customer’s number with its + when the provider gives no profile name', () => {
    expect(nameOfIdentity('whatsapp', '46701112233')).toBe('+46701112233');
    expect(nameOfIdentity('sms', '+46701112233')).toBe('+46701112233');
    expect(nameOfIdentity('messenger', '6543210987654321')).toBe('6543210987654321');
  });
});
