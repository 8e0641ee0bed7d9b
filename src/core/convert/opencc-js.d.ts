// opencc-js ships its dictionaries as ES modules without type declarations.
declare module 'opencc-js/dict/*' {
  /** Entries "source target|source target|…". */
  const dict: string;
  export default dict;
}
