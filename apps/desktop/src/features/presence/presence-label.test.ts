import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { presenceLabel } from './presence-label';

describe('presence label', () => {
  it('says when the server took an agent offline because their desktop went away', () => {
    const i18n = createI18n({ language: 'en' });
    const t = i18n.t.bind(i18n) as TFunction;
    expect(presenceLabel(t, 'offline', 'disconnected')).toBe('Offline (connection lost)');
    expect(presenceLabel(t, 'offline', null)).toBe('Offline');
    expect(presenceLabel(t, 'idle', 'Lunch')).toContain('Lunch');
  });
});
