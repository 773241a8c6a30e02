/** Resource tags (API_Tag): the prefix AWS keeps for itself and the characters tags may use. */

/** Tag keys and values starting with this prefix, in any case, belong to AWS. */
export const RESERVED_TAG_PREFIX = 'aws:';

/** Whether a tag key or value starts with "aws:" in any combination of case. */
export function hasReservedTagPrefix(s: string): boolean {
  return s.slice(0, RESERVED_TAG_PREFIX.length).toLowerCase() === RESERVED_TAG_PREFIX;
}

/** The characters of a tag key or value: letters, digits and spaces of any script, and + - = . _ : / @. */
export const TAG_CHARACTERS = /^[\p{L}\p{M}\p{N}\p{Zs}+\-=._:/@]*$/u;
