// Product content per language (issue 19 item 6): title, description and variant names in the
// reader's language, falling back to the product's own words.
//
// The module's public door: code outside server/domain/product-content/ imports from here, never from
// its inner files (eslint.config.mjs, "modules are used only through their index").
export {
  getProductTranslations,
  localizeProduct,
  localizeProducts,
  localizeShowProducts,
  productIdsByTranslatedTitle,
  type ProductText,
  type ProductTranslationInput,
  type ProductTranslations,
  setProductTranslation,
} from './product-content';
