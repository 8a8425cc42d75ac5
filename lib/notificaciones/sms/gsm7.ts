// SMS are billed per segment: 160 characters in the GSM-7 alphabet, only 70 as soon as one character
// falls outside it (UCS-2). Spanish needs é and ñ (in GSM-7) but also á, í, ó, ú (not in it), so
// texts are written down to GSM-7: the accent goes, the letter stays.
const BASICO =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// The extension table costs two characters each.
const EXTENSION = "^{}\\[~]|€";
const GSM7 = new Set([...BASICO, ...EXTENSION]);

function aGsm7(caracter: string): string {
  if (GSM7.has(caracter)) return caracter;
  const sinAcento = caracter.normalize("NFD").replace(/\p{Diacritic}/gu, "");
  if ([...sinAcento].every((c) => GSM7.has(c))) return sinAcento;
  return "?";
}

/** The text in the GSM-7 alphabet: accents outside it are dropped, anything else becomes "?". */
export const textoGsm7 = (texto: string) => [...texto].map(aGsm7).join("");

/** Length in GSM-7 septets (extension characters count twice). */
export const largoGsm7 = (texto: string) => [...texto].reduce((n, c) => n + (EXTENSION.includes(c) ? 2 : 1), 0);

export const LARGO_SMS = 160;
