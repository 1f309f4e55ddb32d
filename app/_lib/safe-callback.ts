/** Only same-site paths: an open redirect would let a link send people elsewhere after sign-in. */
export function safeCallbackUrl(callbackUrl: string | undefined): string {
  return callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') && !callbackUrl.startsWith('/\\') ? callbackUrl : '/';
}
