export { CATALOG, REPEAT_IN_LIMITS, PRINT_AREA_DEFAULTS, catalogPrintAreas } from './catalog-data';
export {
  findProductBySlug,
  findProductById,
  findVariant,
  listProducts,
  listAllProductsForAdmin,
  seedCatalog,
  updateProduct,
  updateVariant,
} from './catalog-repository';
export { formatMoney, variantLabel } from './format';
