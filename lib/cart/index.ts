export { addToCart, addToCartSchema, cartTotals, emptyCart, getCart, getOrCreateCart, removeFromCart, updateQuantity, type CartTotals, type CartView } from './cart';
export const CART_COOKIE = 'sp_cart';
