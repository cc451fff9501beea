// A parking session's stored photo (entry or exit) put into a box on the page. The photo is
// fetched with the token in a header and shown from a blob: URL; a missing photo leaves the box's
// placeholder as it is.
import { api } from './api.js';
import { clear, blobImage } from './dom.js';

export function showSessionPhoto(box, ticket, kind, alt) {
  api('GET', `/sessions/${encodeURIComponent(ticket)}/photos/${kind}`, { blob: true, noReauth: true })
    .then((blob) => clear(box, blobImage(blob, alt))).catch(() => {});
}
