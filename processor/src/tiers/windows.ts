/**
 * Long texts are classified as a head and a tail window (an injection usually sits at the start or the end of a long
 * document, and a middle cut keeps the cost of one window fixed). A text that fits one window is one window.
 */
export function headTailWindows(text: string, windowChars: number): string[] {
  if (text.length <= windowChars) return [text];
  return [text.slice(0, windowChars), text.slice(text.length - windowChars)];
}

/** A text cut to `maxChars`: its head and tail, joined by an ellipsis (for the judge's prompt). */
export function headTail(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const half = Math.floor((maxChars - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}
