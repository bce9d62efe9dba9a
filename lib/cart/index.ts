export { addToCart, addToCartSchema, cartTotals, consumeOrderedLines, DESIGN_REQUIRED_MESSAGE, emptyCart, getCart, getOrCreateCart, removeFromCart, updateQuantity, withLockedCart, type CartPreorder, type CartTotals, type CartTx, type CartView } from './cart';
export const CART_COOKIE = 'sp_cart';
export { cartCookie, cartCookieOptions, CART_COOKIE_MAX_AGE_S } from './cookie';
