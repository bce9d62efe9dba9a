/**
 * Four seamless test patterns as SVG tiles, none used in mockup-ab-2: red cherries on white, a
 * black-and-white check, pastel florals on blush, orange geometric on charcoal.
 */
const wrap = (x: number, y: number, body: string): string =>
  // each motif also one tile over in every direction, so the tile repeats without a seam
  [-256, 0, 256].flatMap((ox) => [-256, 0, 256].map((oy) => `<g transform="translate(${x + ox} ${y + oy})">${body}</g>`)).join('');

const cherry = (r: number): string =>
  `<g transform="rotate(${r})"><path d="M-9 6 C-8 -10 0 -22 10 -30 M9 8 C8 -8 6 -20 10 -30" stroke="#3d6b2f" stroke-width="2.5" fill="none"/>` +
  `<path d="M10 -30 C18 -36 28 -34 32 -28 C24 -24 16 -25 10 -30Z" fill="#4f8a3a"/>` +
  `<circle cx="-10" cy="12" r="11" fill="#c8102e"/><circle cx="10" cy="14" r="11" fill="#b00d28"/>` +
  `<circle cx="-13" cy="8" r="3" fill="#f3a3ad"/><circle cx="7" cy="10" r="3" fill="#f3a3ad"/></g>`;

const flower = (c: string, k: number): string =>
  `<g transform="rotate(${k * 23})">${[0, 72, 144, 216, 288].map((a) => `<ellipse cx="0" cy="-12" rx="8" ry="12" fill="${c}" transform="rotate(${a})"/>`).join('')}` +
  `<circle r="6" fill="#f6d88a"/></g>`;

export const DESIGNS = {
  cherries: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#fdfcf8"/>
    ${[[50, 60, -10], [180, 40, 25], [120, 150, 5], [30, 200, 30], [220, 190, -20]].map(([x, y, r]) => wrap(x, y, cherry(r))).join('')}</svg>`,
  check: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#f7f7f5"/>
    ${Array.from({ length: 64 }, (_, k) => [k % 8, Math.floor(k / 8)])
      .filter(([i, j]) => (i + j) % 2 === 1)
      .map(([i, j]) => `<rect x="${i * 32}" y="${j * 32}" width="32" height="32" fill="#151515"/>`)
      .join('')}</svg>`,
  florals: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#f7e6ea"/>
    ${[[40, 40, '#a8d5e2'], [150, 30, '#f4b6c2'], [90, 110, '#c9b6e4'], [210, 120, '#a8d5e2'], [30, 170, '#f4b6c2'], [140, 200, '#b8e0c2'], [230, 230, '#c9b6e4']]
      .map(([x, y, c], k) => wrap(Number(x), Number(y), `<path d="M0 0 C10 14 24 18 34 14" stroke="#8cb89a" stroke-width="3" fill="none"/>` + flower(String(c), k))).join('')}</svg>`,
  geometric: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#36393f"/>
    ${[0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3].map((j) => {
      const x = i * 64, y = j * 64;
      return (i + j) % 2
        ? `<polygon points="${x + 8},${y + 56} ${x + 32},${y + 8} ${x + 56},${y + 56}" fill="#f2762e"/>`
        : `<circle cx="${x + 32}" cy="${y + 32}" r="20" fill="none" stroke="#f2a65a" stroke-width="7"/><rect x="${x + 27}" y="${y + 27}" width="10" height="10" fill="#f2762e"/>`;
    })).join('')}</svg>`,
};
