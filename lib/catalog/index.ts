export { CATALOG } from './catalog-data';
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
export { formatMoney, variantLabel, printAreaPixels } from './format';
