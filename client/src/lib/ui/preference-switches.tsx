// Language and theme switches, used on the login page and in the top bar.
import clsx from 'clsx';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type LanguageCode } from '@contract/languages';
import { setLanguage } from '../i18n';
import { setThemePreference, themePreferences, useThemePreference, type ThemePreference } from '../theme';
import { GlobeIcon, MonitorIcon, MoonIcon, SunIcon } from './icons';

const themeIcons: Record<ThemePreference, ComponentType<{ className?: string }>> = {
  light: SunIcon,
  dark: MoonIcon,
  system: MonitorIcon,
};

export function ThemeSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const preference = useThemePreference();
  return (
    <fieldset data-testid="theme-switcher" className={clsx('flex rounded-md border border-line bg-sunken p-0.5', className)}>
      <legend className="sr-only">{t('preferences.theme')}</legend>
      {themePreferences.map((option) => {
        const Icon = themeIcons[option];
        const checked = preference === option;
        return (
          <label
            key={option}
            title={t(`preferences.themes.${option}`)}
            className={clsx(
              'relative flex size-7 items-center justify-center rounded text-fg-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus',
              checked ? 'bg-brand-soft text-brand shadow-xs' : 'hover:text-fg',
            )}
          >
            {/* The radio covers its label, so pointer and keyboard reach the real input. */}
            <input
              type="radio"
              name="zenith-theme"
              value={option}
              checked={checked}
              onChange={() => setThemePreference(option)}
              aria-label={t(`preferences.themes.${option}`)}
              className="absolute inset-0 cursor-pointer appearance-none rounded focus-visible:outline-none"
            />
            <Icon className="pointer-events-none size-4" />
          </label>
        );
      })}
    </fieldset>
  );
}

export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={clsx('relative flex items-center text-fg-muted', className)}>
      <GlobeIcon className="pointer-events-none absolute left-2 size-4" />
      <select
        data-testid="language-switcher"
        aria-label={t('preferences.language')}
        value={i18n.resolvedLanguage ?? 'en'}
        onChange={(event) => setLanguage(event.target.value as LanguageCode)}
        className="h-8 cursor-pointer appearance-none rounded-md border border-line bg-sunken py-1 pr-2 pl-7 text-sm text-fg hover:border-line-strong"
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </label>
  );
}
