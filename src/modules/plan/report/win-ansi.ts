// The PDF's standard Helvetica encodes text as WinAnsi (Windows-1252). Anything outside it would be
// written as garbage bytes, so text is mapped into it first: never a crash, at worst a '?'.

const extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const replacements: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—', '\u2212': '–', // U+2212 minus is not in WinAnsi
  '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': '\u00A0', '\u2007': '\u00A0',
  '\u200B': '', '\u200C': '', '\u200D': '', '\uFEFF': '', '\u00AD': '',
  '\u2032': "'", '\u2033': '"', '\u201B': '‘', '\u201F': '“',
  '\u2192': '->', '\u2190': '<-', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2248': '~',
  '\u25CF': '•', '\u2023': '•', '\u2713': 'v', '\u2714': 'v', '\u2717': 'x',
  '\u0131': 'i', '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd',
};

const encodable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || extras.includes(c) || c === '\n';
};

export function toWinAnsi(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    const c = replacements[ch] ?? ch;
    if ([...c].every(encodable)) {
      out += c;
      continue;
    }
    if (/^\p{M}$/u.test(ch) || /\p{Cc}/u.test(ch)) continue; // stray combining marks, variation selectors, controls
    // a letter with a diacritic WinAnsi lacks (ő, ș, ā) keeps its base letter
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(encodable) ? base : '?';
  }
  return out;
}
