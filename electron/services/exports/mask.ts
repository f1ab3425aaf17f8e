/**
 * Masks a finding's value for display in a form: identifiers keep their first 3 and last 2 digits
 * (529.***.***-25), words keep their first letter (M*** S***), e-mails keep the first letter and domain.
 */
export function maskValue(type: string, value: string): string {
  const trimmed = value.trim();
  if (type === 'email' && trimmed.includes('@')) {
    const [user, domain] = [trimmed.slice(0, trimmed.indexOf('@')), trimmed.slice(trimmed.indexOf('@') + 1)];
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = trimmed.replace(/\D/g, '').length;
  if (digits >= 5 && digits >= trimmed.replace(/[\s.\-/()]/g, '').length * 0.6) {
    let seen = 0;
    return [...trimmed].map((ch) => {
      if (!/\d/.test(ch)) return ch;
      seen++;
      return seen <= 3 || seen > digits - 2 ? ch : '*';
    }).join('');
  }
  return trimmed.split(/\s+/).filter(Boolean).map((word) => {
    const chars = [...word];
    return chars.length <= 1 ? '*' : `${chars[0]}***`;
  }).join(' ');
}
