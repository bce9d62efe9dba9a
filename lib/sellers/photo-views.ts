// Which views the store photographs for each product.
export const PHOTO_VIEWS: Record<string, string[]> = {
  hoodie: ['front', 'back'],
  tee: ['front', 'back', 'detail'],
  mug: ['front', 'left'],
  tote: ['front'],
  poster: ['front'],
  'phone-case': ['back'],
};
export const viewsFor = (slug: string): string[] => PHOTO_VIEWS[slug] ?? ['front'];
