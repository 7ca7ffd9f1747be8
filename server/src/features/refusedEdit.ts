/** An edit the user asked for that cannot be made; the message, for the user, says why. */
export class RefusedEdit extends Error {}
