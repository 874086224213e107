// Number-shaped text that is not a phone number (filled in from measurements).
export function isTrap(_text: string, _start: number, _end: number): boolean {
  return false;
}
