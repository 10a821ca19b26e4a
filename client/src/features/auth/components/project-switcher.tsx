// The project switcher: a button showing the current project, opening the searchable list of the user's projects
// (project-picker.tsx).
import clsx from 'clsx';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, FolderIcon } from '../../../lib/ui/icons';
import { Spinner } from '../../../lib/ui/spinner';
import { useSignedInSession } from '../../../resources/session/session-context';
import type { Project } from '@contract/projects';

// The list (and its virtualizer) is a chunk of its own, fetched when the pointer or focus reaches the button: every
// page has the switcher, few open it.
const loadPicker = () => import('./project-picker');
const ProjectPicker = lazy(async () => ({ default: (await loadPicker()).ProjectPicker }));

interface ProjectSwitcherProps {
  current: { id: string; name: string };
  switching: boolean;
  onSelect: (project: Project) => void;
}

export function ProjectSwitcher(props: ProjectSwitcherProps) {
  // An application credential's token is bound to its project: Keystone would refuse any other scope.
  const credential = useSignedInSession().signIn.applicationCredential;
  return credential ? <LockedProject current={props.current} credential={credential.name} /> : <SwitchableProject {...props} />;
}

/**
 * The project of a session that cannot switch, and why: the trigger is aria-disabled (not disabled, so it stays
 * focusable) and shows the reason on focus, hover or click.
 */
function LockedProject({ current, credential }: { current: { name: string }; credential: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <div className="relative">
      <button
        type="button"
        data-testid="project-switcher"
        aria-disabled="true"
        aria-label={t('project.locked', { name: current.name })}
        aria-describedby={reasonId}
        aria-expanded={open}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        className="flex h-10 max-w-64 cursor-help items-center gap-2 rounded-md px-2 text-left opacity-80 hover:bg-sunken"
      >
        <FolderIcon className="size-4 shrink-0 text-fg-muted" />
        <span className="min-w-0">
          <span className="block text-[11px] leading-3 font-medium tracking-wide text-fg-muted uppercase">{t('project.label')}</span>
          <span data-testid="current-project" className="block truncate text-sm leading-5 font-semibold text-fg">
            {current.name}
          </span>
        </span>
        <LockIcon className="size-4 shrink-0 text-fg-muted" />
      </button>
      <p
        id={reasonId}
        role="note"
        data-testid="project-locked-reason"
        className={clsx(
          'absolute top-full left-0 z-40 mt-1 w-80 rounded-lg border border-line bg-surface p-3 text-sm text-fg shadow-lg',
          !open && 'sr-only',
        )}
      >
        {t('project.lockedReason', { credential, project: current.name })}
      </p>
    </div>
  );
}

function LockIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

function SwitchableProject({ current, switching, onSelect }: ProjectSwitcherProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const popupId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        data-testid="project-switcher"
        aria-label={t('project.trigger', { name: current.name })}
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={switching}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onPointerEnter={() => void loadPicker()}
        onFocus={() => void loadPicker()}
        className="flex h-10 max-w-64 items-center gap-2 rounded-md px-2 text-left hover:bg-sunken disabled:opacity-70"
      >
        <FolderIcon className="size-4 shrink-0 text-fg-muted" />
        <span className="min-w-0">
          <span className="block text-[11px] leading-3 font-medium tracking-wide text-fg-muted uppercase">
            {t('project.label')}
          </span>
          <span data-testid="current-project" className="block truncate text-sm leading-5 font-semibold text-fg">
            {current.name}
          </span>
        </span>
        {switching ? <Spinner className="text-fg-muted" /> : <ChevronDownIcon className="size-4 shrink-0 text-fg-muted" />}
      </button>
      {open && (
        <Suspense>
          <ProjectPicker
            id={popupId}
            currentId={current.id}
            onClose={close}
            onSelect={(project) => {
              close();
              if (project.id !== current.id) onSelect(project);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
