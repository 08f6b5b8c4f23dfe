/**
 * The one width where the console's layout changes: below it (phones, 360–640 px) tables show their priority
 * columns with the rest stacked under the name, and rows of buttons wrap. Used as a Griffel media query key.
 */
export const narrowScreen = '@media (max-width: 640px)';

/** The complement, for what only wide screens show (a column's own cells). */
export const wideScreen = '@media (min-width: 641px)';
