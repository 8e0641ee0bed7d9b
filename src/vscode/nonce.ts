/** A fresh nonce for a webview's Content-Security-Policy, from Web Crypto (in Node 20 and in browsers alike). */
export function randomNonce(bytes = 18): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...random));
}
