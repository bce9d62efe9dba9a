/** Three test patterns as SVG tiles: leaves (green on white), waves (light on navy), terrazzo (chips on sand). */
export const DESIGNS = {
  leaves: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#fbfaf5"/>
    ${[[40, 50, 30], [170, 40, -40], [110, 130, 70], [30, 190, -20], [200, 180, 50], [240, 110, 10], [100, 240, -60]]
      .flatMap(([x, y, r]) => [-256, 0, 256].flatMap((ox) => [-256, 0, 256].map((oy) => [x + ox, y + oy, r])))
      .map(([x, y, r]) => `<g transform="translate(${x} ${y}) rotate(${r})"><path d="M0 -34 C22 -18 22 18 0 34 C-22 18 -22 -18 0 -34Z" fill="#3f7d4e"/><path d="M0 -30 L0 30" stroke="#cfe3c6" stroke-width="3"/></g>`)
      .join('')}</svg>`,
  waves: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#1e2a4a"/>
    ${[0, 64, 128, 192, 256].map((y) => `<path d="M-128 ${y + 32} Q-96 ${y} -64 ${y + 32} T0 ${y + 32} T64 ${y + 32} T128 ${y + 32} T192 ${y + 32} T256 ${y + 32} T320 ${y + 32} T384 ${y + 32}" fill="none" stroke="#9fd3e6" stroke-width="10"/>`).join('')}</svg>`,
  terrazzo: `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e9dcc5"/>
    ${Array.from({ length: 40 }, (_, i) => {
      const x = (i * 73) % 256, y = (i * 151) % 256, r = 6 + ((i * 37) % 14);
      const c = ['#c0563b', '#2f4858', '#d9a441', '#7a8f6a'][i % 4];
      // each chip also one tile over in every direction, so the tile repeats without a seam
      return [-256, 0, 256].flatMap((ox) => [-256, 0, 256].map((oy) => `<polygon points="${x + ox},${y + oy - r} ${x + ox + r},${y + oy + r / 2} ${x + ox - r / 1.3},${y + oy + r}" fill="${c}"/>`)).join('');
    }).join('')}</svg>`,
};
