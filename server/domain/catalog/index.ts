// The catalog: products, variants and their stock (dashboard, CSV import/export, the API), product
// images, the cards viewers see, and the per-node stock gate.
//
// The module's public door: code outside server/domain/catalog/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  createProductSchema,
  imageUrlSchema,
  MAX_STOCK,
  PRODUCT_STATUSES,
  type ProductStatus,
  productStatusSchema,
  updateProductSchema,
} from './catalog-admin.schema';
export { createProduct, getBrandProduct, listBrandProducts, type ProductListItem, setProductStatus, updateProduct } from './catalog-admin';
export { type PlanAction } from './catalog-csv-plan';
export { CATALOG_COLUMNS } from './catalog-csv-rows';
export {
  exportCatalogCsv,
  importCatalogCsv,
  type ImportCounts,
  type ImportPreviewLine,
  type ImportRowError,
  MAX_IMPORT_BYTES,
} from './catalog-csv';
export { currencyDigits, formatMajorUnits, formatOptionsText, parseMajorUnits, parseOptionsText } from './catalog-format';
export { patchProduct, type ProductCard, productCardSelect, setVariantStock } from './catalog';
export { createProductWithImage, MAX_PRODUCT_IMAGE_BYTES, uploadProductImage, validateProductImage } from './product-image';
export { stockGate } from './stock-gate';
