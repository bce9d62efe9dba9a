// A design's seamless tile, shown as a small square thumbnail.
import { designTileUrl } from './urls';

export function DesignThumb({ designId, alt, size = 64, className = '' }: { designId: string | null; alt: string; size?: number; className?: string }) {
  if (!designId) {
    return (
      <span className={`grid shrink-0 place-items-center rounded-lg bg-stone-100 text-[10px] font-medium text-stone-500 ${className}`} style={{ width: size, height: size }}>
        No design
      </span>
    );
  }
  return (
    <img
      src={designTileUrl(designId)}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      className={`shrink-0 rounded-lg border border-stone-200 bg-stone-100 object-cover [image-rendering:auto] ${className}`}
      style={{ width: size, height: size }}
    />
  );
}
