/** Secondary text dark enough for WCAG AA contrast on white (antd's own grey is not). */
export const MUTED = '#595959';
/** The programme's red, as in the theme. */
export const ACCENT = '#c0392b';
/** Links on white: antd's default blue falls just short of AA. */
export const LINK = '#a8071a';
