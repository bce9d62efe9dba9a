export { CATALOG, PHONE_MODELS, REPEAT_IN_LIMITS, PRINT_AREA_DEFAULTS, catalogPrintAreas, sizeChart } from './catalog-data';
export {
  findProductBySlug,
  findProductById,
  findVariant,
  listProducts,
  listProductsCached,
  listAllProductsForAdmin,
  seedCatalog,
  updateProduct,
  updateVariant,
} from './catalog-repository';
export { formatMoney, variantLabel } from './format';
export { searchCatalog, searchCatalogCached, searchProducts, toPrefixQuery, SEARCH_MAX_LENGTH, type SearchResult, type ProductHit } from './search';
