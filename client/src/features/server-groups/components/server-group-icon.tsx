// The navigation's server group icon, drawn like lib/ui/icons (24×24, stroke = currentColor): three servers held
// together by a frame.
export function ServerGroupIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className}>
      <rect x="2.5" y="3" width="19" height="18" rx="2.5" strokeDasharray="3 2.5" />
      <rect x="6" y="6.5" width="12" height="3" rx="1" />
      <rect x="6" y="10.5" width="12" height="3" rx="1" />
      <rect x="6" y="14.5" width="12" height="3" rx="1" />
    </svg>
  );
}
