// The all-over textures a shopper can ask for by name. Each renders a seamless vector tile from
// (seed, colours); how each is drawn is in README-textures.md.
import type { TextureDef } from './types';
import { camouflage } from './textures/camouflage';
import { checkerboard } from './textures/checkerboard';
import { leopard } from './textures/leopard';
import { galaxy } from './textures/galaxy';
import { gingham } from './textures/gingham';
import { houndstooth } from './textures/houndstooth';
import { marble } from './textures/marble';
import { tartan } from './textures/tartan';
import { terrazzo } from './textures/terrazzo';
import { tieDye } from './textures/tie-dye';
import { watercolour } from './textures/watercolour';
import { woodGrain } from './textures/wood-grain';
import { tiger, zebra } from './textures/zebra';

export const TEXTURES: TextureDef[] = [
  camouflage,
  leopard,
  zebra,
  tieDye,
  marble,
  terrazzo,
  tartan,
  gingham,
  houndstooth,
  watercolour,
  galaxy,
  woodGrain,
  tiger,
  checkerboard,
];
