/**
 * The product's name is all a tab title, notification or link preview ever shows: the loved
 * one often shares the home and the devices, so no page names a person, a date or a place.
 */
export const PRODUCT_NAME = 'Harbor';
/**
 * What the landing page says, read by anyone who opens the address (the loved one too): like any
 * app for notes and plans, it names no family, illness or intervention.
 */
export const PRODUCT_TAGLINE = 'Private notes and plans, shared with the people you choose.';
