import { describe, expect, it } from 'vitest';
import { readThemePreference, resolveTheme } from './theme';

describe('theme', () => {
  it('follows the OS unless the user chose', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads only known preferences, and "system" otherwise', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readThemePreference(storage('dark'))).toBe('dark');
    expect(readThemePreference(storage('purple'))).toBe('system');
    expect(readThemePreference(storage(null))).toBe('system');
    expect(
      readThemePreference({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe('system');
  });
});
