import type zlib from 'node:zlib';
export const DEFLATE: zlib.ZlibOptions;
export function filterRows(rgb: Uint8Array, width: number, height: number): Buffer;
export function pngIdat(rgb: Uint8Array, width: number, height: number): Buffer;
