// The navigation icon of volume snapshots: a disk with a camera shutter's spark, drawn like lib/ui/icons.
export function SnapshotIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className}>
      <ellipse cx="10" cy="6" rx="7" ry="3" />
      <path d="M3 6v12c0 1.7 3.1 3 7 3" />
      <path d="M17 6v5" />
      <circle cx="17" cy="17" r="3" />
      <path d="M17 12.5v1.5M17 20v1.5M12.5 17H14M20 17h1.5" />
    </svg>
  );
}
