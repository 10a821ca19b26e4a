// The navigation's load balancer icon, drawn like lib/ui/icons (24×24, stroke = currentColor): one node fanning out to three.
export function LoadBalancerIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className}>
      <circle cx="12" cy="5" r="2.5" />
      <circle cx="5" cy="19" r="2" />
      <circle cx="12" cy="19" r="2" />
      <circle cx="19" cy="19" r="2" />
      <path d="M12 7.5V17M10.5 7 5.5 17M13.5 7l5 10" />
    </svg>
  );
}
