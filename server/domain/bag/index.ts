// The bag: what a viewer collects during a show, its prices (shipping, coupon discount, totals) and
// its checkout into one order per brand.
//
// The module's public door: code outside server/domain/bag/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { type BagLine, type BagOrder, type BagView, checkoutBag, getBag, reserveBagForQr, setBagItem, stockChangesOf } from './bag';
export { type ShippingRule } from '../pricing';
