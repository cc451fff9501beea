// Code 128 (set B) as SVG: what every USB barcode scanner at an exit reads, for the ticket number.
const SVG = 'http://www.w3.org/2000/svg';
// bar/space widths of the symbols 0..106 (106 = stop, with its final bar)
const PATTERNS = ('212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 '
  + '122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 '
  + '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 '
  + '113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 '
  + '431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 '
  + '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 '
  + '131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112').split(' ');
const START_B = 104;
const STOP = 106;

/** The symbol values of a text in set B with its check symbol; printable ASCII only. */
export function code128Values(text) {
  const values = [START_B];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 32 || code > 126) throw new Error('Code 128 B takes printable ASCII only');
    values.push(code - 32);
  }
  let check = START_B;
  for (let i = 1; i < values.length; i++) check += values[i] * i;
  values.push(check % 103, STOP);
  return values;
}

/** An SVG barcode with 10-module quiet zones on both sides. */
export function code128Svg(text) {
  const widths = code128Values(text).map((v) => PATTERNS[v]).join('');
  let x = 10;
  const svg = document.createElementNS(SVG, 'svg');
  let bar = true;
  for (const w of widths) {
    const n = Number(w);
    if (bar) {
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', x);
      rect.setAttribute('y', 0);
      rect.setAttribute('width', n);
      rect.setAttribute('height', 50);
      svg.append(rect);
    }
    x += n;
    bar = !bar;
  }
  svg.setAttribute('viewBox', `0 0 ${x + 10} 50`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'barcode');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', text);
  return svg;
}
