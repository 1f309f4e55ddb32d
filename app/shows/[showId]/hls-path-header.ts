/** Set by proxy.ts when a page request asks `?path=hls`: the show page's layout has no search parameters. */
export const HLS_PATH_HEADER = 'x-lc-path';
