// Light, dark, or whatever the OS says (the default), kept in localStorage (as are the language and the lists' columns).
import { useSyncExternalStore } from 'react';

export type ThemePreference = 'light' | 'dark' | 'system';
export const themePreferences: readonly ThemePreference[] = ['light', 'dark', 'system'];

const storageKey = 'zenith.theme';
const darkQuery = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function isThemePreference(value: unknown): value is ThemePreference {
  return themePreferences.includes(value as ThemePreference);
}

export function readThemePreference(storage: Pick<Storage, 'getItem'> = localStorage): ThemePreference {
  try {
    const stored = storage.getItem(storageKey);
    return isThemePreference(stored) ? stored : 'system';
  } catch {
    return 'system'; // storage blocked (privacy settings): fall back to the OS
  }
}

export function resolveTheme(preference: ThemePreference, osPrefersDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return osPrefersDark ? 'dark' : 'light';
  return preference;
}

function applyTheme() {
  const dark = resolveTheme(readThemePreference(), window.matchMedia(darkQuery).matches) === 'dark';
  document.documentElement.classList.toggle('dark', dark);
}

export function setThemePreference(preference: ThemePreference) {
  try {
    if (preference === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, preference);
  } catch {
    // Not persisted; still applied for this page.
  }
  applyTheme();
  for (const listener of listeners) listener();
}

/** Applies the theme now and keeps it in step with the OS setting and with other tabs. */
export function startThemeSync() {
  applyTheme();
  window.matchMedia(darkQuery).addEventListener('change', applyTheme);
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey) return;
    applyTheme();
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, () => readThemePreference());
}
