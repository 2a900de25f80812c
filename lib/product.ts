/**
 * The product's name is all a tab title, notification or link preview ever shows: the loved
 * one often shares the home and the devices, so no page names a person, a date or a place.
 */
export const PRODUCT_NAME = 'Harbor';
export const PRODUCT_TAGLINE = 'A private planning space for families and their interventionist.';
