/**
 * Clean-up of OCR output: layout whitespace tidied, and the '@' of e-mail addresses restored — the
 * Portuguese LSTM model reads '@' as '&', '(&' or '&k', which would hide the address from detectors.
 */
const EMAIL_AT = /([A-Za-z0-9][A-Za-z0-9._%+-]*) ?(?:\(&|&k?|\(@) ?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![A-Za-z0-9])/g;

export function restoreEmailAt(text: string): string {
  return text.replace(EMAIL_AT, (whole, local: string, domain: string) => {
    // '&' between two words ("Silva & Filhos.com"?) is only an '@' when no space separates both sides.
    if (/ /.test(whole) && !/\./.test(local)) return whole;
    return `${local}@${domain}`;
  });
}

/** Trailing spaces removed, runs of blank lines collapsed, e-mail '@' restored. */
export function tidyOcrText(text: string): string {
  return restoreEmailAt(text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim());
}
