// Listens for the shell's single-key shortcuts (see keyboard-shortcuts.ts) and shows, on `?`, the dialog that lists
// them with the pages the `g` letters lead to in this cloud.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { visibleNavEntries } from '../../lib/navigation';
import { useScope } from '../../lib/scope';
import { Button } from '../../lib/ui/button';
import { Dialog } from '../../lib/ui/dialog';
import { navEntries } from '../navigation';
import { goToLetters, goToMilliseconds, goToShortcuts, keyBelongsElsewhere, pageFilterField } from './keyboard-shortcuts';

/** A key sequence: each step one key or chord ("Alt+Shift+L"), pressed one after the other. */
function Keys({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="flex items-center gap-1 whitespace-nowrap">
      {keys.map((key, index) => (
        <span key={index} className="flex items-center gap-1">
          {index > 0 && <span className="text-xs text-fg-muted">{t('shortcuts.then')}</span>}
          <kbd className="min-w-6 rounded border border-line-strong bg-sunken px-1.5 py-0.5 text-center font-mono text-xs">{key}</kbd>
        </span>
      ))}
    </span>
  );
}

export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { services } = useScope();
  const [open, setOpen] = useState(false);
  // Pages behind a probe (administration) are left out: their entry shows only once the cloud allowed it.
  const shortcuts = goToShortcuts(visibleNavEntries(navEntries, services).filter((entry) => entry.probe === undefined));
  /** When `g` was pressed, while its letter is awaited. */
  const goPressed = useRef<number | null>(null);
  // The listener is added again only when the offered pages change (a region switch), not on every render.
  const targetsKey = shortcuts.map(({ entry }) => entry.to).join(' ');

  useEffect(() => {
    const offered = new Set(targetsKey.split(' '));
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyBelongsElsewhere(event)) return;
      const since = goPressed.current;
      goPressed.current = null;
      if (since !== null && event.timeStamp - since <= goToMilliseconds && !event.shiftKey) {
        const to = goToLetters[event.key];
        if (to && offered.has(to)) {
          event.preventDefault();
          void navigate(to);
          return;
        }
      }
      if (event.key === 'g' && !event.shiftKey) {
        goPressed.current = event.timeStamp;
      } else if (event.key === '/') {
        const field = pageFilterField();
        if (!field) return;
        // The slash is not typed into the field it focuses.
        event.preventDefault();
        field.focus();
      } else if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, targetsKey]);

  const rows: { keys: readonly string[]; what: string }[] = [
    { keys: ['/'], what: t('shortcuts.focusFilter') },
    ...shortcuts.map(({ letter, entry }) => ({ keys: ['g', letter], what: t('shortcuts.goTo', { page: t(entry.label) }) })),
    { keys: [t('shortcuts.requestLogKeys')], what: t('shortcuts.requestLog') },
    { keys: ['?'], what: t('shortcuts.help') },
  ];

  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title={t('shortcuts.title')}
      description={t('shortcuts.description')}
      testId="shortcuts-dialog"
      footer={<Button onClick={() => setOpen(false)}>{t('actions.close')}</Button>}
    >
      {/* Two columns, so the whole list fits without scrolling. */}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
        {rows.map((row) => (
          <div key={row.keys.join(' ')} className="flex items-center gap-3" data-testid="shortcut">
            <dt className="shrink-0">
              <Keys keys={row.keys} />
            </dt>
            <dd>{row.what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
