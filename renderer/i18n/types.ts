/** The shape of a dictionary, with every text widened to string, so that English must match Khmer key for key. */
export type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? Widen<U>[]
    : { [K in keyof T]: Widen<T[K]> };
