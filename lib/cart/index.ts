export { addToCart, addToCartSchema, cartTotals, consumeOrderedLines, DESIGN_REQUIRED_MESSAGE, emptyCart, getCart, getOrCreateCart, removeFromCart, updateQuantity, withLockedCart, type CartPreorder, type CartTotals, type CartTx, type CartView } from './cart';
export const CART_COOKIE = 'sp_cart';
