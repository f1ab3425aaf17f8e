export function Logo({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className="logo">
      <rect width="64" height="64" rx="14" fill="#0f4c5c" />
      <path d="M32 12l16 6v12c0 10.5-6.8 18.6-16 22-9.2-3.4-16-11.5-16-22V18z" fill="none" stroke="#e8f1f2" strokeWidth="4" strokeLinejoin="round" />
      <path d="M25 32.5l5 5 9.5-10" fill="none" stroke="#7fd1c3" strokeWidth="4.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
