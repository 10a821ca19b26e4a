// The navigation's floating IP icon, drawn like lib/ui/icons (24×24, stroke = currentColor): a globe with a pin.
export function FloatingIpIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className}>
      <circle cx="11" cy="13" r="8" />
      <path d="M3 13h16M11 5c2.2 2.3 3.2 5 3.2 8s-1 5.7-3.2 8c-2.2-2.3-3.2-5-3.2-8s1-5.7 3.2-8Z" />
      <path d="M19 2.5a2.5 2.5 0 0 1 2.5 2.5c0 1.8-2.5 4-2.5 4s-2.5-2.2-2.5-4A2.5 2.5 0 0 1 19 2.5Z" />
    </svg>
  );
}
