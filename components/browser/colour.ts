/** The person colours live in lib/ (the sync server sets them in presence too); pages import them from here. */
export { personColour, personHex } from '@/lib/person-colour';
