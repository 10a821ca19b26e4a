// The navigation's router icon, drawn like lib/ui/icons (24×24, stroke = currentColor): a box with crossing arrows.
export function RouterIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className}>
      <rect x="3" y="14" width="18" height="7" rx="2" />
      <path d="M7 17.5h.01M11 17.5h.01M8 10l4-4 4 4M12 6v8M17 3l2 2-2 2M19 5h-4" />
    </svg>
  );
}
