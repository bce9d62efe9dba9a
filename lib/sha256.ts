// The store names things by their SHA-256: a design by its canonical recipe, a blob by its bytes,
// a model by its weights. Each is written as 64 lowercase hex digits.
export const SHA256_HEX = /^[0-9a-f]{64}$/;
